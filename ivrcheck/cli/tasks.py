"""`ivrcheck tasks`: the offline tree test, each task's predicted path for a first-time caller."""

from __future__ import annotations

from ivrcheck.cli import checking
from ivrcheck.cli.options import (ConfigOpt, DebugOpt, EntryOpt, FromOpt, Inputs, OutputOpt, PathsArg,
                                  Selection, TasksFormatOpt, listed)
from ivrcheck.cli.process import debug as debugging
from ivrcheck.cli.process import emit, fail, finish


def tasks(
    paths: PathsArg,
    *,
    format: TasksFormatOpt = "text",
    config: ConfigOpt = None,
    output: OutputOpt = None,
    source_format: FromOpt = None,
    entry: EntryOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Predict each task's path for a first-time caller (an offline tree test); exit 1 when a file cannot be loaded."""
    from ivrcheck import treetest
    from ivrcheck.report import tasks as report

    if format not in report.FORMATS:
        raise fail(f'unknown format "{format}"; choose {listed("tasks_formats")}')
    debugging(debug)
    checking.not_over_inputs([*paths, config], output)
    resolve = checking.resolver(Selection(config), Inputs(source_format=source_format, entry=entry))
    tests = treetest.tree_tests(checking.menu_files(paths), resolve)
    emit(report.FORMATS[format](tests), output)
    finish([test.result for test in tests], any(test.predictions is None for test in tests))
