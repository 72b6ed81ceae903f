"""The language contract (pipeline/contract.py): every shipped pack holds it; a broken copy, read
through FAITS_MODELS_DIR, fails on load with an error naming the file and the key."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.contract import LEXICONS
from pipeline.errors import FaitsError
from pipeline.lang import LANG, LanguageHooks, hooks
from pipeline.languages import get_language, models_dir, supported_languages


@pytest.mark.parametrize("code", supported_languages())
def test_shipped_languages_hold_the_contract(code):
    data = get_language(code)
    assert data.code == code
    for name in LEXICONS:
        assert isinstance(getattr(data, name), dict)


@pytest.fixture
def broken(tmp_path, monkeypatch):
    """A copy of the French pack in a models folder of its own; the test edits one file of it."""
    shutil.copytree(models_dir() / "fr", tmp_path / "fr")
    monkeypatch.setenv("FAITS_MODELS_DIR", str(tmp_path))

    def edit(file: str, change) -> Path:
        path = tmp_path / "fr" / file
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path

    return edit


# fmt: off
BREAKAGES = [
    # file, change, what the message must say
    ("dates.json", lambda d: d.pop("range_connectors"), ["dates.json", "lacks the key 'range_connectors'"]),
    ("numbers.json", lambda d: d.pop("scales"), ["numbers.json", "lacks the key 'scales'"]),
    ("dates.json", lambda d: d["future_tense"].pop("cues"), ["dates.json", "'future_tense.cues'"]),
    ("relations.json", lambda d: d.update(reporting_verb=["dire"]), ["relations.json", "unknown key 'reporting_verb'"]),
    ("places.json", lambda d: d.update(cities=[]), ["places.json", "unknown key 'cities'"]),
    ("dates.json", lambda d: d["day_range"].update(via=["et"]), ["dates.json", "unknown key 'day_range.via'"]),
    ("language.json", lambda d: d.pop("spacy_model"), ["language.json", "'spacy_model'"]),
    ("numbers.json", lambda d: d.update(scales=["mille"]), ["numbers.json", "'scales' should be an object"]),
    ("numbers.json", lambda d: d["scales"].update(mille="1000"), ["'scales.mille' should be an integer"]),
    ("dates.json", lambda d: d.update(two_digit_year_pivot=True), ["'two_digit_year_pivot' should be an integer"]),
    ("dates.json", lambda d: d["months"].update(mai=5.5), ["'months.mai' should be an integer", "a number"]),
    ("dates.json", lambda d: d.update(this_words="ce"), ["'this_words' should be a list of strings", "a string"]),
    ("dates.json", lambda d: d["this_words"].append(3), ["'this_words[3]' should be a string", "an integer"]),
    ("numbers.json", lambda d: d["range_patterns"].append(["entre"]), ["'range_patterns[7]' should be a list of 2"]),
    ("dates.json", lambda d: d["seasons"]["été"].pop("end"), ["'seasons.été.end'"]),
    ("ingest.json", lambda d: d.pop("debris_lines"), ["ingest.json", "'debris_lines'"]),
]
# fmt: on


@pytest.mark.parametrize("file,change,expected", BREAKAGES)
def test_a_broken_pack_fails_on_load_naming_file_and_key(broken, file, change, expected):
    broken(file, change)
    with pytest.raises(FaitsError) as e:
        get_language("fr")
    for part in expected:
        assert part in str(e.value)


def test_comment_keys_are_allowed(broken):
    broken("dates.json", lambda d: d.update(_note="anything", _more={"a": 1}))
    assert get_language("fr").dates["months"]["mai"] == 5


def test_an_empty_list_holds_the_contract(broken):
    broken("ingest.json", lambda d: d.update(debris_lines=[]))
    assert get_language("fr").ingest["debris_lines"] == []


def test_a_file_that_is_not_an_object_is_refused(broken):
    broken("places.json", lambda d: None)
    (Path(models_dir()) / "fr" / "places.json").write_text("[]", encoding="utf-8")
    with pytest.raises(FaitsError, match="places.json"):
        get_language("fr")


def test_hooks_by_code():
    assert hooks("fr") is LANG["fr"]
    assert type(hooks("xx")) is LanguageHooks  # a pack without code of its own gets the base hooks
    base = LanguageHooks()
    assert base.plural("tiers") == "tiers" and base.singular("tiers") is None and not base.is_plural("tables")
    fr = hooks("fr")
    assert fr.plural("dizaine") == "dizaines" and fr.singular("quarts") == "quart"
    assert fr.is_plural("manifestants") and not fr.is_plural("des")
    assert fr.ordinal_stem("onze", {}) == "onz" and fr.ordinal_stem("cinq", {"cinq": "cinqu"}) == "cinqu"


@pytest.mark.model
@pytest.mark.parametrize("sentence,when", [
    ("Le conseil va signer mardi un accord sur 300 logements.", "2025-06-24"),  # near future
    ("Le conseil signera mardi un accord sur 300 logements.", "2025-06-24"),  # future form
    ("Le conseil a signé mardi un accord sur 300 logements.", "2025-06-17"),  # past
    ("Le conseil allait signer mardi un accord sur 300 logements.", "2025-06-17"),  # aller in the past
])
def test_a_weekday_takes_the_tense_of_its_sentence(facts_of, sentence, when):
    """The tense comes from the sentence's words through the language's date lexicon (guess_tense),
    the same whether the sentence is parsed or not (published Friday 2025-06-20)."""
    [fact] = facts_of(sentence)
    assert fact["when_start"] == when
