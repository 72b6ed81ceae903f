"""``faits evaluate``: run the pipeline (or read a predicted table) and score it against gold.

    >>> from pipeline.evaluation import evaluate
    >>> scores = evaluate("corpus/gold.jsonl", "corpus/articles", split="dev")
    >>> scores["tuple_f1"]
"""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import pandas as pd

from .errors import Errors, FaitsError
from .files import write_text_atomic
from .ingest import expand_inputs, read_file
from .schema import ALL_COLUMNS
from .scoring import score
from .series import assign_series_by_language
from .series_scoring import series_scores

GOLD_FACT_KEYS = ("how_many", "qualifier", "event_type")
EVENT_TYPES = ("killed", "wounded", "casualties", "missing", "detained", "displaced", "deployed",
               "affected", "money", "other")
QUALIFIERS = ("exact", "approx", "more_than", "at_least", "less_than", "at_most", "range")


def load_gold(path: str | Path, split: str | None = None) -> dict[str, dict]:
    """Read a gold JSONL file; every problem names its line ("Gold file …, line N: …")."""
    path = Path(path)
    if not path.is_file():
        raise FaitsError(Errors.E010.format(path=path))
    gold: dict[str, dict] = {}
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise FaitsError(Errors.E083.format(path=path, error=e.strerror or e)) from e
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    for n, data in enumerate(raw.split(b"\n"), start=1):
        def bad(problem: str, n: int = n) -> FaitsError:
            return FaitsError(Errors.E030.format(path=path, line=n, problem=problem))

        try:
            line = data.decode("utf-8")
        except UnicodeDecodeError as e:
            raise bad(f"not UTF-8 (byte {e.start + 1} of the line)") from e
        if not line.strip():
            continue
        try:
            rec = json.loads(line, parse_constant=_no_constant)
        except ValueError as e:  # JSONDecodeError, NaN / Infinity, an integer of more than 4,300 digits
            raise bad(f"invalid JSON ({getattr(e, 'msg', e)})") from e
        problem = _gold_problem(rec)
        if problem:
            raise bad(problem)
        if split and rec.get("split", split) != split:
            continue
        article_id = str(rec["article_id"])
        if article_id in gold:
            raise bad(f"article_id {article_id!r} already has a gold line")
        gold[article_id] = rec
    return gold


def _no_constant(name: str):
    raise ValueError(f"{name} is not a number gold can hold")


# a figure gold can hold: finite, and within what a float (and the table) holds
MAX_GOLD_VALUE = 1e300


def _number_problem(value, what: str, nullable: bool = False) -> str | None:
    if value is None and nullable:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"{what} must be a number{' or null' if nullable else ''}, got {value!r}"
    try:
        ok = math.isfinite(float(value)) and abs(float(value)) <= MAX_GOLD_VALUE
    except OverflowError:
        ok = False
    if not ok:
        return f"{what} must be a finite number of at most 1e300, got {str(value)[:40]}"
    return None


