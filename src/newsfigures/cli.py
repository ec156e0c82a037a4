"""The ``newsfigures`` command line: one thin typer wrapper per command over a plain importable function.

    newsfigures extract PATH...   -> batch.run_extract
    newsfigures show FILE         -> show.show_file
    newsfigures bench [PATH]      -> bench.run_bench
    newsfigures evaluate [CORPUS] -> evaluate.evaluate (peers.get_system for --system)

To add a command, write its plain function in its own module and a wrapper here that parses options,
calls it inside ``_friendly_errors()`` and sets the exit status.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from enum import Enum
from typing import Annotated

import typer

from .errors import NewsfiguresError

app = typer.Typer(
    name="newsfigures",
    help="Get the figures (percentages, money, counts, periods) out of economic news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"newsfigures {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, metavar="", help="Print the version and exit.")
    ] = False,
) -> None:
    """Get the figures (percentages, money, counts, periods) out of economic news."""


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


@contextmanager
def _friendly_errors(interrupted: str = "interrupted"):
    """Bad options and unusable files end with one line on stderr and exit status 2, never a traceback."""
    try:
        yield
    except BrokenPipeError:  # `newsfigures extract ... | head`: the reader left; stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(1) from None
    except (NewsfiguresError, OSError) as err:
        typer.echo(f"newsfigures: error: {err}", err=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        typer.echo(f"newsfigures: {interrupted}", err=True)
        raise typer.Exit(130) from None


# The options of ``extract`` that take more than a line, named here to keep the command short.
_ExtractPaths = Annotated[
    list[str],
    typer.Argument(metavar="PATH", help="Files and folders to read (folders recursively).", show_default=False),
]
_ExtractOut = Annotated[
    str, typer.Option("-o", "--output", metavar="OUT", help="Output file (its extension picks the format); '-' for stdout.")
]
_ExtractFormat = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format", "-f", metavar="FORMAT",
        help="jsonl (one record per article), csv or parquet (one row per mention); default: from OUT's extension, else jsonl.",
    ),
]
_ExtractGlob = Annotated[
    str | None,
    typer.Option(
        metavar="PATTERN", help="Read only the files in folders that match, e.g. '*.txt' (default: known suffixes)."
    ),
]
_ExtractResume = Annotated[
    bool, typer.Option("--resume", metavar="", help="Skip the inputs already in OUT (after a killed or finished run).")
]
_ExtractDask = Annotated[
    str | None,
    typer.Option(
        "--dask", metavar="CLUSTER",
        help="Run on Dask ('local' for a LocalCluster of -n workers, tcp://host:8786 or a scheduler file); OUT is "
        "then a folder of part files (Parquet, or JSONL with --format jsonl). Needs .[dask].",
    ),
]


@app.command("extract")
def extract_command(
    paths: _ExtractPaths,
    out: _ExtractOut = "-",
    fmt: _ExtractFormat = None,
    published: Annotated[
        str | None, typer.Option(metavar="DATE", help="Publication date (YYYY-MM-DD) for articles that give none.")
    ] = None,
    n_process: Annotated[int, typer.Option("--n-process", "-n", min=1, metavar="N", help="Worker processes.")] = 1,
    glob: _ExtractGlob = None,
    resume: _ExtractResume = False,
    force: Annotated[bool, typer.Option("--force", metavar="", help="Overwrite OUT if it exists.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", metavar="", help="No progress bar and no summary.")] = False,
    dask: _ExtractDask = None,
) -> None:
    """Extract the figures of every article under PATH... as JSONL, CSV or Parquet.

    Reads .txt, .md, .html, .json and .jsonl files, also gzipped (.jsonl.gz); .json/.jsonl records need a
    text (or body); id, title and published or date are optional. Every input gives exactly one record: the
    article, or an error record {"source", "error": {"type", "message"}} with one line on stderr saying why.

    OUT is written as OUT.partial and renamed when the run ends, so it is never cut short; an existing OUT is
    kept unless --force; after a killed run, --resume carries on where it stopped, and after a finished one it
    adds only new inputs.

    Exit status: 0 when every input was read, 1 when any error record was written, 2 for bad options
    (a missing input, an output that cannot be written), checked before any work.
    """
    if dask:
        _extract_on_dask(paths, out, fmt, published, n_process, glob, resume, force, quiet, dask)
    _extract_here(paths, out, fmt, published, n_process, glob, resume, force, quiet)


def _check_inputs_exist(paths: list[str]) -> None:
    """Raise NewsfiguresError naming every input path that does not exist."""
    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        raise NewsfiguresError(f"no such file or folder: {', '.join(missing)}")


def _extract_here(paths, out, fmt, published, n_process, glob, resume, force, quiet) -> None:
    """``extract`` without ``--dask``: the inputs in this process and its workers into OUT, then the exit status."""
    from .io.batch import run_extract
    from .io.outputs import check_output, format_for

    progress = not quiet and sys.stderr.isatty()
    hint = "interrupted" if out == "-" else f"interrupted: rerun with --resume to carry on from {out}.partial"
    with _friendly_errors(hint):
        _check_inputs_exist(paths)
        fmt_name = format_for(out, fmt.value if fmt else None)
        check_output(out, force=force, resume=resume)
        summary = run_extract(
            paths, out=out, fmt=fmt_name, published=published, n_process=n_process,
            pattern=glob, resume=resume, progress=progress,
        )  # fmt: skip
    if not quiet:
        typer.echo(summary.describe(), err=True)
    raise typer.Exit(1 if summary.errors else 0)


def _extract_on_dask(paths, out, fmt, published, n_process, glob, resume, force, quiet, where) -> None:
    """``extract --dask``: the inputs in parts on a cluster, OUT a folder of part files."""
    from .dask.run import connect, run_parts
    from .io.inputs import check_published

    with _friendly_errors(f"interrupted: rerun with --resume to run only the parts not yet in {out}"):
        _check_inputs_exist(paths)
        if out == "-":
            raise NewsfiguresError("--dask writes a folder of part files: give it with -o OUTDIR")
        if os.path.isdir(out) and os.listdir(out) and not (resume or force):
            raise NewsfiguresError(f"{out}: holds files already; use --resume to add the missing parts or --force")
        date = check_published(published) if published else None
        client = connect(where, n_workers=n_process)
        try:
            summary = run_parts(client, paths, out, fmt=fmt.value if fmt else "parquet", published=date,
                                resume=resume, pattern=glob)  # fmt: skip
        finally:
            client.close()
    if not quiet:
        typer.echo(summary.describe(), err=True)
    raise typer.Exit(2 if summary.failed_parts else 1 if summary.errors else 0)


@app.command("summary")
def summary_command(
    paths: Annotated[list[str], typer.Argument(metavar="OUT.jsonl", help="JSONL files written by extract.", show_default=False)],
    html: Annotated[
        str | None, typer.Option("--html", metavar="PAGE", help="Also write a page with a chart per indicator.")
    ] = None,
) -> None:
    """Figures per indicator (GDP, CPI, loans, net profit...) and kind; with --html, a chart per indicator of the
    percentages reported over the periods they are for."""
    from .io.summary import summary_page, summary_rows, summary_table

    with _friendly_errors():
        missing = [p for p in paths if not os.path.isfile(p)]
        if missing:
            raise NewsfiguresError(f"no such file: {', '.join(missing)}")
        rows = summary_rows(paths)
        typer.echo(summary_table(rows))
        if html:
            with open(html, "w", encoding="utf-8") as f:
                f.write(summary_page(rows, title=f"newsfigures summary of {', '.join(paths)}"))
            typer.echo(f"newsfigures: wrote {html}", err=True)


@app.command("show")
def show_command(
    file: Annotated[
        str,
        typer.Argument(metavar="FILE", help="An article file (.txt, .md, .html, .json, .jsonl).", show_default=False),
    ],
    out: Annotated[str, typer.Option("-o", "--output", metavar="OUT", help="HTML file to write; '-' for stdout.")] = "-",
    published: Annotated[
        str | None, typer.Option(metavar="DATE", help="Publication date (YYYY-MM-DD) if the article gives none.")
    ] = None,
) -> None:
    """Render the article(s) in FILE as HTML: the figures highlighted in the text and a table of the records."""
    from .io.show import show_file

    with _friendly_errors():
        if not os.path.isfile(file):
            raise NewsfiguresError(f"{file}: no such file")
        page = show_file(file, published=published)
        if out == "-":
            sys.stdout.write(page)
        else:
            with open(out, "w", encoding="utf-8") as f:
                f.write(page)
            typer.echo(f"newsfigures: wrote {out}", err=True)


@app.command("bench")
def bench_command(
    path: Annotated[
        str | None,
        typer.Argument(
            metavar="PATH",
            help="Articles to time; default corpus/articles, else a built-in sample.",
            show_default=False,
        ),
    ] = None,
    n_process: Annotated[
        int, typer.Option("--n-process", "-n", min=1, metavar="N", help="Also time N worker processes and report the scaling.")
    ] = 1,
    repeat: Annotated[
        int, typer.Option("--repeat", "-k", min=1, metavar="K", help="Turns: in each, every run is timed once; medians and turn-by-turn ratios are reported.")
    ] = 3,
    articles: Annotated[
        int, typer.Option(min=1, metavar="N", help="Texts to time: the articles are repeated in turn up to this many, the first N of more.")
    ] = 400,
    memory: Annotated[
        bool, typer.Option("--memory", metavar="", help="Also check peak memory with 1x and 10x the articles (in subprocesses).")
    ] = False,
    dask: Annotated[
        str | None,
        typer.Option("--dask", metavar="CLUSTER", help="Time a Dask run instead ('local' with -n workers, or a scheduler)."),
    ] = None,
) -> None:
    """Speed of the pipeline in words/s, against spaCy's blank English tokeniser on the same texts, and peak memory."""
    from .evaluation.bench import format_report, run_bench, run_dask_bench

    if dask:
        with _friendly_errors():
            report = run_dask_bench(path, where=dask, n_process=max(n_process, 1), articles=articles)
        for key, value in report.items():
            typer.echo(f"{key:<22} {value:,.2f}" if isinstance(value, float) else f"{key:<22} {value}")
        return
    with _friendly_errors():
        report = run_bench(path, n_process=n_process, repeat=repeat, articles=articles, memory=memory)
    typer.echo(format_report(report))


