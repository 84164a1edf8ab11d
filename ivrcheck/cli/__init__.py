"""The command line: one module a command, each only wiring (options in, the workspace and engine, a
formatter, an exit code); `options` holds what they take, `process` the plumbing around them."""

from __future__ import annotations

import importlib
import os
import sys
from functools import cache
from typing import Annotated, Any, Callable, Optional

import typer
from typer.core import TyperArgument, TyperOption

from ivrcheck import __version__
from ivrcheck.cli.options import RegistryHelp
from ivrcheck.cli.process import run, say

# Typer prints an argument's Python type in --help (`<list[str]>`): jargon to a designer, and
# each argument's help already says what it takes.
# Flags show `<bool>` the same way. Every option that takes a value declares a metavar instead.
TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]
TyperOption.display_type_rich = lambda self, ctx: self.metavar  # type: ignore[method-assign]
try:  # typer < 0.29 reads an argument's type column from its parameter type instead
    from typer._click.types import ParamType as _ParamType
except ImportError:  # pragma: no cover - typer with click outside, or a layout we do not know
    _ParamType = None
if _ParamType is not None:
    _plain_metavar = _ParamType.get_metavar

    def _argument_metavar(self, param, ctx):  # type: ignore[no-untyped-def]
        found = _plain_metavar(self, param, ctx)
        return "" if found is None and isinstance(param, TyperArgument) else found

    _ParamType.get_metavar = _argument_metavar  # type: ignore[method-assign]

#: How the command line is set up; `app_for` makes a one-command app the same way.
_SETTINGS = dict(
    name="ivrcheck",
    help="Validate phone menus (IVRs) before callers meet them.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
#: The commands in the order --help lists them: (name, "module:function" in ivrcheck.cli). A command's
#: module is imported when its command is built, so a check loads none of the other commands' modules.
COMMANDS = (
    ("check", "check:check"), ("score", "score:score"), ("tasks", "tasks:tasks"),
    ("traffic", "traffic:traffic_command"), ("diff", "diff:diff"), ("render", "render:render"),
    ("import", "importing:import_command"), ("report", "report:report_command"), ("rule", "rule:rule"),
    ("schema", "schema:schema"), ("server", "servers:server"), ("mcp", "servers:mcp"),
    ("config", "settings:config_command"),
)


def _command(where: str) -> Callable[..., Any]:
    module, function = where.split(":")
    return getattr(importlib.import_module(f"ivrcheck.cli.{module}"), function)


def _version(value: bool) -> None:
    if value:
        say(f"ivrcheck {__version__}")
        raise typer.Exit()


def _root(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Print the version and exit.")] = None,
) -> None:
    """Validate phone menus (IVRs) before callers meet them."""


def _app(commands: tuple[tuple[str, str], ...]) -> typer.Typer:
    made = typer.Typer(**_SETTINGS)  # type: ignore[arg-type]
    made.callback()(_root)
    for name, where in commands:
        made.command(name, cls=RegistryHelp)(_command(where))
    return made


@cache
def whole_app() -> typer.Typer:
    """The app with every command (`ivrcheck.cli.app`), built once when first asked for."""
    return _app(COMMANDS)


def __getattr__(name: str) -> Any:
    """`app` is made on first use: building it imports every command's module."""
    if name == "app":
        return whole_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def app_for(args: list[str]) -> typer.Typer:
    """The app with only the command the arguments name, when they start with one.

    Typer reads every command's signature and builds every option before it runs one: about
    10 ms of each run for the twelve commands a check does not use, and their modules are not
    imported. The command, its options, its help and its errors are the same either way (their
    usage line is `ivrcheck COMMAND`); anything else (no command, `--help`, `--version`, a
    mistyped command) gets the whole app.
    """
    named = tuple((name, where) for name, where in COMMANDS if args and args[0] == name)
    return _app(named) if named else whole_app()


def main() -> None:
    """Console script entry point."""
    _sane_columns()
    _working_folder_exists()
    _environment_notices()
    run(app_for(sys.argv[1:]))


def _environment_notices() -> None:
    """A variable ivrcheck cannot use is named once on stderr, and the run goes on without it.

    Only when one is set: the modules that judge them are not imported otherwise.
    """
    problems = []
    if os.environ.get("WORDNET_DIR"):
        from ivrcheck.language import wordnet

        problems.append(wordnet.problem())
    if os.environ.get("IVRCHECK_DOCS_URL"):
        from ivrcheck.report.common import docs_url_problem

        problems.append(docs_url_problem())
    for problem in problems:
        if problem is not None:
            print(f"ivrcheck: warning: {problem}", file=sys.stderr)


def _working_folder_exists() -> None:
    """A run from a folder that was deleted (or unmounted) under the shell stops with one line, exit 2.

    Every relative name, the cache and the config search start from the working folder; with it
    gone, none of them means anything (issue 23), and a guess would check the wrong files.
    """
    try:
        os.getcwd()
    except OSError as error:
        print(f"ivrcheck: error: the working folder no longer exists ({error.strerror}); "
              "cd into a folder that exists and run again", file=sys.stderr)
        raise SystemExit(2) from None


def _sane_columns() -> None:
    """A terminal width past any screen (`COLUMNS=999999999999`) makes the help's layout ask for
    that much memory: such a value is dropped, as a width that is not a number is."""
    width = os.environ.get("COLUMNS", "")
    if width and (not width.isascii() or not width.isdigit() or len(width) > 4):
        del os.environ["COLUMNS"]
