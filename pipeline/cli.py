"""The ``faits`` command: a thin typer layer over :mod:`pipeline.api` and :mod:`pipeline.evaluation`.

Exit codes: 0 when the batch ran (even with skipped inputs), 1 when nothing
could be done (no readable article, unwritable output, a damaged store, bad
arguments), 2 for usage errors (an unknown option, an invalid option value),
130 when a run is interrupted (Ctrl-C, SIGTERM: the run is marked interrupted,
its committed batches are kept).

Nothing heavy is imported here: each command imports what it needs (spaCy,
pandas, DuckDB) when it runs, so that ``faits --help`` answers at once.
Messages go through the ``faits`` logger (:mod:`pipeline.logs`); what a
command produces goes to stdout.
"""

from __future__ import annotations

import enum
import signal
from pathlib import Path

import typer

from . import logs
from .errors import Errors, FaitsError
from .options import (
    CSV_DIALECTS,
    DEFAULT_CSV_DIALECT,
    DEFAULT_FORMATS,
    ENGINES,
    EXPORT_FORMATS,
    FORMATS,
    missing_extra,
)

log = logs.get_logger("cli")

# the choices of the options, as typer takes them (an invalid value is a usage error, exit 2)
TableFormat = enum.Enum("TableFormat", {f: f for f in FORMATS}, type=str)
ExportFormat = enum.Enum("ExportFormat", {f: f for f in EXPORT_FORMATS}, type=str)
CsvDialectName = enum.Enum("CsvDialectName", {d: d for d in CSV_DIALECTS}, type=str)
EngineName = enum.Enum("EngineName", {e: e for e in ENGINES}, type=str)

app = typer.Typer(
    help="Turn news articles into a tidy table of facts: who, what, how many, when, "
    "where, according to whom.",
    no_args_is_help=True,
    add_completion=False,
    # plain help and error messages: rich's formatting costs more import time than the whole rest of the help
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
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
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="Also show progress messages (the faits logger at DEBUG)."
    ),
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help="Show only errors: no warnings, no skipped inputs, no progress bar."
    ),
) -> None:
    """Turn news articles into a tidy table of facts."""
    _set_verbosity(verbose, quiet)


def _set_verbosity(verbose: bool, quiet: bool) -> None:
    if verbose and quiet:
        raise typer.BadParameter("--verbose and --quiet exclude each other.")
    logs.configure(verbose=verbose, quiet=quiet)


Arg = typer.Argument
Opt = typer.Option

DEFAULT_INPUT = Path("corpus/articles")


def _interrupt(signum, frame) -> None:
    # SIGTERM ends a run as Ctrl-C does: the run is marked interrupted, workers are shut down
    raise KeyboardInterrupt


def _fail(message: str) -> None:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code=1)


def _formats(values: list[TableFormat] | list[ExportFormat]) -> list[str]:
    """The table formats given, once their optional extras are known to be installed."""
    formats = [v.value for v in values]
    extra = missing_extra(formats)
    if extra:
        raise typer.BadParameter(Errors.E101.format(extra=extra), param_hint="'--format'")
    return formats


FORMAT_HELP = "Output formats (repeat): csv, parquet, jsonl, xlsx (xlsx needs the extra faits[xlsx])."
EXPORT_FORMAT_HELP = (FORMAT_HELP[:-1] + "; labelstudio: Label Studio tasks, the facts as predictions "
                      "(labelstudio.json).")
CSV_DIALECT_HELP = (
    "CSV flavour: standard (comma, UTF-8, dot decimals: pandas and most tools) or excel-fr "
    "(UTF-8 with BOM, ';' separator, decimal comma: a French-locale spreadsheet opens it as is)."
)


