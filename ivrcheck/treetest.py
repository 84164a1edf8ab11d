"""The offline tree test of given files (`ivrcheck tasks`): each file's tasks walked from it as the root of its line,
every line checked once as `engine.check_paths` checks it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from ivrcheck.config import Config
from ivrcheck.discover import display_path
from ivrcheck.engine import Inspection, check_paths, crashed, inspect_file

if TYPE_CHECKING:  # the pipeline is imported with the first line checked (see engine's docstring)
    from ivrcheck import callers


def tree_test(path: Path, config: Config = Config()) -> callers.tasks.TreeTest:
    """Check a file and predict its tasks (the offline tree test) with the config's `tree_test` thresholds."""
    return _predicted(inspect_file(path, config), config)


def _predicted(inspection: Inspection, config: Config) -> callers.tasks.TreeTest:
    """The tree test of a checked root file: its predictions, or None when it could not be loaded."""
    from ivrcheck import callers

    TreeTest = callers.tasks.TreeTest
    if inspection.menu is None or inspection.line is None:
        return TreeTest(inspection.result, None)
    settings = callers.tasks.Settings.from_mapping(config.tree_test)
    return TreeTest(inspection.result, callers.tasks.predict(inspection.menu, inspection.line, settings=settings))


def tree_tests(paths: Sequence[Path], config_for: Callable[[Path], Config]) -> list[callers.tasks.TreeTest]:
    """Tree-test files as `tree_test` does each, checking every line once as `check_paths` does.

    Files that load are checked together: a file another given file reaches is checked as part of
    that line, not again as a root (files referring to each other were checked once per file). A
    file with no `tasks:` has nothing to predict wherever it was checked; a file with tasks that
    another line covered is tree-tested as the root of its own line, as are files that do not load."""
    from ivrcheck import callers

    tasks = {path: _declares_tasks(path, config_for(path)) for path in paths}
    run = check_paths([p for p in paths if tasks[p] is not None], config_for, keep=True)
    checked = {result.path: result for result in run.results}
    tests = []
    for path in paths:
        shown = display_path(path)
        if shown in run.inspections:
            tests.append(_predicted(run.inspections[shown], config_for(path)))
        elif tasks[path] is False and shown in checked and not crashed([checked[shown]]):
            tests.append(callers.tasks.TreeTest(checked[shown], []))
        else:  # tasks in a line another root covered, a file that does not load, or ivrcheck's own failure
            tests.append(tree_test(path, config_for(path)))
    return tests


def _declares_tasks(path: Path, config: Config) -> bool | None:
    """Whether a file read alone declares tasks; None when it does not load (or reading it fails:
    its tree test reports ivrcheck's own failure)."""
    from ivrcheck import reading

    try:
        loaded = reading.read_file(path, display_path(path), config.limits, source_format=config.source_format,
                                   entry=config.entry)
    except Exception:  # tree_test turns it into an F099 finding
        return None
    return None if loaded.menu is None else bool(loaded.menu.tasks)
