"""`ivrcheck check`: the findings of menu files in a format, and whether they fail the run."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ivrcheck.cli import checking
from ivrcheck.cli.options import (INPUT, OUTPUT, ConfigOpt, DebugOpt, EntryOpt, FailOnOpt, FormatOpt, FromOpt,
                                  IgnoreOpt, Inputs, JobsOpt, OutputOpt, PathsArg, SelectOpt, Selection,
                                  StdinNameOpt)
from ivrcheck.cli.process import debug as debugging
from ivrcheck.cli.process import emit, fail, finish, refused

if TYPE_CHECKING:
    from ivrcheck.cache import LineCache

QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", rich_help_panel=OUTPUT,
                                        help="Print only the findings: no summary, nothing when all is well.")]
StatisticsOpt = Annotated[bool, typer.Option("--statistics", rich_help_panel=OUTPUT,
                                             help="Print how many findings each code has, instead of the findings.")]
FixOpt = Annotated[bool, typer.Option("--fix", rich_help_panel=INPUT,
                                      help="Apply the safe fixes to the files first, then report what is left.")]
UnsafeFixesOpt = Annotated[bool, typer.Option("--unsafe-fixes", rich_help_panel=INPUT,
                                              help="With --fix, apply the fixes that need a person's eye too "
                                                   "(deleting an unreachable node).")]
StrictWaiversOpt = Annotated[bool, typer.Option(
    "--strict-waivers", help="Refuse waiver comments that give no `reason:` (F023, an error).")]
NoCacheOpt = Annotated[bool, typer.Option(
    "--no-cache", envvar="IVRCHECK_NO_CACHE", rich_help_panel=INPUT, show_envvar=False,
    help="Check every line again instead of reusing the results of unchanged ones (docs/cache.md).")]
CacheDirOpt = Annotated[Optional[Path], typer.Option(
    "--cache-dir", metavar="DIR", envvar="IVRCHECK_CACHE_DIR", rich_help_panel=INPUT, show_default=False,
    show_envvar=False, help="Where results are kept between runs (default: .ivrcheck_cache beside the config file).")]


def check(
    paths: PathsArg,
    *,
    format: FormatOpt = None,
    fail_on: FailOnOpt = None,
    config: ConfigOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    statistics: StatisticsOpt = False,
    source_format: FromOpt = None,
    entry: EntryOpt = None,
    stdin_filename: StdinNameOpt = None,
    jobs: JobsOpt = 1,
    fix: FixOpt = False,
    unsafe_fixes: UnsafeFixesOpt = False,
    strict_waivers: StrictWaiversOpt = False,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
) -> None:
    """Check menu files and report findings; exit 1 when any reaches --fail-on, 3 when ivrcheck itself fails."""
    from ivrcheck import report

    debugging(debug)
    fmt = format or report.default_format()
    if fmt not in report.FORMATS:
        raise fail(f'unknown format "{fmt}"; choose one of {", ".join(sorted(report.FORMATS))}')
    selection = Selection(config, tuple(select or ()), tuple(ignore or ()), fail_on, strict_waivers or None)
    inputs = Inputs(tuple(paths), source_format, entry, stdin_filename, jobs)
    checking.not_over_inputs([*paths, config], output)
    if fix or unsafe_fixes:
        _fix(inputs, selection, unsafe_fixes)
    run = checking.run(inputs, selection, keep=bool(os.environ.get("GITHUB_STEP_SUMMARY")),
                       cache=None if no_cache else _cache(cache_dir))
    color = output is None and sys.stdout is not None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    if statistics:
        text = report.statistics(run.results)
    else:
        text = report.FORMATS[fmt](run.results, color)
        if quiet and fmt == "text":
            text = report.quiet_text(run.results, color)
    emit(text, output)
    checking.step_summary(lambda summaries: summaries.of_check(run))
    finish(run.results, run.fails)


def _fix(inputs: Inputs, selection: Selection, unsafe: bool) -> None:
    """Apply the fixes file by file and say how many on standard error (the report is of what is left)."""
    from ivrcheck.fixloop import fix_paths

    resolve = checking.resolver(selection, inputs)
    with refused():
        typer.echo(fix_paths(inputs.paths, resolve, unsafe), err=True)


def _cache(folder: Optional[Path]) -> LineCache:
    from ivrcheck.cache import LineCache  # hashing and pickling are loaded only when the cache is on

    return LineCache(folder)
