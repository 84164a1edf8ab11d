"""Benchmark: how far a designer can trust ivrcheck on lines nobody here wrote.

Run: python benchmarks/trust.py [--half dev|test|all] [--errors] [--unjudged] [--skeleton]

The corpus (benchmarks/trust/corpus/<half>/*.ivr.yaml) was written blind: its writers never read
the rule code or the rule pages. Good lines are `<name>.ivr.yaml`; a flawed twin is
`<name>--flawed.ivr.yaml`, with its defects written down before any run in
`corpus/PLANTED-*.yaml`. Every finding was judged as a designer would, again without the rule
code at hand, into `benchmarks/trust/judgements/<half>.yaml` (JUDGEMENT.md says how).

Printed: precision on the good lines (true findings / all judged warnings and errors), recall of
planted defects on the flawed ones (a defect counts as found when a finding judged true names it),
both overall and per rule, the rules with the most false alarms, advice judged harmful, and how
many findings are not judged yet (those are never counted as true). `--errors` lists the false
alarms of the development half only: the test half is for measuring, never for tuning.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent / "trust"
CORPUS = HERE / "corpus"
JUDGEMENTS = HERE / "judgements"
HALVES = ("dev", "test")
VERDICTS = ("true", "false", "arguable")


@dataclass(frozen=True)
class Seen:
    """One warning or error ivrcheck reported on a corpus file, with the key its judgement is filed under."""

    file: str
    code: str
    node: str
    state: str
    line: int
    column: int
    message: str

    @property
    def key(self) -> str:
        """Stable across runs while the rule says the same thing at the same place."""
        return f"{self.code} {self.node} {self.line}:{self.column} {self.state}"


@dataclass(frozen=True)
class Verdict:
    """A designer's judgement of one finding."""

    verdict: str
    why: str = ""
    defect: int | None = None
    harmful: bool = False


def corpus_files(half: str, root: Path = CORPUS) -> list[Path]:
    halves = HALVES if half == "all" else (half,)
    return sorted(p for h in halves for p in (root / h).glob("*.ivr.yaml"))


def relative(path: Path, root: Path = CORPUS) -> str:
    return path.relative_to(root).as_posix()


def is_flawed(file: str) -> bool:
    return file.endswith("--flawed.ivr.yaml")


