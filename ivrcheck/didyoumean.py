"""Did-you-mean hints for names a user mistyped (fields, rules, options, formats, nodes), and the choices they had."""

from __future__ import annotations

import difflib
from collections import defaultdict
from typing import Iterable

#: How alike (difflib's ratio, 0-1) a name must be to the mistyped word to be offered.
CUTOFF = 0.6
#: The bars a hint is looked for at, highest first (see `_nearest`); the last is the cutoff.
BARS = (0.9, 0.75, CUTOFF)
#: Up to this many choices, difflib reads them all; past it, the index below picks the few it must read.
FEW = 50

#: A letter and which occurrence of it in a name: ("s", 2) is a name's second "s".
Token = tuple[str, int]


def suggest(word: str, choices: Iterable[str]) -> str:
    """A did-you-mean suffix, or a list of valid choices when nothing is close."""
    options = choices if isinstance(choices, list) else list(choices)  # a caller's list is read, not copied
    if len(options) <= FEW:
        close = difflib.get_close_matches(word, options, n=1, cutoff=CUTOFF)
        best = close[0] if close else None
    else:
        best = _nearest(word, _index(options))
    if best is not None:
        return f'did you mean "{best}"?'
    if len(options) > 12:
        first = _index(options).first
        return f"expected one of {len(options)} names, such as " + ", ".join(f'"{c}"' for c in first)
    shown = ", ".join(f'"{c}"' for c in sorted(options))
    return f"expected one of {shown}"


class _Index:
    """Many names, filed by length and by the letters they hold, so that a hint reads only the
    names that could reach the cutoff: a file with 7,500 names and as many mistyped ones made
    each hint read every name (56 million comparisons, seconds of CPU).

    The bound is difflib's own `quick_ratio`, which `get_close_matches` asks before its ratio:
    2 * shared / (len(name) + len(word)), `shared` counting letters in common with repeats
    (a name holding "s" twice shares two of a word's three). A name of length L needs at least
    `need` shared letters, so it holds at least one of any len(word) - need + 1 of the word's
    letter occurrences that some name of length L holds: the rarest ones are looked up, or,
    when every one is needed, only names holding all of them. Every name
    difflib could take is found: the hint is the one difflib alone gives."""

    def __init__(self, options: list[str]) -> None:
        self.options = list(options)  # a copy: the caller may change its list before the next hint
        self.first = sorted(options)[:3]
        self.by_length: dict[int, list[str]] = defaultdict(list)
        self.holding: dict[int, dict[Token, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.known: dict[tuple[int, int, frozenset[Token]], set[str]] = {}
        for name in dict.fromkeys(options):
            self.by_length[len(name)].append(name)
            postings = self.holding[len(name)]
            for token in _tokens(name):
                postings[token].add(name)

    def near(self, word: str, bar: float = CUTOFF) -> list[str]:
        """The names whose difflib ratio to `word` could reach `bar` (and perhaps a few more)."""
        tokens = _tokens(word)
        found: set[str] = set()
        for length, names in self.by_length.items():
            need = _least_shared(length, len(word), bar)
            if need is None:
                continue
            if need == 0:
                found.update(names)
                continue
            found |= self._holding(length, need, tokens)
        return list(found)

    def _holding(self, length: int, need: int, tokens: list[Token]) -> set[str]:
        """`_holding` of the names of `length`, kept for words holding the same of their letters: mistyped
        names made alike ("missing1234", "missing4321") ask the same (7,950 of them intersected sets of
        thousands of names each, 2.7 s; 715 distinct questions)."""
        postings = self.holding[length]
        present = [t for t in tokens if t in postings]
        key = (length, need, frozenset(present))
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = _holding(need, [postings[t] for t in present])
        return found


def _holding(need: int, postings: list[set[str]]) -> set[str]:
    """The names in at least `need` of `postings`, or a few more: those in all of them when
    every one is needed, else those in any of the smallest len(postings) - need + 1."""
    if need > len(postings):
        return set()
    postings.sort(key=len)
    if need == len(postings):
        return postings[0].intersection(*postings[1:])
    return set().union(*postings[:len(postings) - need + 1])


def _tokens(name: str) -> list[Token]:
    """Each letter of `name` with its occurrence count so far: "sass" -> s1, a1, s2, s3."""
    seen: dict[str, int] = defaultdict(int)
    tokens = []
    for letter in name:
        seen[letter] += 1
        tokens.append((letter, seen[letter]))
    return tokens


def _least_shared(length: int, word_length: int, bar: float) -> int | None:
    """The fewest shared letters with which a name of `length` reaches `bar` in difflib's quick_ratio
    (computed as difflib computes it, so no rounding differs), or None when none can."""
    total = length + word_length
    for shared in range(min(length, word_length) + 1):
        if (2.0 * shared / total if total else 1.0) >= bar:
            return shared
    return None


def _nearest(word: str, index: _Index) -> str | None:
    """The name difflib's `get_close_matches(word, options, n=1)` gives, looked for at each bar of
    BARS in turn: every name whose ratio reaches a bar is among `near(word, bar)`, so the best of
    those, once it reaches the bar, is the best of all. A high bar leaves few names to read (only
    those holding nearly every letter of the word): 6,500 mistyped targets, each alike to every
    one of 6,500 names at the cutoff, read 42 million pairs before (issue 23)."""
    for bar in BARS:
        best = _closest(word, index.near(word, bar), bar)
        if best is not None:
            return best
    return None


def _closest(word: str, names: list[str], bar: float) -> str | None:
    """Of `names`, the one with the best difflib ratio to `word` if it reaches `bar` (ties go to the
    greater name, as in difflib's `get_close_matches`), read as few times as it can be.

    rapidfuzz's ratio counts the longest common subsequence, never fewer letters than difflib's
    matching blocks, so it bounds difflib's ratio from above: names are read best bound first,
    and reading stops once no bound left can reach the best ratio found (a file of 6,500 names
    alike to as many mistyped ones had difflib read hundreds of names per hint, issue 23).
    """
    from rapidfuzz import fuzz, process

    cutoff = bar * 100 - 0.1  # below, never above, difflib's bar
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    best: tuple[float, str] | None = None
    for name, bound, _ in process.extract(word, names, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None):
        if best is not None and bound / 100 < best[0] - 1e-9:
            break
        matcher.set_seq1(name)
        ratio = matcher.ratio()
        if ratio >= bar and (best is None or (ratio, name) > best):
            best = (ratio, name)
    return best[1] if best else None


def _index(options: list[str]) -> _Index:
    """The index of a set of choices, built once: a file asks for one hint per mistyped name.
    The last one is kept and compared, not hashed (comparing the same names stops at each
    name's identity; copying and hashing 7,500 names for each hint cost half a second)."""
    if _LAST and _LAST[0].options == options:
        return _LAST[0]
    _LAST[:] = [_Index(options)]
    return _LAST[0]


_LAST: list[_Index] = []


def one_of(choices: Iterable[str]) -> str:
    """The choices as a sentence lists them: `text, json or markdown`."""
    words = list(choices)
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"
