"""A batch that mixes good articles with every kind of bad input (issue 7): every good article's
facts are in the output, every bad input is listed with its reason, in the summary and the store."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app

pytestmark = pytest.mark.model

GOOD = {
    "bon-un": "Inondations dans le Gard\n\nAu moins 12 personnes ont été évacuées dimanche à Nîmes, selon la "
              "préfecture.\n\nPublish date : 2025-03-10 09:00:00",
    "bon-deux": "Grève à la SNCF\n\nPrès de 200 trains ont été supprimés lundi, a indiqué la direction.",
}


def build_folder(root):
    folder = root / "lot"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "bon-cp1252.txt").write_bytes("Séisme\n\nPlus de 300 blessés ont été soignés à Lima.".encode("cp1252"))
    (folder / "bon-bom-crlf.txt").write_bytes("\ufeffIncendie\r\n\r\nQuelque 40 pompiers ont été mobilisés.\r".encode())
    (folder / "vide.txt").write_text("   \n\n", encoding="utf-8")
    (folder / "binaire.txt").write_bytes(b"\x00\x01\x02\xff" * 20)
    (folder / "anglais.txt").write_text(
        "Floods in the south\n\nAt least 12 people were evacuated on Sunday in Nimes, the prefecture said in "
        "a statement on Monday morning.", encoding="utf-8")
    (folder / "doublon.txt").write_text(GOOD["bon-un"], encoding="utf-8")
    (folder / "page.html").write_text(
        "<!DOCTYPE html><html><head><title>Tempête</title><script>alert(1)</script></head><body>"
        "<p>Environ 5 000 foyers ont été privés d'électricité mardi.</p></body></html>", encoding="utf-8")
    (folder / "enorme.txt").write_text("Titre\n\n" + "Texte. " * 3000, encoding="utf-8")
    (folder / "lot.jsonl").write_text(
        json.dumps({"id": "rec-ok", "text": "Au moins 3 personnes ont été blessées mardi à Lyon.",
                    "published": "2025-03-12"}) + "\n"
        "{ceci n'est pas du json\n"
        + json.dumps({"id": "rec-date", "text": "Plus de 50 manifestants ont été interpellés.",
                      "published": "le 12 mars"}) + "\n",
        encoding="utf-8")
    (folder / "sans-texte.csv").write_text("id,corps\nx,du texte\n", encoding="utf-8")
    (folder / "notes.odt").write_text("pas un article", encoding="utf-8")
    return folder


def test_mixed_batch_keeps_every_good_article_and_lists_every_bad_one(nlp, tmp_path):
    folder = build_folder(tmp_path)
    out = tmp_path / "out"
    # a French run: the English article is in another language (tests/test_english.py runs both)
    result = CliRunner().invoke(app, ["run", str(folder), str(folder / "absent.txt"), "-o", str(out),
                                      "--max-bytes", "10000", "--lang", "fr"])
    assert result.exit_code == 0, result.output
    table = pd.read_parquet(out / "facts.parquet")
    facts = {(r.article_id, r.how_many) for r in table.itertuples()}
    for expected in [("bon-un", 12), ("bon-deux", 200), ("bon-cp1252", 300), ("bon-bom-crlf", 40),
                     ("page", 5000), ("rec-ok", 3), ("rec-date", 50)]:
        assert expected in facts, expected
    listed = result.output
    for name, reason in [("vide.txt", "empty"), ("binaire.txt", "binary"), ("anglais.txt", "'en'"),
                         ("doublon.txt", ""), ("enorme.txt", "larger than 10000"),
                         ("lot.jsonl:2", "invalid JSON"), ("sans-texte.csv", "no 'text' column"),
                         ("notes.odt", "unsupported file type"), ("absent.txt", "does not exist")]:
        line = next((x for x in listed.splitlines() if name in x and x.startswith("skipped")), None)
        assert line is not None and reason in line, (name, listed)
    assert "cp1252" in listed and "hier" not in listed  # warnings name the encoding
    assert "le 12 mars" in listed  # an unreadable publication date is reported, the article kept
    stored = CliRunner().invoke(app, ["query", "SELECT origin, reason FROM skipped", "-s",
                                      str(out / "faits.duckdb"), "-f", "jsonl"])
    assert stored.exit_code == 0, stored.output
    reasons = [json.loads(x) for x in stored.output.splitlines()]
    assert len(reasons) == 9 and all(r["reason"] for r in reasons)


def test_strict_stops_on_the_first_bad_input(nlp, tmp_path):
    folder = build_folder(tmp_path)
    result = CliRunner().invoke(app, ["run", str(folder), "-o", str(tmp_path / "out"), "--strict", "-q"])
    assert result.exit_code != 0
    assert "error:" in result.output


def test_nothing_readable_is_a_failure(tmp_path):
    (tmp_path / "vide.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(tmp_path / "vide.txt"), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 1


def test_normalize_command_prints_one_json_line_per_expression():
    result = CliRunner().invoke(app, ["normalize", "plus de 6 000", "au troisième trimestre 2024", "rien",
                                      "-r", "2025-06-17"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert lines[0]["quantity"] == {"value": 6000.0, "high": None, "qualifier": "more_than", "unit": None}
    assert lines[0]["date"] is None
    assert lines[1]["date"] == {"start": "2024-07-01", "end": "2024-09-30", "granularity": "quarter"}
    assert lines[2]["quantity"] is None and lines[2]["date"] is None


@pytest.mark.parametrize("args,message,code", [
    (["-r", "17/06/2025"], "YYYY-MM-DD, got '17/06/2025'", 2),  # an invalid option value: a usage error
    (["--lang", "xx"], "Language 'xx' is not supported", 1),
])
def test_normalize_command_names_a_bad_option(args, message, code):
    result = CliRunner().invoke(app, ["normalize", "hier", *args])
    assert result.exit_code == code
    assert message in result.output
