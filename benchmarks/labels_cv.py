"""Cross-validation of L301 and P406 over the label benchmark's dev half: how the meaning model generalises.

Run: python benchmarks/labels_cv.py [--folds 5] [--no-ablate] [--keep-from COMMIT] [--kinds] [--errors]

The dev half is what the meaning model was tuned on, so its score says little about unseen
menus (the test half's, which this script never reads). Here the dev menus are dealt into
`--folds` folds, by menu and never by pair, as the halves are split. Each fold is scored by a
model that has not seen it: every lexicon term (`lexicon-<code>.yaml`) with a word that only
the held-out fold's labels use, among the dev labels and the example menus, is taken out
before the fold is scored, as if the lexicon had been grown from the other folds alone. That
is the word data fitted to the dev half; a word the other folds or the example menus also use
stays (it could have been learned from them). What is left to score is how the model does on
vocabulary it was not fitted to: stems, compound parts, sounds, the lexicon's general words.
`--no-ablate` scores the folds with the lexicon whole (the plain dev numbers, pooled).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import yaml

from ivrcheck.language import load_language
from ivrcheck.language.labels import LabelWords
from ivrcheck.language.lexicon import Lexicon, content_tokens

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.labels import DATA, Outcome, Pair, errors, kinds, load_pairs, report, run  # noqa: E402

MENUS = Path(__file__).resolve().parent.parent / "menus"
#: The shortest key that is looked for inside a compound's stem ("sopimuks" in "sähkösopimuks").
INSIDE = 4


def folds(pairs: Sequence[Pair], count: int) -> list[list[Pair]]:
    """The pairs dealt into `count` folds per language by menu, largest menu first into the smallest fold."""
    dealt: list[list[Pair]] = [[] for _ in range(count)]
    for language in sorted({p.language for p in pairs}):
        menus: dict[str, list[Pair]] = {}
        for pair in pairs:
            if pair.language == language:
                menus.setdefault(pair.menu, []).append(pair)
        sizes = [0] * count
        for name in sorted(menus, key=lambda m: (-len(menus[m]), m)):
            smallest = sizes.index(min(sizes))
            dealt[smallest].extend(menus[name])
            sizes[smallest] += len(menus[name])
    return dealt


def vocabulary(words: LabelWords, texts: Iterable[str]) -> frozenset[str]:
    """Every dictionary form (or stem) of the content words of the texts."""
    found: set[str] = set()
    for text in texts:
        for token in content_tokens(text, words.compounds):
            found.update(words.readings(token).lemmas)
    return frozenset(found)


def _uses(words: LabelWords, keys: Sequence[str], seen: frozenset[str]) -> bool:
    """Whether a term word (its dictionary forms) is among `seen`, or inside a compound there."""
    if any(k in seen for k in keys):
        return True
    return words.compounds and any(len(k) >= INSIDE and k in other for k in keys for other in seen)


def ablated(words: LabelWords, held_out: frozenset[str], background: frozenset[str],
            kept_terms: frozenset[str] = frozenset()) -> tuple[dict, int]:
    """The lexicon data without terms having a word only the held-out fold uses (except `kept_terms`);
    and how many went."""
    data = dict(words.lexicon_data())
    dropped = 0
    groups = []
    for group in data.get("groups") or ():
        kept = []
        for term in group["terms"]:
            own = str(term) not in kept_terms and any(_uses(words, keys, held_out) and not _uses(words, keys, background)
                      for keys in words.term_keys(str(term)))
            dropped += own
            if not own:
                kept.append(term)
        groups.append({**group, "terms": kept or ["\u2205"]})  # an emptied group keeps its id for relations
    data["groups"] = groups
    return data, dropped


def _clear_caches() -> None:
    """Forget every cached reading of ivrcheck (relate verdicts, label units, loaded languages)."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("ivrcheck"):
            continue
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def _use_lexicon(code: str, data: dict | None) -> None:
    """Make the loaded language `code` read with the lexicon built from `data` (None: its own)."""
    words = load_language(code).label_words
    words.__dict__.pop("lexicon", None)
    if data is not None:
        words.__dict__["lexicon"] = Lexicon.build(data, words.term_keys)


def terms_at(commit: str | None, code: str) -> frozenset[str]:
    """Every term of a language's lexicon as it was at `commit` (git), or none."""
    if not commit:
        return frozenset()
    shown = subprocess.run(["git", "show", f"{commit}:ivrcheck/language/lexicon-{code}.yaml"], capture_output=True,
                           text=True, cwd=MENUS.parent, check=False)
    if shown.returncode != 0:
        return frozenset()
    data = yaml.safe_load(shown.stdout) or {}
    return frozenset(str(t) for g in data.get("groups") or () for t in g["terms"])


def cross_validate(pairs: Sequence[Pair], count: int, ablate: bool = True, keep_from: str | None = None
                   ) -> tuple[list[Outcome], list[str]]:
    """Outcomes of every pair, each scored with its fold's fitted word data held out; and a note per fold."""
    dealt = folds(pairs, count)
    example_text = [p.read_text(encoding="utf-8") for p in sorted(MENUS.glob("*.yaml"))]
    outcomes: list[Outcome] = []
    notes = []
    for number, held in enumerate(dealt):
        _clear_caches()
        dropped = {}
        for code in sorted({p.language for p in held}):
            words = load_language(code).label_words
            mine = vocabulary(words, (t for p in held if p.language == code for t in (p.a, p.b)))
            rest = vocabulary(words, [t for i, other in enumerate(dealt) if i != number
                                      for p in other if p.language == code for t in (p.a, p.b)] + example_text)
            data, dropped[code] = ablated(words, mine, rest, terms_at(keep_from, code)) if ablate else (None, 0)
            _use_lexicon(code, data)
        outcomes.extend(run(held))
        menus = len({p.menu for p in held})
        notes.append(f"fold {number + 1}: {len(held)} pairs from {menus} menus; lexicon terms held out: "
                     + ", ".join(f"{c} {n}" for c, n in sorted(dropped.items())))
    _clear_caches()
    return outcomes, notes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5, help="how many folds (default 5)")
    parser.add_argument("--no-ablate", action="store_true", help="keep the whole lexicon for every fold")
    parser.add_argument("--keep-from", metavar="COMMIT", default=None,
                        help="never hold out terms the lexicon already had at this git commit")
    parser.add_argument("--kinds", action="store_true", help="per-kind hit counts")
    parser.add_argument("--errors", action="store_true", help="list the misjudged (dev) pairs")
    parser.add_argument("--data", type=Path, default=DATA, help="folder of <language>.yaml pair files")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    dev = [p for p in load_pairs(args.data) if p.split == "dev"]
    outcomes, notes = cross_validate(dev, args.folds, not args.no_ablate, args.keep_from)
    how = "whole lexicon" if args.no_ablate else "each fold's own lexicon terms held out"
    print(f"Label pairs, dev half, {args.folds}-fold cross-validation ({how}): {len(dev)} pairs")
    print("\n".join(notes))
    print("\n".join(report(outcomes)))
    if args.kinds:
        print()
        print("\n".join(kinds(outcomes)))
    if args.errors:
        print()
        print("\n".join(errors(outcomes)))
    print(f"\n{len(outcomes)} checks in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
