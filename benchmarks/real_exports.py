"""Benchmark: how many real public exports ivrcheck reads as their platforms run them.

Run: python benchmarks/real_exports.py [--all]

Each file of tests/import/real (modelled on a real export; sources in SOURCES.md) has facts
written down before ivrcheck ran (FACTS.yaml): whether it is refused, the menus a caller
meets, the first menu's keys, whether a person is reached and in how many presses, whether a
silent caller reaches one. Prints agreement per file and per fact, and the facts that differ
(`--all` prints every file). A file whose only differences come from ivrcheck answering
"unknown" for the person (a hand-off whose answerer the export does not show; docs/format.md)
is counted apart: it does not contradict its facts, it declines to guess them. The comparison
is the regression test's own
(tests/importers/real_facts.py), so the benchmark and the test cannot disagree.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.importers.real_facts import KEYS, REAL, compare, expected, observed  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="print every file, not only those that differ")
    args = parser.parse_args(argv)
    facts = yaml.safe_load((REAL / "FACTS.yaml").read_text(encoding="utf-8"))
    agree, unknown, per_fact, compared = 0, 0, Counter(), Counter()
    for name, written in facts.items():
        differs = compare(written, observed(name, written.get("entry")))
        agree += not differs
        unknown += bool(differs) and _declines(differs)
        for key in KEYS:
            if key in expected(written):
                compared[key] += 1
                per_fact[key] += key not in differs
        if differs or args.all:
            shown = "; ".join(f"{k}: written {w!r}, ivrcheck {s!r}" for k, (w, s) in differs.items()) or "agrees"
            print(f"{name}: {shown}")
    print(f"files agreeing with every fact: {agree}/{len(facts)}")
    print(f"files where ivrcheck says the person is unknown instead: {unknown}/{len(facts)}; "
          f"contradicting a fact: {len(facts) - agree - unknown}/{len(facts)}")
    print("per fact: " + ", ".join(f"{k} {per_fact[k]}/{compared[k]}" for k in KEYS if compared[k]))
    return 0


def _declines(differs: dict[str, tuple[object, object]]) -> bool:
    """Whether every difference follows from an unknown person: the person itself, and the
    presses and silent caller, which are counted to a known person only."""
    person = differs.get("person")
    return person is not None and person[1] == "unknown" and set(differs) <= {"person", "presses", "silent"}


if __name__ == "__main__":
    sys.exit(main())
