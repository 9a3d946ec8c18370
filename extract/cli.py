"""The ``reportfacts`` command: a thin shell over the library.

It parses arguments, calls :mod:`extract`, writes the tables and maps
library errors to one-line messages and exit codes (1: checks failed under
--strict, 2: usage or input error).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click
import pandas as pd

from . import api
from .records import ReportFactsError
from .store import read_table, write_duckdb, write_table


def _summary_checks(checks: pd.DataFrame) -> str:
    counts = checks["status"].value_counts() if len(checks) else pd.Series(dtype=int)
    return ", ".join(f"{int(counts.get(s, 0))} {s}" for s in ("pass", "fail", "warn"))


@click.group()
@click.version_option(package_name="reportfacts")
def main() -> None:
    """reportfacts: Chinese government reports -> verified fact tables."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "out", default="outputs", show_default=True, type=click.Path(path_type=Path),
              help="Folder for documents/facts/checks (.parquet, .csv) and reportfacts.duckdb.")
@click.option("--year", type=int, default=None, help="Report year for every file (default: read from each report).")
@click.option("--strict", is_flag=True, help="Exit 1 when any check fails.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Worker processes reading files (0: one per CPU core).")
def run(paths: tuple[Path, ...], out: Path, year: int | None, strict: bool, jobs: int) -> None:
    """Read report files or folders (.txt, .md, .pdf) into fact tables and check them."""
    progress = None
    if sys.stderr.isatty():
        from tqdm import tqdm

        def progress(results, total):  # type: ignore[no-untyped-def]
            return tqdm(results, total=total, desc="reports", unit="doc", file=sys.stderr)

    try:
        result = api.run(list(paths), year=year, progress=progress, jobs=jobs or os.cpu_count() or 1)
        tables = {"documents": result.documents, "facts": result.facts, "checks": result.checks}
        write_duckdb({name: write_table(df, out, name) for name, df in tables.items()}, out)
    except ReportFactsError as e:
        raise click.ClickException(str(e)) from None
    docs = result.documents
    bad = int((docs["status"] != "ok").sum())
    click.echo(f"{len(docs)} documents ({bad} not ok), {len(result.facts)} facts, "
               f"{len(result.checks)} checks ({_summary_checks(result.checks)}) -> {out}/")
    if strict and len(result.checks) and (result.checks["status"] == "fail").any():
        sys.exit(1)


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, help="Exit 1 when any check fails.")
def check(folder: Path, strict: bool) -> None:
    """Re-run validation over an existing outputs FOLDER (rewrites its checks table)."""
    try:
        facts = read_table(folder, "facts")
        checks = api.check(facts)
        write_table(checks, folder, "checks")
        tables = {"checks": checks}
        write_duckdb(tables, folder)
    except ReportFactsError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"{len(checks)} checks ({_summary_checks(checks)}) -> {folder}/checks.csv")
    if strict and len(checks) and (checks["status"] == "fail").any():
        sys.exit(1)


@main.command("build-dict")
def build_dict() -> None:
    """Regenerate patterns/jieba_userdict.txt from patterns/identities.yaml."""
    from .userdict import build

    try:
        target = build()
    except ReportFactsError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"wrote {target}")


if __name__ == "__main__":
    main()