def _date_problem(value, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        return f"{what} must be a date YYYY-MM-DD or null, got {value!r}"
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return f"{what} must be a date YYYY-MM-DD or null, got {value!r}"
    return None


def _gold_problem(rec) -> str | None:
    if not isinstance(rec, dict):
        return f"expected a JSON object, got {type(rec).__name__}"
    if "article_id" not in rec:
        return "missing 'article_id'"
    aid = rec["article_id"]
    if isinstance(aid, bool) or not isinstance(aid, (str, int)) or not str(aid).strip():
        return f"article_id must be a non-empty string, got {aid!r}"
    if not isinstance(rec.get("facts"), list):
        return "missing 'facts' list"
    if "split" in rec and not isinstance(rec["split"], str):
        return f"split must be a string, got {rec['split']!r}"
    if (problem := _date_problem(rec.get("published"), "published")):
        return problem
    for i, fact in enumerate(rec["facts"], start=1):
        if not isinstance(fact, dict):
            return f"fact {i} is not an object"
        for key in GOLD_FACT_KEYS:
            if key not in fact:
                return f"fact {i} lacks '{key}'"
        problem = (_number_problem(fact["how_many"], f"fact {i}: how_many")
                   or _number_problem(fact.get("how_many_high"), f"fact {i}: how_many_high", nullable=True)
                   or _date_problem(fact.get("when_start"), f"fact {i}: when_start")
                   or _date_problem(fact.get("when_end"), f"fact {i}: when_end"))
        if problem:
            return problem
        if fact["event_type"] not in EVENT_TYPES:
            return f"fact {i}: event_type {fact['event_type']!r} not in {', '.join(EVENT_TYPES)}"
        if fact["qualifier"] not in QUALIFIERS:
            return f"fact {i}: qualifier {fact['qualifier']!r} not in {', '.join(QUALIFIERS)}"
        if "evidence_start" in fact or "evidence_end" in fact:
            start, end = fact.get("evidence_start"), fact.get("evidence_end")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
                return f"fact {i}: evidence_start and evidence_end must be offsets (0 <= start <= end)"
        for slot in ("who", "what", "unit", "where", "source", "evidence", "when_text"):
            if fact.get(slot) is not None and not isinstance(fact[slot], str):
                return f"fact {i}: {slot} must be a string or null, got {type(fact[slot]).__name__}"
    return _mentions_problem(rec)


def _mentions_problem(rec: dict) -> str | None:
    """The optional mention lists (numbers, dates, entities) hold what their scorer reads."""
    for kind, needs in (("numbers", ("value",)), ("dates", ("start", "end")), ("entities", ("text", "label"))):
        items = rec.get(kind)
        if items is None:
            continue
        if not isinstance(items, list):
            return f"'{kind}' must be a list, got {type(items).__name__}"
        for i, item in enumerate(items, start=1):
            if not isinstance(item, dict) or any(k not in item for k in needs):
                return f"{kind} {i} must be an object with {', '.join(needs)}"
            if kind == "numbers" and (problem := _number_problem(item["value"], f"numbers {i}: value")):
                return problem
            if kind == "dates":
                for k in needs:
                    if (problem := _date_problem(item[k], f"dates {i}: {k}")):
                        return problem
            if kind == "entities" and not all(isinstance(item[k], str) for k in needs):
                return f"entities {i}: text and label must be strings"
    return None


def read_table(path: str | Path) -> pd.DataFrame:
    """A predicted facts table written by ``faits run`` (CSV, Parquet or JSONL)."""
    path = Path(path)
    if not path.is_file():
        raise FaitsError(Errors.E010.format(path=path))
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        df = pd.read_parquet(path)
    elif suffix == ".jsonl":
        df = pd.read_json(path, lines=True)
    else:
        df = pd.read_csv(path)
    missing = [c for c in ("article_id", "how_many") if c not in df.columns]
    if missing:
        raise FaitsError(Errors.E033.format(path=path, missing=", ".join(missing)))
    return df


def _records(df: pd.DataFrame) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for rec in df.to_dict(orient="records"):
        clean = {k: (None if _missing(v) else v) for k, v in rec.items()}
        out.setdefault(str(clean["article_id"]), []).append(clean)
    return out


def _missing(v) -> bool:
    try:
        return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v))
    except TypeError:
        return False


def predict(articles: str | Path | list, gold_ids: set[str], lang: str | list[str] | None = None,
            progress: bool = False, full_parse: bool = False):
    """Run the pipeline, through the same runner as ``faits run``, on the gold articles found under ``articles``.

    Returns (facts DataFrame, mentions per article, article texts, ids not found, run summary).
    """
    from .api import extract_with_mentions

    paths = articles if isinstance(articles, list) else [articles]
    files, missing = expand_inputs(paths)
    if missing:
        raise FaitsError(missing[0].reason)
    wanted = [a for f in files for a in read_file(f) if getattr(a, "article_id", None) in gold_ids]
    extraction = extract_with_mentions(wanted, lang=lang, progress=progress, full_parse=full_parse)
    found = {a.article_id for a in wanted}
    return extraction.facts, extraction.mentions, extraction.texts, sorted(gold_ids - found), extraction.summary


