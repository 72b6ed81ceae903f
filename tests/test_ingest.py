"""Reading articles: the syndication footer, web debris, records, and inputs that cannot be read."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.ingest import Article, Skipped, clean_text, read_inputs

FOOTER = """

Source link : https://www.exemple.fr/monde/article-123

Author : Jeanne Martin

Publish date : 2025-03-14 08:30:00

Copyright for syndicated content belongs to the linked Source.

Tags : Le Courrier
Quitter la version mobile"""

ARTICLE = "Titre de l'article\n\nPremier paragraphe avec 300 blessés.\n\nSecond paragraphe." + FOOTER


def _all(items):
    return list(items)


def test_footer_fields_are_read_and_removed(tmp_path):
    path = tmp_path / "mon-article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (article,) = _all(read_inputs([path]))
    assert isinstance(article, Article)
    assert article.article_id == "mon-article"
    assert article.published == date(2025, 3, 14)
    assert article.url == "https://www.exemple.fr/monde/article-123"
    assert article.author == "Jeanne Martin"
    assert article.title == "Titre de l'article"
    for debris in ("Source link", "Copyright", "Tags", "Quitter la version mobile", "Publish date"):
        assert debris not in article.text
    assert article.text.endswith("Second paragraphe.")


def test_repeated_title_and_glued_site_name_are_removed():
    text, fields = clean_text("Le titre\n\nLe titre\n\nCorps du texte.Le Courrier\nTags : Le Courrier")
    assert text == "Le titre\n\nCorps du texte."
    assert fields["tags"] == "Le Courrier"


def test_crlf_and_bom_are_normalized(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffTitre\r\n\r\nCorps.\r\n".encode())
    (article,) = _all(read_inputs([path]))
    assert article.text == "Titre\n\nCorps."


def test_cp1252_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "ancien.txt"
    path.write_bytes("Préfecture : 300 évacués.".encode("cp1252"))
    (article,) = _all(read_inputs([path]))
    assert "évacués" in article.text
    assert any("cp1252" in w for w in article.warnings)


def test_jsonl_records_and_bad_lines(tmp_path):
    path = tmp_path / "lot.jsonl"
    path.write_text(
        '{"id": "a1", "text": "Corps un.", "title": "Titre un", "published": "2025-01-02"}\n'
        "{pas du json\n"
        '{"id": "a3", "title": "sans texte"}\n'
        '{"id": "a4", "text": "Corps quatre.", "published": "hier soir"}\n',
        encoding="utf-8",
    )
    items = _all(read_inputs([path]))
    assert [type(i).__name__ for i in items] == ["Article", "Skipped", "Skipped", "Article"]
    assert items[0].text == "Titre un\n\nCorps un." and items[0].published == date(2025, 1, 2)
    assert items[1].origin.endswith("lot.jsonl:2") and "invalid JSON" in items[1].reason
    assert items[2].origin.endswith(":3") and "'text'" in items[2].reason
    assert items[3].published is None and any("hier soir" in w for w in items[3].warnings)


def test_csv_records_and_missing_text_column(tmp_path):
    good = tmp_path / "ok.csv"
    good.write_text("id,text,published\nb1,Corps b1.,2024-05-06\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("id,body\nc1,Corps\n", encoding="utf-8")
    items = _all(read_inputs([good, bad]))
    assert items[0].article_id == "b1" and items[0].published == date(2024, 5, 6)
    assert isinstance(items[1], Skipped) and "no 'text' column" in items[1].reason
    assert "id, body" in items[1].reason


@pytest.mark.parametrize("content,reason", [(b"", "empty"), (b"   \n\n  ", "empty"),
                                            (b"\x00\x01\x02binary", "binary")])
def test_unreadable_files_are_skipped_with_reason(tmp_path, content, reason):
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    (item,) = _all(read_inputs([path]))
    assert isinstance(item, Skipped) and reason in item.reason and item.origin == str(path)


def test_missing_path_and_directory_and_glob(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("Texte A.", encoding="utf-8")
    (tmp_path / "d" / "b.txt").write_text("Texte B.", encoding="utf-8")
    (tmp_path / "d" / "notes.md").write_text("not an article", encoding="utf-8")
    items = _all(read_inputs([tmp_path / "d", str(tmp_path / "d" / "a*.txt"), tmp_path / "nope.txt"]))
    ids = [i.article_id for i in items if isinstance(i, Article)]
    assert ids == ["a", "b"]  # the glob names a file already listed: read once
    unsupported, missing = [i for i in items if isinstance(i, Skipped)]
    assert unsupported.origin.endswith("notes.md") and "unsupported file type '.md'" in unsupported.reason
    assert "does not exist" in missing.reason


def test_ids_are_data_kept_exactly(tmp_path):
    # ids are never used as paths: "../../etc/passwd" and "a/b" stay what they are (issue 17)
    path = tmp_path / "lot.jsonl"
    path.write_text('{"id": "../../etc/passwd", "text": "Corps."}\n{"id": "a/b", "text": "Autre."}\n',
                    encoding="utf-8")
    first, second = _all(read_inputs([path]))
    assert (first.article_id, second.article_id) == ("../../etc/passwd", "a/b")


def test_html_page_is_turned_into_text(tmp_path):
    page = ("<!DOCTYPE html><html><head><title>Séisme : 43 morts</title><script>alert(1)</script></head>"
            "<body><nav>Accueil | Monde</nav><h1>Séisme : 43 morts</h1>"
            "<p>Au moins 43 personnes sont mortes &amp; 200 blessées.</p></body></html>")
    for name in ("page.html", "page-as-text.txt"):
        path = tmp_path / name
        path.write_text(page, encoding="utf-8")
        (article,) = _all(read_inputs([path]))
        assert article.text == "Séisme : 43 morts\n\nAu moins 43 personnes sont mortes & 200 blessées."
        assert "alert" not in article.text and "Accueil" not in article.text
        assert any("HTML" in w for w in article.warnings)