@app.command("run")
def run_cli(
    inputs: list[Path] = Arg(
        None, help="Article files (.txt, .jsonl, .csv), directories or globs. Default: corpus/articles/."
    ),
    output: Path = Opt(Path("outputs"), "--output", "-o", help="Directory for facts.csv/.parquet/.jsonl."),
    formats: list[TableFormat] = Opt(list(DEFAULT_FORMATS), "--format", "-f", help=FORMAT_HELP),
    csv_dialect: CsvDialectName = Opt(DEFAULT_CSV_DIALECT, "--csv-dialect", help=CSV_DIALECT_HELP),
    store: Path = Opt(
        None, "--store", "-s",
        help="DuckDB store results accumulate in; articles already there are not processed again. "
        "Default: OUTPUT/faits.duckdb.",
    ),
    engine: EngineName = Opt("local", "--engine", "-e", help="Where the NLP runs: local (this machine) or dask."),
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
    batch_size: int = Opt(16, "--batch-size", min=1, help="Articles per batch (one store commit per batch)."),
    workers: int = Opt(1, "--workers", "-w", min=1, help="Worker processes, each with its own model."),
    max_bytes: int = Opt(20_000_000, "--max-bytes", min=1, help="Skip files larger than this, with a reason."),
    strict: bool = Opt(False, "--strict", help="Stop at the first input that is not processed."),
    quiet: bool = Opt(False, "--quiet", "-q", help="No progress bar, no list of skipped inputs (as faits -q)."),
    verbose: bool = Opt(False, "--verbose", "-v", help="Also show progress messages (as faits -v)."),
    full_parse: bool = Opt(
        False, "--full-parse", help="Tag, parse and find entities in every sentence, not only in those with a "
        "figure or a tense-dependent date (the same facts, slower)."
    ),
) -> None:
    """Extract facts from articles into the store and write their table (CSV, Parquet, JSONL, xlsx)."""
    formats = _formats(formats)
    if quiet or verbose:
        _set_verbosity(verbose, quiet)
    from .api import run
    from .routing import parse_models

    inputs = inputs or [DEFAULT_INPUT]
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        summary = run(
            inputs, output, formats=formats, csv_dialect=csv_dialect.value, store=store, engine=engine.value,
            scheduler=scheduler, lang=lang, models=parse_models(model), batch_size=batch_size, n_process=workers,
            max_bytes=max_bytes, progress=not logs.is_quiet(), strict=strict, full_parse=full_parse,
        )
    except FaitsError as e:
        _fail(str(e))
        return
    except KeyboardInterrupt:
        typer.secho(f"error: {Errors.E084}", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=130) from None
    finally:
        signal.signal(signal.SIGTERM, previous)
    for s in summary.skipped:
        log.warning("skipped %s: %s", s.origin, s.reason)
    if summary.n_skipped > len(summary.skipped):
        log.warning("... %d more skipped; all are in the store: faits query \"SELECT * FROM skipped WHERE "
                    "run_id = %s\"", summary.n_skipped - len(summary.skipped), summary.run_id)
    for w in summary.warnings:
        log.warning("warning %s", w)
    typer.echo(summary.line())
    for path in summary.outputs:
        typer.echo(f"wrote {path}")
    if summary.processed == 0 and summary.unchanged == 0:
        _fail("no article could be processed")


DEFAULT_STORE = Path("outputs") / "faits.duckdb"


LABELSTUDIO = "labelstudio"


@app.command("export")
def export_cli(
    output: Path = Opt(Path("outputs"), "--output", "-o", help="Directory for facts.csv/.parquet/.jsonl."),
    formats: list[ExportFormat] = Opt(list(DEFAULT_FORMATS), "--format", "-f", help=EXPORT_FORMAT_HELP),
    csv_dialect: CsvDialectName = Opt(DEFAULT_CSV_DIALECT, "--csv-dialect", help=CSV_DIALECT_HELP),
    store: Path = Opt(DEFAULT_STORE, "--store", "-s", help="The DuckDB store to read."),
    run_id: int = Opt(None, "--run", help="Only the articles of this run's inputs (see: faits query 'FROM runs')."),
    articles: list[Path] = Opt(
        None, "--articles", "-a",
        help="For -f labelstudio: where the articles' files are now, if they moved since the run (repeat).",
    ),
) -> None:
    """Write the store's facts, claims and series tables as CSV, Parquet, JSONL or xlsx (SPEC's columns and
    types), or the facts as Label Studio tasks."""
    formats = _formats(formats)
    from .api import export

    tables = [f for f in formats if f != LABELSTUDIO]
    try:
        paths = export(store, output, tables, run_id=run_id, csv_dialect=csv_dialect.value) if tables else []
        if LABELSTUDIO in formats:
            from .api import export_labelstudio

            path, notes = export_labelstudio(store, output / f"{LABELSTUDIO}.json", run_id=run_id,
                                             articles=articles or [])
            for note in notes:
                typer.secho(f"warning {note}", fg=typer.colors.YELLOW, err=True)
            paths.append(path)
    except FaitsError as e:
        _fail(str(e))
        return
    for path in paths:
        typer.echo(f"wrote {path}")


gold_app = typer.Typer(
    help="Gold files and Label Studio: read a labelled export as gold, write gold as tasks to revise.",
    no_args_is_help=True,
)
app.add_typer(gold_app, name="gold")


@gold_app.command("import")
def gold_import_cli(
    export_file: Path = Arg(..., help="A Label Studio export in JSON (Export > JSON)."),
    output: Path = Opt(..., "--output", "-o", help="The gold JSONL file to write (SPEC section 5)."),
    predictions: bool = Opt(
        True, "--predictions/--no-predictions",
        help="Take a task nobody annotated from its prediction, marked from_predictions (default), or leave it out.",
    ),
) -> None:
    """Read a Label Studio export (the interface `faits export -f labelstudio` writes tasks for) into gold."""
    from .api import gold_import

    try:
        path, n, notes = gold_import(export_file, output, predictions=predictions)
    except FaitsError as e:
        _fail(str(e))
        return
    for note in notes:
        typer.secho(f"warning {note}", fg=typer.colors.YELLOW, err=True)
    typer.echo(f"wrote {path} ({n} article{'s' if n != 1 else ''})")


