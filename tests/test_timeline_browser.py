"""The series report in a real browser: headless Chromium loads the page, runs its script, and the
DOM it dumps must hold one timeline per series of several articles, with one mark per claim.
Skips cleanly when no Chromium is installed (CI installs Debian's ``chromium`` first)."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from pipeline.claims import claims_frame, series_frame
from pipeline.timeline import render_timelines
from tests.test_series import grouped, row

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")


@pytest.fixture(scope="module")
def chromium() -> str:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no Chromium binary on PATH")


def _chromium(binary: str, tmp_path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-dev-shm-usage", f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def story_rows() -> list[dict]:
    """A rising toll over three articles, two rival tolls the same day, a figure two articles agree on,
    and a figure of one article only (no timeline)."""
    return [
        row("chido-1", 1, 22, published="2025-03-10", when=("2025-03-09", "2025-03-09")),
        row("chido-2", 1, 35, published="2025-03-12", when=("2025-03-11", "2025-03-11"), source="préfecture"),
        row("chido-3", 1, 39, published="2025-03-15", when=("2025-03-14", "2025-03-14"), source="préfecture"),
        row("chido-2", 2, 120, who="soignants", unit="soignants", event_type="deployed", where="Mayotte"),
        row("chido-3", 2, 120, who="soignants", unit="soignants", event_type="deployed", where="Mayotte"),
        row("fasher-1", 1, 212, who="civils", unit="civils", where="El-Fasher", source="ministère soudanais",
            published="2025-10-11", evidence="Au Darfour, 212 civils ont été tués à El-Fasher, selon Khartoum."),
        row("fasher-2", 1, 87, who="civils", unit="civils", where="El-Fasher", source="Forces de soutien rapide",
            published="2025-10-11", evidence="Au Darfour, 87 civils ont été tués à El-Fasher, selon les FSR."),
        row("chido-1", 2, 5, who="disparus", unit="disparus", event_type="missing"),
    ]


class _Figures(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.figures: list[dict] = []
        self.summary = ""
        self._in_summary = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "figure" and "timeline" in (attrs.get("class") or ""):
            self.figures.append({"claims": int(attrs["data-claims"]), "status": attrs["data-status"], "marks": 0,
                                 "class": attrs.get("class")})
        elif tag == "circle" and attrs.get("class") == "claim" and self.figures:
            self.figures[-1]["marks"] += 1
        self._in_summary = attrs.get("id") == "summary"

    def handle_data(self, data):
        if self._in_summary:
            self.summary += data

    def handle_endtag(self, tag):
        self._in_summary = False


def test_the_timeline_report_reads_whole_in_chromium(chromium, tmp_path):
    df = grouped(story_rows())
    series, claims = series_frame(df), claims_frame(df)
    page = tmp_path / "series.html"
    page.write_text(render_timelines(series, claims, title="faits — test"), encoding="utf-8")
    done = _chromium(chromium, tmp_path, "--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    parsed = _Figures()
    parsed.feed(done.stdout)
    # one timeline per series of several articles, in the page as the browser built it
    assert sorted((f["status"], f["claims"], f["marks"]) for f in parsed.figures) == [
        ("agreed", 1, 1), ("disputed", 2, 2), ("updated", 3, 3)]
    # the page's script ran and found every timeline whole
    assert parsed.summary.strip() == "3 timelines, 6 marks, 3 whole"
    shot = tmp_path / "series.png"
    done = _chromium(chromium, tmp_path, f"--screenshot={shot}", "--window-size=1200,900", page.as_uri())
    assert done.returncode == 0 and shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_report_escapes_what_articles_say(tmp_path):
    rows = story_rows()
    rows[1]["source"] = "<script>alert(1)</script>"
    html = render_timelines(series_frame(grouped(rows)), claims_frame(grouped(rows)))
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert len(re.findall(r'<figure class="timeline"', html)) == 3
