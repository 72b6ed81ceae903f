"""A self-contained HTML report of an evaluation: figures, charts, and every article's text
with gold and predicted facts highlighted by displaCy (``ent`` style, manual mode).

Marks: MATCH (a predicted fact matched to a gold fact), SLOT ERROR (matched on
its value, but its who, event_type or when is wrong: no tuple hit), MISS (a
gold fact no prediction matched), FALSE+ (a prediction no gold fact matched).
Each mark's title (shown on hover) puts gold and predicted slots side by side;
the facts table below the text repeats them under the fact. A select at the
top filters the articles to those with errors of one slot (a few lines of
script in the page; ``#errors=who`` in the address does the same). All article
text goes through displaCy, which escapes it, and every title is escaped:
markup in an article is shown, never run.
"""

from __future__ import annotations

import html
import math
from pathlib import Path

from spacy import displacy

from .languages import DEFAULT_LANG
from .numbers import find_quantities
from .scoring import ALL_SLOTS, TUPLE_SLOTS, ArticleResult, score_article

SLOT_ERROR = "SLOT ERROR"
COLORS = {"MATCH": "#9be39b", SLOT_ERROR: "#8ec9f2", "MISS": "#f7a6a6", "FALSE+": "#ffd27f",
          "MISS+FALSE+": "#e0b0ff"}
# each mark's class, for the page's style and for readers of the page (tests, scripts)
MARK_CLASSES = {"MATCH": "match", SLOT_ERROR: "slot-error", "MISS": "miss", "FALSE+": "false-positive",
                "MISS+FALSE+": "miss-false-positive"}
