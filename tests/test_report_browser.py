"""The evaluation report in a real browser: a figure matched on its value whose who (or when) is wrong is
marked as a slot error, with gold and predicted side by side in its title and under it in the facts
table, and the article filter hides the articles without errors of the chosen slot. Headless Chromium
loads the page, runs its script and dumps the DOM it built; skips cleanly when no Chromium is installed."""

from __future__ import annotations

from html.parser import HTMLParser

from pipeline.report import render_report
from pipeline.scoring import score
from tests.test_timeline_browser import _chromium, chromium  # noqa: F401 (a fixture)

TEXTS = {
    "a-toulon": "Selon la préfecture, 120 pompiers ont été déployés à Toulon mardi. Le feu a détruit 300 hectares.",
    "b-brest": "Quelque 40 marins ont été secourus au large de Brest.",
    "c-nice": "Le 2 mai, 15 personnes ont été évacuées à Nice.",
}


def _fact(who, event_type, value, unit, when=(None, None), **extra):
    return {"who": who, "what": None, "event_type": event_type, "how_many": value, "how_many_high": None,
            "qualifier": "exact", "unit": unit, "when_start": when[0], "when_end": when[1], "where": None,
            "source": None, **extra}


def _at(article: str, figure: str) -> dict:
    start = TEXTS[article].index(figure)
    return {"mention_start": start, "mention_end": start + len(figure), "evidence": TEXTS[article]}


def inputs(who_a: str = "gendarmes"):
    """Three articles: a's 120 has the wrong who, b is right, c's 15 has the wrong when."""
    gold = {
        "a-toulon": {"article_id": "a-toulon", "facts": [
            _fact("pompiers", "deployed", 120, "pompiers", evidence=TEXTS["a-toulon"]),
            _fact("feu", "other", 300, "hectares", evidence=TEXTS["a-toulon"])]},
        "b-brest": {"article_id": "b-brest", "facts": [
            _fact("marins", "other", 40, "marins", evidence=TEXTS["b-brest"])]},
        "c-nice": {"article_id": "c-nice", "facts": [
            _fact("personnes", "displaced", 15, "personnes", ("2025-05-02", "2025-05-02"), evidence=TEXTS["c-nice"])]},
    }
    pred = {
        "a-toulon": [_fact(who_a, "deployed", 120.0, "pompiers", **_at("a-toulon", "120")),
                     _fact("feu", "other", 300.0, "hectares", **_at("a-toulon", "300"))],
        "b-brest": [_fact("marins", "other", 40.0, "marins", **_at("b-brest", "40"))],
        "c-nice": [_fact("personnes", "displaced", 15.0, "personnes", ("2025-04-02", "2025-04-02"),
                         **_at("c-nice", "15"))],
    }
    scores = score(gold, pred)
    scores["gold"] = "test gold"
    return scores, gold, pred


class _Page(HTMLParser):
    """The sections (hidden or not), the marks with their class and title, and the filter's count."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: dict[str, dict] = {}
        self.count = ""
        self._section = None
        self._in_count = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and "article" in (attrs.get("class") or ""):
            self._section = {"hidden": "hidden" in attrs, "marks": [], "error_rows": []}
            self.sections[attrs["id"]] = self._section
        elif tag == "mark" and self._section is not None:
            self._section["marks"].append((attrs.get("class"), attrs.get("title")))
        elif tag == "tr" and "slot-errors" in (attrs.get("class") or "") and self._section is not None:
            self._section["error_rows"].append(attrs.get("data-slots"))
        self._in_count = attrs.get("id") == "filter-count"

    def handle_data(self, data):
        if self._in_count:
            self.count += data

    def handle_endtag(self, tag):
        self._in_count = False


def _load(chromium_path, tmp_path, html: str, fragment: str = "") -> _Page:
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    done = _chromium(chromium_path, tmp_path, "--dump-dom", page.as_uri() + fragment)
    assert done.returncode == 0, done.stderr[-2000:]
    parsed = _Page()
    parsed.feed(done.stdout)
    return parsed


def test_a_wrong_who_is_marked_as_a_slot_error_in_chromium(chromium, tmp_path):  # noqa: F811
    page = _load(chromium, tmp_path, render_report(*inputs(), TEXTS))
    a = page.sections["a-toulon"]
    errors = [(css, title) for css, title in a["marks"] if "slot-error" in css.split()]
    assert errors == [("entity slot-error", "who: gold «pompiers» · predicted «gendarmes»")]
    assert ("entity match", "match") in a["marks"]  # the 300 hectares: right
    assert a["error_rows"] == ["who"]  # and below the fact in the table
    assert all("slot-error" not in css for css, _ in page.sections["b-brest"]["marks"])
    assert page.sections["c-nice"]["error_rows"] == ["when"]
    assert not any(s["hidden"] for s in page.sections.values())
    assert page.count.strip() == "3 of 3 articles"


def test_the_filter_hides_articles_without_errors_of_the_slot(chromium, tmp_path):  # noqa: F811
    html = render_report(*inputs(), TEXTS)
    page = _load(chromium, tmp_path, html, "#errors=who")
    assert {k: s["hidden"] for k, s in page.sections.items()} == {
        "a-toulon": False, "b-brest": True, "c-nice": True}
    assert page.count.strip() == "1 of 3 articles"
    page = _load(chromium, tmp_path, html, "#errors=when")
    assert [k for k, s in page.sections.items() if not s["hidden"]] == ["c-nice"]


def test_the_report_escapes_slot_values_in_titles_and_rows():
    html = render_report(*inputs(who_a='"><script>alert(1)</script>'), TEXTS)
    assert "<script>alert(1)" not in html
    assert "&quot;&gt;&lt;script&gt;alert(1)" in html  # in the mark's title
    assert "&lt;script&gt;alert(1)" in html
    assert html.count("<script>") == 1  # the page's own filter, nothing else
