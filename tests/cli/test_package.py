"""`ivrcheck/cli/` stays wiring: small modules, short functions, no finding of files, help lists from the registries."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ivrcheck.cli import COMMANDS, app
from ivrcheck.cli.options import LISTS, listed
from tests.test_layers import imports

CLI = Path(__file__).resolve().parents[2] / "ivrcheck" / "cli"
MODULE_LINES, FUNCTION_LINES = 200, 50
#: What belongs below the CLI (ivrcheck/workspace.py and the engine): finding files, reading them, git.
NOT_WIRING = ("ivrcheck.discover", "ivrcheck.callers.git", "ivrcheck.load.read_file", "ivrcheck.load.menu_text")
#: Calls that find files or tell a format (a registry's names may be read, for the help).
NOT_WIRING_CALLS = ("os.walk", "rglob(", "subprocess", ".detect(", "sys.stdin")


def modules() -> list[Path]:
    return sorted(CLI.glob("*.py"))


@pytest.mark.parametrize("path", modules(), ids=lambda p: p.name)
def test_a_cli_module_is_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MODULE_LINES, f"cli/{path.name} has {lines} lines; move what is not wiring below the CLI"


@pytest.mark.parametrize("path", modules(), ids=lambda p: p.name)
def test_a_cli_function_is_short(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [f"{node.name}: {node.end_lineno - node.lineno + 1} lines" for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > FUNCTION_LINES]  # type: ignore[operator]
    assert not long, f"cli/{path.name}: {long}"


@pytest.mark.parametrize("path", modules(), ids=lambda p: p.name)
def test_a_cli_module_finds_no_files_and_tells_no_formats(path: Path) -> None:
    found = sorted(name for name in imports(path) if name.startswith(NOT_WIRING))
    assert not found, f"cli/{path.name} imports {found}: that is ivrcheck/workspace.py's work"
    text = path.read_text(encoding="utf-8")
    assert not [call for call in NOT_WIRING_CALLS if call in text], f"cli/{path.name} does the workspace's work"


def _typer_shows_argument_help() -> bool:
    """Whether this Typer prints an argument's help at all (0.16, the lowest release allowed, does
    not: its help then names the argument only)."""
    import typer

    probe = typer.Typer()

    @probe.command()
    def one(name: str = typer.Argument(..., help="probe-words")) -> None:  # pragma: no cover - never run
        """Probe."""

    return "probe-words" in CliRunner().invoke(probe, ["--help"], env={"COLUMNS": "200"}).output


ARGUMENT_HELP = pytest.mark.skipif(not _typer_shows_argument_help(),
                                   reason="this Typer release does not print an argument's help")


def help_text(command: str) -> str:
    """The help as one line of words: older Typer releases wrap an argument's help inside its panel
    whatever the width, so the panel's borders and line breaks are taken out."""
    text = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "1000", "NO_COLOR": "1"}).output
    return " ".join(re.sub(r"[\u2500-\u257f]", " ", text).split())


@ARGUMENT_HELP
def test_every_help_list_is_filled_from_its_registry() -> None:
    used = set()
    for name, _ in COMMANDS:
        text = help_text(name)
        assert not re.search(r"\{[a-z_]+\}", text), f"{name} --help has a placeholder left: {text}"
        used |= {key for key in LISTS if listed(key) in text}
    assert used == set(LISTS), f"lists no help shows: {sorted(set(LISTS) - used)}"


@ARGUMENT_HELP
def test_a_new_importer_is_named_in_the_help_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from ivrcheck import importers

    assert all(importers.BY_NAME[name].TITLE in help_text("import") for name in importers.NAMES)
    monkeypatch.setattr(importers, "NAMES", importers.NAMES[:2])
    assert listed("platforms") in help_text("import")  # read when printed, not when the CLI was imported


@pytest.mark.parametrize("command", ["check", "import", "render"])
def test_the_from_help_names_each_value_it_takes(command: str) -> None:
    from ivrcheck import importers

    text = " ".join(help_text(command).split())
    assert listed("sources") in text and "see `ivrcheck import --help`" not in text
    assert all(f"{name} for {importers.BY_NAME[name].TITLE}" in text for name in importers.NAMES)
    assert "ivr for ivrcheck's menu YAML" in text
