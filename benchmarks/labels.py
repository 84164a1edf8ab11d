"""Benchmark: how well L301 (and P406, once registered) judge real label pairs.

Run: python benchmarks/labels.py [--half test|dev|all] [--errors] [--kinds] [--limit N]

Each pair in benchmarks/labels/*.yaml becomes a two-option menu in its own language and
goes through `ivrcheck.engine.check_text` with only the rule under test selected.
Prints precision, recall and F1 per language and rule. `--errors` lists the misjudged
pairs of the development half only: the test half is for measuring, never for tuning,
so its individual errors are never printed. JUDGEMENT.md explains the labels.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from ivrcheck.config import Config, parse_config
from ivrcheck.engine import check_text
from ivrcheck.rules import BY_CODE, catalog

DATA = Path(__file__).resolve().parent / "labels"
HALVES = ("dev", "test")
#: Kinds that make a pair confusable, and kinds that make it distinct (JUDGEMENT.md).
CONFUSABLE_KINDS = ("synonym", "paraphrase", "inflection", "compound", "homophone", "contains", "overlap")
DISTINCT_KINDS = ("shared-word", "distinct", "universal")
#: P406 compares what the prompt says with the label's meaning; a near homophone is a
#: listening confusion, not the same meaning, so those pairs are left out of P406's score.
P406_SKIPS = ("homophone",)
RULES = ("L301", "P406")


@dataclass(frozen=True)
class Pair:
    """Two option labels of one menu, judged confusable or not by a caller's eye."""

    language: str
    menu: str
    source: str
    split: str
    a: str
    b: str
    confusable: bool
    kind: str
    why: str


@dataclass(frozen=True)
class Outcome:
    """What one rule said about one pair."""

    pair: Pair
    rule: str
    fired: bool

    @property
    def expected(self) -> bool:
        """L301 should fire on confusable pairs; P406 on distinct ones (prompt says one, label the other)."""
        return self.pair.confusable if self.rule == "L301" else not self.pair.confusable