def evaluate(
    gold_path: str | Path,
    articles: str | Path | None = None,
    *,
    pred_path: str | Path | None = None,
    json_path: str | Path | None = None,
    report_path: str | Path | None = None,
    split: str | None = None,
    lang: str | list[str] | None = None,
    progress: bool = False,
    full_parse: bool = False,
) -> dict:
    """Score the pipeline (or a predicted table) against gold; silent, returns the scores dict.

    lang: the languages the pipeline takes (default: every installed one; each article goes
    through its own); the scores are also given per language of the gold lines (``by_language``).

    full_parse: spaCy's components on every sentence; otherwise entities are found only in the
    sentences the pipeline parses (see :mod:`pipeline.parsing`), and entity recall is lower.
    """
    gold = load_gold(gold_path, split)
    if not gold:
        raise FaitsError(f"No gold article in {gold_path}" + (f" for split '{split}'" if split else ""))
    texts: dict[str, str] = {}
    mentions = None
    not_found: list[str] = []
    if pred_path is not None:
        df = read_table(pred_path)
    else:
        if articles is None:
            raise FaitsError("Give --articles DIR (to run the pipeline) or --pred TABLE.")
        df, mentions, texts, not_found, _ = predict(articles, set(gold), lang, progress, full_parse)
    if not texts and articles is not None and _needs_texts(gold, report_path):
        texts = _article_texts(articles, gold)
    _resolve_evidence(gold, texts)
    if "series_id" not in df.columns or df["series_id"].isna().all():
        df = assign_series_by_language(df)  # SPEC section 7: series over the whole evaluated batch
    pred = _records(df[[c for c in df.columns if c in ALL_COLUMNS]])
    scores = score(gold, pred, mentions)
    scores["by_language"] = _by_language(gold, pred, mentions, scores)
    scores["series"] = series_scores(gold, pred, scores["per_article"])
    scores["gold"] = str(gold_path)
    scores["split"] = split
    scores["articles_not_found"] = not_found
    if json_path:
        write_text_atomic(json_path, json.dumps(scores, ensure_ascii=False, indent=1, default=_json_default))
    if report_path:
        from .report import write_report

        write_report(report_path, scores, gold, pred, texts)
    return scores


def _by_language(gold: dict[str, dict], pred: dict[str, list[dict]], mentions, overall: dict) -> dict[str, dict]:
    """The headline figures of each language's gold lines (SPEC section 8: a line without ``lang`` is French);
    a gold file of one language reuses ``overall``, its scores already."""
    langs: dict[str, dict[str, dict]] = {}
    for article_id, line in gold.items():
        langs.setdefault(line.get("lang") or "fr", {})[article_id] = line
    out = {}
    for code, lines in sorted(langs.items()):
        s = overall if len(langs) == 1 else score(
            lines, {a: pred[a] for a in lines if a in pred},
            {a: mentions[a] for a in lines if a in mentions} if mentions else None)
        out[code] = {k: s[k] for k in ("articles", "n_gold", "n_pred", "n_matched", "n_tuple_hits", "fact_p",
                                       "fact_r", "fact_f1", "tuple_p", "tuple_r", "tuple_f1")}
        out[code]["slots"] = s["slots"]
    return out


def _needs_texts(gold: dict[str, dict], report_path) -> bool:
    return report_path is not None or any(
        "evidence" not in f and "evidence_start" in f for g in gold.values() for f in g["facts"])


def _article_texts(articles, gold: dict[str, dict]) -> dict[str, str]:
    files, _ = expand_inputs(articles if isinstance(articles, list) else [articles])
    return {a.article_id: a.text for f in files for a in read_file(f) if getattr(a, "article_id", None) in gold}


def _resolve_evidence(gold: dict[str, dict], texts: dict[str, str]) -> None:
    """Gold for third-party texts gives evidence as offsets (their text stays out of the project):
    read it from the article, in memory, where the article is at hand."""
    for article_id, line in gold.items():
        text = texts.get(article_id)
        for fact in line["facts"]:
            if "evidence" not in fact and "evidence_start" in fact and text is not None:
                fact["evidence"] = text[fact["evidence_start"]:fact["evidence_end"]]


def _json_default(value):
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return str(value)


