"""Benchmark: check time against bare `yaml.compose` on generated menus, and CLI cold start.

Run: python benchmarks/bench.py [--sizes 100 1000 10000] [--repeat 5]
Prints one row per size; the ratio column is end-to-end check time / bare compose time.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

from ivrcheck.engine import check_text

ROOT = Path(__file__).resolve().parent.parent
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def generate(nodes: int, fanout: int = 4) -> str:
    """A realistic tree of menus (fan-out 4) over messages, with an advisor, defaults and hours."""
    lines = [
        "name: Generated line", "language: en", "entry: m0",
        "defaults: {timeout: 5, retries: 3, on_timeout: repeat, on_invalid: repeat, after_retries: advisor}",
        'hours:\n  office: {mon-fri: "08:00-18:00"}',
        "nodes:",
        "  advisor: {type: agent, queue: general, hours: office, closed: callback, announces_wait: true}",
        "  callback: {type: callback, confirmation: sms}",
    ]
    menus = max(1, (nodes - 2) // (fanout + 1))
    made = 2
    for i in range(menus):
        children = [f"m{i * fanout + k + 1}" for k in range(fanout)]
        options = []
        prompt = []
        for k, child in enumerate(children, start=1):
            target = child if i * fanout + k < menus else f"msg{i}_{k}"
            options.append(f'      "{k}": {{label: Topic {i} {k}, goto: {target}}}')
            prompt.append(f"For topic {i} {k}, press {k}.")
        lines += [f"  m{i}:", f"    prompt: {' '.join(prompt)} To speak to an advisor, press 0. To hear this again, press star.",
                  "    options:", *options,
                  '      "0": {label: Advisor, goto: advisor}', '      "*": {label: Repeat, goto: repeat}']
        made += 1
        for k in range(1, fanout + 1):
            if i * fanout + k >= menus and made < nodes:
                lines.append(f"  msg{i}_{k}: {{type: message, prompt: Information about topic {i} {k}., next: m{i}}}")
                made += 1
    return "\n".join(lines) + "\n"


def best_of(repeat: int, func) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def cold_start(repeat: int) -> float:
    """Median wall time of `ivrcheck check menus/` in a fresh interpreter."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "ivrcheck", "check", "--fail-on", "never", str(ROOT / "menus")],
                       capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"PyYAML C loader: {LOADER is not yaml.SafeLoader}; best of {args.repeat}")
    print("compose: bare yaml.compose as a script runs it; compose-nogc: the same with the garbage")
    print("collector paused, as ivrcheck runs its own compose. ratio = check / compose.")
    print(f"{'nodes':>7} {'bytes':>10} {'compose s':>10} {'compose-nogc':>13} {'check s':>9} {'ratio':>6} "
          f"{'ratio-nogc':>10} {'findings':>9}")
    for size in args.sizes:
        text = generate(size)
        compose = best_of(args.repeat, lambda: yaml.compose(text, Loader=LOADER))
        gc.disable()
        bare = best_of(args.repeat, lambda: yaml.compose(text, Loader=LOADER))
        gc.enable()
        check = best_of(args.repeat, lambda: check_text(text))
        findings = len(check_text(text).findings)
        print(f"{size:>7} {len(text):>10,} {compose:>10.4f} {bare:>13.4f} {check:>9.4f} {check / compose:>6.2f} "
              f"{check / bare:>10.2f} {findings:>9}")
    print(f"cold start `ivrcheck check menus/` (median of {args.repeat}): {cold_start(args.repeat):.3f} s")


if __name__ == "__main__":
    main()
