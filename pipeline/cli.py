"""The ``faits`` command: a thin typer layer over :mod:`pipeline.api` and :mod:`pipeline.evaluation`.

Exit codes: 0 when the batch ran (even with skipped inputs), 1 when nothing
could be done (no readable article, unwritable output, a damaged store, bad
arguments), 2 for usage errors, 130 when a run is interrupted (Ctrl-C,
SIGTERM: the run is marked interrupted, its committed batches are kept).
"""

from __future__ import annotations

import signal
from pathlib import Path

import typer

from .errors import Errors, FaitsError

app = typer.Typer(
    help="Turn French news articles into a tidy table of facts: who, what, how many, when, "
    "where, according to whom.",
    no_args_is_help=True,
    add_completion=False,
)


def _print_version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"faits {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: bool = typer.Option(
        False, "--version", "-V", callback=_print_version, is_eager=True, help="Print faits' version and exit."
    ),
) -> None:
    """Turn French news articles into a tidy table of facts."""


Arg = typer.Argument
Opt = typer.Option

DEFAULT_INPUT = Path("corpus/articles")


def _interrupt(signum, frame) -> None:
    # SIGTERM ends a run as Ctrl-C does: the run is marked interrupted, workers are shut down
    raise KeyboardInterrupt


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
    store: Path = Opt(
        None, "--store", "-s",
        help="DuckDB store results accumulate in; articles already there are not processed again. "
        "Default: OUTPUT/faits.duckdb.",
    ),
    engine: str = Opt("local", "--engine", "-e", help="Where the NLP runs: local (this machine) or dask."),
    scheduler: str = Opt(
        None, "--scheduler", help="Dask scheduler address (tcp://host:8786); without it --engine dask "
        "starts a local cluster of --workers processes."
    ),
    lang: str = Opt(
        None, "--lang", help="Languages to process (fr, or fr,en); default: every installed language pack. "
        "Each article goes through its language's pipeline (its record's lang, else detected); others are "
        "skipped with a reason."
    ),
    model: list[str] = Opt(
        [], "--model", help="The spaCy model of a language, LANG=NAME (repeat): en=en_core_web_md. "
        "Default: FAITS_MODEL_<LANG>, else models/<lang>/language.json."
    ),
    batch_size: int = Opt(16, "--batch-size", help="Articles per batch (one store commit per batch)."),
    workers: int = Opt(1, "--workers", "-w", help="Worker processes, each with its own model."),
    max_bytes: int = Opt(20_000_000, "--max-bytes", help="Skip files larger than this, with a reason."),
    strict: bool = Opt(False, "--strict", help="Stop at the first input that is not processed."),
    quiet: bool = Opt(False, "--quiet", "-q", help="No progress bar, no list of skipped inputs."),
) -> None:
    """Extract facts from articles into the store and write their table (CSV, Parquet, JSONL)."""
    from .api import run
    from .routing import parse_models

    inputs = inputs or [DEFAULT_INPUT]
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        summary = run(
            inputs, output, formats=formats, store=store, engine=engine, scheduler=scheduler, lang=lang,
            models=parse_models(model),
            batch_size=batch_size, n_process=workers, max_bytes=max_bytes, progress=not quiet, strict=strict,
        )
    except FaitsError as e:
        _fail(str(e))
        return
    except KeyboardInterrupt:
        typer.secho(f"error: {Errors.E084}", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=130) from None
    finally:
        signal.signal(signal.SIGTERM, previous)
    if not quiet:
        for s in summary.skipped:
            typer.secho(f"skipped {s.origin}: {s.reason}", fg=typer.colors.YELLOW, err=True)
        if summary.n_skipped > len(summary.skipped):
            typer.secho(
                f"... {summary.n_skipped - len(summary.skipped)} more skipped; all are in the store: "
                f"faits query \"SELECT * FROM skipped WHERE run_id = {summary.run_id}\"",
                fg=typer.colors.YELLOW, err=True,
            )
        for w in summary.warnings:
            typer.secho(f"warning {w}", fg=typer.colors.YELLOW, err=True)
    typer.echo(summary.line())
    for path in summary.outputs:
        typer.echo(f"wrote {path}")
    if summary.processed == 0 and summary.unchanged == 0:
        _fail("no article could be processed")


DEFAULT_STORE = Path("outputs") / "faits.duckdb"


@app.command("export")
def export_cli(
    output: Path = Opt(Path("outputs"), "--output", "-o", help="Directory for facts.csv/.parquet/.jsonl."),
    formats: list[str] = Opt(["csv", "parquet", "jsonl"], "--format", "-f", help="Output formats (repeat)."),
    store: Path = Opt(DEFAULT_STORE, "--store", "-s", help="The DuckDB store to read."),
    run_id: int = Opt(None, "--run", help="Only the articles of this run's inputs (see: faits query 'FROM runs')."),
) -> None:
    """Write the store's facts table as CSV, Parquet and JSONL (SPEC's columns and types)."""
    from .api import export

    try:
        paths = export(store, output, formats, run_id=run_id)
    except FaitsError as e:
        _fail(str(e))
        return
    for path in paths:
        typer.echo(f"wrote {path}")


QUERY_FORMATS = ("table", "csv", "jsonl")


