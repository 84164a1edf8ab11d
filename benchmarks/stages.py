"""Where one check spends its CPU, stage by stage and rule by rule, without a profiler's distortion.

Run: python benchmarks/stages.py [check arguments...] FILE
     python benchmarks/stages.py --hostile NAME [NAME ...]   (rows of benchmarks/hostile.py, at 1 MB)

cProfile's cost per call inflates the many small calls of a check three to four times, unevenly
(docs/speed.md), so a row's profile does not say how its seconds divide. This runs the real
command line in this process (the collector paused as `ivrcheck` pauses it) and times, in
process CPU seconds, each stage the engine calls: reading and importing, the graph analysis,
each rule (its findings listed as they are made), the policy, fixes, caller metrics, score and
the JSON output. "start" is everything before the command runs (imports, configuration).
A rule's time includes what it is the first to ask of the line's analysis (facts kept for later).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: (module, function, stage): what the engine calls once per check (or per file), in order. Reading is
#: the root file, then the files its `file#node` targets name (`phone_line`), composed into one line.
STAGES = [("ivrcheck.reading", "read_file", "read"), ("ivrcheck.reading", "phone_line", "read"),
          ("ivrcheck.graph", "analyse", "analyse"),
          ("ivrcheck.policy", "decide", "policy"), ("ivrcheck.fixes", "attach", "fixes"),
          ("ivrcheck.callers", "metrics", "callers"), ("ivrcheck.engine", "_result", "score"),
          ("ivrcheck.report.ci.json", "format", "json")]


def _timed(spent: dict[str, float], name: str, function: Callable[..., Any],
           listed: bool = False) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            result = function(*args, **kwargs)
            return iter(list(result)) if listed else result
        finally:
            spent[name] = spent.get(name, 0.0) + time.process_time() - start
    return run


def measure(arguments: list[str]) -> None:
    """Run `ivrcheck check --no-cache -f json ARGUMENTS` here and print one line of CPU seconds."""
    import importlib

    spent: dict[str, float] = {}
    for module, function, name in STAGES:
        loaded = importlib.import_module(module)
        setattr(loaded, function, _timed(spent, name, getattr(loaded, function)))
    from ivrcheck import cli, rules

    for rule in rules.ALL_RULES:
        rule.check = _timed(spent, rule.CODE, rule.check, listed=True)
    ready = time.process_time()

    def report() -> None:
        total = time.process_time()
        ruled = sorted(((s, c) for c, s in spent.items() if c[0].isupper()), reverse=True)
        stages = " ".join(f"{name}={spent.get(name, 0.0):.2f}" for name in dict.fromkeys(n for _, _, n in STAGES))
        sys.stderr.write(f"cpu={total:.2f} start={ready:.2f} {stages} "
                         f"rules={sum(s for s, _ in ruled):.2f} [{' '.join(f'{c}={s:.2f}' for s, c in ruled[:6])}]\n")

    exit_now = os._exit  # the command line leaves through os._exit (ivrcheck/cli/process.py)

    def leave(code: int) -> None:
        report()
        exit_now(code)

    os._exit = leave  # type: ignore[assignment]
    sys.argv = ["ivrcheck", "check", "--no-cache", "--fail-on", "never", "-f", "json", *arguments]
    sys.stdout = open(os.devnull, "w")
    cli.main()
    report()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hostile", nargs="+", metavar="NAME", help="rows of benchmarks/hostile.py at 1 MB")
    args, rest = parser.parse_known_args()
    if not args.hostile:
        measure(rest)
        return 0
    from benchmarks import hostile

    with tempfile.TemporaryDirectory() as folder:
        for name in args.hostile:
            path, extra = hostile.write(Path(folder), name, hostile.MB)
            line = subprocess.run([sys.executable, __file__, *extra, str(path)], stderr=subprocess.PIPE,
                                  text=True, cwd=ROOT).stderr.strip().splitlines()
            print(f"{name:<18} {line[-1] if line else '(no output)'}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