@gold_app.command("tasks")
def gold_tasks_cli(
    gold: Path = Arg(..., help="A gold JSONL file (SPEC section 5)."),
    articles: list[Path] = Opt(..., "--articles", "-a", help="The gold articles: files, directories, globs (repeat)."),
    output: Path = Opt(..., "--output", "-o", help="The Label Studio tasks file (JSON) to write."),
    as_predictions: bool = Opt(False, "--as-predictions", help="The gold facts as predictions, not annotations."),
) -> None:
    """Write gold as Label Studio tasks, its facts as annotations, to revise it in Label Studio."""
    from .api import gold_tasks

    try:
        path, n = gold_tasks(gold, articles, output, kind="predictions" if as_predictions else "annotations")
    except FaitsError as e:
        _fail(str(e))
        return
    typer.echo(f"wrote {path} ({n} task{'s' if n != 1 else ''})")


QUERY_FORMATS = ("table", "csv", "jsonl")
QueryFormat = enum.Enum("QueryFormat", {f: f for f in QUERY_FORMATS}, type=str)


@app.command("query")
def query_cli(
    sql: str = Arg(..., help='SQL over the tables articles, facts, runs, skipped, claims, series (quote "where").'),
    store: Path = Opt(DEFAULT_STORE, "--store", "-s", help="The DuckDB store to read (opened read-only)."),
    fmt: QueryFormat = Opt(
        "table", "--format", "-f", help="table (aligned, --max-rows rows), csv or jsonl (every row)."
    ),
    max_rows: int = Opt(50, "--max-rows", min=0, help="Rows a table shows; 0 for all."),
) -> None:
    """Run SQL over the store and print the result."""
    from .api import query

    try:
        df = query(store, sql)
    except FaitsError as e:
        _fail(str(e))
        return
    _print_frame(df, fmt.value, max_rows, col_width=60)


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
SeriesStatus = enum.Enum("SeriesStatus", {s: s for s in SERIES_STATUSES}, type=str)


@app.command("claims")
def claims_cli(
    store: Path = Opt(DEFAULT_STORE, "--store", "-s", help="The DuckDB store to read (opened read-only)."),
    series_id: str = Opt(None, "--series", help="Show the claims of this series."),
    show_claims: bool = Opt(False, "--claims", "-c", help="Show claims (one row per figure) instead of series."),
    status: SeriesStatus = Opt(
        None, "--status", help="Only series with this status: single, agreed, updated, disputed."
    ),
    min_articles: int = Opt(1, "--min-articles", "-m", help="Only series reported by at least this many articles."),
    run_id: int = Opt(None, "--run", help="Only series holding a fact of this run's inputs."),
    fmt: QueryFormat = Opt("table", "--format", "-f", help="table, csv or jsonl."),
    max_rows: int = Opt(50, "--max-rows", min=0, help="Rows a table shows; 0 for all."),
) -> None:
    """Show the series (or claims) of the store: the same figure across articles (SPEC section 7)."""
    import pandas as pd

    from .api import claims

    status = status.value if status is not None else None
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
    _print_frame(df, fmt.value, max_rows, col_width=40)


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
    lang: str = Opt(
        None, "--lang", help="Languages to process (fr, or fr,en); default: every installed language pack."
    ),
    quiet: bool = Opt(False, "--quiet", "-q", help="Print only the headline figures; no progress bar (as faits -q)."),
    verbose: bool = Opt(False, "--verbose", "-v", help="Also show progress messages (as faits -v)."),
    full_parse: bool = Opt(
        False, "--full-parse", help="Parse every sentence: entity mentions are then scored over the whole text."
    ),
) -> None:
    """Score the pipeline against hand-labelled gold: fact and tuple P/R/F1, slot accuracy, breakdowns."""
    if quiet or verbose:
        _set_verbosity(verbose, quiet)
    quiet = logs.is_quiet()
    from .evaluation import evaluate, format_scores, headline

    try:
        scores = evaluate(gold, articles, pred_path=pred, json_path=json_path, report_path=report,
                          split=split, lang=lang, progress=not quiet, full_parse=full_parse)
    except FaitsError as e:
        _fail(str(e))
        return
    if quiet:
        typer.echo(headline(scores))
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
        raise typer.BadParameter(Errors.E067.format(got=reference), param_hint="'--reference'") from None
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
