"""Which language each article is in, and which spaCy model reads it: one batch may hold several languages.

An article's language is the one its record declares (``lang``), else py3langid's guess
(:mod:`pipeline.language_id`). It goes through that language's pipeline when the run takes
the language and its model is installed; otherwise it is skipped with the reason (another
language, or how to install the model). A :class:`Routing` is small and picklable: the
engines send it to their workers, which load each language's model the first time one of
its articles comes (:func:`pipeline.nlp.load_nlp`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from .errors import Errors, FaitsError
from .language_id import detect_language
from .languages import DEFAULT_LANG, model_env_var, model_installed, model_name, supported_languages


def parse_models(specs: Iterable[str]) -> dict[str, str]:
    """``["en=en_core_web_md"]`` (the CLI's ``--model``) as ``{"en": "en_core_web_md"}``."""
    models = {}
    for spec in specs:
        code, sep, name = spec.partition("=")
        if not sep or not code.strip() or not name.strip():
            raise FaitsError(Errors.E091.format(got=spec))
        models[code.strip().lower()] = name.strip()
    return models


@dataclass(frozen=True)
class Routing:
    """The languages a run processes and the model of each.

    langs (tuple[str, ...]): the languages processed, the first being the one assumed when an
        undeclared article's language cannot be told; empty: every installed language pack.
    models (dict[str, str]): a model per language, over the default (:func:`languages.model_name`).
    """

    langs: tuple[str, ...] = ()
    models: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, lang: str | Iterable[str] | None = None, models: Mapping[str, str] | None = None) -> Routing:
        """A routing for ``lang``: one code ("fr"), several, or None (every installed language)."""
        if lang is None:
            langs: tuple[str, ...] = ()
        elif isinstance(lang, str):
            langs = tuple(c.strip().lower() for c in lang.split(",") if c.strip())
        else:
            langs = tuple(c.lower() for c in lang)
        supported = supported_languages()
        for code in langs:
            if code not in supported:
                raise FaitsError(Errors.E001.format(lang=code, supported=", ".join(supported) or "none"))
        return cls(langs, dict(models or {}))

    @cached_property
    def languages(self) -> tuple[str, ...]:
        if self.langs:
            return self.langs
        codes = supported_languages()
        return tuple(sorted(codes, key=lambda c: c != DEFAULT_LANG))

    @property
    def default(self) -> str:
        """The language assumed when an article does not say its own and py3langid cannot tell."""
        return self.languages[0] if self.languages else DEFAULT_LANG

    def model(self, lang: str) -> str:
        return model_name(lang, self.models)

    @cached_property
    def _installed(self) -> dict[str, bool]:
        return {code: model_installed(self.model(code)) for code in self.languages}

    def language_of(self, declared: str | None, text: str) -> str:
        """The language of an article: the declared one, else py3langid's confident guess, else its
        guess when it is a language of the run, else the run's default."""
        declared = (declared or "").strip().lower()[:2]
        if declared:
            return declared
        guess = detect_language(text)
        if guess.confident or guess.code in self.languages:
            return guess.code
        return self.default

    def skip_reason(self, lang: str) -> str | None:
        """Why an article in ``lang`` is not processed (another language, a model not installed), or None."""
        if lang not in self.languages:
            return Errors.E018.format(lang=lang, supported=", ".join(self.languages))
        if not self._installed[lang]:
            return Errors.E090.format(lang=lang, model=self.model(lang), env=model_env_var(lang))
        return None
