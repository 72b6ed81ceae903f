"""What the fits of learned parts share (bench/fit_who.py, bench/fit_event_types.py): the dev sets of a
language, their facts matched to gold, the groups no fold splits, the folds, tuple F1, and the nested
choice of settings inside a training part. The test split is never read.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


def dev_sets(lang: str) -> dict[str, tuple[Path, Path]]:
    """Name -> (gold path, articles path) of every dev set of ``lang`` present."""
    from real_news import GOLD as REAL_GOLD
    from real_news import write_records

    corpus = ROOT / "corpus" / ("" if lang == "fr" else lang)
    sets = {"corpus": (corpus / "gold.jsonl", corpus / "articles"),
            "bank": (corpus / "constructions" / "gold.jsonl", corpus / "constructions" / "sentences.jsonl")}
    if lang == "fr":
        records = write_records()
        if records is not None:
            sets["real"] = (REAL_GOLD, records)
    return sets


def group_of(set_name: str, article_id: str, gold: dict) -> str:
    """The unit of a fold: a construction of the bank, a story's articles together, else the article."""
    if set_name == "bank" and gold.get("construction"):
        return f"bank:{gold['construction']}"
    story = re.match(r"(s\d+)-", article_id)
    return f"{set_name}:{story.group(1) if story and set_name == 'corpus' else article_id}"


def matched_facts(lang: str, setup: Callable) -> Iterator[tuple[str, dict | None, dict | None, int, int]]:
    """Run every dev article of ``lang`` through the pipeline (``setup(extractor)`` first: the rules alone,
    what to log) and yield, per dev set, ``(set name, gold fact, predicted fact, 0, 0)`` for each fact matched
    to gold with its group in the gold fact's ``"_group"``, then ``(set name, None, None, predicted, gold)``:
    the set's counts of facts."""
    from pipeline.evaluation import _resolve_evidence, load_gold
    from pipeline.ingest import expand_inputs, read_file
    from pipeline.nlp import doc_of, load_nlp
    from pipeline.scoring import match_facts

    nlp = load_nlp(lang)
    setup(nlp.get_pipe("faits_facts").extractor)
    for name, (gold_path, articles) in dev_sets(lang).items():
        gold = {k: v for k, v in load_gold(gold_path).items() if v.get("split", "dev") in ("dev", "real")}
        files, _ = expand_inputs([articles])
        wanted = [a for f in files for a in read_file(f) if getattr(a, "article_id", None) in gold]
        _resolve_evidence(gold, {a.article_id: a.text for a in wanted})
        n_pred = n_gold = n_matched = 0
        for article, doc in zip(wanted, nlp.pipe(doc_of(nlp, a) for a in wanted), strict=True):
            pred, g = doc._.facts, gold[article.article_id]["facts"]
            n_pred, n_gold = n_pred + len(pred), n_gold + len(g)
            group = group_of(name, article.article_id, gold[article.article_id])
            for gi, pi in match_facts(g, pred, lang):
                n_matched += 1
                yield name, g[gi] | {"_group": group}, pred[pi], 0, 0
        print(f"{name}: {len(wanted)} articles, {n_matched} matched facts", file=sys.stderr)
        yield name, None, None, n_pred, n_gold


def tuple_f1(hits: int, n_pred: int, n_gold: int) -> float:
    p, r = hits / n_pred if n_pred else 0.0, hits / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def comparison(rules: list[bool], learned: list[bool], rest_right: list[bool], n_pred: int, n_gold: int,
               slot: str, name: str) -> dict[str, float]:
    """One dev set's held-out row: ``slot``'s accuracy and tuple F1 (a hit: the slot and ``rest_right``) of
    the rules and of the learned part ``name``, and how many facts it turned right and wrong."""
    hits = [sum(r and rest for r, rest in zip(rs, rest_right, strict=True)) for rs in (rules, learned)]
    return {"matched": len(rules), f"{slot}_rules": sum(rules) / len(rules),
            f"{slot}_{name}": sum(learned) / len(rules), "tuple_f1_rules": tuple_f1(hits[0], n_pred, n_gold),
            f"tuple_f1_{name}": tuple_f1(hits[1], n_pred, n_gold),
            "changed_to_right": sum(b and not a for a, b in zip(rules, learned, strict=True)),
            "changed_to_wrong": sum(a and not b for a, b in zip(rules, learned, strict=True))}


