"""The labelling interface: the names its config (``config.xml``) gives controls and labels.

The config is a data file shipped in the package; the code names what it
reads and writes through the constants below, and :func:`check_tasks` checks
tasks against the config itself, so that the two cannot drift apart unseen.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from importlib import resources

TEXT = "text"  # the Text object tag: the article, at data["text"]
FIGURE = "figure"  # Labels: the figure's span, labelled by event_type
SLOT = "slot"  # Labels: who, what, when, where, source, evidence spans
SLOT_LABELS = ("who", "what", "when", "where", "source", "evidence")
# per-region fields of a figure: TextArea, except the qualifier (Choices)
QUALIFIER = "qualifier"
FIGURE_TEXT_FIELDS = ("how_many", "how_many_high", "unit", "when_start", "when_end", "series")
# per-region field of a slot span: its value when it is not the span's text as written
VALUE = "value"


def config_text() -> str:
    """The labelling interface's XML, as shipped (paste it into a Label Studio project)."""
    return resources.files(__package__).joinpath("config.xml").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Control:
    """A control tag of the config: its tag, the object it labels, and its labels or choices."""

    tag: str
    to_name: str | None
    values: tuple[str, ...]
    per_region: bool


def controls(xml: str | None = None) -> dict[str, Control]:
    """The config's control tags by name (Labels, Choices, TextArea)."""
    root = ET.fromstring(xml if xml is not None else config_text())
    found: dict[str, Control] = {}
    for el in root.iter():
        if el.tag in ("Labels", "Choices", "TextArea"):
            values = tuple(c.get("value") for c in el if c.tag in ("Label", "Choice"))
            found[el.get("name")] = Control(el.tag, el.get("toName"), values, el.get("perRegion") == "true")
    return found


def object_names(xml: str | None = None) -> set[str]:
    """Names of the config's object tags that can be labelled (Text)."""
    root = ET.fromstring(xml if xml is not None else config_text())
    return {el.get("name") for el in root.iter() if el.tag == "Text"}


_RESULT_TYPES = {"Labels": "labels", "Choices": "choices", "TextArea": "textarea"}


def check_tasks(tasks: list[dict], xml: str | None = None) -> list[str]:
    """Problems of tasks against the config: every result item names a control of the config, of its
    type, on an object of the config, with a label or choice the control has, and every relation joins
    two regions of its result. An empty list when the tasks fit."""
    ctrls, objects = controls(xml), object_names(xml)
    problems = []
    for n, task in enumerate(tasks, start=1):
        where = f"task {task.get('id', n)}"
        if not isinstance(task.get("data", {}).get(TEXT), str):
            problems.append(f"{where}: data has no text")
        for kind in ("predictions", "annotations"):
            for item in task.get(kind, []):
                regions = {r.get("id") for r in item["result"] if r.get("type") != "relation"}
                for r in item["result"]:
                    problems += [f"{where}, {kind}: {p}" for p in _result_problems(r, ctrls, objects, regions)]
    return problems


def _result_problems(r: dict, ctrls: dict[str, Control], objects: set[str], regions: set) -> list[str]:
    if r.get("type") == "relation":
        return [] if {r.get("from_id"), r.get("to_id")} <= regions else [f"relation {r} joins an unknown region"]
    control = ctrls.get(r.get("from_name"))
    if control is None:
        return [f"from_name {r.get('from_name')!r} is no control of the config"]
    problems = []
    if r.get("to_name") not in objects or r.get("to_name") != control.to_name:
        problems.append(f"to_name {r.get('to_name')!r} is not the object of {r['from_name']!r}")
    if r.get("type") != _RESULT_TYPES[control.tag]:
        problems.append(f"type {r.get('type')!r} of {r['from_name']!r} should be {_RESULT_TYPES[control.tag]!r}")
    value = r.get("value", {})
    used = value.get("labels", []) if control.tag == "Labels" else value.get("choices", [])
    problems += [f"{r['from_name']!r} has no label or choice {v!r}" for v in used if v not in control.values]
    if control.per_region or control.tag == "Labels":
        if not (isinstance(value.get("start"), int) and isinstance(value.get("end"), int)):
            problems.append(f"{r['from_name']!r} result {r.get('id')!r} has no start and end")
    return problems