class Split(str, Enum):
    dev = "dev"
    test = "test"
    holdout = "holdout"
    all = "all"
    newswire = "newswire"
    newswire_blind = "newswire-blind"


@app.command("evaluate")
def evaluate_command(
    corpus: Annotated[
        str,
        typer.Argument(
            metavar="CORPUS",
            help="The corpus folder (articles/ + gold/), or a JSONL file of annotated records.",
        ),
    ] = "corpus",
    split: Annotated[
        Split, typer.Option(metavar="SPLIT", help="Which split to score: dev, test, holdout, all, newswire or newswire-blind.")
    ] = Split.test,
    system: Annotated[
        list[str] | None,
        typer.Option(
            "--system",
            "-s",
            metavar="SYSTEM",
            help="System to score: newsfigures (default), spacy-ner, quantulum3, recognizers; repeat to compare "
            "(peers need `pip install \".[peers]\"`).",
        ),
    ] = None,
    json_report: Annotated[
        str | None, typer.Option("--json", metavar="FILE", help="Write the report as JSON to this file.")
    ] = None,
    errors: Annotated[
        bool, typer.Option("--errors", metavar="", help="List every miss, false hit and wrong value.")
    ] = False,
    texts: Annotated[
        str | None,
        typer.Option(
            "--texts",
            metavar="PATH",
            help="The collection a stand-off split reads its texts from (newswire: reuters-21578.jsonl.gz; default "
            "$NEWSFIGURES_NEWSWIRE_TEXTS, else the shared file beside this checkout).",
        ),
    ] = None,
) -> None:
    """Precision, recall and F1 per kind, value accuracy, end-to-end F1 and the linking fields, against gold."""
    from .evaluation.peers import comparison_table

    names = system or ["newsfigures"]
    with _friendly_errors():
        reports = _score_systems(corpus, split.value, names, texts, errors)
        if len(names) > 1:
            typer.echo("")
            typer.echo(comparison_table(reports))
        if json_report:
            _write_json_report(json_report, reports[names[0]] if len(names) == 1 else reports)


def _score_systems(corpus: str, split: str, names: list[str], texts: str | None, errors: bool) -> dict:
    """Score each named system on the split and print its table (headed by its name when there are several)
    and, with ``errors``, its problems one a line; return the reports by name."""
    from .evaluation.evaluate import evaluate, format_table
    from .evaluation.peers import get_system

    reports = {}
    for name in names:
        report, problems = evaluate(corpus, split, get_system(name), texts)
        reports[name] = report
        if len(names) > 1:
            typer.echo(f"== {name}")
        typer.echo(format_table(report))
        if errors:
            for p in problems:
                typer.echo(f"{p.type:<6} {p.kind:<10} {p.article}:{p.start} {p.text!r} | {p.context} | {p.detail}")
    return reports


def _write_json_report(path: str, payload: dict) -> None:
    """``evaluate --json``: the report (or the reports by system) as indented JSON."""
    import json

    with open(path, "w", encoding="utf-8") as f:
        json.dump(payload, f, indent=2)


def main() -> None:
    """Console-script entry point (``newsfigures = newsfigures.cli:main``)."""
    app(prog_name="newsfigures")


if __name__ == "__main__":
    main()
