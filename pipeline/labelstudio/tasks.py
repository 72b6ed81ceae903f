"""Facts into Label Studio tasks: the pipeline's as predictions, a gold file's as annotations.

A task is one article: ``data`` holds its text (the cleaned text faits'
offsets refer to) and its id, publication date and language; each fact is
a figure span labelled by its event_type, with its fields (how_many,
qualifier, …) as per-region results sharing the figure's id, and its who,
what, when, where and source as slot spans related to the figure. An
evidence span is written only when the evidence is not the figure's
sentence (:func:`spans.sentence_around`), which is what the import assumes
when it finds none.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from ..numbers import find_quantities
from .interface import FIGURE, FIGURE_TEXT_FIELDS, QUALIFIER, SLOT, TEXT, VALUE
from .spans import anchor, locate, occurrences, sentence_around

WRITTEN_SLOTS = ("who", "what", "when", "where", "source")


@dataclass
class FactSpec:
    """One fact to write into a task: where its figure is, its event type, fields and slot values."""

    start: int
    end: int
    event_type: str
    fields: dict[str, object]
    slots: dict[str, str | None]
    window: tuple[int, int]  # where its slots are looked for first (its sentence or evidence)
    evidence: str | None = None
    evidence_at: tuple[int, int] | None = None  # where the evidence is, when known


@dataclass
class _Result:
    """The result list of one task's prediction or annotation, with region ids unique in the file."""

    text: str
    prefix: str
    items: list[dict] = field(default_factory=list)
    _spans: dict[tuple, str] = field(default_factory=dict)

    def span(self, control: str, label: str, start: int, end: int, value: str | None = None) -> str:
        key = (control, label, start, end, value)
        if control == SLOT and key in self._spans:
            return self._spans[key]  # one span (a source, a place) may serve several figures
        rid = f"{self.prefix}{len(self._spans) + 1}"
        self._spans[key] = rid
        self.items.append(self._item(rid, control, "labels", start, end, {"labels": [label]}))
        if value is not None:
            self.items.append(self._item(rid, VALUE, "textarea", start, end, {"text": [value]}))
        return rid

    def fields(self, rid: str, start: int, end: int, values: Mapping[str, object]) -> None:
        for name in FIGURE_TEXT_FIELDS:
            text = _field_text(values.get(name))
            if text is not None:
                self.items.append(self._item(rid, name, "textarea", start, end, {"text": [text]}))
        if values.get(QUALIFIER):
            self.items.append(self._item(rid, QUALIFIER, "choices", start, end, {"choices": [values[QUALIFIER]]}))

    def relation(self, from_id: str, to_id: str) -> None:
        self.items.append({"type": "relation", "from_id": from_id, "to_id": to_id, "direction": "right"})

    def _item(self, rid: str, name: str, kind: str, start: int, end: int, value: dict) -> dict:
        return {"id": rid, "from_name": name, "to_name": TEXT, "type": kind,
                "value": {"start": start, "end": end, "text": self.text[start:end], **value}
                if kind == "labels" else {"start": start, "end": end, **value}}


def _field_text(value) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        # 15 significant digits: what a float holds exactly, without its noise (1.7000000000000002 -> 1.7)
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:.15g}"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return text if text.strip() else None


def results(text: str, facts: Iterable[FactSpec], prefix: str) -> list[dict]:
    """The result items of one task for ``facts``."""
    out = _Result(text, prefix)
    for fact in facts:
        fid = out.span(FIGURE, fact.event_type, fact.start, fact.end)
        out.fields(fid, fact.start, fact.end, fact.fields)
        for label in WRITTEN_SLOTS:
            value = fact.slots.get(label)
            if value:
                out.relation(fid, _slot_span(out, text, label, value, fact))
        if fact.evidence is not None:
            s, e = sentence_around(text, fact.start, fact.end)
            if text[s:e] != fact.evidence:
                at = fact.evidence_at
                if at is not None and text[at[0]:at[1]] == fact.evidence:
                    out.relation(fid, out.span(SLOT, "evidence", *at))
                else:
                    out.relation(fid, _slot_span(out, text, "evidence", fact.evidence, fact))
    return out.items


