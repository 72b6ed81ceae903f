"""The code a language needs, behind one interface: :class:`~pipeline.lang.base.LanguageHooks`.

Words live in ``models/<lang>/*.json``; what cannot be data (reading the future tense in a
parse, making a plural) is a small class per language, found by its code in :data:`LANG`
(as text2num's ``LANG = {"fr": French()}``). A language without an entry gets the base
class, whose hooks assume nothing of the language.
"""

from __future__ import annotations

from .base import LanguageHooks
from .en import English
from .fr import French

LANG: dict[str, LanguageHooks] = {"fr": French(), "en": English()}


def hooks(code: str) -> LanguageHooks:
    """The hooks of language ``code``; the base ones for a language with no code of its own."""
    return LANG.get(code) or LanguageHooks()


__all__ = ["LANG", "LanguageHooks", "hooks"]
