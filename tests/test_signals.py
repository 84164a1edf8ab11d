"""A kill or Ctrl-C during `check --jobs` ends the run at once with its exit code, and no worker is left behind."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

MENU = """entry: main
nodes:
  main:
    prompt: For sales, press 1. For a person, press 0.
    options:
      "1": {{label: Sales {index}, goto: sales}}
      "0": {{label: Person, goto: p}}
  sales: {{type: message, prompt: Sales are closed., next: main}}
  p: {{type: agent, queue: q}}
"""


def children(pid: int) -> list[int]:
    """The live child processes of `pid`, read from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def started_with_workers(folder: Path) -> tuple[subprocess.Popen, list[int]]:
    """A `check -j 2` of 400 files, once both its workers run."""
    for index in range(400):
        (folder / f"line{index}.ivr.yaml").write_text(MENU.format(index=index), encoding="utf-8")
    run = subprocess.Popen([sys.executable, "-m", "ivrcheck", "check", "--no-cache", "-j", "2", str(folder)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while len(workers := children(run.pid)) < 2 and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.05)
    assert run.poll() is None and len(workers) >= 2, "the run ended before its workers could be seen"
    return run, workers


def alive(pid: int) -> bool:
    """Whether a worker still runs: one that has exited but is not yet reaped (a zombie, which a
    container's init may leave for a while once the run that started it is gone) has ended."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_sigterm_during_jobs_ends_the_run_and_its_workers(tmp_path: Path) -> None:
    run, workers = started_with_workers(tmp_path)
    os.kill(run.pid, signal.SIGTERM)
    assert run.wait(timeout=10) == 128 + signal.SIGTERM
    assert b"Traceback" not in run.stderr.read()  # nor the pool thread's, tripping over cancelled futures
    time.sleep(0.2)
    assert not [w for w in workers if alive(w)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_end_when_the_run_is_killed_outright(tmp_path: Path) -> None:
    run, workers = started_with_workers(tmp_path)
    run.kill()  # SIGKILL: no handler in the parent runs
    run.wait(timeout=10)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(w) for w in workers):
        time.sleep(0.1)
    assert not [w for w in workers if alive(w)]


def test_a_cache_of_links_to_dev_zero_and_fifos_neither_hangs_nor_grows(tmp_path: Path) -> None:
    """Issue 23, fifth blind tester: every file of the cache folder replaced by a link to /dev/zero made
    `check` read for ever (20 GB, deaf to SIGTERM in its C-level read). Now each is a miss: the run ends
    as a fresh one would, with the same output."""
    menu = tmp_path / "line.ivr.yaml"
    menu.write_text(MENU.format(index=1), encoding="utf-8")
    command = [sys.executable, "-m", "ivrcheck", "check", "--cache-dir", str(tmp_path / "cz"), str(menu)]
    env = {k: v for k, v in os.environ.items() if k != "IVRCHECK_NO_CACHE"}  # the suite's own default
    first = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    planted = [p for p in (tmp_path / "cz").rglob("*") if p.is_file() and p.name not in (".gitignore", "CACHEDIR.TAG")]
    assert planted
    for index, path in enumerate(planted):
        path.unlink()
        os.mkfifo(path) if index % 2 else path.symlink_to("/dev/zero")
    again = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    assert (again.returncode, again.stdout) == (first.returncode, first.stdout)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_sigterm_during_a_long_check_ends_it_promptly(tmp_path: Path) -> None:
    """`timeout` sends SIGTERM: a check in the middle of a large line ends within seconds, exit 143."""
    from benchmarks.hostile import linear_chain

    menu = tmp_path / "chain.ivr.yaml"
    menu.write_text(linear_chain(6_000), encoding="utf-8")
    run = subprocess.Popen([sys.executable, "-m", "ivrcheck", "check", "--no-cache", str(menu)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(1.0)
    assert run.poll() is None, "the check ended before it could be stopped"
    os.kill(run.pid, signal.SIGTERM)
    started = time.monotonic()
    assert run.wait(timeout=30) == 128 + signal.SIGTERM
    assert time.monotonic() - started < 10
    assert b"Traceback" not in run.stderr.read()