def load_planted(root: Path = CORPUS) -> dict[str, list[dict]]:
    """Planted defects by file name (the writers' own files, as they wrote them)."""
    planted: dict[str, list[dict]] = {}
    for path in sorted(root.glob("PLANTED-*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        entries = data.items() if isinstance(data, dict) else ((d.get("file"), d.get("defects")) for d in data)
        for name, defects in entries:
            planted[Path(str(name)).name] = list(defects or [])
    return planted


def load_judgements(root: Path = JUDGEMENTS) -> dict[str, dict[str, Verdict]]:
    """Judgements by corpus file (`dev/x.ivr.yaml`), then by finding key."""
    judged: dict[str, dict[str, Verdict]] = defaultdict(dict)
    for path in sorted(root.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for file, entries in data.items():
            for entry in entries or []:
                verdict = str(entry.get("verdict")).lower()
                if verdict in VERDICTS:
                    judged[file][entry["key"]] = Verdict(verdict, entry.get("why", ""), entry.get("defect"),
                                                         bool(entry.get("harmful", False)))
    return judged


def run(files: Iterable[Path], root: Path = CORPUS) -> list[Seen]:
    """Check every file with the default config; keep warnings and errors."""
    from ivrcheck.engine import check_file

    seen = []
    for path in files:
        result = check_file(path, display=relative(path, root))
        for f in result.findings:
            if f.severity.value in ("error", "warning"):
                seen.append(Seen(result.path, f.code, f.node_id or "-", f.state or "any", f.span.line,
                                 f.span.column, f.message))
    return seen


@dataclass
class Tally:
    """Counts for one slice (overall, or one rule)."""

    true: int = 0
    false: int = 0
    arguable: int = 0
    unjudged: int = 0

    def add(self, verdict: Verdict | None) -> None:
        if verdict is None:
            self.unjudged += 1
        else:
            setattr(self, verdict.verdict, getattr(self, verdict.verdict) + 1)

    @property
    def findings(self) -> int:
        return self.true + self.false + self.arguable + self.unjudged

    @property
    def precision(self) -> float | None:
        """True over all findings: arguable and unjudged ones are not counted as true."""
        return self.true / self.findings if self.findings else None

    @property
    def lenient(self) -> float | None:
        """The same with arguable findings counted as true."""
        return (self.true + self.arguable) / self.findings if self.findings else None


def _fmt(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def precision_table(seen: Sequence[Seen], judged: dict[str, dict[str, Verdict]]) -> tuple[list[str], Tally]:
    overall, per_rule = Tally(), defaultdict(Tally)
    for s in seen:
        if is_flawed(s.file):
            continue
        verdict = judged.get(s.file, {}).get(s.key)
        overall.add(verdict)
        per_rule[s.code].add(verdict)
    lines = ["good lines: precision per rule (true / all warnings and errors; arguable and unjudged not true)",
             "rule   findings  true  false  arguable  unjudged  precision  lenient"]
    for code, t in sorted(per_rule.items(), key=lambda item: (-item[1].false, item[0])):
        lines.append(f"{code}   {t.findings:8}  {t.true:4}  {t.false:5}  {t.arguable:8}  {t.unjudged:8}"
                     f"  {_fmt(t.precision):>9}  {_fmt(t.lenient):>7}")
    lines.append(f"all    {overall.findings:8}  {overall.true:4}  {overall.false:5}  {overall.arguable:8}"
                 f"  {overall.unjudged:8}  {_fmt(overall.precision):>9}  {_fmt(overall.lenient):>7}")
    return lines, overall


def recall_table(seen: Sequence[Seen], judged: dict[str, dict[str, Verdict]], planted: dict[str, list[dict]],
                 files: Sequence[str]) -> tuple[list[str], int, int]:
    """A planted defect is found when a finding on its file, judged true, names its index."""
    found_by: dict[tuple[str, int], set[str]] = defaultdict(set)
    for s in seen:
        verdict = judged.get(s.file, {}).get(s.key)
        if verdict is not None and verdict.verdict == "true" and verdict.defect is not None:
            found_by[(s.file, int(verdict.defect))].add(s.code)
    total = found = 0
    lines = ["flawed lines: planted defects found (by a finding judged true that names the defect)"]
    for file in files:
        if not is_flawed(file):
            continue
        defects = planted.get(Path(file).name, [])
        hits = [i for i in range(len(defects)) if found_by.get((file, i))]
        total, found = total + len(defects), found + len(hits)
        missed = [f"#{i} {str(defects[i].get('defect', ''))[:60]}" for i in range(len(defects)) if i not in hits]
        lines.append(f"  {file}: {len(hits)}/{len(defects)}" + (f"; missed: {'; '.join(missed)}" if missed else ""))
    lines.append(f"recall {found}/{total} = {_fmt(found / total if total else None)}")
    return lines, found, total


def skeleton(seen: Sequence[Seen], judged: dict[str, dict[str, Verdict]]) -> str:
    """YAML entries for every finding not judged yet, to be filled in by the judge."""
    todo: dict[str, list[dict]] = defaultdict(list)
    for s in seen:
        if s.key not in judged.get(s.file, {}):
            todo[s.file].append({"key": s.key, "message": s.message, "verdict": None, "why": ""})
    return yaml.safe_dump(dict(todo), allow_unicode=True, sort_keys=False, width=110)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=(*HALVES, "all"), default="dev")
    parser.add_argument("--errors", action="store_true", help="list false alarms (development half only)")
    parser.add_argument("--unjudged", action="store_true", help="list findings with no judgement yet")
    parser.add_argument("--skeleton", action="store_true", help="print YAML to judge the unjudged findings")
    args = parser.parse_args(argv)
    paths = corpus_files(args.half)
    if not paths:
        print(f"no corpus files under {CORPUS}/{args.half}", file=sys.stderr)
        return 2
    files = [relative(p) for p in paths]
    seen = run(paths)
    judged = load_judgements()
    if args.skeleton:
        print(skeleton(seen, judged), end="")
        return 0
    good = sum(not is_flawed(f) for f in files)
    print(f"trust benchmark, half {args.half}: {good} good lines, {len(files) - good} flawed twins, "
          f"{len(seen)} warnings and errors")
    lines, overall = precision_table(seen, judged)
    print("\n".join(lines))
    recall_lines, _, _ = recall_table(seen, judged, load_planted(), files)
    print("\n".join(recall_lines))
    false_by_rule = Counter(s.code for s in seen if not is_flawed(s.file)
                            and (v := judged.get(s.file, {}).get(s.key)) and v.verdict == "false")
    print("most false alarms: " + (", ".join(f"{c} {n}" for c, n in false_by_rule.most_common(5)) or "none"))
    harmful = [s for s in seen if (v := judged.get(s.file, {}).get(s.key)) and v.harmful]
    print(f"advice judged harmful: {len(harmful)}")
    if args.errors and args.half == "dev":
        for s in seen:
            v = judged.get(s.file, {}).get(s.key)
            if v and v.verdict == "false" and not is_flawed(s.file):
                print(f"FALSE {s.file} {s.key}: {s.message}\n      why: {v.why}")
    if args.unjudged:
        for s in seen:
            if s.key not in judged.get(s.file, {}):
                print(f"UNJUDGED {s.file} {s.key}: {s.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
