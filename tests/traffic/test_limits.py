"""Bounds on what a log may make the readers hold: a line's length and what a .gz unpacks to."""

from __future__ import annotations

import gzip
import random
import subprocess
import sys
from pathlib import Path

import pytest

from ivrcheck import traffic
from ivrcheck.traffic.readers import limits

HEADER = "call_id,time,node,event,key\n"
MENU = Path(__file__).resolve().parents[2] / "menus" / "acme-bank.ivr.yaml"


def gz(path: Path, text: str) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write(text)
    return path


def test_a_gzip_bomb_of_one_long_line_is_refused_at_the_line(tmp_path: Path, acme) -> None:
    """The blind tester's 1 MB .gz held one 1 GB line and ran until killed; the line bound ends it at once."""
    log = gz(tmp_path / "bomb.csv.gz", HEADER + "a" * (limits.MAX_LINE + 10) + "\n")
    with pytest.raises(traffic.UnknownLog, match=r"bomb.csv.gz:2: a line longer than 1048576 characters"):
        traffic.read(acme.menu, [log])


def test_a_gz_that_unpacks_far_past_its_size_is_refused(tmp_path: Path, acme, monkeypatch) -> None:
    monkeypatch.setattr(limits, "MIN_UNPACKED", 64 * 1024)
    log = gz(tmp_path / "many.csv.gz", HEADER + "a,1,main,enter,\n" * 40_000)  # 640 kB in a few kB
    assert log.stat().st_size * limits.MAX_RATIO < 640_000
    with pytest.raises(traffic.UnknownLog, match=r"many.csv.gz: unpacks to more than \d+ characters .*gunzip"):
        traffic.read(acme.menu, [log])


def test_a_log_within_the_bounds_is_read_whole(tmp_path: Path, acme, monkeypatch) -> None:
    """Near miss: a line just under the bound, and a .gz just under its unpacked bound, are read."""
    monkeypatch.setattr(limits, "MIN_UNPACKED", 64 * 1024)
    rows = "a,1,main,enter,\na,2,main,key,2\na,3,,end,\n"
    noise = "".join(random.Random(7).choices("abcdefghijklmnopqrstuvwxyz", k=100_000))  # hardly compresses
    long_line = "b,1,main,enter," + noise + "\n"  # one field, under the csv module's own limit
    log = gz(tmp_path / "calls.csv.gz", HEADER + rows * 2 + long_line)
    seen = traffic.read(acme.menu, [log])
    assert seen.all.menus["main"].option("2").chosen == 2
    plain = tmp_path / "calls.csv"
    plain.write_text(HEADER + rows * 3, encoding="utf-8")  # a plain file has no unpacked bound at all
    assert traffic.read(acme.menu, [plain]).all.menus["main"].option("2").chosen == 3


def test_a_damaged_or_cut_gz_is_one_line(tmp_path: Path, acme) -> None:
    whole = gz(tmp_path / "whole.csv.gz", HEADER + "a,1,main,enter,\n" * 1000)
    cut = tmp_path / "cut.csv.gz"
    cut.write_bytes(whole.read_bytes()[:40])
    with pytest.raises(traffic.UnknownLog, match=r"cut.csv.gz: cannot read it"):
        traffic.read(acme.menu, [cut], "csv")


def test_the_command_answers_a_bomb_with_one_line_and_exit_2(tmp_path: Path) -> None:
    log = gz(tmp_path / "bomb.csv.gz", HEADER + "9" * (4 * limits.MAX_LINE) + "\n")
    run = subprocess.run([sys.executable, "-m", "ivrcheck", "traffic", str(log), "--line", str(MENU)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "a line longer than" in run.stderr, run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr
