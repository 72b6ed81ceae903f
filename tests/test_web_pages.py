"""Web pages and event-data columns (issue 16): the article body of an HTML news page (trafilatura, or the
simple reader without it), publication dates written otherwise than ISO, and the url and title columns."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from pipeline.errors import Errors
from pipeline.ingest import Article, parse_published, read_inputs
from pipeline.schema import ALL_COLUMNS, COLUMNS

NEWS_PAGE = Path(__file__).parent / "data" / "web" / "glissement-roya.html"
TITLE = "Glissement de terrain dans la Roya : quatorze morts"
URL = "https://www.courrier-alpes.example/faits-divers/glissement-roya"
# what surrounds the article on the page: none of it is the article
PAGE_DEBRIS = ("cookies", "843", "Accepter", "Lire aussi", "3 000 foyers", "Vésubie", "Commentaires",
               "12 morts selon moi", "Marcel06", "500 habitants", "Accueil", "Tous droits réservés", "dataLayer")
COMMENTS = ("12 morts selon moi", "500 habitants")


@pytest.fixture
def without_trafilatura(monkeypatch):
    """As if the extra faits[html] were not installed: importing trafilatura fails."""
    monkeypatch.setitem(sys.modules, "trafilatura", None)


def _read(path) -> Article:
    (article,) = read_inputs([path])
    assert isinstance(article, Article), article
    return article


def _page(tmp_path, head: str, body: str, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_text(f"<!DOCTYPE html><html lang=\"fr\"><head>{head}</head><body>{body}</body></html>",
                    encoding="utf-8")
    return path


# -- the news page ----------------------------------------------------------------------------------


def test_news_page_keeps_the_article_body_alone():
    pytest.importorskip("trafilatura")
    article = _read(NEWS_PAGE)
    for debris in PAGE_DEBRIS:
        assert debris not in article.text, debris
    assert article.text.count("quatorze morts") == 2  # the title once, the first sentence once
    assert article.text.startswith(TITLE + "\n\n") and article.title == TITLE
    assert "Au moins 230 habitants" in article.text and "120 pompiers" in article.text
    # the date is only in the page's metadata
    assert article.published == date(2025, 6, 17)
    assert (article.url, article.author) == (URL, "Lucie Ferrand")
    assert article.warnings == [Errors.E024]


def test_entities_are_decoded_once():
    # the page writes &amp;lt;b&amp;gt;: its text is "&lt;b&gt;", not the tag "<b>"
    pytest.importorskip("trafilatura")
    article = _read(NEWS_PAGE)
    assert "Le code &lt;b&gt; de la page" in article.text and "<b>" not in article.text


def test_entities_in_the_title_are_decoded_once(tmp_path, monkeypatch):
    body = ("<article><h1>Le balisage &amp;lt;h1&amp;gt; en débat</h1>"
            + "<p>Le conseil municipal a voté une aide de 200 000 euros pour les sinistrés de la vallée.</p>" * 3
            + "</article>")
    path = _page(tmp_path, "<title>Le balisage &amp;lt;h1&amp;gt; en débat</title>", body)
    with_trafilatura = _read(path)
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    without = _read(path)
    for article in (with_trafilatura, without):
        assert article.title == "Le balisage &lt;h1&gt; en débat"
        assert article.text.startswith("Le balisage &lt;h1&gt; en débat\n\n")
        assert article.text.count("Le balisage") == 1


@pytest.mark.model
def test_news_page_facts_come_from_the_body_and_hier_resolves_against_the_metadata_date(nlp):
    pytest.importorskip("trafilatura")
    from pipeline.api import extract_with_summary

    df, summary = extract_with_summary([NEWS_PAGE], nlp=nlp)
    assert not summary.skipped
    values = set(df["how_many"])
    assert {14, 230, 120} <= values  # quatorze morts, 230 habitants évacués, 120 pompiers
    assert not values & {12, 843, 3000, 45, 500}  # the comments, the banner, the related links
    assert len(df[df["how_many"] == 14]) == 1  # the title's "quatorze morts" is the body's fact
    article = _read(NEWS_PAGE)
    body = article.text.split("\n\n", 1)[1]
    for _, row in df.iterrows():
        assert row["evidence"] in article.text
        assert not any(comment in row["evidence"] for comment in COMMENTS)
    killed = df[df["how_many"] == 14].iloc[0]
    assert killed["event_type"] == "killed"
    # "hier" in the body, the date only in <meta property="article:published_time">
    assert str(killed["when_start"].date()) == str(killed["when_end"].date()) == "2025-06-16"
    assert (df["published"].dt.date == date(2025, 6, 17)).all()
    assert (df["url"] == URL).all() and (df["title"] == TITLE).all()
    assert "hier" in body


# -- without trafilatura ----------------------------------------------------------------------------


def test_without_trafilatura_the_simple_reader_reads_the_page_and_says_so(without_trafilatura):
    article = _read(NEWS_PAGE)
    assert article.warnings == [Errors.E088]  # said once, on the article
    assert "faits[html]" in article.warnings[0]
    assert article.text.startswith(TITLE + "\n\n") and article.text.count(TITLE) == 1
    assert "Au moins 230 habitants" in article.text
    assert "Le code &lt;b&gt; de la page" in article.text
    # navigation, scripts and <aside> are dropped; the metadata is read from the markup
    for debris in ("Accueil", "dataLayer", "Lire aussi", "Vésubie"):
        assert debris not in article.text
    assert (article.published, article.url, article.author) == (date(2025, 6, 17), URL, "Lucie Ferrand")


def test_a_page_trafilatura_finds_no_body_in_is_read_whole(tmp_path):
    pytest.importorskip("trafilatura")
    path = tmp_path / "fragment.html"
    path.write_text("<p>Deux blessés à Lyon.</p>", encoding="utf-8")  # a piece of page, no document
    article = _read(path)
    assert article.text == "Deux blessés à Lyon."
    assert article.warnings == [Errors.E089.format(problem="found no article body in it")]


def test_lists_and_line_breaks_of_the_body_are_paragraphs(tmp_path):
    pytest.importorskip("trafilatura")
    text = "<p>Le bilan de la tempête s'est alourdi dans la soirée, selon les autorités locales du département.</p>"
    body = (f"<article><h1>Tempête sur la côte</h1>{text}{text.replace('soirée', 'nuit')}"
            "<ul><li>Trois routes coupées au nord du département</li><li>Deux écoles fermées jusqu'à lundi</li></ul>"
            "<p>Première ligne du communiqué de la préfecture<br>Seconde ligne du communiqué de la préfecture</p>"
            "</article>")
    article = _read(_page(tmp_path, "<title>Tempête sur la côte</title>", body))
    paragraphs = article.text.split("\n\n")
    assert "Trois routes coupées au nord du département" in paragraphs
    assert "Deux écoles fermées jusqu'à lundi" in paragraphs
    assert "Première ligne du communiqué de la préfecture" in paragraphs
    assert "Seconde ligne du communiqué de la préfecture" in paragraphs


def test_no_url_is_ever_fetched(monkeypatch):
    pytest.importorskip("trafilatura")
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert _read(NEWS_PAGE).url == URL


# -- publication dates written otherwise than ISO ---------------------------------------------------


@pytest.mark.parametrize("written,lang,day", [
    ("2025-06-17", None, date(2025, 6, 17)),
    ("2025-06-17T23:30:00-05:00", None, date(2025, 6, 17)),  # the day where it was written
    ("Tue, 17 Jun 2025 08:30:00 +0200", None, date(2025, 6, 17)),
    ("Tue, 17 Jun 2025 23:30:00 -0500", "fr", date(2025, 6, 17)),
    ("17/06/2025", None, date(2025, 6, 17)),
    ("17 juin 2025", "fr", date(2025, 6, 17)),
    ("mardi 17 juin 2025 à 8 h 30", "fr", date(2025, 6, 17)),
    ("06/07/2025", "fr", date(2025, 7, 6)),  # day first in French
    ("06/07/2025", "en", date(2025, 6, 7)),  # month first in English
    ("June 17, 2025", "en", date(2025, 6, 17)),
])
def test_publication_dates_written_otherwise_than_iso_are_read(written, lang, day):
    assert parse_published(written, lang) == day


@pytest.mark.parametrize("written", ["hier", "il y a deux jours", "17 juin", "juin 2025", "demain",
                                     "bientôt", "17/06", "x" * 500])
def test_relative_or_partial_publication_dates_are_not_read(written):
    # a publication date is written whole: nothing is guessed from today
    with pytest.raises(ValueError):
        parse_published(written, "fr")


FOOTER = """