def _slot_span(out: _Result, text: str, label: str, value: str, fact: FactSpec) -> str:
    found = locate(text, value, fact.start, fact.window)
    if found:
        return out.span(SLOT, label, *found)
    # not written so in the text: a span on its longest word (or the first piece of a shortened
    # evidence), the value in the span's field
    at = anchor(text, value, fact.start, fact.window) or (fact.start, fact.end)
    return out.span(SLOT, label, *at, value=value)


def task(text: str, meta: Mapping[str, object], facts: list[FactSpec], *, n: int, kind: str,
         model_version: str | None = None, score: float | None = None) -> dict:
    """One task: ``data`` (text and meta), and the facts as one prediction (``kind="predictions"``) or
    one annotation (``kind="annotations"``)."""
    data = {TEXT: text, **{k: _field_text(v) for k, v in meta.items()}}
    result: dict = {"result": results(text, facts, prefix=f"t{n}r")}
    if kind == "predictions":
        if model_version:
            result["model_version"] = model_version
        if score is not None:
            result["score"] = score
    return {"data": data, kind: [result]}


# --- the pipeline's facts ------------------------------------------------------------------------------


def _cell(value):
    if value is None:
        return None
    try:
        if value != value:  # NaN, NaT
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, datetime):
        return value.date()  # a pandas Timestamp: the facts table's dates
    if hasattr(value, "item"):
        return value.item()
    return value


def fact_spec_of_row(text: str, row: Mapping[str, object]) -> FactSpec:
    """A row of the facts table (SPEC section 2) as a :class:`FactSpec`: its figure at mention_start/end
    (else the mention's text or the first quantity of its sentence), its sentence at char_start/end."""
    row = {k: _cell(v) for k, v in row.items()}
    sentence = (row.get("char_start"), row.get("char_end"))
    window = sentence if None not in sentence else (0, len(text))
    start, end = row.get("mention_start"), row.get("mention_end")
    if start is None or end is None or not (0 <= start < end <= len(text)):
        start, end = _find_figure(text, window, row.get("how_many"), row.get("how_many_high"),
                                  row.get("mention_text"), lang=row.get("lang") or "fr")
    return FactSpec(
        start=int(start), end=int(end), event_type=row.get("event_type") or "other",
        fields={**{k: row.get(k) for k in (*FIGURE_TEXT_FIELDS, QUALIFIER)}, "series": row.get("series_id")},
        slots={"who": row.get("who"), "what": row.get("what"), "when": row.get("when_text"),
               "where": row.get("where"), "source": row.get("source")},
        window=window, evidence=row.get("evidence"), evidence_at=window if None not in sentence else None,
    )


# --- gold ----------------------------------------------------------------------------------------------


def _same(a, b) -> bool:
    return a is not None and b is not None and math.isclose(float(a), float(b), rel_tol=1e-6)


def _find_figure(text: str, window: tuple[int, int], value, high, written: str | None = None, *,
                 lang: str = "fr", taken: set[tuple[int, int]] | None = None) -> tuple[int, int]:
    """Where a fact's figure is in ``window``: the figure as written if known, else the quantity faits
    reads there with the fact's value (and high end), else the first quantity, else the window."""
    lo, hi = window
    taken = taken or set()
    if written:
        found = locate(text, written, lo, window)
        if found:
            return found
    mentions = [(lo + m.start, lo + m.end, m) for m in find_quantities(text[lo:hi], lang)]
    for want_high in (True, False):
        for s, e, m in mentions:
            if (s, e) not in taken and _same(m.value, value) and (not want_high or high is None or _same(m.high, high)):
                return s, e
    free = [(s, e) for s, e, _ in mentions if (s, e) not in taken]
    if free:
        return free[0]
    return (lo, hi) if hi > lo else (lo, min(lo + 1, len(text)))


