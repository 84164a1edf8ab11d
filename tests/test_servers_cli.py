"""`ivrcheck server`, `ivrcheck mcp` and `check --fix` at the command line: clear words when an extra
is missing or the input cannot be fixed in place."""

from __future__ import annotations

import sys

import pytest
from typer.testing import CliRunner

from ivrcheck.cli import app


@pytest.mark.parametrize("command,module,extra", [("server", "pygls", "lsp"), ("mcp", "mcp", "mcp")])
def test_a_server_without_its_extra_says_what_to_install(monkeypatch, command: str, module: str, extra: str) -> None:
    for name in [module, *(m for m in sys.modules if m.startswith(f"{module}."))]:
        monkeypatch.setitem(sys.modules, name, None)  # as if it were not installed
    for loaded in [m for m in sys.modules if m.startswith(f"ivrcheck.{'lsp' if command == 'server' else 'mcp'}.")]:
        monkeypatch.delitem(sys.modules, loaded)
    result = CliRunner().invoke(app, [command])
    assert result.exit_code == 2
    assert f'pip install "ivrcheck[{extra}]"' in result.output


def test_fix_refuses_standard_input() -> None:
    result = CliRunner().invoke(app, ["check", "--fix", "-"], input="name: x\n")
    assert result.exit_code == 2 and "give file paths" in result.output


def test_fix_says_how_many_fixes_it_applied(tmp_path) -> None:
    from pathlib import Path

    source = Path(__file__).resolve().parent.parent / "menus" / "wording-defects.ivr.yaml"
    menu = tmp_path / "w.ivr.yaml"
    menu.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--fix", "--quiet", str(menu)])
    assert "ivrcheck: applied 1 fix in 1 file" in result.output
    assert "P401" not in result.output  # the report is of what is left
