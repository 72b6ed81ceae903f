"""Language resources: everything language-specific lives under ``models/<code>/``.

A language is a folder holding ``language.json`` (spaCy model name and the
names of its lexicon files) and those files. The stages only ever see a
:class:`LanguageResources` object, so adding a language means adding a
folder, not touching code.
"""

from __future__ import annotations

import copy
import json
import os
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import Errors, FaitsError

DEFAULT_LANG = "fr"


def models_dir() -> Path:
    """The folder that holds one sub-folder per language.

    The language packs ship inside the package (``pipeline.models``, the
    project's ``models/`` folder), found through :mod:`importlib.resources`
    in an editable install and an installed wheel alike.
    ``FAITS_MODELS_DIR`` overrides it, so a user can edit word lists in a copy.
    """
    override = os.environ.get("FAITS_MODELS_DIR")
    if override:
        return Path(override)
    return Path(str(resources.files("pipeline.models")))


def supported_languages() -> list[str]:
    root = models_dir()
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if (p / "language.json").is_file())


@dataclass(frozen=True)
class LanguageResources:
    """Typed view of one language's data folder."""

    code: str
    spacy_model: str
    numbers: dict[str, Any] = field(repr=False)
    dates: dict[str, Any] = field(repr=False)
    relations: dict[str, Any] = field(repr=False)
    places: dict[str, Any] = field(repr=False)
    slot_stopwords: frozenset[str] = field(repr=False, default=frozenset())


def _read_json(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError as e:
        raise FaitsError(Errors.E003.format(path=path)) from e
    except json.JSONDecodeError as e:
        raise FaitsError(Errors.E004.format(path=path, error=e)) from e


@cache
def _load(code: str) -> LanguageResources:
    folder = models_dir() / code
    config_path = folder / "language.json"
    if not config_path.is_file():
        raise FaitsError(
            Errors.E001.format(lang=code, supported=", ".join(supported_languages()) or "none")
        )
    config = _read_json(config_path)
    return LanguageResources(
        code=config["code"],
        spacy_model=config["spacy_model"],
        numbers=_read_json(folder / config["numbers"]),
        dates=_read_json(folder / config["dates"]),
        relations=_read_json(folder / config["relations"]),
        places=_read_json(folder / config["places"]),
        slot_stopwords=frozenset(config["slot_stopwords"]),
    )


def get_language(code: str = DEFAULT_LANG) -> LanguageResources:
    """Return the resources of ``code``; a deep copy, so callers may not alter the cache."""
    return copy.deepcopy(_load(code))


def language_data(code: str = DEFAULT_LANG) -> LanguageResources:
    """The cached resources, read-only by convention: stages compile them once."""
    return _load(code)
