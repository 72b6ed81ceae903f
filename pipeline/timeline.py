"""The series report: one small timeline per series reported by several articles (SPEC section 7).

Each timeline is an inline SVG: the series' claims as marks, the value up,
the publication date across (a claim reported over several days draws a
line from its first to its last day; a claim of undated articles sits at
the right edge, on a dashed line), the claims in publication order joined
by a line. Beside it, the claims with their sources and articles. Every
text goes through ``html.escape``: what an article says is shown, never run.
A few lines of script count the timelines and marks into the page's
summary line, so a browser shows whether the page is whole.
"""

from __future__ import annotations

import html
import math
from datetime import date
from pathlib import Path

import pandas as pd

WIDTH, HEIGHT = 440, 170
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 64, 46, 18, 34
STATUS_COLORS = {"single": "#888", "agreed": "#2e7d32", "updated": "#1565c0", "disputed": "#c62828"}
STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1150px;color:#222}
h1{font-size:1.5rem}.summary{color:#555}
figure.timeline{display:flex;gap:1.2rem;align-items:flex-start;border-top:1px solid #ddd;margin:0;padding:1rem 0}
figure.timeline svg{flex:none}
figure.timeline figcaption{font-weight:600;margin-bottom:.3rem}
.status{display:inline-block;color:#fff;border-radius:3px;padding:0 6px;font-size:.8rem;margin-left:.4rem}
ol.claims{font-size:.85rem;margin:.2rem 0;padding-left:1.2rem}ol.claims li{margin:.25rem 0}
.src{color:#555}.meta{color:#666;font-size:.85rem}
svg text{font-size:10px;fill:#444}
"""
SCRIPT = """
document.addEventListener('DOMContentLoaded', function () {
  var figures = document.querySelectorAll('figure.timeline');
  var marks = 0, whole = 0;
  figures.forEach(function (f) {
    var n = f.querySelectorAll('circle.claim').length;
    marks += n;
    if (n === parseInt(f.dataset.claims, 10)) { whole += 1; } else { f.classList.add('broken'); }
  });
  document.getElementById('summary').textContent =
    figures.length + ' timelines, ' + marks + ' marks, ' + whole + ' whole';
});
"""


def _fmt_value(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "?"
    v = float(v)
    if abs(v) >= 1e9:
        return f"{v / 1e9:.3g} G"
    if abs(v) >= 1e6:
        return f"{v / 1e6:.3g} M"
    if v == int(v):
        return f"{v:,.0f}".replace(",", " ")
    return f"{v:,.2f}".replace(",", " ").rstrip("0").rstrip(".")


def _day(v) -> date | None:
    if v is None or v is pd.NaT or (isinstance(v, float) and math.isnan(v)):
        return None
    try:
        return pd.Timestamp(v).date()
    except (TypeError, ValueError):
        return None


def _svg(series: dict, claims: list[dict]) -> str:
    """One timeline: a mark per claim, value against publication date."""
    days = [d for c in claims for d in (_day(c["first_published"]), _day(c["last_published"])) if d]
    undated = any(_day(c["first_published"]) is None for c in claims)
    values = [float(c["how_many"]) for c in claims if c["how_many"] is not None and not math.isnan(c["how_many"])]
    lo_v, hi_v = (min(values), max(values)) if values else (0.0, 1.0)
    if lo_v == hi_v:
        lo_v, hi_v = lo_v * 0.9 - 1e-9, hi_v * 1.1 + 1e-9
    lo_v, hi_v = lo_v - 0.1 * (hi_v - lo_v), hi_v + 0.1 * (hi_v - lo_v)
    first, last = (min(days), max(days)) if days else (None, None)
    span = max(1, (last - first).days) if days else 1
    plot_right = WIDTH - PAD_RIGHT - (40 if undated else 0)

    def x_of(d: date | None) -> float:
        if d is None:
            return WIDTH - PAD_RIGHT - 10
        if first == last:
            return (PAD_LEFT + plot_right) / 2
        return PAD_LEFT + (d - first).days / span * (plot_right - PAD_LEFT)

    def y_of(v: float) -> float:
        return PAD_TOP + (hi_v - v) / (hi_v - lo_v) * (HEIGHT - PAD_TOP - PAD_BOTTOM)

    color = STATUS_COLORS.get(str(series["status"]), "#444")
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" role="img" '
             f'aria-label="{html.escape(str(series["who"] or series["event_type"]))}">',
             f'<line x1="{PAD_LEFT}" y1="{HEIGHT - PAD_BOTTOM}" x2="{WIDTH - PAD_RIGHT}" '
             f'y2="{HEIGHT - PAD_BOTTOM}" stroke="#999"/>',
             f'<line x1="{PAD_LEFT}" y1="{PAD_TOP}" x2="{PAD_LEFT}" y2="{HEIGHT - PAD_BOTTOM}" stroke="#999"/>']
    for v in sorted(set(values)) if len(set(values)) <= 2 else (min(values), max(values)):
        # the axis names the figures at its ends: the smallest and the largest claim
        parts.append(f'<text x="{PAD_LEFT - 6}" y="{y_of(v) + 3:.1f}" text-anchor="end">{_fmt_value(v)}</text>')
    if days:
        parts.append(f'<text x="{PAD_LEFT}" y="{HEIGHT - PAD_BOTTOM + 14}">{first.isoformat()}</text>')
        if last != first:
            parts.append(f'<text x="{plot_right}" y="{HEIGHT - PAD_BOTTOM + 14}" text-anchor="end">'
                         f"{last.isoformat()}</text>")
    if undated:
        ux = WIDTH - PAD_RIGHT - 10
        parts.append(f'<line x1="{ux}" y1="{PAD_TOP}" x2="{ux}" y2="{HEIGHT - PAD_BOTTOM}" stroke="#bbb" '
                     'stroke-dasharray="3,3"/>'
                     f'<text x="{ux}" y="{HEIGHT - PAD_BOTTOM + 26}" text-anchor="middle">undated</text>')
    points = []
    marks = []
    for c in claims:
        if c["how_many"] is None or math.isnan(c["how_many"]):
            y = HEIGHT - PAD_BOTTOM
        else:
            y = y_of(float(c["how_many"]))
        x0, x1 = x_of(_day(c["first_published"])), x_of(_day(c["last_published"]))
        points.append(f"{x0:.1f},{y:.1f}")
        if x1 > x0:
            marks.append(f'<line x1="{x0:.1f}" y1="{y:.1f}" x2="{x1:.1f}" y2="{y:.1f}" stroke="{color}" '
                         'stroke-width="3" stroke-opacity=".45"/>')
        tip = f"{_fmt_value(c['how_many'])} — " + "; ".join(c["sources"] or c["article_ids"])
        r = 4 + min(6, 1.5 * (int(c["n_articles"]) - 1))
        marks.append(f'<circle class="claim" data-claim-id="{html.escape(str(c["claim_id"]))}" cx="{x0:.1f}" '
                     f'cy="{y:.1f}" r="{r:.1f}" fill="{color}"><title>{html.escape(tip)}</title></circle>'
                     f'<text x="{x0 + r + 3:.1f}" y="{y - r:.1f}">{html.escape(_fmt_value(c["how_many"]))}</text>')
    if len(points) > 1:
        parts.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="{color}" stroke-opacity=".5"/>')
    parts += marks
    parts.append("</svg>")
    return "".join(parts)


def _claim_item(c: dict) -> str:
    first, last = _day(c["first_published"]), _day(c["last_published"])
    when = "undated" if first is None else first.isoformat() + (f" → {last.isoformat()}" if last != first else "")
    sources = ", ".join(c["sources"]) or "no source named"
    value = _fmt_value(c["how_many"])
    if c["how_many_high"] is not None and not math.isnan(c["how_many_high"]):
        value += f"–{_fmt_value(c['how_many_high'])}"
    return (f"<li><b>{html.escape(value)}</b> {html.escape(str(c['qualifier'] or ''))} · {html.escape(when)}"
            f' · <span class="src">{html.escape(sources)}</span>'
            f' · <span class="meta">{html.escape(", ".join(c["article_ids"]))}</span></li>')


def _records(df: pd.DataFrame) -> list[dict]:
    out = []
    for row in df.to_dict(orient="records"):
        clean = {k: (None if v is pd.NA or v is pd.NaT else v) for k, v in row.items()}
        for key in ("sources", "article_ids"):
            if key in clean:
                clean[key] = [str(x) for x in (clean[key] if clean[key] is not None else [])]
        if "how_many" in clean and clean["how_many"] is None:
            clean["how_many"] = float("nan")
        out.append(clean)
    return out


def render_timelines(series: pd.DataFrame, claims: pd.DataFrame, *, title: str = "faits — series") -> str:
    """The report as one self-contained HTML page: a timeline for each series of several articles."""
    multi = series[series["n_articles"].fillna(0).astype(int) > 1]
    by_series: dict[str, list[dict]] = {}
    for c in _records(claims):
        by_series.setdefault(str(c["series_id"]), []).append(c)
    figures = []
    for s in _records(multi):
        cs = by_series.get(str(s["series_id"]), [])
        cs.sort(key=lambda c: (_day(c["first_published"]) is None, _day(c["first_published"]) or date.min))
        period = ""
        if _day(s["when_start"]):
            period = f" · {_day(s['when_start']).isoformat()} – {_day(s['when_end']).isoformat()}"
        color = STATUS_COLORS.get(str(s["status"]), "#444")
        caption = (f"{html.escape(str(s['who'] or '?'))} · {html.escape(str(s['event_type']))}"
                   f"{' · ' + html.escape(str(s['where'])) if s['where'] else ''}{html.escape(period)}"
                   f'<span class="status" style="background:{color}">{html.escape(str(s["status"]))}</span>')
        figures.append(
            f'<figure class="timeline" id="{html.escape(str(s["series_id"]))}" '
            f'data-series-id="{html.escape(str(s["series_id"]))}" data-claims="{len(cs)}" '
            f'data-status="{html.escape(str(s["status"]))}">{_svg(s, cs)}<div><figcaption>{caption}</figcaption>'
            f'<div class="meta">{int(s["n_articles"])} articles · {len(cs)} claim{"s" if len(cs) != 1 else ""}'
            f' · unit {html.escape(str(s["unit"] or "–"))} · {html.escape(str(s["series_id"]))}</div>'
            f'<ol class="claims">{"".join(_claim_item(c) for c in cs)}</ol></div></figure>'
        )
    counts = multi["status"].value_counts().to_dict() if len(multi) else {}
    legend = " ".join(f'<span class="status" style="background:{c}">{k} {counts.get(k, 0)}</span>'
                      for k, c in STATUS_COLORS.items() if k != "single")
    empty = "" if figures else "<p>No series is reported by more than one article.</p>"
    return (
        f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<style>{STYLE}</style></head><body><h1>{html.escape(title)}</h1>"
        f"<p class='summary'>{len(series)} series · {len(claims)} claims · {len(multi)} reported by several "
        f"articles {legend}</p><p class='summary' id='summary'>{len(figures)} timelines</p>"
        f"{empty}{''.join(figures)}<script>{SCRIPT}</script></body></html>"
    )


def write_timelines(path: str | Path, series: pd.DataFrame, claims: pd.DataFrame, **kwargs) -> Path:
    from .files import write_text_atomic

    return write_text_atomic(path, render_timelines(series, claims, **kwargs))


__all__ = ["render_timelines", "write_timelines"]
