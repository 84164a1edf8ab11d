"""Bytes that are no saved UTF-8 file (a pipe, a device, a FIFO, UTF-16) get a finding, never a hang or exit 3."""

import io
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ivrcheck import engine
from ivrcheck.cli import app
from ivrcheck.config import Config, Limits
from ivrcheck.encoding import utf16
from ivrcheck.load.source import read_stream, read_text

runner = CliRunner()
MENU = "entry: main\nnodes:\n  main: {type: agent, queue: q, announces_wait: true}\n"


def codes(inspection: engine.Inspection) -> list[str]:
    return [f.code for f in inspection.result.findings]


def test_latin1_on_standard_input_is_f002_like_a_file() -> None:
    result = runner.invoke(app, ["check", "-", "--stdin-filename", "x.ivr.yaml"], input=b"entry: caf\xe9\n")
    assert result.exit_code == 1, result.output
    assert "x.ivr.yaml:1:11: F002" in result.output


def test_random_bytes_on_standard_input_are_a_finding() -> None:
    noise = bytes(range(128, 256)) * 40 + b"\x00\xff" * 300
    assert codes(engine.inspect_stream(io.BytesIO(noise), Config(), "x.ivr.yaml")) == ["F002"]


def test_utf8_on_standard_input_is_checked() -> None:
    assert "F002" not in codes(engine.inspect_stream(io.BytesIO(MENU.encode()), Config(), "x.ivr.yaml"))


class EndlessZeros(io.RawIOBase):
    """A pipe that never ends, as /dev/zero: reading it all would never return."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        buffer[:] = bytes(len(buffer))
        return len(buffer)


def test_an_endless_stream_stops_at_the_size_limit() -> None:
    text, error = read_stream(io.BufferedReader(EndlessZeros()), Limits(max_bytes=10_000))
    assert text is None and error is not None and error.code == "F012"


def test_a_stream_at_the_size_limit_is_read() -> None:
    text, error = read_stream(io.BytesIO(b"#" * 9_999 + b"\n"), Limits(max_bytes=10_000))
    assert error is not None and error.code == "F003" and text is None  # read, and found to be only a comment


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_named_fifo_is_refused_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.ivr.yaml"
    os.mkfifo(fifo)
    text, error = read_text(fifo, Limits())  # opening it would block until a writer came
    assert text is None and error is not None and error.code == "F003" and "FIFO" in error.message


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_named_on_the_command_line_is_a_finding() -> None:
    result = runner.invoke(app, ["check", "--no-cache", "/dev/zero"])
    assert result.exit_code == 1 and "F003 cannot read the file: it is a device" in result.output


@pytest.mark.parametrize("data", [
    "\ufeffentry: main\n".encode("utf-16-le"),   # BOM, little-endian
    "entry: main\nnodes: {}\n".encode("utf-16-be"),  # no BOM: every other byte NUL
    "entry: main\nnodes: {}\n".encode("utf-16-le"),
])
def test_utf16_is_named_as_such(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "line.ivr.yaml"
    path.write_bytes(data)
    text, error = read_text(path, Limits())
    assert error is not None and error.code == "F002" and "UTF-16" in error.message and "utf-16" in error.help


def test_one_nul_in_utf8_is_not_taken_for_utf16() -> None:
    assert not utf16(MENU.replace("queue: q", "queue: \x00").encode())
    assert not utf16(b"\x00\x00\x00\x00")  # NULs only: no pattern of letters between them