def _evidence_window(text: str, evidence: str) -> tuple[int, int] | None:
    """Where a gold fact's evidence is: as written (its first occurrence), or, for an evidence shortened
    with "..." or "…", from its first piece to its last one found after it."""
    start = next(occurrences(text, evidence), None)
    if start is not None:
        return start, start + len(evidence)
    pieces = [p.strip() for p in evidence.replace("…", "...").split("...") if p.strip()]
    lo = hi = None
    for piece in pieces:
        at = text.find(piece, hi or 0)
        if at < 0:
            continue
        lo = at if lo is None else lo
        hi = at + len(piece)
    return (lo, hi) if lo is not None else None


GOLD_FIELDS = (*FIGURE_TEXT_FIELDS, QUALIFIER)


def fact_specs_of_gold(text: str, facts: list[dict], lang: str = "fr") -> list[FactSpec]:
    """Gold facts (SPEC section 5) as :class:`FactSpec`: gold gives evidence text, not offsets, so the
    figure is looked for inside the evidence, inside the article."""
    specs, taken = [], set()
    for fact in facts:
        evidence = fact.get("evidence")
        window = _evidence_window(text, evidence) if evidence else None
        start, end = _find_figure(text, window or (0, len(text)), fact.get("how_many"), fact.get("how_many_high"),
                                  lang=lang, taken=taken)
        taken.add((start, end))
        specs.append(FactSpec(
            start=start, end=end, event_type=fact["event_type"],
            fields={k: fact.get(k) for k in GOLD_FIELDS},
            slots={**{k: fact.get(k) for k in WRITTEN_SLOTS if k != "when"}, "when": fact.get("when_text")},
            window=window or sentence_around(text, start, end), evidence=evidence,
        ))
    return specs


META_KEYS = ("article_id", "published", "lang", "split")


def tasks_from_gold(gold: Iterable[dict], texts: Mapping[str, str], *, kind: str = "annotations") -> list[dict]:
    """Label Studio tasks of gold lines (SPEC section 5) over their articles' texts, the gold facts as
    one annotation each (or as a prediction with ``kind="predictions"``). Lines whose article has no
    text in ``texts`` raise KeyError naming it."""
    out = []
    for n, line in enumerate(gold, start=1):
        aid = str(line["article_id"])
        if aid not in texts:
            raise KeyError(aid)
        text = texts[aid]
        specs = fact_specs_of_gold(text, line["facts"], lang=line.get("lang") or "fr")
        meta = {k: line.get(k) for k in META_KEYS if k in line}
        out.append(task(text, meta, specs, n=n, kind=kind, model_version="gold"))
    return out


def tasks_from_facts(facts, articles: Iterable, *, model_version: str | None = None) -> list[dict]:
    """Label Studio tasks of articles (objects with ``article_id``, ``text``, ``published``, ``lang``),
    each with the rows of the facts table ``facts`` (a DataFrame) of that article as its prediction,
    scored by the facts' mean confidence (Label Studio sorts tasks by it: the least sure first)."""
    by_article = {aid: rows for aid, rows in facts.groupby("article_id", sort=False)} if len(facts) else {}
    out = []
    for n, article in enumerate(articles, start=1):
        rows = by_article.get(article.article_id)
        records = rows.sort_values("fact_id").to_dict("records") if rows is not None else []
        lang = getattr(article, "lang", None) or "fr"
        specs = [fact_spec_of_row(article.text, {**r, "lang": lang}) for r in records]
        confidences = [c for c in (_cell(r.get("confidence")) for r in records) if c is not None]
        meta = {"article_id": article.article_id, "published": article.published, "lang": lang}
        out.append(task(article.text, meta, specs, n=n, kind="predictions", model_version=model_version,
                        score=round(sum(confidences) / len(confidences), 4) if confidences else None))
    return out
