"""The command's conventions: usage errors exit 2, the faits logger and its levels, a light --help."""

from __future__ import annotations

import json
import logging
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from pipeline import logs
from pipeline.cli import app
from pipeline.errors import FaitsError
from pipeline.files import write_text_atomic

from .conftest import ROOT

HEAVY = ("spacy", "pandas", "pyarrow", "duckdb", "thinc", "numpy")


@pytest.mark.parametrize("args,named", [
    (["run", "IN", "--workers", "-1"], "--workers"),
    (["run", "IN", "--workers", "0"], "--workers"),
    (["run", "IN", "--batch-size", "0"], "--batch-size"),
    (["run", "IN", "--max-bytes", "-5"], "--max-bytes"),
    (["run", "IN", "-f", "docx"], "'docx' is not one of"),
    (["run", "IN", "--engine", "spark"], "'spark' is not one of 'local', 'dask'"),
    (["run", "IN", "--csv-dialect", "excel-de"], "'excel-de' is not one of 'standard', 'excel-fr'"),
    (["run", "IN", "-q", "-v"], "exclude each other"),
    (["export", "-f", "xls"], "'xls' is not one of"),
    (["export", "--csv-dialect", "tsv"], "--csv-dialect"),
    (["query", "SELECT 1", "-f", "xml"], "'xml' is not one of 'table', 'csv', 'jsonl'"),
    (["query", "SELECT 1", "--max-rows", "-1"], "--max-rows"),
    (["claims", "--status", "contested"], "'contested' is not one of"),
    (["claims", "-f", "html"], "'html' is not one of"),
    (["normalize", "hier", "-r", "17/06/2025"], "YYYY-MM-DD, got '17/06/2025'"),
    (["--verbose", "--quiet", "run", "IN"], "exclude each other"),
])
def test_an_invalid_option_value_is_a_usage_error(args, named, tmp_path):
    out = tmp_path / "out"
    args = [str(tmp_path) if a == "IN" else a for a in args]
    if args[0] in ("run", "export"):
        args += ["-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    assert named in result.output
    assert not out.exists()  # refused before any work


def test_help_loads_no_heavy_library():
    # what `faits --help` and `faits run --help` import: neither spaCy nor pandas, pyarrow, DuckDB
    code = (
        "import sys\n"
        "import pipeline.cli\n"
        f"loaded = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "for args in (['--help'], ['run', '--help'], ['evaluate', '--help']):\n"
        "    try:\n"
        "        pipeline.cli.app(args, prog_name='faits')\n"
        "    except SystemExit:\n"
        "        pass\n"
        f"print(loaded, [m for m in {HEAVY!r} if m in sys.modules])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "--csv-dialect" in done.stdout and "--verbose" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[] []"


def test_package_names_still_resolve_on_first_use():
    code = ("import pipeline, sys\n"
            "assert 'spacy' not in sys.modules\n"
            "print(pipeline.normalize_number('plus de 6 000').value, callable(pipeline.claims),"
            " callable(pipeline.report), pipeline.COLUMNS[0])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["6000.0", "True", "True", "article_id"]


def test_skips_are_logged_as_warnings_and_quiet_hides_them(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "vide.txt").write_text("", encoding="utf-8")
    runner = CliRunner()
    shown = runner.invoke(app, ["run", str(tmp_path / "in"), "-o", str(tmp_path / "a")])
    assert shown.exit_code == 1
    assert any(line.startswith("skipped ") and "vide.txt" in line for line in shown.stderr.splitlines())
    assert "skipped 1" in shown.stdout  # the run's summary is its output
    for quiet in (["-q", "run", str(tmp_path / "in")], ["run", str(tmp_path / "in"), "--quiet"]):
        hidden = runner.invoke(app, [*quiet, "-o", str(tmp_path / "b")])
        assert hidden.exit_code == 1
        assert "vide.txt" not in hidden.output and "skipped 1" in hidden.stdout
        assert "error: no article could be processed" in hidden.stderr
    verbose = runner.invoke(app, ["-v", "run", str(tmp_path / "in"), "-o", str(tmp_path / "c")])
    assert "vide.txt" in verbose.stderr and "run 1: store" in verbose.stderr  # the run's progress messages
    assert "wrote" not in verbose.stderr and "facts.csv" in verbose.stdout
    assert logging.getLogger("faits").level == logging.DEBUG


def test_the_logger_levels():
    logs.configure(quiet=True)
    assert logs.is_quiet() and logging.getLogger("faits.table").getEffectiveLevel() == logging.ERROR
    logs.configure()
    assert not logs.is_quiet() and logging.getLogger("faits").level == logging.WARNING
    logs.configure(verbose=True)
    assert logging.getLogger("faits.run").isEnabledFor(logging.DEBUG)
    handlers = [h for h in logging.getLogger("faits").handlers if not isinstance(h, logging.NullHandler)]
    assert len(handlers) == 1  # configured three times, one handler
    logs.configure()


def test_json_is_written_atomically(tmp_path, monkeypatch):
    target = tmp_path / "scores" / "dev.json"
    write_text_atomic(target, json.dumps({"fact_f1": 0.5}))
    assert json.loads(target.read_text(encoding="utf-8")) == {"fact_f1": 0.5}

    def crash(src, dst):
        raise OSError(28, "No space left on device", str(dst))

    monkeypatch.setattr("pipeline.files.os.replace", crash)
    with pytest.raises(FaitsError, match="No space left"):
        write_text_atomic(target, json.dumps({"fact_f1": 0.9}))
    assert json.loads(target.read_text(encoding="utf-8")) == {"fact_f1": 0.5}  # the old file, whole
    assert [p.name for p in target.parent.iterdir()] == ["dev.json"]  # no temporary file left


def test_reports_are_written_through_the_atomic_writer(tmp_path, monkeypatch):
    import pandas as pd

    from pipeline.claims import CLAIMS_SCHEMA, SERIES_SCHEMA
    from pipeline.timeline import write_timelines

    written = []
    monkeypatch.setattr("pipeline.files.os.replace", lambda src, dst: written.append(dst))
    write_timelines(tmp_path / "t.html", pd.DataFrame(columns=SERIES_SCHEMA.names),
                    pd.DataFrame(columns=CLAIMS_SCHEMA.names))
    assert written == [tmp_path / "t.html"]