@app.command("query")
def query_cli(
    sql: str = Arg(..., help='SQL over the tables articles, facts, runs, skipped, claims, series (quote "where").'),
    store: Path = Opt(DEFAULT_STORE, "--store", "-s", help="The DuckDB store to read (opened read-only)."),
    fmt: str = Opt("table", "--format", "-f", help="table (aligned, --max-rows rows), csv or jsonl (every row)."),
    max_rows: int = Opt(50, "--max-rows", help="Rows a table shows; 0 for all."),
) -> None:
    """Run SQL over the store and print the result."""
    from .api import query

    if fmt not in QUERY_FORMATS:
        _fail(Errors.E065.format(fmt=fmt, allowed=", ".join(QUERY_FORMATS)))
        return
    try:
        df = query(store, sql)
    except FaitsError as e:
        _fail(str(e))
        return
    _print_frame(df, fmt, max_rows, col_width=60)


def _print_frame(df, fmt: str, max_rows: int, col_width: int) -> None:
    """A result frame as csv, jsonl (every row) or an aligned table of at most ``max_rows`` rows."""
    if fmt == "csv":
        typer.echo(df.to_csv(index=False), nl=False)
    elif fmt == "jsonl":
        if len(df):
            typer.echo(df.to_json(orient="records", lines=True, force_ascii=False, date_format="iso"), nl=False)
    else:
        import pandas as pd

        # figures as written, not 3.1012e+12
        with pd.option_context("display.max_columns", None, "display.width", None,
                               "display.max_colwidth", col_width, "display.float_format", lambda v: f"{v:.15g}"):
            typer.echo(df.to_string(index=False, max_rows=max_rows or None))
        typer.echo(f"({len(df)} row{'s' if len(df) != 1 else ''})")


SERIES_STATUSES = ("single", "agreed", "updated", "disputed")


@app.command("claims")
def claims_cli(
    store: Path = Opt(DEFAULT_STORE, "--store", "-s", help="The DuckDB store to read (opened read-only)."),
    series_id: str = Opt(None, "--series", help="Show the claims of this series."),
    show_claims: bool = Opt(False, "--claims", "-c", help="Show claims (one row per figure) instead of series."),
    status: str = Opt(None, "--status", help="Only series with this status: single, agreed, updated, disputed."),
    min_articles: int = Opt(1, "--min-articles", "-m", help="Only series reported by at least this many articles."),
    run_id: int = Opt(None, "--run", help="Only series holding a fact of this run's inputs."),
    fmt: str = Opt("table", "--format", "-f", help="table, csv or jsonl."),
    max_rows: int = Opt(50, "--max-rows", help="Rows a table shows; 0 for all."),
) -> None:
    """Show the series (or claims) of the store: the same figure across articles (SPEC section 7)."""
    import pandas as pd

    from .api import claims
    from .errors import Errors

    if fmt not in QUERY_FORMATS:
        _fail(Errors.E065.format(fmt=fmt, allowed=", ".join(QUERY_FORMATS)))
        return
    if status is not None and status not in SERIES_STATUSES:
        _fail(Errors.E068.format(status=status, allowed=", ".join(SERIES_STATUSES)))
        return
    try:
        series, claim_rows = claims(store, run_id=run_id)
    except FaitsError as e:
        _fail(str(e))
        return
    keep = series["n_articles"].fillna(0) >= min_articles
    if status:
        keep &= series["status"] == status
    if series_id:
        keep &= series["series_id"] == series_id
    series = series[keep.fillna(False)]
    if show_claims or series_id:
        df = claim_rows[claim_rows["series_id"].isin(set(series["series_id"]))]
    else:
        df = series.drop(columns=["block"])
    df = df.copy()
    for col in df.columns:
        if pd.api.types.is_datetime64_any_dtype(df[col]):
            df[col] = df[col].dt.strftime("%Y-%m-%d")  # dates as dates, not midnight timestamps
    _print_frame(df, fmt, max_rows, col_width=40)


@app.command("report")
def report_cli(
    output: Path = Opt(Path("outputs") / "series.html", "--output", "-o", help="The HTML file to write."),
    store: Path = Opt(DEFAULT_STORE, "--store", "-s", help="The DuckDB store to read (opened read-only)."),
    run_id: int = Opt(None, "--run", help="Only series holding a fact of this run's inputs."),
) -> None:
    """Write an HTML report: a timeline for each series reported by several articles."""
    from .api import report

    try:
        path = report(store, output, run_id=run_id)
    except FaitsError as e:
        _fail(str(e))
        return
    typer.echo(f"wrote {path}")


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
    from .evaluation import evaluate, format_scores

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


@app.command("normalize")
def normalize_cli(
    texts: list[str] = Arg(..., help='Expressions to read: "plus de 6 000", "au troisième trimestre 2024".'),
    reference: str = Opt(None, "--reference", "-r", help="Date the dates count from (YYYY-MM-DD); default: today."),
    future: bool = Opt(False, "--future", help="A year-less date or a weekday is the next one, not the last one."),
    lang: str = Opt("fr", "--lang", help="Language of the expressions."),
) -> None:
    """Show how faits reads expressions: one JSON line each, its quantity and its date interval (or null)."""
    import json
    from dataclasses import asdict
    from datetime import date

    from .dates import normalize_date
    from .numbers import normalize_number

    try:
        day = date.fromisoformat(reference) if reference else date.today()
    except ValueError:
        _fail(Errors.E067.format(got=reference))
        return
    for text in texts:
        try:
            quantity = normalize_number(text, lang)
            interval = normalize_date(text, day, lang, future=future)
        except FaitsError as e:
            _fail(str(e))
            return
        typer.echo(json.dumps({"text": text, "reference": day.isoformat(),
                               "quantity": asdict(quantity) if quantity else None,
                               "date": asdict(interval) if interval else None},
                              ensure_ascii=False, default=str))


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover  (python -m pipeline.cli, as the faits command)
    main()
