"""Found by a fourth blind tester (issue 23): output that cannot be written, files rewritten with the
wrong mode, and messages that confused rather than helped."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from ivrcheck.fileio import atomic_write, write_output

MENU = "entry: main\nnodes:\n  main:\n    type: menu\n    prompt: For sales, press 1.\n" \
       "    options:\n      '1': {label: Sales, goto: desk}\n  desk: {type: agent}\n  dead: {type: hangup}\n"
#: Commands that write to standard output, each in its own way (a report, a page, a line, click's help).
WRITERS = [["check", "--no-cache", "line.ivr.yaml"], ["check", "--no-cache", "-f", "json", "line.ivr.yaml"],
           ["score", "line.ivr.yaml"], ["rule", "S103"], ["--version"], ["config", "--show", "line.ivr.yaml"],
           ["render", "line.ivr.yaml", "-o", "line.dot"], ["schema"], ["--help"]]


def ivrcheck(*args: str, cwd: Path, **streams: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ivrcheck", *args], stderr=subprocess.PIPE, text=True,
                          timeout=60, cwd=cwd, **streams)  # type: ignore[call-overload]


@pytest.fixture()
def line(tmp_path: Path) -> Path:
    (tmp_path / "line.ivr.yaml").write_text(MENU, encoding="utf-8")
    return tmp_path


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", WRITERS, ids=lambda args: " ".join(args[:2]))
def test_standard_output_on_a_full_disk_is_one_line_and_exit_2(line: Path, args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = ivrcheck(*args, cwd=line, stdout=full)
    assert done.returncode == 2, done.stderr
    assert done.stderr == "ivrcheck: error: standard output: cannot write: No space left on device\n"


@pytest.mark.parametrize("args", WRITERS[:-1], ids=lambda args: " ".join(args[:2]))
def test_standard_output_closed_is_one_line_and_exit_2(line: Path, args: list[str]) -> None:
    done = subprocess.run(f'"{sys.executable}" -m ivrcheck {" ".join(args)} >&-', shell=True, cwd=line,
                          stderr=subprocess.PIPE, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("ivrcheck: error: standard output: cannot write: it is closed")
    assert done.stderr.count("\n") == 1


@pytest.mark.parametrize("args", WRITERS[:4], ids=lambda args: " ".join(args[:2]))
def test_standard_output_into_a_pipe_nobody_reads_is_one_line_and_exit_2(line: Path, args: list[str]) -> None:
    """Not click's silent exit 1, which a CI job reads as "findings"."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = ivrcheck(*args, cwd=line, stdout=writer, restore_signals=False)
    finally:
        os.close(writer)
    assert done.returncode == 2, done.stderr
    assert done.stderr == "ivrcheck: error: standard output: cannot write: Broken pipe\n"


def test_a_read_only_menu_keeps_its_mode_through_fix(line: Path) -> None:
    menu = line / "line.ivr.yaml"
    menu.chmod(0o444)
    done = ivrcheck("check", "--no-cache", "--fix", "--unsafe-fixes", "line.ivr.yaml", cwd=line,
                    stdout=subprocess.DEVNULL)
    assert "applied" in done.stderr and "dead" not in menu.read_text(encoding="utf-8")
    assert stat.S_IMODE(menu.stat().st_mode) == 0o444


@pytest.mark.parametrize("mode", [0o600, 0o755, 0o444])
def test_every_atomic_write_keeps_the_files_mode(tmp_path: Path, mode: int) -> None:
    """One helper writes every replaced file (outputs, --fix, the cache): it keeps the mode for all."""
    path = tmp_path / "kept.txt"
    path.write_text("old", encoding="utf-8")
    path.chmod(mode)
    atomic_write(path, "new")
    assert stat.S_IMODE(path.stat().st_mode) == mode and path.read_text(encoding="utf-8") == "new"
    write_output(path, "newer")
    assert stat.S_IMODE(path.stat().st_mode) == mode


def test_a_new_file_gets_the_mode_the_umask_gives(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic_write(tmp_path / "new.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640


def test_a_fix_that_cannot_be_written_is_one_line_and_exit_2(line: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from ivrcheck import fileio
    from ivrcheck.cli import app

    def full(path: Path, data: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio, "atomic_write", full)
    monkeypatch.chdir(line)
    done = CliRunner().invoke(app, ["check", "--no-cache", "--fix", "--unsafe-fixes", "line.ivr.yaml"])
    assert done.exit_code == 2, done.output
    assert "line.ivr.yaml: cannot write the fixes: No space left on device" in done.output
