"""`ivrcheck config`: the settings that apply to a path, each with where it came from."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ivrcheck.cli import checking
from ivrcheck.cli.options import ConfigOpt, Selection
from ivrcheck.cli.process import say

PathArg = Annotated[Path, typer.Argument(metavar="PATH", show_default=False,
                                         help="Show the settings that apply to this file or folder (default: here).")]
ShowOpt = Annotated[bool, typer.Option("--show", show_default=False,
                                       help="Print the resolved settings and where each came from.")]


def config_command(path: PathArg = Path("."), *, show: ShowOpt = True, config: ConfigOpt = None) -> None:
    """Print the settings that apply to PATH, each with where it came from."""
    from ivrcheck.report.settings import describe

    (found,) = checking.existing([str(path)])
    say(describe(checking.resolver(Selection(config))(found)))