Source link : https://www.exemple.fr/monde/crue-123
Author : Paul Girard
Publish date : {published}
Copyright for syndicated content belongs to the linked Source.
Tags : Le Courrier"""


def test_non_iso_dates_in_a_footer_a_record_and_a_page_are_read(tmp_path):
    (tmp_path / "footer.txt").write_text(
        "Crue de la Loire\n\nTrois cents maisons inondées."
        + FOOTER.format(published="Tue, 17 Jun 2025 08:30:00 +0200"), encoding="utf-8")
    (tmp_path / "records.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Corps.", "published": "17/06/2025"}) + "\n"
        + json.dumps({"id": "j2", "text": "Body.", "published": "06/07/2025", "lang": "en"}) + "\n",
        encoding="utf-8")
    (tmp_path / "records.csv").write_text("id,text,published\nc1,Corps.,17 juin 2025\n", encoding="utf-8")
    _page(tmp_path, '<meta name="date" content="17 juin 2025"><title>Crue</title>',
          "<p>Trois cents maisons inondées.</p>", name="meta.html")
    by_id = {a.article_id: a for a in read_inputs([tmp_path])}
    assert by_id["footer"].published == date(2025, 6, 17)
    assert by_id["j1"].published == date(2025, 6, 17)
    assert by_id["j2"].published == date(2025, 6, 7)
    assert by_id["c1"].published == date(2025, 6, 17)
    assert by_id["meta"].published == date(2025, 6, 17)
    assert not any("publication date" in w for a in by_id.values() for w in a.warnings)


@pytest.mark.parametrize("reader", ["trafilatura", "simple"])
def test_a_date_in_the_body_is_not_the_publication_date(tmp_path, monkeypatch, reader):
    if reader == "simple":
        monkeypatch.setitem(sys.modules, "trafilatura", None)
    else:
        pytest.importorskip("trafilatura")
    paragraph = "<p>Le 3 mai 2024, la digue avait déjà cédé sous la pression de la crue, selon les riverains.</p>"
    path = _page(tmp_path, "<title>La digue</title>",
                 f"<article><h1>La digue</h1>{paragraph * 3}</article>")
    article = _read(path)
    assert article.published is None and "3 mai 2024" in article.text
    assert article.title == "La digue"


def test_a_page_date_read_without_trafilatura(tmp_path, without_trafilatura):
    path = _page(tmp_path, '<meta name="date" content="17 juin 2025"><title>Crue</title>',
                 "<p>Trois cents maisons inondées.</p>")
    assert _read(path).published == date(2025, 6, 17)


def test_an_unreadable_date_is_a_warning_on_the_article(tmp_path):
    path = tmp_path / "vague.txt"
    path.write_text("Crue\n\nTrois cents maisons inondées." + FOOTER.format(published="le 17 du mois"),
                    encoding="utf-8")
    article = _read(path)
    assert article.published is None
    (warning,) = [w for w in article.warnings if "publication date" in w]
    assert "'le 17 du mois'" in warning


@pytest.mark.model
def test_an_unreadable_date_warns_with_the_file_and_the_value(tmp_path, nlp):
    from pipeline.api import extract_with_summary

    path = tmp_path / "vague.txt"
    path.write_text("Crue\n\nTrois cents maisons ont été inondées." + FOOTER.format(published="le 17 du mois"),
                    encoding="utf-8")
    df, summary = extract_with_summary([path], nlp=nlp)
    assert summary.processed == 1 and df["published"].isna().all()
    assert any(w.startswith(f"{path}: ") and "'le 17 du mois'" in w for w in summary.warnings)


# -- url and title columns --------------------------------------------------------------------------


def test_url_and_title_follow_spec_columns_together():
    extra = ALL_COLUMNS[len(COLUMNS):]
    assert ALL_COLUMNS[: len(COLUMNS)] == COLUMNS and COLUMNS[-1] == "lang"  # SPEC section 8 adds lang last
    assert extra.index("title") == extra.index("url") + 1


def test_title_is_the_first_line_of_a_text_article(tmp_path):
    path = tmp_path / "sans-blanc.txt"
    path.write_text("Inondations dans le Gard\nQuatre cents personnes évacuées.", encoding="utf-8")
    assert _read(path).title == "Inondations dans le Gard"
    long_line = tmp_path / "une-ligne.txt"
    long_line.write_text("mot " * 1000, encoding="utf-8")
    assert len(_read(long_line).title) <= 300


@pytest.mark.model
def test_url_and_title_columns_of_a_text_article_with_a_footer(tmp_path, nlp):
    from pipeline.api import extract_with_summary

    path = tmp_path / "crue.txt"
    path.write_text("Crue de la Loire : 300 maisons inondées\n\n"
                    "Selon la préfecture, 300 maisons ont été inondées et 40 personnes évacuées mardi à Tours."
                    + FOOTER.format(published="17/06/2025"), encoding="utf-8")
    records = tmp_path / "lot.jsonl"
    records.write_text(json.dumps({"id": "r1", "title": "Séisme au Maroc", "url": "https://exemple.ma/seisme",
                                   "text": "Au moins 60 personnes ont été blessées dimanche."}) + "\n",
                       encoding="utf-8")
    df, _ = extract_with_summary([path, records], nlp=nlp)
    crue, seisme = df[df["article_id"] == "crue"], df[df["article_id"] == "r1"]
    assert len(crue) >= 2 and len(seisme) >= 1
    assert (crue["url"] == "https://www.exemple.fr/monde/crue-123").all()
    assert (crue["title"] == "Crue de la Loire : 300 maisons inondées").all()
    assert (crue["published"].dt.date == date(2025, 6, 17)).all()
    assert (seisme["url"] == "https://exemple.ma/seisme").all() and (seisme["title"] == "Séisme au Maroc").all()
    assert list(df.columns[: len(COLUMNS)]) == COLUMNS
