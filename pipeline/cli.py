"""The ``faits`` command: a thin typer layer over :mod:`pipeline.api` and :mod:`pipeline.evaluate`.

Exit codes: 0 when the batch ran (even with skipped inputs), 1 when nothing
could be done (no readable article, unwritable output, bad arguments), 2 for
usage errors.
"""

from __future__ import annotations

from pathlib import Path

import typer

from .errors import FaitsError

app = typer.Typer(
    help="Turn French news articles into a tidy table of facts: who, what, how many, when, "
    "where, according to whom.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def main_callback() -> None:
    """Turn French news articles into a tidy table of facts."""


Arg = typer.Argument
Opt = typer.Option

DEFAULT_INPUT = Path("corpus/articles")


def _fail(message: str) -> None:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code=1)


@app.command("run")
def run_cli(
    inputs: list[Path] = Arg(
        None, help="Article files (.txt, .jsonl, .csv), directories or globs. Default: corpus/articles/."
    ),
    output: Path = Opt(Path("outputs"), "--output", "-o", help="Directory for facts.csv/.parquet/.jsonl."),
    formats: list[str] = Opt(["csv", "parquet", "jsonl"], "--format", "-f", help="Output formats (repeat)."),
    lang: str = Opt("fr", "--lang", help="Language of the articles; others are skipped with a reason."),
    batch_size: int = Opt(16, "--batch-size", help="Articles per spaCy batch."),
    workers: int = Opt(1, "--workers", "-w", help="Processes (spaCy n_process)."),
    max_bytes: int = Opt(20_000_000, "--max-bytes", help="Skip files larger than this, with a reason."),
    strict: bool = Opt(False, "--strict", help="Fail on the first input that cannot be read."),
    quiet: bool = Opt(False, "--quiet", "-q", help="No progress bar, no list of skipped inputs."),
) -> None:
    """Extract facts from articles and write the table (CSV, Parquet, JSONL)."""
    from .api import run

    inputs = inputs or [DEFAULT_INPUT]
    try:
        summary = run(
            inputs, output, formats=formats, lang=lang, batch_size=batch_size,
            n_process=workers, max_bytes=max_bytes, progress=not quiet,
        )
    except FaitsError as e:
        _fail(str(e))
        return
    if strict and summary.skipped:
        first = summary.skipped[0]
        _fail(f"{first.origin}: {first.reason}")
    if not quiet:
        for s in summary.skipped:
            typer.secho(f"skipped {s.origin}: {s.reason}", fg=typer.colors.YELLOW, err=True)
        for w in summary.warnings:
            typer.secho(f"warning {w}", fg=typer.colors.YELLOW, err=True)
    typer.echo(summary.line())
    for path in summary.outputs:
        typer.echo(f"wrote {path}")
    if summary.processed == 0:
        _fail("no article could be processed")


@app.command("evaluate")
def evaluate_cli(
    gold: Path = Opt(..., "--gold", "-g", help="Gold JSONL (SPEC section 5)."),
    articles: Path = Opt(None, "--articles", "-a", help="Directory (or file) of the gold articles."),
    pred: Path = Opt(None, "--pred", "-p", help="Score this facts table instead of running the pipeline."),
    json_path: Path = Opt(None, "--json", help="Write the scores as JSON here."),
    report: Path = Opt(None, "--report", help="Write a self-contained HTML report here."),
    split: str = Opt(None, "--split", help="Only gold lines with this split (dev, test)."),
    lang: str = Opt("fr", "--lang", help="Language of the articles."),
    quiet: bool = Opt(False, "--quiet", "-q", help="Print only the headline figures."),
) -> None:
    """Score the pipeline against hand-labelled gold: fact and tuple P/R/F1, slot accuracy, breakdowns."""
    from .evaluate import evaluate, format_scores

    try:
        scores = evaluate(gold, articles, pred_path=pred, json_path=json_path, report_path=report,
                          split=split, lang=lang, progress=not quiet)
    except FaitsError as e:
        _fail(str(e))
        return
    if quiet:
        typer.echo(f"fact F1 {scores['fact_f1']:.3f}   tuple F1 {scores['tuple_f1']:.3f}")
    else:
        typer.echo(format_scores(scores))
    if json_path:
        typer.echo(f"wrote {json_path}")
    if report:
        typer.echo(f"wrote {report}")


def main() -> None:  # pragma: no cover
    app()