# displaCy's ent template with a class and a title: gold and predicted slots on hover
MARK_TEMPLATE = (
    '<mark class="entity {css}" title="{title}" style="background: {bg}; padding: 0.45em 0.6em; '
    'margin: 0 0.25em; line-height: 1; border-radius: 0.35em;">{text}<span style="font-size: 0.8em; '
    'font-weight: bold; line-height: 1; border-radius: 0.35em; vertical-align: middle; margin-left: 0.5rem">'
    "{label}{kb_link}</span></mark>"
)
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
mark.slot-error{outline:2px dashed #1565c0;outline-offset:1px}
td.wrong{background:#cfe6fb;font-weight:600}tr.slot-errors td{background:#eef6fd;font-size:.85rem}
.filter{position:sticky;top:0;background:#fff;padding:.4rem 0;border-bottom:1px solid #ddd}
section[hidden]{display:none}
"""
# the article filter: keep the articles whose data-slot-errors hold the chosen slot (offline, no library)
FILTER_SCRIPT = """
(function () {
  var select = document.getElementById("slot-filter");
  var count = document.getElementById("filter-count");
  var articles = document.querySelectorAll("section.article");
  function apply() {
    var slot = select.value, shown = 0;
    articles.forEach(function (article) {
      var errors = (article.getAttribute("data-slot-errors") || "").split(" ");
      var keep = !slot || errors.indexOf(slot) >= 0;
      article.hidden = !keep;
      var details = article.querySelector("details");
      if (details && slot) { details.open = keep; }
      if (keep) { shown += 1; }
    });
    count.textContent = shown + " of " + articles.length + " articles";
  }
  var asked = /(?:^#|&)errors=([a-z_]+)/.exec(location.hash);
  if (asked && select.querySelector('option[value="' + asked[1] + '"]')) { select.value = asked[1]; }
  select.addEventListener("change", function () {
    try { history.replaceState(null, "", select.value ? "#errors=" + select.value : location.pathname); }
    catch (e) { /* a page opened from a file may refuse it: the filter works all the same */ }
    apply();
  });
  apply();
})();
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


def _slot_text(fact: dict, slot: str) -> str:
    """A slot as the report shows it: "–" for null; when as its two days."""
    if slot == "when":
        start, end = fact.get("when_start"), fact.get("when_end")
        if start is None and end is None:
            return "–"
        return f"{str(start)[:10]} – {str(end)[:10]}"
    value = fact.get(slot)
    return "–" if value is None else str(value)


def _wrong_slots(result: ArticleResult) -> dict[int, list[str]]:
    """Gold index -> the slots its matched prediction has wrong (SPEC section 6), in ALL_SLOTS order."""
    return {gi: [s for s in ALL_SLOTS if not rights[s]] for (gi, _), rights in result.slot_right.items()}


def _side_by_side(gold: dict, pred: dict, slots: list[str]) -> str:
    return "\n".join(f"{s}: gold «{_slot_text(gold, s)}» · predicted «{_slot_text(pred, s)}»" for s in slots)


def _marks(text: str, result: ArticleResult) -> list[dict]:
    gold, pred = result.gold, result.pred
    matched_p = {p: g for g, p in result.pairs}
    wrong = _wrong_slots(result)
    raw = []
    for pi, p in enumerate(pred):
        start, end = p.get("mention_start"), p.get("mention_end")
        if start is None or end is None:
            continue
        if pi not in matched_p:
            raw.append((int(start), int(end), "FALSE+", f"no gold fact: predicted {_slot_text(p, 'how_many')}"))
            continue
        gi = matched_p[pi]
        bad = wrong[gi]
        if any(s in TUPLE_SLOTS for s in bad):
            raw.append((int(start), int(end), SLOT_ERROR, _side_by_side(gold[gi], p, bad)))
        else:
            title = "match" + (" (other slots wrong)\n" + _side_by_side(gold[gi], p, bad) if bad else "")
            raw.append((int(start), int(end), "MATCH", title))
    matched_g = set(wrong)
    for gi, g in enumerate(gold):
        if gi in matched_g:
            continue
        where = _locate_gold(text, g)
        if where:
            raw.append((where[0], where[1], "MISS", f"missed: gold {_slot_text(g, 'how_many')}"))
    raw.sort()
    merged: list[tuple[int, int, set[str], list[str]]] = []
    for start, end, label, title in raw:
        if merged and start < merged[-1][1]:
            last_start, last_end, labels, titles = merged[-1]
            merged[-1] = (last_start, max(last_end, end), labels | {label}, titles + [title])
        else:
            merged.append((start, end, {label}, [title]))
    marks = []
    for start, end, labels, titles in merged:
        label = _label(labels)
        marks.append({"start": start, "end": end, "label": label,
                      "params": {"css": MARK_CLASSES[label], "title": html.escape("\n".join(titles), quote=True)}})
    return marks


def _label(labels: set[str]) -> str:
    if len(labels) == 1:
        return next(iter(labels))
    if {"MISS", "FALSE+"} <= labels:
        return "MISS+FALSE+"
    if SLOT_ERROR in labels:
        return SLOT_ERROR
    return "MATCH"


TABLE_COLUMNS = ("how_many", "qualifier", "who", "what", "event_type", "unit", "when_start", "when_end",
                 "where", "source")


def _facts_table(result: ArticleResult) -> str:
    gold, pred = result.gold, result.pred
    pairs = dict(result.pairs)
    wrong = _wrong_slots(result)
    cols = TABLE_COLUMNS
    head = "<tr><th></th>" + "".join(f"<th>{c}</th>" for c in cols) + "</tr>"
    rows = []
    for gi, g in enumerate(gold):
        if gi not in pairs:
            rows.append(_row("gold (missed)", g, cols, "bad"))
            continue
        bad = wrong[gi]
        cells = {c for c in cols if c in bad or (c.startswith("when_") and "when" in bad)}
        p = pred[pairs[gi]]
        slot_error = any(s in TUPLE_SLOTS for s in bad)
        rows.append(_row("gold", g, cols, "ok", cells))
        rows.append(_row("predicted (slot error)" if slot_error else "predicted", p, cols, "", cells))
        if bad:
            listed = "; ".join(f"<b>{s}</b>: gold «{html.escape(_slot_text(g, s))}» · predicted "
                               f"«{html.escape(_slot_text(p, s))}»" for s in bad)
            rows.append(f'<tr class="slot-errors" data-slots="{" ".join(bad)}"><td>slots wrong</td>'
                        f'<td colspan="{len(cols)}">{listed}</td></tr>')
    for pi, p in enumerate(pred):
        if pi not in pairs.values():
            rows.append(_row("predicted (false +)", p, cols, "bad"))
    return f"<table>{head}{''.join(rows)}</table>"


def _row(kind: str, fact: dict, cols, css: str, wrong: set[str] = frozenset()) -> str:
    cells = "".join(f"<td{' class=wrong' if c in wrong else ''}>"
                    f"{html.escape('' if fact.get(c) is None else str(fact.get(c))[:60])}</td>" for c in cols)
    return f'<tr class="{css}"><td>{kind}</td>{cells}</tr>'


def _filter(errors_by_slot: dict[str, int], n_articles: int) -> str:
    options = [f'<option value="">all articles ({n_articles})</option>']
    options += [f'<option value="{slot}">{slot} wrong ({n})</option>' for slot, n in errors_by_slot.items()]
    return (f'<p class="filter"><label for="slot-filter">Show </label><select id="slot-filter">{"".join(options)}'
            f'</select> <span id="filter-count">{n_articles} of {n_articles} articles</span></p>')


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
    errors_by_slot = dict.fromkeys(ALL_SLOTS, 0)
    for article_id, line in gold.items():
        text = texts.get(article_id)
        g, p = line.get("facts", []), pred.get(article_id, [])
        result = score_article(article_id, g, p, line.get("lang") or DEFAULT_LANG)
        if text is None:
            body = "<p><em>article text not found</em></p>"
        else:
            body = displacy.render(
                {"text": text, "ents": _marks(text, result), "title": None},
                style="ent", manual=True, page=False,
                options={"colors": COLORS, "ents": list(COLORS), "template": MARK_TEMPLATE},
            )
        slots = [s for s in ALL_SLOTS if any(s in bad for bad in _wrong_slots(result).values())]
        for slot in slots:
            errors_by_slot[slot] += 1
        sections.append(
            f'<section class="article" id="{html.escape(article_id)}" data-slot-errors="{" ".join(slots)}">'
            f"<h2>{html.escape(article_id)}</h2>"
            f"<p>gold {len(g)} · predicted {len(p)}" + (f" · slots wrong: {', '.join(slots)}" if slots else "")
            + f"</p>{body}<details><summary>facts, gold and predicted</summary>{_facts_table(result)}</details>"
            "</section>"
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
        f"<p class='legend'>{legend}</p>{_filter(errors_by_slot, len(sections))}{''.join(sections)}"
        f"<script>{FILTER_SCRIPT}</script></body></html>"
    )


def write_report(path: str | Path, scores: dict, gold: dict[str, dict], pred: dict[str, list[dict]],
                 texts: dict[str, str]) -> Path:
    from .files import write_text_atomic

    return write_text_atomic(path, render_report(scores, gold, pred, texts))
