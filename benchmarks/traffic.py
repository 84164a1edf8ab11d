"""Reading call logs at scale: throughput against the parser's floor, and memory that does not grow.

Run: python benchmarks/traffic.py [--records 1000000 10000000] [--repeat 1] [--format csv|connect]

Writes a generated log of each size in the plain CSV shape (or Connect flow-log JSON lines)
for the bundled Acme Bank line (calls interleaved, as a live log is), then times in fresh
processes:

- floor: a bare loop over the same file with the standard parser (`csv.reader`, or
  `json.loads` per line) that keeps nothing, on one core;
- ivrcheck: `ivrcheck traffic LOG --line menus/acme-bank.ivr.yaml --format json`.

It prints records per second, the ratio to the floor, and each run's peak resident memory;
the memory must not grow between the sizes (docs/speed.md, "Call logs").
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINE = ROOT / "menus" / "acme-bank.ivr.yaml"
FLOORS = {
    "csv": "import csv, sys\nfor row in csv.reader(open(sys.argv[1], newline='')):\n    pass\n",
    "connect": "import json, sys\nfor line in open(sys.argv[1]):\n    json.loads(line)\n",
}
#: Acme Bank's menus, the keys callers press there and where each leads (a caller's whole path).
PATHS = [(("main", "1"), ("cards", "1"), ("card_blocked", None)), (("main", "1"), ("cards", "2"), ("activate_card", None)),
         (("main", "2"), ("payments", "1"), ("recent_payment", None)), (("main", "3"), ("loans", "2"), ("mortgage_team", None)),
         (("main", "0"), ("advisor", None))]
WEIGHTS = (30, 20, 25, 10, 15)
#: Calls in progress at once: a busy line's concurrency, which bounds what the reader holds.
CONCURRENT = 200


def rows(records: int, seed: int = 1):
    """(call, time, node, event, key) rows in time order, CONCURRENT calls interleaved."""
    rng = random.Random(seed)
    made, number, now = 0, 0, 1_767_000_000.0
    live: list[list[tuple[str, str, str]]] = []
    while made < records:
        while len(live) < CONCURRENT:
            number += 1
            path = rng.choices(PATHS, WEIGHTS)[0]
            steps = [(f"c{number}", node, "enter") for node, _ in path]
            script = []
            for (node, key), step in zip(path, steps):
                script.append((step[0], node, "enter", ""))
                if key is not None:
                    script.append((step[0], node, "key", key))
            script.append((f"c{number}", "", "agent" if path[-1][0] in ("advisor", "mortgage_team") else "end", ""))
            live.append(script)
        at = rng.randrange(len(live))
        call, node, kind, key = live[at].pop(0)
        if not live[at]:
            live.pop(at)
        now += 0.05
        made += 1
        yield call, now, node, kind, key


def write(path: Path, records: int, fmt: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        if fmt == "csv":
            out.write("call_id,time,node,event,key\n")
            out.writelines(f"{c},{t:.2f},{n},{k},{key}\n" for c, t, n, k, key in rows(records))
        else:
            for c, t, n, k, key in rows(records):
                entry = {"ContactId": c, "Timestamp": t, "Identifier": n or "advisor",
                         "ContactFlowModuleType": "GetUserInput" if k == "key" else "PlayPrompt"}
                if k == "key":
                    entry["Results"] = key
                if k in ("key", "enter"):
                    out.write(json.dumps(entry) + "\n")


def timed(command: list[str], repeat: int) -> tuple[float, float, int]:
    """Median wall seconds, median CPU seconds (user + system: steadier on a shared machine) and the
    largest peak resident memory (KiB) over fresh runs, pinned to one core."""
    times, cpu, peaks = [], [], []
    pin = ["taskset", "-c", "0"] if Path("/usr/bin/taskset").exists() else []
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen([*pin, *command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        times.append(time.perf_counter() - start)
        cpu.append(usage.ru_utime + usage.ru_stime)
        peaks.append(usage.ru_maxrss)
        if status not in (0, 256):  # 256: exit 1, findings
            raise SystemExit(f"{command} failed with status {status}")
    return statistics.median(times), statistics.median(cpu), max(peaks)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--format", choices=sorted(FLOORS), default="csv")
    args = parser.parse_args()
    floor_name = "csv.reader" if args.format == "csv" else "json.loads"
    with tempfile.TemporaryDirectory(prefix="ivrcheck-traffic-") as folder:
        # What every run pays before the first record: imports, checking the line (a one-call log).
        tiny = Path(folder) / f"tiny.{'csv' if args.format == 'csv' else 'json'}"
        write(tiny, 8, args.format)
        _, startup, _ = timed([sys.executable, "-m", "ivrcheck", "traffic", str(tiny), "--line", str(LINE),
                               "--format", "json"], max(3, args.repeat))
        print(f"start-up (imports, checking the line): {startup:.2f} s CPU\n")
        print(f"| records | file | floor ({floor_name}), CPU | ivrcheck traffic, CPU (wall) | reading alone, CPU "
              "| records/CPU s | ratio | peak memory (floor) | peak memory (ivrcheck) |")
        print("|---|---|---|---|---|---|---|---|---|")
        for records in args.records:
            log = Path(folder) / f"log-{records}.{'csv' if args.format == 'csv' else 'json'}"
            write(log, records, args.format)
            _, floor, floor_peak = timed([sys.executable, "-c", FLOORS[args.format], str(log)], args.repeat)
            wall, ours, peak = timed([sys.executable, "-m", "ivrcheck", "traffic", str(log), "--line", str(LINE),
                                      "--format", "json"], args.repeat)
            reading = max(0.01, ours - startup)
            print(f"| {records:,} | {log.stat().st_size / 2**20:,.0f} MiB | {floor:.1f} s | {ours:.1f} s ({wall:.1f} s) "
                  f"| {reading:.1f} s | {records / reading:,.0f} | {reading / floor:.1f}x | {floor_peak / 1024:.0f} MiB "
                  f"| {peak / 1024:.0f} MiB |", flush=True)
            log.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
