"""The defects of the fault campaign (issue 17), each as a unit a test can hold.

The campaign itself (kill -9 at several moments, Dask, 5,000 files, timings) is ``bench/faults.py``.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import time
from pathlib import Path

import numpy as np
import pytest

from pipeline.errors import FaitsError
from pipeline.evaluation import load_gold
from pipeline.ingest import Article, Skipped, expand_inputs, read_inputs
from pipeline.textmap import MAX_EVIDENCE_CHARS, MAX_SLOT_CHARS, bound_row, restore_rows, visible_text

FRENCH = "Plus de 6 000 soldats ont été tués près de Kharkiv en mars 2024, selon le ministère britannique."


def _all(items):
    return list(items)


# -- 5. format characters -------------------------------------------------------------------------------


def test_format_characters_are_removed_with_offsets_mapped_back():
    text = "Plus de 6\u200b000 soldats, \u202e4\u202c500 civils et 3\u2060000 blessés."
    visible, offsets = visible_text(text)
    assert visible == "Plus de 6000 soldats, 4500 civils et 3000 blessés."
    for number in ("6000", "4500", "3000"):
        s = visible.index(number)
        start, end = offsets.start(s), offsets.end(s + len(number))
        assert text[start:end].replace("\u200b", "").replace("\u202c", "").replace("\u2060", "") == number
    assert visible_text("6 000 soldats")[1] is None  # no-break spaces are spaces, not format characters


def test_restore_rows_maps_evidence_and_mention_to_the_text_as_written():
    text = "Titre\n\nPlus de 6\u200b000 soldats."
    visible, offsets = visible_text(text)
    s = visible.index("Plus")
    row = {"char_start": s, "char_end": len(visible), "evidence": visible[s:],
           "mention_start": s, "mention_end": visible.index(" soldats")}
    (row,) = restore_rows([row], text, offsets)
    assert row["evidence"] == "Plus de 6\u200b000 soldats."
    assert text[row["mention_start"] : row["mention_end"]] == row["mention_text"] == "Plus de 6\u200b000"


def test_facts_read_numbers_through_invisible_characters(nlp):
    import pipeline

    text = ("Bilan\n\nPlus de 6\u200b000 soldats ont été tués. \u202e4\u202c500 civils ont fui, "
            "et 3\u2060000 ont été blessés, selon l'ONU.")
    df = pipeline.extract(text, nlp=nlp)
    assert sorted(df.how_many) == [3000.0, 4500.0, 6000.0]
    for row in df.itertuples():
        assert text[row.mention_start : row.mention_end] == row.mention_text
        assert text[row.char_start : row.char_end].strip() == row.evidence


# -- 2. one huge sentence -------------------------------------------------------------------------------


def test_evidence_and_slots_are_bounded_around_the_mention():
    text = "mot " * 50_000 + "plus de 6 000 soldats " + "mot " * 50_000
    m = text.index("plus de")
    row = {"char_start": 0, "char_end": len(text), "evidence": text, "mention_start": m, "mention_end": m + 13,
           "who": "x" * 10_000}
    row = bound_row(row, text)
    assert row["char_end"] - row["char_start"] <= MAX_EVIDENCE_CHARS
    assert row["char_start"] <= m and m + 13 <= row["char_end"]
    assert row["evidence"] == text[row["char_start"] : row["char_end"]]
    assert len(row["who"]) == MAX_SLOT_CHARS


def test_a_sentence_is_bounded_before_the_parser():
    import spacy

    from pipeline.components import MAX_SENTENCE_TOKENS, mark_sentence_starts

    nlp = spacy.blank("fr")
    words = ("les soldats ont fui vers le nord , alors que " * 400).split()
    doc = mark_sentence_starts(nlp.make_doc(" ".join(words)))
    lengths = [len(s) for s in doc.sents]
    assert max(lengths) <= MAX_SENTENCE_TOKENS and sum(lengths) == len(doc)
    # cut after a comma where the sentence has one
    assert all(doc[s.start - 1].text == "," for s in list(doc.sents)[1:])
    short = mark_sentence_starts(nlp.make_doc("Une phrase. Une autre phrase."))
    assert [s.text for s in short.sents] == ["Une phrase.", "Une autre phrase."]


# -- 6. inputs dropped or renamed ------------------------------------------------------------------------


def test_ids_are_kept_exactly_or_refused_with_the_reason(tmp_path):
    lines = [{"id": "../../etc/passwd", "text": FRENCH}, {"id": "a/b", "text": FRENCH + " Bis."},
             {"id": ["x"], "text": FRENCH}, {"id": "a\nb", "text": FRENCH}, {"id": "x" * 300, "text": FRENCH},
             {"id": 42, "text": FRENCH + " Ter."}, {"id": "t", "title": ["x"], "text": FRENCH}]
    path = tmp_path / "lot.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    (tmp_path / "a_b.txt").write_text(FRENCH + " Quater.", encoding="utf-8")
    items = _all(read_inputs([tmp_path]))
    ids = [i.article_id for i in items if isinstance(i, Article)]
    assert ids == ["a_b", "../../etc/passwd", "a/b", "42"]
    reasons = {i.origin.rsplit(":", 1)[-1]: i.reason for i in items if isinstance(i, Skipped)}
    assert "must be a string or a number, got list" in reasons["3"]
    assert "control characters" in reasons["4"]
    assert "longer than 200" in reasons["5"]
    assert "field 'title' must be text" in reasons["7"]


def test_links_loops_and_fifos_in_a_folder_are_named(tmp_path):
    (tmp_path / "ok.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "to-dir").symlink_to(tmp_path.parent)
    os.mkfifo(tmp_path / "pipe.txt")
    files, skipped = expand_inputs([tmp_path])
    assert [f.name for f in files] == ["ok.txt"]
    reasons = {Path(s.origin).name: s.reason for s in skipped}
    assert "dangling symbolic link" in reasons["dangling.txt"]
    assert "loop" in reasons["a.txt"] and "loop" in reasons["b.txt"]
    assert "not followed" in reasons["to-dir"]
    assert "named pipe" in reasons["pipe.txt"]
    # given directly, a FIFO is named too, and never opened (reading it would wait forever)
    (item,) = _all(read_inputs([tmp_path / "pipe.txt"]))
    assert isinstance(item, Skipped) and "named pipe" in item.reason


def test_utf16_with_a_bom_is_read_and_nul_bytes_never_reach_the_text(tmp_path):
    (tmp_path / "u16.txt").write_bytes(("Titre\n\n" + FRENCH).encode("utf-16"))
    (tmp_path / "nul.txt").write_bytes(("Titre\n\n" + "Un texte. " * 1000 + FRENCH + "\x00\x00").encode())
    by_id = {a.article_id: a for a in read_inputs([tmp_path])}
    assert by_id["u16"].text.endswith(FRENCH)
    assert "\x00" not in by_id["nul"].text and any("control character" in w for w in by_id["nul"].warnings)


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("empty.jsonl", b"\n\n", "no record"),
    ("header.csv", b"id,text\n", "no record"),
    ("zw.txt", "\u200b\u2060\n\n\ufeff\u200d".encode(), "empty"),
    ("int.jsonl", b'{"id": 1' + b"0" * 5000 + b', "text": "x"}\n', "invalid JSON"),
    ("deep.jsonl", b"[" * 100_000 + b"]" * 100_000 + b"\n", "invalid JSON"),
    ("bad16.txt", b"\xff\xfe" + "abc".encode("utf-16-le") + b"\x00", "UTF-16"),
])
def test_an_input_with_nothing_readable_is_named(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    items = _all(read_inputs([tmp_path / name]))
    assert items and all(isinstance(i, Skipped) for i in items)
    assert reason in items[0].reason


# -- 4. damaged stores and outputs -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def good_store(tmp_path_factory):
    from pipeline.store import Store

    path = tmp_path_factory.mktemp("store") / "faits.duckdb"
    with Store(path) as db:
        db.begin_run(["x"], engine="local", workers=1, version="test")
    return path.read_bytes()


@pytest.mark.parametrize("damage", ["half", "garbage", "text"])
def test_a_damaged_store_is_worded_for_run_query_and_export(tmp_path, good_store, damage):
    import pipeline

    path = tmp_path / "faits.duckdb"
    if damage == "half":
        path.write_bytes(good_store[: len(good_store) // 2])
    elif damage == "garbage":
        path.write_bytes(good_store[:4096] + os.urandom(20_000) + good_store[24_096:])
    else:
        path.write_text("hello", encoding="utf-8")
    for call in (lambda: pipeline.run([tmp_path / "none"], tmp_path / "out", store=path),
                 lambda: pipeline.query(path, "SELECT * FROM runs"),
                 lambda: pipeline.export(path, tmp_path / "dump")):
        with pytest.raises(FaitsError, match=r"The store .*faits\.duckdb is damaged or unreadable"):
            call()


def test_an_output_that_is_a_file_is_said_before_any_work(tmp_path):
    import pipeline

    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(FaitsError, match="is a file, not a directory"):
        pipeline.run([tmp_path / "none"], target)
    assert not (tmp_path / "faits.duckdb").exists()


def test_a_failure_writing_tables_marks_the_run_failed_and_leaves_no_temporary_file(tmp_path):
    import pipeline

    out = tmp_path / "out"
    (out / "facts.csv").mkdir(parents=True)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")  # skipped: no model needed
    with pytest.raises(FaitsError, match=r"Cannot write .*facts\.csv"):
        pipeline.run([tmp_path / "empty.txt"], out)
    assert pipeline.query(out / "faits.duckdb", "SELECT status FROM runs").status.tolist() == ["failed"]
    assert not list(out.glob(".*.tmp"))


# -- 3. workers die with their parent ----------------------------------------------------------------------


def _pool_owner(conn) -> None:
    from concurrent.futures import ProcessPoolExecutor

    from pipeline.engines import die_with_parent

    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"), initializer=die_with_parent,
                               initargs=(os.getpid(),))
    conn.send(pool.submit(os.getpid).result())  # a pipe: sent before the kill, unlike a queue's feeder thread
    os.kill(os.getpid(), signal.SIGKILL)  # as kill -9: no shutdown, no atexit


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_a_worker_dies_with_its_parent():
    psutil = pytest.importorskip("psutil")
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    owner = ctx.Process(target=_pool_owner, args=(sender,))
    owner.start()
    assert receiver.poll(60)
    worker = receiver.recv()
    owner.join(30)
    assert owner.exitcode == -signal.SIGKILL
    for _ in range(100):  # the kernel's signal is immediate; the watchdog needs a second
        try:
            if psutil.Process(worker).status() == psutil.STATUS_ZOMBIE:
                break
        except psutil.NoSuchProcess:
            break
        time.sleep(0.1)
    else:
        os.kill(worker, signal.SIGKILL)
        pytest.fail("the worker outlived its parent")


# -- 7. bad gold lines ---------------------------------------------------------------------------------------

FACT = {"who": None, "what": None, "event_type": "killed", "how_many": 3, "qualifier": "exact"}


@pytest.mark.parametrize(("line", "problem"), [
    (b'{"article_id": "\xff", "facts": []}', "not UTF-8"),
    (json.dumps({"article_id": "a", "facts": [{**FACT, "when_start": "2024-13-45"}]}).encode(), "when_start"),
    (json.dumps({"article_id": "a", "facts": [FACT]}).replace('"how_many": 3', '"how_many": 1' + "0" * 400)
     .encode(), "finite number"),
    (json.dumps({"article_id": "a", "facts": [FACT]}).replace('"how_many": 3', '"how_many": NaN').encode(), "NaN"),
    (json.dumps({"article_id": None, "facts": [FACT]}).encode(), "article_id"),
    (json.dumps({"article_id": ["a"], "facts": [FACT]}).encode(), "article_id"),
    (json.dumps({"article_id": "a", "facts": [{**FACT, "how_many_high": "abc"}]}).encode(), "how_many_high"),
    (json.dumps({"article_id": "a", "facts": [], "dates": [{"start": "x", "end": "y"}]}).encode(), "dates 1"),
])
def test_a_bad_gold_line_is_named_with_its_line(tmp_path, line, problem):
    path = tmp_path / "gold.jsonl"
    path.write_bytes(json.dumps({"article_id": "ok", "facts": [FACT]}).encode() + b"\n" + line + b"\n")
    with pytest.raises(FaitsError, match=rf"Gold file .*gold\.jsonl, line 2: .*{problem}"):
        load_gold(path)


def test_a_repeated_gold_article_is_named(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps({"article_id": "a", "facts": []}) for _ in range(2)), encoding="utf-8")
    with pytest.raises(FaitsError, match="line 2: article_id 'a' already has a gold line"):
        load_gold(path)


def test_numpy_is_what_the_sentence_bound_uses():
    # the bound works on the token array in place; a run shorter than the bound is left alone
    from pipeline.components import _bound_sentences

    values = np.array([1] + [-1] * 9, dtype=np.int64)
    _bound_sentences(values, np.zeros(10, dtype=bool), np.zeros(10, dtype=bool))
    assert values.tolist() == [1] + [-1] * 9


def test_temporary_tables_of_a_killed_writer_are_removed(tmp_path):
    import subprocess
    import sys

    from pipeline.table import facts_frame, write_table

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    stale = tmp_path / f".facts.csv.{pid}.{'0' * 32}.tmp"
    mine = tmp_path / f".facts.csv.{os.getpid()}.{'1' * 32}.tmp"  # a writer still alive keeps its own
    other = tmp_path / ".notes.tmp"
    for path in (stale, mine, other):
        path.write_text("x", encoding="utf-8")
    write_table(facts_frame([]), tmp_path, ["csv"])
    assert not stale.exists() and mine.exists() and other.exists()


def _crash_on_marked(articles, lang, with_mentions=False, full_parse=False):
    from pipeline import engines

    if any(a.article_id == "crash" for a in articles):
        os._exit(9)  # as the system's OOM killer or a segfault would end it
    return [engines.Outcome([{"article_id": a.article_id}], 1) for a in articles]


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_a_worker_dying_on_one_article_costs_only_that_article(monkeypatch):
    from pipeline import engines

    monkeypatch.setattr(engines, "process_batch", _crash_on_marked)  # forked workers inherit it
    monkeypatch.setattr(engines.LocalEngine, "_start_pool", _pool_without_model)
    batches = [[Article(f"a{b}{i}", "x") for i in range(3)] for b in range(4)]
    batches[1][1] = Article("crash", "x")
    with engines.LocalEngine("fr", workers=2) as engine:
        results = list(engine.map(batches))
    assert [b for b, _ in results] == batches  # every batch, in order
    outcomes = {a.article_id: o for b, out in results for a, o in zip(b, out, strict=True)}
    assert "worker process died" in outcomes["crash"].error
    assert all(o.error is None and o.rows for aid, o in outcomes.items() if aid != "crash")


def _pool_without_model(engine) -> None:
    from concurrent.futures import ProcessPoolExecutor

    from pipeline.engines import die_with_parent

    engine._pool = ProcessPoolExecutor(engine.workers, mp_context=multiprocessing.get_context("fork"),
                                       initializer=die_with_parent, initargs=(os.getpid(),))