def format_scores(scores: dict) -> str:
    """A readable table for the terminal."""
    lines = [
        f"articles {scores['articles']}  gold facts {scores['n_gold']}  predicted {scores['n_pred']}  "
        f"matched {scores['n_matched']}  tuple hits {scores['n_tuple_hits']}",
        "",
        f"{'':14}{'P':>8}{'R':>8}{'F1':>8}",
        f"{'facts':14}{scores['fact_p']:8.3f}{scores['fact_r']:8.3f}{scores['fact_f1']:8.3f}",
        f"{'tuples':14}{scores['tuple_p']:8.3f}{scores['tuple_r']:8.3f}{scores['tuple_f1']:8.3f}",
    ]
    for kind in ("numbers", "dates", "entities"):
        s = scores.get(kind)
        if s:
            lines.append(f"{kind:14}{s['p']:8.3f}{s['r']:8.3f}{s['f1']:8.3f}")
    s = scores.get("series")
    if s and s.get("labelled"):
        lines.append(f"{'series B3':14}{s['p']:8.3f}{s['r']:8.3f}{s['f1']:8.3f}   (matched facts; "
                     f"{s['gold_series']} gold series, {s['gold_series_across_articles']} across articles)")
    if len(scores.get("by_language") or {}) > 1:
        lines += ["", f"{'language':14}{'articles':>9}{'gold':>6}{'pred':>6}{'fact F1':>9}{'tuple F1':>9}"]
        for code, s in scores["by_language"].items():
            lines.append(f"{code:14}{s['articles']:9d}{s['n_gold']:6d}{s['n_pred']:6d}{s['fact_f1']:9.3f}"
                         f"{s['tuple_f1']:9.3f}")
    lines += ["", "slot accuracy on matched facts:"]
    lines += [f"  {slot:12}{acc:8.3f}" for slot, acc in scores["slots"].items()]
    lines += ["", f"{'event_type':14}{'P':>8}{'R':>8}{'F1':>8}{'gold':>6}{'pred':>6}"]
    for k, s in scores["by_event_type"].items():
        lines.append(f"{k:14}{s['p']:8.3f}{s['r']:8.3f}{s['f1']:8.3f}{s['n_gold']:6d}{s['n_pred']:6d}")
    lines += ["", f"{'qualifier':14}{'P':>8}{'R':>8}{'F1':>8}{'gold':>6}{'pred':>6}"]
    for k, s in scores["by_qualifier"].items():
        lines.append(f"{k:14}{s['p']:8.3f}{s['r']:8.3f}{s['f1']:8.3f}{s['n_gold']:6d}{s['n_pred']:6d}")
    if scores.get("by_construction"):
        lines += ["", f"{'construction':30}{'sent':>5}{'gold':>6}{'pred':>6}{'fact F1':>9}{'tuple F1':>9}"]
        for k, c in scores["by_construction"].items():
            lines.append(f"{k:30}{c['sentences']:5d}{c['n_gold']:6d}{c['n_pred']:6d}{c['fact_f1']:9.3f}"
                         f"{c['tuple_f1']:9.3f}")
    lines += ["", f"{'confidence':14}{'preds':>8}{'prec':>8}{'tuple':>8}"]
    for b in scores["by_confidence"]:
        prec = "-" if b["precision"] is None else f"{b['precision']:.3f}"
        tp = "-" if b["tuple_precision"] is None else f"{b['tuple_precision']:.3f}"
        lines.append(f"{b['bucket']:14}{b['predictions']:8d}{prec:>8}{tp:>8}")
    if scores.get("by_type_source"):
        lines += ["", f"{'event_type from':16}{'preds':>7}{'matched':>9}{'right':>8}"]
        for k, t in scores["by_type_source"].items():
            right = "-" if t["event_type_right"] is None else f"{t['event_type_right']:.3f}"
            lines.append(f"{k:16}{t['predictions']:7d}{t['matched']:9d}{right:>8}")
    if scores.get("reliability"):
        lines += ["", f"reliability: share of tuple hits by confidence; expected calibration error (ECE) "
                      f"{scores['ece']:.3f}", f"{'confidence':14}{'preds':>8}{'mean':>8}{'tuple':>8}"]
        for b in scores["reliability"]:
            lines.append(f"{b['bin']:14}{b['predictions']:8d}{b['mean_confidence']:8.3f}{b['tuple_precision']:8.3f}")
    lines += ["", f"misses ({len(scores['misses'])}):"]
    lines += [f"  {m['article_id']}: {m['how_many']} {m['qualifier']} — {m['evidence']}" for m in scores["misses"]]
    lines += [f"false positives ({len(scores['false_positives'])}):"]
    lines += [f"  {m['article_id']}: {m['how_many']} {m['qualifier']} — {m['evidence']}"
              for m in scores["false_positives"]]
    if scores.get("articles_not_found"):
        lines.append(f"gold articles not found: {', '.join(scores['articles_not_found'])}")
    lines += ["", headline(scores)]
    return "\n".join(lines)


def headline(scores: dict) -> str:
    """The figures of one line: fact and tuple F1, and series B3 F1 when the gold carries series labels."""
    series = scores.get("series") or {}
    return (f"fact F1 {scores['fact_f1']:.3f}   tuple F1 {scores['tuple_f1']:.3f}"
            + (f"   series B3 F1 {series['f1']:.3f}" if series.get("labelled") else ""))