def load_pairs(directory: Path = DATA) -> list[Pair]:
    """Every pair of every `<language>.yaml` in the directory, the menu's fields copied onto each pair."""
    pairs = []
    for path in sorted(directory.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for menu in data["menus"]:
            for item in menu["pairs"]:
                pairs.append(Pair(data["language"], menu["menu"], str(menu["source"]), menu["split"],
                                  str(item["a"]), str(item["b"]), item["confusable"], item["kind"],
                                  item.get("why", "")))
    return pairs


def _announce(label: str, key: str, language: str) -> str:
    """One sentence of the prompt offering `label` on `key`, in the pair's language."""
    if language == "fi":
        return f"{label}, paina {key}."
    first = label.split()[0]
    # "Cards" reads "For cards"; keep acronyms and brand spellings ("PIN", "OmaVero") as written.
    spoken = label[0].lower() + label[1:] if first[1:] == first[1:].lower() else label
    return f"For {spoken}, press {key}."


def _menu(language: str, prompt: str, options: Sequence[str]) -> str:
    """A small menu: `prompt`, then options 1.. each leading to its own message node."""
    said = "Valitsit vaihtoehdon." if language == "fi" else "You chose this option."
    lines = ["name: Label benchmark", f"language: {language}", "entry: menu", "nodes:", "  menu:",
             f"    prompt: {json.dumps(prompt, ensure_ascii=False)}", "    options:"]
    for key, label in enumerate(options, start=1):
        lines.append(f'      "{key}": {{label: {json.dumps(label, ensure_ascii=False)}, goto: target{key}}}')
    for key in range(1, len(options) + 1):
        lines.append(f"  target{key}: {{type: message, prompt: {json.dumps(said, ensure_ascii=False)}, next: menu}}")
    return "\n".join(lines) + "\n"


def l301_menu(pair: Pair) -> str:
    """Both labels as options 1 and 2, each announced in the prompt."""
    prompt = " ".join((_announce(pair.a, "1", pair.language), _announce(pair.b, "2", pair.language)))
    return _menu(pair.language, prompt, (pair.a, pair.b))


def p406_menu(pair: Pair) -> str:
    """The prompt offers `a` on key 1 while the option behind key 1 is labelled `b`."""
    return _menu(pair.language, _announce(pair.a, "1", pair.language), (pair.b,))


def registered(rule: str) -> bool:
    """Whether this checkout has the rule at all."""
    return rule in BY_CODE


def run(pairs: Iterable[Pair], rules: Sequence[str] = RULES) -> list[Outcome]:
    """Judge every pair with every registered rule; one `check_text` call per pair and rule."""
    outcomes = []
    configs: dict[str, Config] = {rule: parse_config({"select": [rule]}, "<labels benchmark>", catalog())
                                  for rule in rules if registered(rule)}
    for pair in pairs:
        for rule, config in configs.items():
            if rule == "P406":
                if pair.kind in P406_SKIPS:
                    continue
                text = p406_menu(pair)
            else:
                text = l301_menu(pair)
            result = check_text(text, config, "label-pair.ivr.yaml")
            outcomes.append(Outcome(pair, rule, any(f.code == rule for f in result.findings)))
    return outcomes


@dataclass(frozen=True)
class Score:
    """Confusion counts of one rule on one language, and the measures derived from them."""

    tp: int
    fp: int
    fn: int
    tn: int

    @classmethod
    def of(cls, outcomes: Iterable[Outcome]) -> Score:
        counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
        for o in outcomes:
            counts[("t" if o.fired == o.expected else "f") + ("p" if o.fired else "n")] += 1
        return cls(**counts)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float:
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def _fmt(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def report(outcomes: Sequence[Outcome], rules: Sequence[str] = RULES) -> list[str]:
    """The table: one row per rule and language, then a line for each rule not registered."""
    lines = ["rule  lang  pairs  positive   tp   fp   fn   tn  precision  recall    F1"]
    for rule in rules:
        if not registered(rule):
            lines.append(f"{rule}: not registered")
            continue
        for language in sorted({o.pair.language for o in outcomes}):
            mine = [o for o in outcomes if o.rule == rule and o.pair.language == language]
            s = Score.of(mine)
            positive = sum(o.expected for o in mine)
            lines.append(f"{rule}  {language:4}  {len(mine):5}  {positive:8}  {s.tp:3}  {s.fp:3}  {s.fn:3}  {s.tn:3}"
                         f"  {_fmt(s.precision):>9}  {_fmt(s.recall):>6}  {s.f1:.2f}")
    return lines


def kinds(outcomes: Sequence[Outcome]) -> list[str]:
    """How often each rule was right, per language and kind of pair."""
    lines = ["rule  lang  kind          right / pairs"]
    keys = sorted({(o.rule, o.pair.language, o.pair.kind) for o in outcomes})
    for rule, language, kind in keys:
        mine = [o for o in outcomes if (o.rule, o.pair.language, o.pair.kind) == (rule, language, kind)]
        right = sum(o.fired == o.expected for o in mine)
        lines.append(f"{rule}  {language:4}  {kind:12}  {right:5} / {len(mine)}")
    return lines


def errors(outcomes: Sequence[Outcome]) -> list[str]:
    """The misjudged pairs of the development half (test-half pairs are dropped here, always)."""
    lines = []
    for o in outcomes:
        if o.pair.split != "dev" or o.fired == o.expected:
            continue
        verdict = "false alarm" if o.fired else "missed"
        lines.append(f"{o.rule} {o.pair.language} {verdict:11} {o.pair.menu}: \"{o.pair.a}\" / \"{o.pair.b}\""
                     f" ({o.pair.kind}: {o.pair.why})")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("test", "dev", "all"), default="test",
                        help="which half to score (default: test)")
    parser.add_argument("--errors", action="store_true", help="list misjudged pairs of the dev half")
    parser.add_argument("--kinds", action="store_true", help="per-kind hit counts for the scored half")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pairs of each language")
    parser.add_argument("--data", type=Path, default=DATA, help="folder of <language>.yaml pair files")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    pairs = load_pairs(args.data)
    if args.limit is not None:
        pairs = [p for lang in sorted({p.language for p in pairs})
                 for p in [q for q in pairs if q.language == lang][:args.limit]]
    wanted = HALVES if args.half == "all" else (args.half,)
    scored = [p for p in pairs if p.split in wanted]
    dev_only = [p for p in pairs if p.split == "dev" and p.split not in wanted] if args.errors else []
    outcomes = run(scored + dev_only)
    scored_outcomes = [o for o in outcomes if o.pair.split in wanted]

    shown = args.data.resolve()
    shown = shown.relative_to(Path.cwd()) if shown.is_relative_to(Path.cwd()) else shown
    print(f"Label pairs, {args.half} half: {len(scored)} pairs from {shown}")
    print("\n".join(report(scored_outcomes)))
    if args.kinds:
        print()
        print("\n".join(kinds(scored_outcomes)))
    if args.errors:
        listed = errors(outcomes)
        print()
        print(f"Misjudged pairs, dev half only ({len(listed)}):")
        print("\n".join(listed) if listed else "none")
    print(f"\n{len(outcomes)} checks in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
