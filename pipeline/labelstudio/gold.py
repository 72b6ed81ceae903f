"""A Label Studio JSON export back into SPEC gold lines (section 5, with section 7's series labels).

Each task gives one gold line: its latest submitted annotation (cancelled
ones left out), or, for a task nobody annotated, its latest prediction, the
line then marked ``"from_predictions": true``. Each figure span gives a
fact; the slot spans related to it give its who, what, when (``when_text``),
where, source and evidence; its per-region fields give the rest. Every
problem names the export, the task and what is wrong.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import Errors, FaitsError
from ..evaluation import EVENT_TYPES, QUALIFIERS
from .interface import FIGURE, FIGURE_TEXT_FIELDS, QUALIFIER, SLOT, SLOT_LABELS, TEXT, VALUE
from .spans import locate, sentence_around
from .tasks import META_KEYS

_LABELS = {FIGURE: EVENT_TYPES, SLOT: SLOT_LABELS}
_TEXT_FIELDS = (*FIGURE_TEXT_FIELDS, VALUE)
# several spans of one slot make one value: words ("avaient" … "dû fuir"), or an evidence shortened with "..."
_JOIN = {"evidence": " ... "}


@dataclass
class _Region:
    rid: str
    control: str
    label: str
    start: int
    end: int
    text: str
    fields: dict[str, str] = field(default_factory=dict)


def read_export(path: str | Path) -> list[dict]:
    """The tasks of a Label Studio JSON export (a list of tasks; a single task object is taken as one)."""
    path = Path(path)
    if not path.is_file():
        raise FaitsError(Errors.E010.format(path=path))
    try:
        tasks = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as e:
        raise FaitsError(Errors.E150.format(path=path, problem=f"not UTF-8 (byte {e.start + 1})")) from e
    except ValueError as e:
        raise FaitsError(Errors.E150.format(path=path, problem=f"invalid JSON ({getattr(e, 'msg', e)}); "
                                            "export the project as JSON (not JSON-MIN or CSV)")) from e
    if isinstance(tasks, dict) and "data" in tasks:
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise FaitsError(Errors.E150.format(path=path, problem=f"expected a list of tasks, got {type(tasks).__name__}"))
    return tasks


def gold_lines(tasks: list, *, path: str | Path = "(tasks)", predictions: bool = True) -> tuple[list[dict], list[str]]:
    """Gold lines of Label Studio tasks, and notes on what was left out or ignored (one line each).

    predictions: take a task nobody annotated from its latest prediction (marked ``from_predictions``);
    False leaves such tasks out.
    """
    lines, notes, seen = [], [], {}
    for n, task in enumerate(tasks, start=1):
        name = f"task {task.get('id', f'#{n}')}" if isinstance(task, dict) else f"task #{n}"

        def bad(problem: str, name: str = name) -> FaitsError:
            return FaitsError(Errors.E151.format(path=path, task=name, problem=problem))

        if not isinstance(task, dict):
            raise bad(f"expected a task object, got {type(task).__name__}")
        data = task.get("data")
        if not isinstance(data, dict) or not isinstance(data.get(TEXT), str):
            raise bad(f"no article text at data.{TEXT}")
        article_id = data.get("article_id")
        if not isinstance(article_id, (str, int)) or isinstance(article_id, bool) or not str(article_id).strip():
            raise bad("no data.article_id (tasks written by `faits export -f labelstudio` carry it)")
        name = f"{name} (article {article_id})"
        if str(article_id) in seen:
            raise bad(f"article {article_id} is already {seen[str(article_id)]}")
        seen[str(article_id)] = name.split(" (")[0]
        chosen = _chosen(task, predictions, bad)
        if chosen is None:
            notes.append(f"{name}: no submitted annotation{'' if predictions else ' (predictions not taken)'}; "
                         "left out")
            continue
        result, from_predictions = chosen
        published = data.get("published") or None
        if published is not None and not _is_date(published):
            raise bad(f"data.published must be a date YYYY-MM-DD, got {published!r}")
        lang = data.get("lang") or "fr"
        facts = _facts(result, data[TEXT], published, lang, bad,
                       lambda note, name=name: notes.append(f"{name}: {note}"))
        line: dict = {"article_id": article_id}
        for key in META_KEYS[1:]:
            if key in data or key == "published":
                line[key] = data.get(key) or None
        line["facts"] = facts
        if from_predictions:
            line["from_predictions"] = True
        lines.append(line)
    return lines, notes


def _chosen(task: dict, predictions: bool, bad) -> tuple[list, bool] | None:
    for kind in ("annotations", "predictions"):
        if kind == "predictions" and not predictions:
            return None
        items = task.get(kind) or []
        if not isinstance(items, list):
            raise bad(f"{kind} must be a list, got {type(items).__name__}")
        kept = []
        for i, item in enumerate(items):
            if not isinstance(item, dict) or not isinstance(item.get("result"), list):
                raise bad(f"{kind[:-1]} {i + 1} has no result list")
            if not item.get("was_cancelled"):
                kept.append((str(item.get("updated_at") or item.get("created_at") or ""), i, item))
        if kept:
            return max(kept, key=lambda k: k[:2])[2]["result"], kind == "predictions"
    return None


def _is_date(value) -> bool:
    try:
        date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def _regions(result: list, text: str, bad) -> tuple[dict[str, _Region], list[tuple[str, str]]]:
    regions: dict[str, _Region] = {}
    fields: list[tuple[str, str, str]] = []
    relations = []
    for i, item in enumerate(result, start=1):
        if not isinstance(item, dict):
            raise bad(f"result item {i} is not an object")
        if item.get("type") == "relation":
            if not (isinstance(item.get("from_id"), str) and isinstance(item.get("to_id"), str)):
                raise bad(f"relation {i} lacks from_id or to_id")
            relations.append((item["from_id"], item["to_id"]))
            continue
        control, rid, value = item.get("from_name"), item.get("id"), item.get("value")
        if control not in (FIGURE, SLOT, QUALIFIER, *_TEXT_FIELDS):
            continue  # a control faits does not read (the project's config may add some)
        if not isinstance(value, dict) or not isinstance(rid, (str, int)):
            raise bad(f"result item {i} ({control}) has no id or no value")
        rid = str(rid)
        if control in (FIGURE, SLOT):
            region = _span(value, control, rid, text, bad)
            if rid in regions:
                raise bad(f"span {rid!r} is labelled twice ({regions[rid].label!r} and {region.label!r})")
            regions[rid] = region
        elif control == QUALIFIER:
            choices = value.get("choices")
            if not (isinstance(choices, list) and len(choices) == 1 and choices[0] in QUALIFIERS):
                raise bad(f"qualifier of span {rid!r} must be one of {', '.join(QUALIFIERS)}, got {choices!r}")
            fields.append((rid, control, choices[0]))
        else:
            written = value.get("text")
            written = [written] if isinstance(written, str) else written
            if not isinstance(written, list) or not all(isinstance(w, str) for w in written):
                raise bad(f"{control} of span {rid!r} must be text, got {written!r}")
            kept = list(dict.fromkeys(w.strip() for w in written if w.strip()))
            if len(kept) > 1:
                raise bad(f"{control} of span {rid!r} has several values {kept!r}; keep one")
            if kept:
                fields.append((rid, control, kept[0]))
    for rid, control, value in fields:
        region = regions.get(rid)
        if region is None:
            raise bad(f"field {control!r} ({value!r}) belongs to no labelled span (id {rid!r})")
        if (control == VALUE) != (region.control == SLOT):
            where = "slot spans" if control == VALUE else "figures"
            raise bad(f"field {control!r} is on the {region.label} span {region.text!r}; it goes on {where}")
        region.fields[control] = value
    for a, b in relations:
        for rid in (a, b):
            if rid not in regions:
                raise bad(f"a relation joins the unknown region {rid!r}")
    return regions, relations


def _span(value: dict, control: str, rid: str, text: str, bad) -> _Region:
    labels = value.get("labels")
    if not (isinstance(labels, list) and len(labels) == 1 and labels[0] in _LABELS[control]):
        raise bad(f"span {rid!r} must carry one {control} label of {', '.join(_LABELS[control])}, got {labels!r}")
    start, end = value.get("start"), value.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool)
            and 0 <= start < end <= len(text)):
        raise bad(f"span {rid!r} ({labels[0]}) has offsets {start!r}-{end!r}, not within the text "
                  f"(0-{len(text)})")
    written = value.get("text")
    if isinstance(written, str) and written and text[start:end] != written:
        # offsets counted in UTF-16 units (an emoji before the span) shift by a little: find the words
        near = locate(text, written, start, (max(0, start - 16), min(len(text), end + 16)))
        if near is None or near[1] > min(len(text), end + 16):
            raise bad(f"span {rid!r} ({labels[0]}) at {start}-{end} reads {text[start:end]!r} in the task's "
                      f"text, not {written!r} as the export says")
        start, end = near
    return _Region(rid, control, labels[0], start, end, text[start:end])


def _facts(result: list, text: str, published, lang: str, bad, note) -> list[dict]:
    regions, relations = _regions(result, text, bad)
    linked: dict[str, list[_Region]] = {rid: [] for rid, r in regions.items() if r.control == FIGURE}
    used = set()
    for a, b in relations:
        ra, rb = regions[a], regions[b]
        if ra.control == rb.control:
            if ra.control == SLOT:
                note(f"a relation joins two slot spans ({ra.text!r}, {rb.text!r}), not a figure; ignored")
            continue
        figure, slot = (ra, rb) if ra.control == FIGURE else (rb, ra)
        if slot not in linked[figure.rid]:
            linked[figure.rid].append(slot)
        used.add(slot.rid)
    for r in regions.values():
        if r.control == SLOT and r.rid not in used:
            note(f"the {r.label} span {r.text!r} is related to no figure; ignored")
    return [_fact(regions[rid], slots, text, published, lang, bad) for rid, slots in linked.items()]


def _slot(slots: list[_Region], label: str, bad, figure: _Region) -> str | None:
    values = [s.fields.get(VALUE, s.text) for s in sorted(slots, key=lambda s: (s.start, s.end)) if s.label == label]
    values = list(dict.fromkeys(v for v in values if v))
    if label == "when" and len(values) > 1:
        raise bad(f"figure {figure.text!r} has several when spans {values!r}; keep one")
    return _JOIN.get(label, " ").join(values) if values else None


def _fact(figure: _Region, slots: list[_Region], text: str, published, lang: str, bad) -> dict:
    f = figure.fields
    where = f"figure {figure.text!r} at {figure.start}"
    when_text = _slot(slots, "when", bad, figure)
    if "how_many" in f:
        how_many = _number(f["how_many"], "how_many", where, bad)
        high = _number(f["how_many_high"], "how_many_high", where, bad) if "how_many_high" in f else None
        qualifier, unit = f.get(QUALIFIER, "exact"), f.get("unit")
    else:
        # a figure drawn without its fields: faits reads them from its text
        from ..numbers import normalize_number

        q = normalize_number(figure.text, lang)
        if q is None:
            raise bad(f"{where} has no how_many, and faits reads no number in it")
        how_many, high = _plain(q.value), _plain(q.high)
        qualifier = f.get(QUALIFIER, q.qualifier)
        unit = f.get("unit", q.unit)
    start, end = (_date(f[k], k, where, bad) if k in f else None for k in ("when_start", "when_end"))
    if start is None and end is None and when_text and not f and published:
        from ..dates import normalize_date

        interval = normalize_date(when_text, date.fromisoformat(published), lang)
        if interval is not None:
            start, end = interval.start.isoformat(), interval.end.isoformat()
    evidence = _slot(slots, "evidence", bad, figure)
    if evidence is None:
        s, e = sentence_around(text, figure.start, figure.end)
        evidence = text[s:e]
    fact = {
        "who": _slot(slots, "who", bad, figure), "what": _slot(slots, "what", bad, figure),
        "event_type": figure.label, "how_many": how_many, "how_many_high": high, "qualifier": qualifier,
        "unit": unit, "when_start": start, "when_end": end,
    }
    if when_text is not None:
        fact["when_text"] = when_text
    fact.update({"where": _slot(slots, "where", bad, figure), "source": _slot(slots, "source", bad, figure),
                 "evidence": evidence})
    if f.get("series"):
        fact["series"] = f["series"]
    return fact


def _plain(value: float | None):
    return int(value) if value is not None and float(value).is_integer() and abs(value) < 1e15 else value


_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]")


def _number(written: str, name: str, where: str, bad) -> int | float:
    t = _SPACES.sub("", written).replace("−", "-")
    if "," in t and "." not in t:
        t = t.replace(",", ".")  # a decimal comma
    try:
        value = float(t)
    except ValueError:
        raise bad(f"{name} of {where} must be a number, got {written!r}") from None
    if not math.isfinite(value) or abs(value) > 1e300:
        raise bad(f"{name} of {where} must be a finite number of at most 1e300, got {written!r}")
    return int(value) if re.fullmatch(r"-?\d+", t) else value


def _date(written: str, name: str, where: str, bad) -> str:
    try:
        return date.fromisoformat(written.strip()).isoformat()
    except ValueError:
        raise bad(f"{name} of {where} must be a date YYYY-MM-DD, got {written!r}") from None


def write_gold(lines: list[dict], path: str | Path) -> Path:
    """Write gold lines as JSONL (one article a line, UTF-8), atomically."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
        tmp.replace(path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise FaitsError(Errors.E083.format(path=path, error=e.strerror or e)) from e
    return path
