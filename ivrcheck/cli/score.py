"""`ivrcheck score`: the clarity score of menu files, part by part."""

from __future__ import annotations

from typing import Annotated

import typer

from ivrcheck.cli import checking
from ivrcheck.cli.options import (OUTPUT, ConfigOpt, DebugOpt, EntryOpt, FromOpt, Inputs, OutputOpt, PathsArg,
                                  ScoreFormatOpt, Selection, StdinNameOpt, listed)
from ivrcheck.cli.process import debug as debugging
from ivrcheck.cli.process import emit, fail, finish

ExplainOpt = Annotated[bool, typer.Option("--explain", rich_help_panel=OUTPUT,
                                          help="Show each part's measures, the findings that moved them "
                                               "and any cap.")]


def score(
    paths: PathsArg,
    *,
    format: ScoreFormatOpt = "text",
    config: ConfigOpt = None,
    output: OutputOpt = None,
    source_format: FromOpt = None,
    entry: EntryOpt = None,
    stdin_filename: StdinNameOpt = None,
    explain: ExplainOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Print the clarity score of menu files and its four-part breakdown; exit 1 when one cannot be scored."""
    from ivrcheck.report import clarity

    debugging(debug)
    if format not in clarity.FORMATS:
        raise fail(f'unknown format "{format}"; choose {listed("score_formats")}')
    checking.not_over_inputs([*paths, config], output)
    run = checking.run(Inputs(tuple(paths), source_format, entry, stdin_filename), Selection(config, fail_on="never"))
    emit(clarity.FORMATS[format](run.results, explain=explain), output)
    finish(run.results, any(result.score is None for result in run.results))
