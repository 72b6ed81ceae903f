"""A self-contained HTML report of an evaluation: figures, charts, and every article's text
with gold and predicted facts highlighted by displaCy (``ent`` style, manual mode).

Marks: MATCH (a predicted fact matched to a gold fact), MISS (a gold fact no
prediction matched), FALSE+ (a prediction no gold fact matched). All article
text goes through displaCy, which escapes it: markup in an article is shown,
never run.
"""

from __future__ import annotations

import html
import math
from pathlib import Path

from spacy import displacy

from .numbers import find_quantities
from .scoring import match_facts

COLORS = {"MATCH": "#9be39b", "MISS": "#f7a6a6", "FALSE+": "#ffd27f", "MISS+FALSE+": "#e0b0ff"}
STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;
     max-width:1100px;color:#222}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.6rem 0;font-size:.88rem}
td,th{border:1px solid #ddd;padding:3px 7px;text-align:left}
th{background:#f4f4f4}.num{text-align:right}.bad{background:#fde2e2}.ok{background:#e4f7e4}
.legend span{padding:2px 8px;margin-right:8px;border-radius:3px}
details{margin:.4rem 0 1rem}summary{cursor:pointer;font-weight:600}
.charts{display:flex;gap:2rem;flex-wrap:wrap}
"""


def _bar_chart(title: str, values: dict[str, float]) -> str:
    """An inline SVG bar chart of values in [0, 1]."""
    width, row, label_w = 420, 22, 120
    height = row * len(values) + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="{html.escape(title)}"><text x="0" y="14" font-size="13" font-weight="bold">'
             f"{html.escape(title)}</text>"]
    for i, (name, value) in enumerate(values.items()):
        y = 24 + i * row
        v = 0.0 if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)
        w = max(0.0, min(1.0, v)) * (width - label_w - 50)
        parts.append(
            f'<text x="0" y="{y + 14}" font-size="12">{html.escape(name)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="14" fill="#4c8bf5"/>'
            f'<text x="{label_w + w + 4:.1f}" y="{y + 14}" font-size="11">{v:.2f}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _locate_gold(text: str, fact: dict) -> tuple[int, int] | None:
    """Where a gold fact's number is in the text: inside its evidence, the quantity of its value."""
    evidence = str(fact.get("evidence") or "")
    for piece in evidence.split("..."):
        piece = piece.strip()
        if not piece:
            continue
        at = text.find(piece)
        if at < 0:
            continue
        for q in find_quantities(piece):
            if math.isclose(q.value, float(fact["how_many"]), rel_tol=1e-6):
                return at + q.start, at + q.end
        return at, at + len(piece)
    return None


def _marks(text: str, gold: list[dict], pred: list[dict]) -> list[dict]:
    pairs = match_facts(gold, pred)
    matched_g = {g for g, _ in pairs}
    matched_p = {p for _, p in pairs}
    raw = []
    for pi, p in enumerate(pred):
        start, end = p.get("mention_start"), p.get("mention_end")
        if start is None or end is None:
            continue
        raw.append((int(start), int(end), "MATCH" if pi in matched_p else "FALSE+"))
    for gi, g in enumerate(gold):
        if gi in matched_g:
            continue
        where = _locate_gold(text, g)
        if where:
            raw.append((where[0], where[1], "MISS"))
    raw.sort()
    merged: list[tuple[int, int, set[str]]] = []
    for start, end, label in raw:
        if merged and start < merged[-1][1]:
            last_start, last_end, labels = merged[-1]
            merged[-1] = (last_start, max(last_end, end), labels | {label})
        else:
            merged.append((start, end, {label}))
    return [{"start": s, "end": e, "label": _label(labels)} for s, e, labels in merged]


def _label(labels: set[str]) -> str:
    if len(labels) == 1:
        return next(iter(labels))
    if {"MISS", "FALSE+"} <= labels:
        return "MISS+FALSE+"
    return "MATCH"


def _facts_table(gold: list[dict], pred: list[dict]) -> str:
    pairs = dict((g, p) for g, p in match_facts(gold, pred))
    cols = ("how_many", "qualifier", "who", "what", "event_type", "unit", "when_start", "when_end",
            "where", "source")
    head = "<tr><th></th>" + "".join(f"<th>{c}</th>" for c in cols) + "</tr>"
    rows = []
    for gi, g in enumerate(gold):
        rows.append(_row("gold" if gi in pairs else "gold (missed)", g, cols, "ok" if gi in pairs else "bad"))
        if gi in pairs:
            rows.append(_row("predicted", pred[pairs[gi]], cols, ""))
    for pi, p in enumerate(pred):
        if pi not in pairs.values():
            rows.append(_row("predicted (false +)", p, cols, "bad"))
    return f"<table>{head}{''.join(rows)}</table>"


def _row(kind: str, fact: dict, cols, css: str) -> str:
    cells = "".join(f"<td>{html.escape('' if fact.get(c) is None else str(fact.get(c))[:60])}</td>"
                    for c in cols)
    return f'<tr class="{css}"><td>{kind}</td>{cells}</tr>'


def render_report(scores: dict, gold: dict[str, dict], pred: dict[str, list[dict]],
                  texts: dict[str, str]) -> str:
    """The whole report as one HTML string (no external resource)."""
    figures = [("facts", scores["fact_p"], scores["fact_r"], scores["fact_f1"]),
               ("tuples", scores["tuple_p"], scores["tuple_r"], scores["tuple_f1"])]
    for kind in ("numbers", "dates", "entities"):
        if scores.get(kind):
            s = scores[kind]
            figures.append((kind, s["p"], s["r"], s["f1"]))
    fig_rows = "".join(f"<tr><td>{k}</td><td class=num>{p:.3f}</td><td class=num>{r:.3f}</td>"
                       f"<td class=num>{f:.3f}</td></tr>" for k, p, r, f in figures)
    type_f1 = {k: v["f1"] for k, v in scores["by_event_type"].items()}
    legend = "".join(f'<span style="background:{c}">{html.escape(k)}</span>' for k, c in COLORS.items())
    sections = []
    for article_id, line in gold.items():
        text = texts.get(article_id)
        g, p = line.get("facts", []), pred.get(article_id, [])
        if text is None:
            body = "<p><em>article text not found</em></p>"
        else:
            body = displacy.render(
                {"text": text, "ents": _marks(text, g, p), "title": None},
                style="ent", manual=True, page=False,
                options={"colors": COLORS, "ents": list(COLORS)},
            )
        sections.append(
            f'<section class="article" id="{html.escape(article_id)}"><h2>{html.escape(article_id)}</h2>'
            f"<p>gold {len(g)} · predicted {len(p)}</p>{body}"
            f"<details><summary>facts, gold and predicted</summary>{_facts_table(g, p)}</details></section>"
        )
    title = f"faits evaluation — {html.escape(str(scores.get('gold', '')))}"
    if scores.get("split"):
        title += f" ({html.escape(scores['split'])})"
    return (
        f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>{title}</title>"
        f"<style>{STYLE}</style></head><body><h1>{title}</h1>"
        f"<p>{scores['articles']} articles · {scores['n_gold']} gold facts · {scores['n_pred']} predicted · "
        f"{scores['n_matched']} matched · {scores['n_tuple_hits']} tuple hits</p>"
        f"<table><tr><th></th><th>P</th><th>R</th><th>F1</th></tr>{fig_rows}</table>"
        f"<div class='charts'>{_bar_chart('Slot accuracy (matched facts)', scores['slots'])}"
        f"{_bar_chart('F1 by event_type', type_f1)}</div>"
        f"<p class='legend'>{legend}</p>{''.join(sections)}</body></html>"
    )


def write_report(path: str | Path, scores: dict, gold: dict[str, dict], pred: dict[str, list[dict]],
                 texts: dict[str, str]) -> Path:
    from .files import write_text_atomic

    return write_text_atomic(path, render_report(scores, gold, pred, texts))
