"""How long an editor waits for diagnostics after an edit: `ivrcheck server` over stdio, a realistic
60-node line (benchmarks/linegen.py), one-character edits, time from sending the change to the
diagnostics arriving (the server's debounce included). The goal is 200 ms.

    python benchmarks/editor.py [--nodes 60] [--edits 20]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.linegen import realistic_line  # noqa: E402
from tests.lsp.client import Editor  # noqa: E402

GOAL_MS = 200.0


async def measure(nodes: int, edits: int) -> list[float]:
    """Milliseconds from each change to its diagnostics."""
    text = realistic_line(nodes, task_every=10)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "line.ivr.yaml"
        path.write_text(text, encoding="utf-8")
        editor = Editor()
        await editor.start(Path(folder))
        try:
            uri = editor.open(path)
            await editor.diagnostics(uri, timeout=60)
            waits = []
            for n in range(edits):
                # Alternate between two texts so that each edit changes what the server checks.
                changed = text.replace("name:", "name: " if n % 2 == 0 else "name:", 1)
                started = time.perf_counter()
                editor.replace_all(uri, changed)
                await editor.diagnostics(uri, timeout=60)
                waits.append((time.perf_counter() - started) * 1000)
        finally:
            await editor.stop()
    return waits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=60)
    parser.add_argument("--edits", type=int, default=20)
    args = parser.parse_args()
    waits = asyncio.run(measure(args.nodes, args.edits))
    median, worst = statistics.median(waits), max(waits)
    print(f"{args.nodes}-node line, {args.edits} edits: diagnostics {median:.0f} ms after an edit (median), "
          f"worst {worst:.0f} ms; goal {GOAL_MS:.0f} ms: {'met' if median <= GOAL_MS else 'missed'}")


if __name__ == "__main__":
    main()
