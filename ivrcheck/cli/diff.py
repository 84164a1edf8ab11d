"""`ivrcheck diff`: what a change does to callers, between two files or against a git revision."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ivrcheck.cli import checking
from ivrcheck.cli.options import INPUT, OUTPUT, ConfigOpt, DebugOpt, DiffFormatOpt, OutputOpt, Selection, listed
from ivrcheck.cli.process import debug as debugging
from ivrcheck.cli.process import emit, fail, finish, notice, refused

DiffPathsArg = Annotated[Optional[list[str]], typer.Argument(
    metavar="OLD NEW | PATH...", show_default=False,
    help="Two menu files (old, new); with --git, the working-tree files to compare (default: all changed).")]
GitOpt = Annotated[Optional[str], typer.Option("--git", metavar="REV", rich_help_panel=INPUT,
                                               help="Compare the working tree with this revision (git show REV:path).")]
RegressionOpt = Annotated[bool, typer.Option("--fail-on-regression", rich_help_panel=OUTPUT,
                                             help="Exit 1 when the score falls or a person gets further away.")]


def diff(
    paths: DiffPathsArg = None,
    *,
    git: GitOpt = None,
    format: DiffFormatOpt = "text",
    fail_on_regression: RegressionOpt = False,
    config: ConfigOpt = None,
    output: OutputOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Show what a change does to callers: options, nodes, metrics, score, findings new and fixed."""
    from ivrcheck import workspace
    from ivrcheck.findings import FileResult
    from ivrcheck.report import diff as report

    debugging(debug)
    if format not in report.FORMATS:
        raise fail(f'unknown format "{format}"; choose {listed("diff_formats")}')
    checking.not_over_inputs([*(paths or []), config], output)
    resolve = checking.resolver(Selection(config))
    with refused():
        diffs = workspace.diffs(paths or [], git, resolve, notice)
    emit(report.FORMATS[format](diffs), output)
    checking.step_summary(lambda summaries: summaries.of_diff(diffs))
    finish([FileResult(d.path, tuple(d.new_findings)) for d in diffs],
           fail_on_regression and any(d.regressions for d in diffs))