def comparison_by_set(data: dict[str, dict], facts: list[dict], rules: list[bool], learned: list[bool], slot: str,
                      name: str) -> dict[str, dict[str, float]]:
    """:func:`comparison` for each dev set of ``data``; ``rules`` and ``learned`` say, fact by fact of ``facts``
    (each with its ``set``), whether the rules and the learned part got ``slot`` right."""
    table = {}
    for set_name in data:
        idx = [j for j, f in enumerate(facts) if f["set"] == set_name]
        table[set_name] = comparison([rules[j] for j in idx], [learned[j] for j in idx],
                                     [facts[j]["rest_right"] for j in idx], data[set_name]["n_pred"],
                                     data[set_name]["n_gold"], slot, name)
    return table


def folds_of(facts: list[dict], k: int, seed: int) -> list[int]:
    """The fold of each fact: its group's, groups dealt in a shuffled order."""
    groups = sorted({f["group"] for f in facts})
    random.Random(seed).shuffle(groups)
    fold = {g: i % k for i, g in enumerate(groups)}
    return [fold[f["group"]] for f in facts]


def held_out(data: dict[str, dict], train_sets: list[str], settings_of: Callable[[list[dict]], tuple],
             fit: Callable[[list[dict], tuple], object], predict: Callable[[list[dict], object, tuple], list],
             folds: int = 5) -> tuple[list[dict], dict[int, object], list[tuple]]:
    """Outer cross-validation by group over every dev set's facts: in each fold, the settings chosen on the
    training part (``settings_of``, of the ``train_sets`` facts alone), a model fitted there, and what it
    predicts for the held-out facts. Returns the facts (each with its ``"set"``), the prediction by fact
    index, and the settings of each fold."""
    facts = [dict(f, set=name) for name in data for f in data[name]["facts"]]
    fold = folds_of(facts, folds, seed=0)
    predicted: dict[int, object] = {}
    settings = []
    for k in range(folds):
        train = [f for f, i in zip(facts, fold, strict=True) if i != k and f["set"] in train_sets]
        chosen = settings_of(train)
        settings.append(chosen)
        model = fit(train, chosen)
        held = [j for j, i in enumerate(fold) if i == k]
        predicted.update(zip(held, predict([facts[j] for j in held], model, chosen), strict=True))
    return facts, predicted, settings


def choose_settings(facts: list[dict], fit_grid: Sequence[tuple], margins: Sequence[float],
                    fit: Callable[[list[dict], tuple], object],
                    right: Callable[[list[dict], object, float], int], folds: int = 4) -> tuple[tuple, float]:
    """The (fit settings, margin) with the most right answers (``right(held, model, margin)``) over an inner
    cross-validation by group of ``facts``; ties go to the larger margin (closer to the rules), then to the
    earlier fit settings (list the stronger penalty first)."""
    fold = folds_of(facts, folds, seed=1)
    count = {(p, m): 0 for p in fit_grid for m in margins}
    for k in range(folds):
        train = [f for f, i in zip(facts, fold, strict=True) if i != k]
        held = [f for f, i in zip(facts, fold, strict=True) if i == k]
        for p in fit_grid:
            model = fit(train, p)
            for m in margins:
                count[(p, m)] += right(held, model, m)
    order = {p: i for i, p in enumerate(fit_grid)}
    return max(count, key=lambda s: (count[s], s[1], -order[s[0]]))


def fit_inputs(argv: list[str] | None, doc: str, script: str, collect: Callable[[str], dict],
               cached: str) -> tuple[argparse.Namespace, dict, list[str]] | None:
    """The command line of a fit script (``--lang``, ``--train``, ``--cache``, ``--dry-run``), the dev data
    (``collect(lang)``, or the cache of an earlier run) and the sets to train on; None without scikit-learn."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--train", default="corpus,bank", help="dev sets to train on (corpus, bank, real)")
    parser.add_argument("--cache", type=Path, help=f"read (or write) {cached} here, to refit without parsing")
    parser.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    args = parser.parse_args(argv)
    if needs_sklearn(script):
        return None
    if args.cache is not None and args.cache.is_file():
        data = json.loads(args.cache.read_text(encoding="utf-8"))
    else:
        data = collect(args.lang)
        if args.cache is not None:
            args.cache.parent.mkdir(parents=True, exist_ok=True)
            args.cache.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return args, data, [s for s in args.train.split(",") if s in data]


def needs_sklearn(script: str) -> bool:
    """Whether scikit-learn is missing (said on stderr): the fits need the extra ``faits[train]``."""
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print(f"{script} needs scikit-learn: pip install 'faits[train]'", file=sys.stderr)
        return True
    return False
