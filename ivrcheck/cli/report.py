"""`ivrcheck report`: the hand-over report of menu files, in HTML or Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ivrcheck.cli import checking
from ivrcheck.cli.options import (LISTS, OUTPUT, ConfigOpt, DebugOpt, EntryOpt, FromOpt, Inputs, PathsArg,
                                  Selection, StdinNameOpt)
from ivrcheck.cli.process import debug as debugging
from ivrcheck.cli.process import emit, fail, finish, say, source_date
from ivrcheck.didyoumean import one_of

ReportOutputOpt = Annotated[Optional[Path], typer.Option(
    "--output", "-o", metavar="FILE", rich_help_panel=OUTPUT,
    help="Where to write: {report_files} (- is standard output).")]
ReportFormatOpt = Annotated[Optional[str], typer.Option(
    "--format", "-f", metavar="FORMAT", rich_help_panel=OUTPUT,
    help="{report_formats} (default: from the -o name; html on standard output).")]


def report_command(
    paths: PathsArg,
    *,
    output: ReportOutputOpt = None,
    format: ReportFormatOpt = None,
    config: ConfigOpt = None,
    source_format: FromOpt = None,
    entry: EntryOpt = None,
    stdin_filename: StdinNameOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Write a hand-over report: scores, findings, diagrams and a phone to try each menu on (HTML or Markdown)."""
    from ivrcheck.report import handover

    debugging(debug)
    fmt = handover.format_for(str(output) if output is not None else "-", format)
    formats = LISTS["report_formats"]()
    if fmt is None and format is not None:
        raise fail(f'unknown report format "{format}"; choose {one_of(formats)}')
    if fmt is None:
        raise fail(f'cannot tell the report format of "{output}"; name it {one_of("." + f for f in formats)}, '
                   f'or use --format {"|".join(formats)}')
    if fmt == "md":
        from ivrcheck.report.handover import markdown as writer
    else:
        from ivrcheck.report.handover import html as writer
    source_date()
    checking.not_over_inputs([*paths, config], output)
    run = checking.run(Inputs(tuple(paths), source_format, entry, stdin_filename), Selection(config, fail_on="never"),
                       keep=True)
    emit(writer.format(run.inspections.values(), run.results), output)
    if output is not None and str(output) != "-":
        count = len(run.inspections)
        say(f"wrote {output} ({fmt}, {count} phone line{'' if count == 1 else 's'})")
    finish(run.results, any(result.score is None for result in run.results))
