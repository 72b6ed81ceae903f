"""Property-based tests (hypothesis): the normalizers and ingestion never crash on arbitrary
text, and find no value in text that holds no number."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.dates import find_dates, normalize_date, resolve_span
from pipeline.ingest import Article, Skipped, clean_text, read_inputs
from pipeline.numbers import find_quantities, normalize_number

# letters that spell no French number word, month, weekday or season, and no digit
NO_NUMBER = st.text(alphabet=st.sampled_from(list("bghkpwxyzBGHKPWXYZ .,;:!?'’«»()-\n\u00a0")), max_size=200)
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.text(max_size=300))
def test_number_finder_never_crashes_and_spans_are_in_the_text(text):
    for m in find_quantities(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.qualifier in ("exact", "approx", "more_than", "at_least", "less_than", "at_most", "range")


@SETTINGS
@given(NO_NUMBER)
def test_no_value_in_text_without_a_number(text):
    assert find_quantities(text) == []
    assert normalize_number(text) is None
    assert find_dates(text) == []


@SETTINGS
@given(st.text(max_size=300), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_date_normalizer_never_crashes(text, reference):
    d = normalize_date(text, reference)
    if d is not None:
        assert d.start <= d.end


# pieces of date expressions, mostly digits and separators: what reaches dateparser behind the grammar
DATE_PIECES = st.lists(st.sampled_from(list("0123456789/.-: ,hj") + ["le ", "dans ", "il y a ", "jours", "mois",
                                                                       "an", "juin", "9999", "99999999999"]),
                       max_size=12).map("".join)


@SETTINGS
@given(DATE_PIECES, st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_date_pieces_give_an_ordered_interval_or_none(text, reference):
    for d in (normalize_date(text, reference), resolve_span(text, 0, len(text), reference)):
        assert d is None or d.start <= d.end


@SETTINGS
@given(st.text(max_size=400))
def test_cleaning_never_crashes_and_never_grows_the_text(text):
    cleaned, fields = clean_text(text)
    assert len(cleaned) <= len(text) + 2
    assert isinstance(fields, dict)


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_give_an_article_or_a_reason(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "x.txt"
    path.write_bytes(data)
    items = list(read_inputs([path]))
    assert len(items) == 1
    item = items[0]
    assert isinstance(item, (Article, Skipped))
    if isinstance(item, Skipped):
        assert item.reason and item.origin == str(path)
