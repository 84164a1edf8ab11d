"""Whether two labels sound alike on a phone line: spelled nearly alike, or a word pronounced nearly alike.

A caller hears the options once and cannot read them back: "Billing" and "Filling", "muutto"
and "muutos" are easy to take for each other. The meaning model (meaning.py) asks this of the
words where two labels differ; the tree test (callers/scent.py) of a caller's words and a label.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

from ivrcheck.language.labels import Unit

#: How much lower the bar is for single words compared as pronounced.
WORD_SLACK = 5.0


def sound_alike(first: list[Unit], second: list[Unit], similarity: float, code: str = "en"
                ) -> tuple[str, str] | tuple[()]:
    """Words (or labels) that sound nearly alike: compared as spelled, and word by word as pronounced."""
    left, right = " ".join(u.text for u in first), " ".join(u.text for u in second)
    if min(len(left), len(right)) < 4 or similarity >= 100:
        return ()
    negation = any(u.role == "negated" for u in (*first, *second))
    if not negation and spelled_alike(left, right, similarity):
        return (left, right)  # "not urgent" and "urgent" are opposites said on purpose, not misheard
    # Word by word the bar is a little lower: one word heard wrong is enough to pick the wrong option,
    # when it is all that sets one label apart. Where both labels name more that differs
    # ("Accidente o asistencia en el camino", "Tarjeta de seguro o cambios en su póliza"), the
    # rest tells them apart, however alike "camino" and "cambios" sound.
    mine, theirs = [w for u in first for w in (u.words or (u,))], [w for u in second for w in (u.words or (u,))]
    if min(len(mine), len(theirs)) > 1:
        return ()
    for x in mine:
        for y in theirs:
            if "negated" in (x.role, y.role):
                continue  # "not urgent" is the opposite of "urgent", said on purpose, not misheard
            for one, other in ((x.text, y.text), (x.key, y.key)):
                if min(len(one), len(other)) >= 5 and \
                        spelled_alike(_sounds(one, code), _sounds(other, code), similarity - WORD_SLACK):
                    return (x.text, y.text)
    return ()


def spelled_alike(first: str, second: str, bar: float) -> bool:
    """Whether rapidfuzz's `ratio` of two spellings reaches `bar` (0-100).

    The ratio is twice the longest common subsequence over both lengths, and that
    subsequence has no more of any letter than both words have: when the shared letters
    already fall short, no ratio is computed (most pairs). The few pairs left (a handful a
    run, even at 10,000 nodes) are words and short labels, whose ratio `ratio` works out
    exactly in Python; importing rapidfuzz for them was 8-10 ms of a pre-commit run.
    """
    total = len(first) + len(second)
    if total and 200.0 * min(len(first), len(second)) / total < bar - _MARGIN:
        return False
    if total and 200.0 * _shared_letters(first, second) / total < bar - _MARGIN:
        return False
    return ratio(first, second) >= bar


def ratio(first: str, second: str) -> float:
    """rapidfuzz's `fuzz.ratio`, the same float: 100 * (1 - (len1 + len2 - 2 * LCS) / (len1 + len2)).

    The longest common subsequence is counted bit-parallel (Hyyro's method), one row of bits
    per letter of the longer spelling; past `SHORT` letters rapidfuzz does the same in C.
    """
    total = len(first) + len(second)
    if total > SHORT:
        return _ratio()(first, second)
    if not total:
        return 100.0
    return (1.0 - (total - 2 * _common(first, second)) / total) * 100


#: Longer pairs than this (letters of both) are left to rapidfuzz: Python's integers slow down with length.
SHORT = 256


def _common(first: str, second: str) -> int:
    """The length of the longest common subsequence of two spellings."""
    if len(first) < len(second):
        first, second = second, first
    where: dict[str, int] = {}
    for place, letter in enumerate(second):
        where[letter] = where.get(letter, 0) | 1 << place
    every = (1 << len(second)) - 1
    row = every
    for letter in first:
        matched = row & where.get(letter, 0)
        row = ((row + matched) | (row - matched)) & every
    return len(second) - row.bit_count()


#: Far above rounding error, far below any difference the bar could mean.
_MARGIN = 1e-9


def _shared_letters(first: str, second: str) -> int:
    """How many letters the two spellings have in common, counted with repetition."""
    return sum(min(first.count(letter), second.count(letter)) for letter in set(first))


_EN_SOUNDS = (("ph", "f"), ("ck", "k"), ("qu", "kw"), ("q", "k"), ("x", "ks"), ("ce", "se"), ("ci", "si"),
              ("cy", "sy"), ("c", "k"), ("z", "s"), ("y", "i"), ("wh", "w"))


@lru_cache(maxsize=None)
def _ratio() -> Callable[[str, str], float]:
    """rapidfuzz's ratio, imported on first use: only long spellings are compared in C."""
    from rapidfuzz.fuzz import ratio

    return ratio


@lru_cache(maxsize=1 << 16)
def _sounds(word: str, code: str) -> str:
    """A rough spelling of how a word sounds: English spelling evened out, long sounds (doubled letters) as short.

    Finnish is written as it is pronounced, so only its long vowels and consonants are shortened:
    on a phone line "muutto" and "muutos" differ by little more than a letter.
    """
    word = word.lower()
    if code == "en":
        for spelled, sound in _EN_SOUNDS:
            word = word.replace(spelled, sound)
    return "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])
