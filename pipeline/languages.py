"""Language resources: everything language-specific lives under ``models/<code>/``.

A language is a folder holding ``language.json`` (spaCy model name and the
names of its lexicon files) and those files, each checked on load against its
declaration in :mod:`pipeline.contract`. The stages only ever see a
:class:`LanguageResources` object, so adding a language means adding a
folder; the little a language needs as code (the future tense of a parse,
plurals) is behind one interface, :mod:`pipeline.lang`.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .contract import (
    LEXICONS,
    DatesLexicon,
    IngestLexicon,
    LanguageFile,
    NumbersLexicon,
    PlacesLexicon,
    RelationsLexicon,
    SeriesLexicon,
    validate,
)
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
    """Typed view of one language's data folder; each lexicon as declared in :mod:`pipeline.contract`."""

    code: str
    spacy_model: str
    numbers: NumbersLexicon = field(repr=False)
    dates: DatesLexicon = field(repr=False)
    relations: RelationsLexicon = field(repr=False)
    places: PlacesLexicon = field(repr=False)
    ingest: IngestLexicon = field(repr=False)
    series: SeriesLexicon = field(repr=False)
    slot_stopwords: frozenset[str] = field(repr=False, default=frozenset())


def _read_json(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError as e:
        raise FaitsError(Errors.E003.format(path=path)) from e
    except json.JSONDecodeError as e:
        raise FaitsError(Errors.E004.format(path=path, error=e)) from e


def _read_checked(path: Path, contract: type) -> Any:
    data = _read_json(path)
    validate(data, contract, path)
    return data


def _load(code: str) -> LanguageResources:
    return _load_from(models_dir(), code)


@cache
def _load_from(root: Path, code: str) -> LanguageResources:
    """One language folder, read and checked once per folder (``FAITS_MODELS_DIR`` may change)."""
    folder = root / code
    config_path = folder / "language.json"
    if not config_path.is_file():
        raise FaitsError(
            Errors.E001.format(lang=code, supported=", ".join(supported_languages()) or "none")
        )
    config = _read_checked(config_path, LanguageFile)
    lexicons = {name: _read_checked(folder / config[name], contract) for name, contract in LEXICONS.items()}
    return LanguageResources(code=config["code"], spacy_model=config["spacy_model"],
                             slot_stopwords=frozenset(config["slot_stopwords"]), **lexicons)


def installed_languages() -> list[LanguageResources]:
    """The resources of every language folder (stages that run before the language is known read them all)."""
    return [_load(code) for code in supported_languages()]


def get_language(code: str = DEFAULT_LANG) -> LanguageResources:
    """Return the resources of ``code``; a deep copy, so callers may not alter the cache."""
    return copy.deepcopy(_load(code))


def language_data(code: str = DEFAULT_LANG) -> LanguageResources:
    """The cached resources, read-only by convention: stages compile them once."""
    return _load(code)


def model_env_var(code: str) -> str:
    """The environment variable naming the spaCy model of language ``code`` (``FAITS_MODEL_EN``)."""
    return f"FAITS_MODEL_{code.upper()}"


def model_name(code: str, overrides: Mapping[str, str] | None = None) -> str:
    """The spaCy model language ``code`` runs on: the one given in ``overrides`` (``--model en=NAME``),
    else the environment variable :func:`model_env_var`, else ``spacy_model`` of its ``language.json``."""
    given = (overrides or {}).get(code) or os.environ.get(model_env_var(code))
    return given or language_data(code).spacy_model


def model_installed(name: str) -> bool:
    """Whether spaCy can load the model ``name``: an installed package, or a pipeline folder."""
    from spacy.util import is_package

    return is_package(name) or (Path(name) / "config.cfg").is_file()
