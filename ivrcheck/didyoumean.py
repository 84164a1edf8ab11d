"""Did-you-mean hints for names a user mistyped (fields, rules, options, formats, nodes), and the choices they had."""

from __future__ import annotations

import difflib
from collections import defaultdict
from typing import Iterable

#: How alike (difflib's ratio, 0-1) a name must be to the mistyped word to be offered.
CUTOFF = 0.6
#: Up to this many choices, difflib reads them all; past it, the index below picks the few it must read.
FEW = 50

#: A letter and which occurrence of it in a name: ("s", 2) is a name's second "s".
Token = tuple[str, int]


def suggest(word: str, choices: Iterable[str]) -> str:
    """A did-you-mean suffix, or a list of valid choices when nothing is close."""
    options = choices if isinstance(choices, list) else list(choices)  # a caller's list is read, not copied
    near = options if len(options) <= FEW else _index(options).near(word)
    close = difflib.get_close_matches(word, near, n=1, cutoff=CUTOFF)
    if close:
        return f'did you mean "{close[0]}"?'
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

    def near(self, word: str) -> list[str]:
        """The names difflib could find close to `word` (and perhaps a few more), alike first."""
        tokens = _tokens(word)
        found: set[str] = set()
        for length, names in self.by_length.items():
            need = _least_shared(length, len(word))
            if need is None:
                continue
            if need == 0:
                found.update(names)
                continue
            found |= self._holding(length, need, tokens)
        return _alike(word, sorted(found))

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


def _least_shared(length: int, word_length: int) -> int | None:
    """The fewest shared letters with which a name of `length` passes difflib's quick_ratio
    (computed as difflib computes it, so no rounding differs), or None when none can."""
    total = length + word_length
    for shared in range(min(length, word_length) + 1):
        if (2.0 * shared / total if total else 1.0) >= CUTOFF:
            return shared
    return None


def _alike(word: str, names: list[str]) -> list[str]:
    """The names whose rapidfuzz ratio reaches the cutoff, read in C. That ratio counts the
    longest common subsequence, never fewer letters than difflib's matching blocks, so every
    name difflib would take passes this filter."""
    from rapidfuzz import fuzz, process

    cutoff = CUTOFF * 100 - 0.1  # below, never above, difflib's bar
    return [name for name, _, _ in process.extract(word, names, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)]


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
