"""Speed and memory against the floors of issue 15, in fresh processes, cold.

Run: python benchmarks/speed.py [--repeat 5]

Every number is the median wall time of `--repeat` fresh processes (no warm caches), and
each ratio divides ivrcheck's time by its floor's, measured the same way:

| workload                                   | floor                                                        | goal      |
|--------------------------------------------|--------------------------------------------------------------|-----------|
| `ivrcheck check menus/`                    | `python -c "import networkx, yaml, typer"`                   | <= 1.25x  |
| a generated 1,000-node line                | `yamllint -d relaxed` on the same file                       | <= 0.4x   |
| a generated 10,000-node line               | that import + a bare CSafeLoader compose, collector paused   | <= 2.0x   |
| 10,000 -> 40,000 nodes                     | linear growth                                                | <= 4.4x   |
| a realistic line, 3,000 -> 12,000 nodes    | linear growth (benchmarks/linegen.py realistic_line)         | <= 4.4x   |
| the same with tasks, 3,000 -> 12,000 nodes | linear growth (realistic_line(task_every=60): 50 -> 200)     | <= 4.4x   |
| peak memory at 10,000 nodes                | (absolute)                                                   | <= 120 MiB|
| the example menus, results kept            | `python -c "import networkx, yaml, typer"`                   | (no goal) |
| 800 lines checked again, unchanged         | the first (cold) run of the same 800 lines                   | < 0.25x   |
| 800 lines, one of them changed             | the first run; and how many lines were checked again         | 1 of 800  |

The ratio rows run with `--no-cache`, so they measure the check itself; the last two rows
measure the results cache (docs/cache.md) on a repository from benchmarks/linegen.py.

yamllint is needed for the second row (`pip install yamllint`); without it that row says so.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench import generate  # noqa: E402
from benchmarks.linegen import realistic_line, repository  # noqa: E402

FLOOR_IMPORT = "import networkx, yaml, typer"
FLOOR_COMPOSE = (
    "import gc, sys, networkx, yaml, typer\n"
    "gc.disable()\n"
    "yaml.compose(open(sys.argv[1], encoding='utf-8').read(), Loader=yaml.CSafeLoader)\n"
)


def timed(command: list[str], repeat: int, timeout: float | None = None) -> tuple[float, int]:
    """Median seconds and the largest peak resident memory (KiB) over fresh runs of a command.

    A run still going after `timeout` seconds is killed (its time is then at least `timeout`).
    """
    times, peaks = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        killer = threading.Timer(timeout, process.kill) if timeout is not None else None
        if killer is not None:
            killer.start()
        _, status, usage = os.wait4(process.pid, 0)
        if killer is not None:
            killer.cancel()
        times.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss)
    return statistics.median(times), max(peaks)


def compiled_like_an_install() -> None:
    """Write ivrcheck's bytecode first, as `pip install` does.

    An editable checkout run with PYTHONDONTWRITEBYTECODE=1 (common in containers and CI)
    would otherwise compile every module from source in every timed process, a cost no
    installed user pays and the floors' site-packages never pay.
    """
    import compileall

    compileall.compile_dir(str(ROOT / "ivrcheck"), quiet=1)


def cache_rows(folder: Path, python: str, repeat: int) -> list[tuple[str, float, float, float, str]]:
    """A repository of 800 lines checked cold, again unchanged, and again with one line changed."""
    lines = repository(folder / "repository", 800)
    for path in lines:  # as a checkout's files are by the time CI runs a second time
        old = path.stat().st_mtime - 3600
        os.utime(path, (old, old))
    store = folder / "cache"
    command = [python, "-m", "ivrcheck", "check", "--fail-on", "never", "--cache-dir", str(store),
               str(folder / "repository")]
    colds = []
    for _ in range(max(1, repeat // 2)):
        shutil.rmtree(store, ignore_errors=True)
        colds.append(timed(command, 1)[0])
    cold = statistics.median(colds)
    warm, _ = timed(command, repeat)
    before = {entry: entry.stat().st_mtime_ns for entry in store.rglob("*.pickle")}
    changed = lines[len(lines) // 2]
    changed.write_text(changed.read_text(encoding="utf-8").replace("Thank you for calling.", "Welcome."),
                       encoding="utf-8")
    again, _ = timed(command, 1)
    rechecked = sum(1 for entry, stamp in before.items() if entry.stat().st_mtime_ns != stamp)
    return [("800 lines again, unchanged, vs the first run", warm, cold, warm / cold, "< 0.25x"),
            ("800 lines, one changed, vs the first run", again, cold, again / cold,
             f"lines checked again: {rechecked} of {len(before)}")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    python = sys.executable
    check = [python, "-m", "ivrcheck", "check", "--fail-on", "never", "--no-cache"]
    compiled_like_an_install()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for nodes in (1_000, 10_000, 40_000):
            path = Path(folder) / f"line{nodes}.ivr.yaml"
            path.write_text(generate(nodes), encoding="utf-8")
            files[nodes] = str(path)
        real, tasks = {}, {}
        for nodes in (3_000, 12_000):
            path = Path(folder) / f"real{nodes}.ivr.yaml"
            path.write_text(realistic_line(nodes), encoding="utf-8")
            real[nodes] = str(path)
            path = Path(folder) / f"tasks{nodes}.ivr.yaml"
            path.write_text(realistic_line(nodes, task_every=60), encoding="utf-8")
            tasks[nodes] = str(path)

        ours, _ = timed([*check, "menus/"], args.repeat)
        floor, _ = timed([python, "-c", FLOOR_IMPORT], args.repeat)
        rows.append(("the example menus vs import networkx, yaml, typer", ours, floor, ours / floor, "<= 1.25x"))
        # What a pre-commit hook meets on a second commit: the same menus, their results kept.
        cached = [python, "-m", "ivrcheck", "check", "--fail-on", "never", "--cache-dir", str(Path(folder) / "menus"),
                  "menus/"]
        timed(cached, 2)  # the first run fills the cache, the second notes ivrcheck's own files
        warm, _ = timed(cached, args.repeat)
        rows.append(("the example menus, results kept (pre-commit)", warm, floor, warm / floor, "(no goal)"))

        ours, _ = timed([*check, files[1_000]], args.repeat)
        yamllint = shutil.which("yamllint", path=str(Path(python).parent)) or shutil.which("yamllint")
        if yamllint:
            floor, _ = timed([yamllint, "-d", "relaxed", files[1_000]], args.repeat)
            rows.append(("a 1,000-node line vs yamllint -d relaxed", ours, floor, ours / floor, "<= 0.4x"))
        else:
            rows.append(("a 1,000-node line vs yamllint -d relaxed", ours, None, None, "yamllint not installed"))

        ours10, peak10 = timed([*check, files[10_000]], args.repeat)
        floor, _ = timed([python, "-c", FLOOR_COMPOSE, files[10_000]], args.repeat)
        rows.append(("10,000 nodes vs import + compose, collector paused", ours10, floor, ours10 / floor, "<= 2.0x"))

        ours40, _ = timed([*check, files[40_000]], max(1, args.repeat // 2))
        rows.append(("10,000 -> 40,000 nodes", ours40, ours10, ours40 / ours10, "<= 4.4x (linear)"))

        # A realistic line has what the generated grid lacks (labels all different, messages back to
        # their menu, self-service tasks, queues with hours): a rule that scans the line per node shows here.
        small, _ = timed([*check, real[3_000]], args.repeat)
        large, _ = timed([*check, real[12_000]], max(1, args.repeat // 2))
        rows.append(("realistic line 3,000 -> 12,000 nodes", large, small, large / small, "<= 4.4x (linear)"))

        # One task per 60 nodes: the tree test and each task's times must not walk the line per task.
        small, _ = timed([*check, tasks[3_000]], args.repeat)
        large, _ = timed([*check, tasks[12_000]], max(1, args.repeat // 2))
        rows.append(("realistic line with tasks, 3,000 -> 12,000 nodes", large, small, large / small,
                     "<= 4.4x (linear)"))
        rows += cache_rows(Path(folder), python, args.repeat)
    print(f"{'workload':<52} {'ivrcheck':>9} {'floor':>8} {'ratio':>7}  goal")
    for name, ours, floor, ratio, goal in rows:
        floor_text = f"{floor:8.3f}" if floor is not None else f"{'-':>8}"
        ratio_text = f"{ratio:6.2f}x" if ratio is not None else f"{'-':>7}"
        print(f"{name:<52} {ours:9.3f} {floor_text} {ratio_text}  {goal}")
    print(f"{'peak memory at 10,000 nodes':<52} {peak10 / 1024:8.1f} MiB{'':>9}  <= 120 MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
