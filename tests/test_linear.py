"""Hostile text is read in linear time: each shape that once took 8-26 s (issue 23) is answered.

Each case runs the real command line in a fresh process on a generated file of about 1 MB
(benchmarks/hostile.py makes them). The timeout is generous, not a measurement: a quadratic
version does not finish within it (they took minutes at this size), a linear one takes a few
seconds even on a loaded machine. The timed table is the benchmark's (docs/speed.md).
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("hostile_benchmark", ROOT / "benchmarks" / "hostile.py")
hostile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hostile)  # type: ignore[union-attr]

#: The families of issue 23, and a finding each must still give (the input is read, not skipped).
FAMILIES = {
    "blank-lines": "F013",
    "blank-lines-unknown": "F005",
    "backslashes": "H201",
    "menu-tags": "P401",
    "xml-declaration": "H201",
    "comment-after-key": "R501",
    "start-up-ref": "F021",
    "include-chain": "S108",
    "include-bomb": "F019",  # refused: its menus would answer ten million extensions
    "priorities": "S104",
    "transitions": "S102",
    "duplicate-options": "L302",
    "prompt-numbers": "R501",
    "prompt-stops": "R501",
}
#: Found by the blind hostile tester (round three).
FAMILIES.update({"press-repeat": "P402", "menu-chain-back": "S105"})
#: Found by the second blind hostile tester (round four).
FAMILIES.update({"vxml-choices": "R506", "studio-ring": "R505"})
#: Graph walks and whole runs found slow by the second blind tester (round four).
FAMILIES.update({"menu-ring": "L304", "file-web": "S104"})
#: Found by the third blind hostile tester (round five).
FAMILIES.update({"calltask-tree": "F019", "playback-run": "H201", "many-tasks": "H207"})
#: A did-you-mean hint for each of thousands of mistyped targets (issue 23, part 3).
FAMILIES.update({"dangling-targets": "S101"})
#: Found by the fourth blind hostile tester (issue 23, part 3, family A).
FAMILIES.update({"open-disables": "F014", "many-findings": "S101", "back-to-top": "S108", "one-line-menu": "R506",
                 "chained-hours": "H207", "synonyms": "R501", "studio-any-of": "F020"})
#: Found by the fifth blind hostile tester (issue 23, part 4).
FAMILIES.update({"connect-operands": "S109", "linear-chain": "S105"})
#: The large ordinary file of each reader, and a config of 25,000 per-file ignores.
READERS = {
    "yaml": "H209",
    "connect": "H201",
    "studio": "H201",
    "genesys": "S107",
    "freeswitch": "P401",
    "asterisk": "F020",
    "voicexml": "P401",
    "config": "R501",
}
EXPECTED = {**FAMILIES, **READERS}


def _run(name: str, path: Path, extra: tuple[str, ...]) -> dict:
    result = subprocess.run([*hostile.command(name), *extra, str(path)], capture_output=True, text=True, timeout=90,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


@pytest.mark.parametrize("name", EXPECTED)
def test_a_hostile_megabyte_is_answered_in_linear_time(tmp_path: Path, name: str) -> None:
    path, extra = hostile.write(tmp_path, name, hostile.MB)
    codes = {f["code"] for file in _run(name, path, extra)["files"] for f in file["findings"]}
    assert EXPECTED[name] in codes, sorted(codes)


def test_tasks_on_thousands_of_files_referring_to_each_other_checks_each_line_once(tmp_path: Path) -> None:
    """Found by the fifth blind hostile tester: every file was tree-tested as the root of a line of every file."""
    path, extra = hostile.write(tmp_path, "tasks-web", hostile.MB)
    files = _run("tasks-web", path, extra)["files"]
    assert len(files) == len(list(path.iterdir())) > 2_000 and all(f["loaded"] for f in files)
    assert [f["path"] for f in files if f["success_rate"] is not None] == [str(path / "g0.ivr.yaml")]


def test_every_row_of_the_benchmark_is_tested_here() -> None:
    assert set(EXPECTED) | {"tasks-web"} == set(hostile.INPUTS)


def test_the_benchmark_inputs_are_just_under_a_megabyte(tmp_path: Path) -> None:
    for name in hostile.INPUTS:
        path, _ = hostile.write(tmp_path, name, hostile.MB)
        size = sum(p.stat().st_size for p in (path if path.is_dir() else path.parent).iterdir())
        assert 0.9 * hostile.MB < size <= hostile.MB, (name, size)
