"""The ``reportfacts`` command: a thin shell over the library.

It parses arguments, calls :mod:`extract`, writes the tables and maps
library errors to one-line messages and exit codes (1: checks failed under
--strict, 2: usage or input error).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .records import ReportFactsError
from .store import OutputLock, save_file

if TYPE_CHECKING:  # imported where used: `reportfacts run` never needs pandas
    import pandas as pd


def _summary_checks(checks: pd.DataFrame) -> str:
    import pandas as pd

    counts = checks["status"].value_counts() if len(checks) else pd.Series(dtype=int)
    return ", ".join(f"{int(counts.get(s, 0))} {s}" for s in ("pass", "fail", "warn"))


class _OneLineErrors(click.Group):
    """Usage errors (a bad option value, a missing path) as one line on stderr and exit 2,
    without click's usage block: what is wrong and where to look."""

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except click.UsageError as e:
            if type(e).__name__ == "NoArgsIsHelpError":  # a bare `reportfacts`: the help, as click shows it
                e.show()
                sys.exit(e.exit_code)
            where = e.ctx.command_path if e.ctx is not None else "reportfacts"
            click.echo(f"Error: {e.format_message()} (see {where} --help)", err=True)
            sys.exit(2)
        except click.ClickException as e:
            e.show()
            sys.exit(e.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


@click.group(cls=_OneLineErrors)
@click.version_option(package_name="reportfacts")
def main() -> None:
    """reportfacts: Chinese government reports -> verified fact tables."""


class BadInput(click.ClickException):
    """Bad usage or input: one line on stderr, exit 2 (as the README promises)."""

    exit_code = 2


def _usable_output(out: Path) -> None:
    """Check the output folder before any work: bad usage is exit 2 with one line, not a
    traceback after the whole extraction."""
    if out.exists() and not out.is_dir():
        raise BadInput(f"-o {out}: is a file, not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / f".write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as e:
        raise BadInput(f"-o {out}: cannot write there ({e.strerror or e})") from None


class Seconds(click.ParamType):
    """A positive, finite number of seconds (``-1``, ``0``, ``nan`` and ``inf`` are refused: none of
    them is a time limit)."""

    name = "seconds"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> float:
        import math

        try:
            seconds = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        if not math.isfinite(seconds) or seconds <= 0:
            self.fail(f"{value!r} is not a positive, finite number of seconds", param, ctx)
        return seconds


class Kinds(click.ParamType):
    """A comma-separated list of kinds of facts and stages (``amount,date,label``; see
    :func:`extract.rules.choose_kinds`), like a click.Choice of several."""

    name = "kinds"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None
                ) -> frozenset[str] | None:
        from .rules import choose_kinds

        if value is None or isinstance(value, frozenset):
            return value
        try:
            return choose_kinds(str(value))
        except ValueError as e:
            self.fail(str(e), param, ctx)


#: the years a report of the People's Republic can be about
YEARS = click.IntRange(1949, 2100)


def _fail_on_store(e: Exception, out: Path) -> None:
    """A DuckDB error (ours to word) as one line; anything else is raised as it is (a bug)."""
    if not type(e).__module__.lstrip("_").startswith("duckdb"):
        raise e
    first = (str(e).splitlines() or [type(e).__name__])[0]
    if "No space left" in first or "disk is full" in first.lower():
        raise click.ClickException(f"disk full while writing to {out}: free some space and run again "
                                   "(what was stored before is kept)") from None
    raise click.ClickException(f"the store in {out} failed: {first}") from None


def _os_error(e: OSError, out: Path, what: str = "write to") -> click.ClickException:
    import errno

    if e.errno == errno.ENOSPC:
        return click.ClickException(f"disk full while writing to {out}: free some space and run again "
                                    "(what was stored before is kept)")
    return BadInput(f"cannot {what} {out}: {e.strerror or e}")


def _logging(verbose: int, quiet: bool) -> None:
    import logging

    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "out", default="outputs", show_default=True, type=click.Path(path_type=Path),
              help="Folder of the dataset: reportfacts.duckdb and documents/facts/checks (.parquet, .csv).")
@click.option("--year", type=YEARS, default=None,
              help="Report year for every file, 1949-2100 (default: read from each report).")
@click.option("--strict", is_flag=True, help="Exit 1 when any check fails.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Worker processes (0: one per CPU core).")
@click.option("--rebuild", is_flag=True, help="Read every document again (default: only new or changed ones).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where documents are processed: worker processes here, or a Dask cluster.")
@click.option("--scheduler", metavar="ADDR", default=None,
              help="Dask scheduler address (tcp://host:8786); without it --engine dask starts a local cluster.")
@click.option("--partitioned", is_flag=True,
              help="Also write facts_by_year/ (Parquet partitioned by year and organisation; on with --engine dask).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Leave out files matching GLOB (repeatable).")
@click.option("--follow-symlinks", is_flag=True, help="Follow symbolic links that leave the input folders.")
@click.option("--timeout", type=Seconds(), default=120, show_default=True,
              help="Seconds per document; a slower one is a row with status timeout.")
@click.option("--max-chars", type=click.IntRange(min=1), default=50_000_000, show_default=True,
              help="Characters per text file; a larger one is a row with status too_large.")
@click.option("--max-pages", type=click.IntRange(min=1), default=3_000, show_default=True,
              help="Pages per PDF; a larger one is a row with status too_large.")
@click.option("--max-facts", type=click.IntRange(min=1), default=1_000_000, show_default=True,
              help="Facts per document; a document with more is a row with status too_large.")
@click.option("--max-memory-mb", type=click.IntRange(min=0), default=4096, show_default=True,
              help="Megabytes of memory per document in its worker process (0: no cap); "
                   "a document over it is a row with status too_large.")
@click.option("--pdf-reader", type=click.Choice(["pdfium", "pdfminer"]), default=None,
              help="How PDF pages are read: pdfium (default, about twice as fast) or pdfplumber's pdfminer; "
                   "both give the same facts and checks on the test PDFs.")
@click.option("--ocr", type=click.Choice(["auto", "force", "off"]), default=None,
              help="Scanned PDF pages: auto (default: pages with images and no text), force (every page), "
                   "off; needs the OCR extra: pip install 'reportfacts[ocr]'.")
@click.option("--kinds", type=Kinds(), default=None, metavar="KIND,...",
              help="Only these kinds of facts (amount, headcount, quantity, percent, date, year, award), their labels "
                   "with 'label', the checks with 'check' (default: everything).")
@click.option("-v", "--verbose", count=True, help="More log messages (-vv: debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors.")
def run(paths: tuple[Path, ...], out: Path, year: int | None, strict: bool, jobs: int, rebuild: bool, engine: str,
        scheduler: str | None, partitioned: bool, exclude: tuple[str, ...], follow_symlinks: bool, timeout: float,
        max_chars: int, max_pages: int, max_facts: int, max_memory_mb: int, pdf_reader: str | None, ocr: str | None,
        kinds: frozenset[str] | None, verbose: int, quiet: bool) -> None:
    """Read report files or folders (.txt, .md, .pdf) into the dataset in -o and check them.

    Documents already in the dataset with the same bytes are not read again."""
    from .dataset import build
    from .read.ingest import Limits, discover

    _logging(verbose, quiet)
    if scheduler and engine != "dask":
        raise BadInput(f"--scheduler {scheduler}: a scheduler is for --engine dask (the local engine has none)")
    _usable_output(out)
    entries = discover(list(paths), follow_symlinks, exclude)
    if not entries:
        raise BadInput(f"no files found under {', '.join(map(str, paths))}; nothing written to {out}")
    progress = None
    if sys.stderr.isatty() and not quiet:
        from tqdm import tqdm

        def progress(results, total):  # type: ignore[no-untyped-def]
            return tqdm(results, total=total, desc="reports", unit="doc", file=sys.stderr)

    try:
        with OutputLock(out):
            summary = build(entries, out, year, Limits(timeout, max_chars, max_pages, pdf_reader, max_facts,
                                                    max_memory_mb or None, ocr=ocr, kinds=kinds),
                            jobs or os.cpu_count() or 1, engine, scheduler, rebuild,
                            partitioned or engine == "dask", progress)
    except KeyboardInterrupt as e:
        if e.args:  # a second Ctrl-C, while the exports were being written
            click.echo(f"interrupted twice: {e.args[0]} ({out / 'reportfacts.duckdb'}); run again to rewrite "
                       "them and read the rest", err=True)
        else:
            click.echo(f"interrupted: the documents finished so far are in {out}; run again to read the rest",
                       err=True)
        sys.exit(130)
    except ReportFactsError as e:
        raise BadInput(str(e)) from None
    except OSError as e:
        raise _os_error(e, out) from None
    except Exception as e:  # noqa: BLE001 - a DuckDB error is worded; any other is raised again
        _fail_on_store(e, out)
    for line in summary.notices:
        click.echo(f"note: {line}", err=True)
    c = summary.checks
    failed = c.get("fail", 0)
    click.echo(f"{summary.documents} documents ({summary.not_ok} not ok), {summary.facts} facts, "
               f"{sum(c.values())} checks ({c.get('pass', 0)} pass, {failed} fail, {c.get('warn', 0)} warn) -> {out}/"
               + (f" [{summary.read} read, {summary.unchanged} unchanged]" if summary.unchanged else "")
               + (f"; read again with other settings: {', '.join(f'{k} ({n})' for k, n in summary.resettled.items())}"
                  if summary.resettled else "")
               + (f"; failed checks: {out / 'checks.csv'}" if failed else ""))
    if strict and failed:
        sys.exit(1)


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, help="Exit 1 when any check fails.")
def check(folder: Path, strict: bool) -> None:
    """Re-run validation over an existing outputs FOLDER (rewrites its checks table)."""
    from .dataset import recheck

    try:
        with OutputLock(folder):
            checks, notices = recheck(folder)
    except ReportFactsError as e:
        raise BadInput(str(e)) from None
    except OSError as e:
        raise _os_error(e, folder) from None
    except Exception as e:  # noqa: BLE001 - a DuckDB error is worded; any other is raised again
        _fail_on_store(e, folder)
    for line in notices:
        click.echo(f"note: {line}", err=True)
    click.echo(f"{len(checks)} checks ({_summary_checks(checks)}) -> {folder}/checks.csv")
    if strict and len(checks) and (checks["status"] == "fail").any():
        sys.exit(1)


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--org", default=None, help="Only organisations whose name contains TEXT "
                                          "(tables series_TEXT/changes_TEXT, workbook compare_TEXT.xlsx).")
