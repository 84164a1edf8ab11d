"""`ivrcheck render`: formats from the extension, atomic writes, clear errors with exit 2."""

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ivrcheck.cli import app
from tests.conftest import MENUS

runner = CliRunner()
ACME = str(MENUS / "acme-bank.ivr.yaml")


@pytest.mark.parametrize("name", ["out.dot", "out.mmd", "out.md"])
def test_text_formats_need_nothing(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    result = runner.invoke(app, ["render", ACME, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text().strip() and f"wrote {out}" in result.output
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left behind


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")
def test_svg_with_options(tmp_path: Path) -> None:
    out = tmp_path / "clinic.svg"
    args = ["render", str(MENUS / "clinic-hours.ivr.yaml"), "-o", str(out), "--state", "closed", "--depth", "2"]
    assert runner.invoke(app, args).exit_code == 0
    assert b"after_hours" in out.read_bytes()


@pytest.mark.parametrize("args, message", [
    (["-o", "x.txt"], 'cannot tell the format of "x.txt"'),
    (["-o", "x.svg", "--root", "nope"], '"nope" is no node'),
    (["-o", "x.svg", "--state", "closed"], "no 'closed' state"),
    (["-o", "x.svg", "--format", "gif"], 'cannot tell the format'),
])
def test_errors_exit_2_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    args = [a if not a.startswith("x.") else str(tmp_path / a) for a in args]
    result = runner.invoke(app, ["render", ACME, *args])
    assert result.exit_code == 2 and message in result.output
    assert result.output.strip().count("\n") == 0


def test_unloadable_file_prints_findings_and_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "b.ivr.yaml"
    broken.write_text("entry: main\nnodes:\n  main: {promt: x}\n")
    result = runner.invoke(app, ["render", str(broken), "-o", str(tmp_path / "b.svg")])
    assert result.exit_code == 1 and "F007" in result.output
    assert not (tmp_path / "b.svg").exists()
