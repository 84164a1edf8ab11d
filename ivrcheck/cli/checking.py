"""The options of a command that checks menus, handed to the workspace: each file's config, then the run."""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Callable, Optional, Sequence

from ivrcheck.cli.options import Inputs, Selection
from ivrcheck.cli.process import notice, progress, refused, started

if TYPE_CHECKING:
    from ivrcheck.cache import LineCache
    from ivrcheck.config import Config
    from ivrcheck.engine import Run


def resolver(selection: Selection = Selection(), inputs: Inputs = Inputs()) -> Callable[[Path], Config]:
    """Each path's config with the flags on top; a broken config or an unknown `--from` is exit 2."""
    from ivrcheck import workspace

    with refused():
        found = workspace.resolver(selection.config, select=selection.select, ignore=selection.ignore,
                                   fail_on=selection.fail_on, source_format=inputs.source_format,
                                   entry=inputs.entry, strict_waivers=selection.strict_waivers)
    # Every command that checks menus resolves their configs first: the command's modules and the
    # config are in. The rest of the pipeline (the rules, the graph, networkx, the language models)
    # is imported by the engine with the first line it checks, the collector paused again there.
    started()

    def resolve(path: Path) -> Config:
        with refused():
            return found(path)
    return resolve


def existing(paths: Sequence[str]) -> list[Path]:
    """The paths as given, each one there (exit 2 otherwise)."""
    from ivrcheck import workspace

    with refused():
        return workspace.existing(paths)


def not_over_inputs(sources: Sequence[str | Path | None], *outputs: Optional[Path]) -> None:
    """Exit 2 before anything is read when an output names a file the command reads (a PATH, a menu
    file in a folder given, a log, the --config): writing it would replace the input."""
    from ivrcheck import workspace

    with refused():
        workspace.refuse_overwriting([s for s in sources if s is not None], *outputs)


def menu_files(paths: Sequence[str]) -> list[Path]:
    """The files the paths name, folders searched (what a search skips said on stderr)."""
    from ivrcheck import workspace

    with refused():
        return workspace.menu_files(paths, notice)


def run(inputs: Inputs, selection: Selection, keep: bool = False, cache: Optional[LineCache] = None) -> Run:
    """Check every file the inputs name, or the one menu on standard input."""
    from ivrcheck import workspace

    resolve = resolver(selection, inputs)
    with refused():
        if list(inputs.paths) == ["-"]:
            return workspace.check_stdin(resolve, inputs.stdin_filename)
        return workspace.check(inputs.paths, resolve, notice, inputs.jobs, progress, keep=keep, cache=cache)


def step_summary(summary: Callable[[ModuleType], str]) -> None:
    """Inside GitHub Actions, append `summary(jobsummary)` to the job's summary page (a warning when it cannot)."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        from ivrcheck import jobsummary

        problem = jobsummary.append(summary(jobsummary), target)
        if problem:
            notice(problem)