@click.option("--years", type=int, nargs=2, default=None, metavar="YEAR YEAR",
              help="Compare these two years' reports only (e.g. --years 2017 2019).")
@click.option("--xlsx", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Workbook to write (default: FOLDER/compare.xlsx, or compare_ORG.xlsx with --org).")
def compare(folder: Path, org: str | None, years: tuple[int, int] | None, xlsx: Path | None) -> None:
    """Compare each organisation's figures across years in a dataset FOLDER (series, changes, a workbook)."""
    import pandas as pd

    from .checks.compare import compare as run_compare, file_suffix, unplaced, write_comparison

    target = xlsx or folder / f"compare{file_suffix(org)}.xlsx"
    if not target.parent.is_dir():
        raise BadInput(f"--xlsx {target}: no folder {target.parent}")
    try:
        series, changes = run_compare(folder, org, tuple(years) if years else None)
        book = save_file(target, lambda tmp: write_comparison(series, changes, folder, tmp, org=org))
        lost = unplaced(folder)
    except ReportFactsError as e:
        raise BadInput(str(e)) from None
    except OSError as e:
        raise _os_error(e, target) from None
    except Exception as e:  # noqa: BLE001 - a DuckDB error is worded; any other is raised again
        _fail_on_store(e, folder)
    counts = changes["status"].value_counts() if len(changes) else pd.Series(dtype=int)
    tables = f"changes{file_suffix(org)}.csv"
    click.echo(f"{series['organization'].nunique()} organisations, {len(series)} series rows, {len(changes)} "
               f"changes ({', '.join(f'{int(counts.get(s, 0))} {s}' for s in ('pass', 'fail', 'warn', 'info'))}) "
               f"-> {folder}/{tables}; workbook {book}")
    if len(lost):
        click.echo(f"{len(lost)} documents could not be placed (no organisation or no year stated): "
                   + ", ".join(str(d) for d in lost["doc_id"]))
    from .store import changed_sources

    moved = changed_sources(folder, list(series["doc_id"].dropna().astype(str).unique()) if "doc_id" in series else [])
    if moved:  # compare reads no report text: its figures stay those of the files as read
        click.echo(f"{len(moved)} compared reports changed or are gone since the run: "
                   + ", ".join(f"{d} ({why})" for d, why in sorted(moved.items()))
                   + "; figures and pages are those of the files as read (run again to compare the new ones)")


@main.command()
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--doc", "doc_id", default=None, help="The report to show (its doc_id; default: the first one).")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The HTML file to write (default: SOURCE/<doc_id>.html, or <file>.html beside a file).")
def show(source: Path, doc_id: str | None, out: Path | None) -> None:
    """Write one report as a self-contained HTML page: facts highlighted where they were read,
    the section outline, and the checks linked to their figures. SOURCE is a dataset folder
    written by `reportfacts run`, or a report file."""
    from .views.view import show as make_view

    if out is None:  # a doc_id with folders in it (2023/预算) is one file name: 2023_预算.html
        name = (doc_id or "report").replace("/", "_").replace("\\", "_")
        out = source / f"{name}.html" if source.is_dir() else source.with_suffix(".html")
    if not out.parent.is_dir():
        raise BadInput(f"-o {out}: no folder {out.parent}")
    try:
        view = make_view(source, doc_id)
        save_file(out, view.save)
    except (ValueError, ReportFactsError) as e:
        raise BadInput(str(e)) from None
    except OSError as e:
        raise _os_error(e, out) from None
    click.echo(f"wrote {out}")


@main.command("build-dict")
def build_dict() -> None:
    """Regenerate patterns/jieba_userdict.txt from patterns/identities.yaml."""
    from .find.userdict import build

    try:
        target = build()
    except ReportFactsError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"wrote {target}")


if __name__ == "__main__":
    main()
