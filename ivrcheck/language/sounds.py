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
    already fall short, rapidfuzz is neither asked nor imported (most pairs, most runs).
    """
    total = len(first) + len(second)
    if total and 200.0 * min(len(first), len(second)) / total < bar - _MARGIN:
        return False
    if total and 200.0 * _shared_letters(first, second) / total < bar - _MARGIN:
        return False
    return ratio(first, second) >= bar


#: Far above rounding error, far below any difference the bar could mean.
_MARGIN = 1e-9


def _shared_letters(first: str, second: str) -> int:
    """How many letters the two spellings have in common, counted with repetition."""
    return sum(min(first.count(letter), second.count(letter)) for letter in set(first))


_EN_SOUNDS = (("ph", "f"), ("ck", "k"), ("qu", "kw"), ("q", "k"), ("x", "ks"), ("ce", "se"), ("ci", "si"),
              ("cy", "sy"), ("c", "k"), ("z", "s"), ("y", "i"), ("wh", "w"))


#: Spellings up to this many letters together are compared here; longer ones by rapidfuzz.
SHORT = 256


def ratio(first: str, second: str) -> float:
    """rapidfuzz's `fuzz.ratio` (0-100), the same float: worked out here for labels and words, which
    are short, and by rapidfuzz, imported on first use, for longer text. Importing rapidfuzz's
    compiled modules adds 4.5 MiB to a run that compares a few labels (three on a 10,000-node line)."""
    total = len(first) + len(second)
    if total > SHORT:
        return _rapidfuzz_ratio()(first, second)
    if not total:
        return 100.0
    return (1.0 - (total - 2 * _common_length(first, second)) / total) * 100


def _common_length(first: str, second: str) -> int:
    """The length of the longest common subsequence, by the bit-parallel method (Allison and Dix;
    Hyyrö): one bit per letter of `first`, one addition per letter of `second`."""
    if not first or not second:
        return 0
    where: dict[str, int] = {}
    for i, letter in enumerate(first):
        where[letter] = where.get(letter, 0) | 1 << i
    row = (1 << len(first)) - 1
    for letter in second:
        matched = row & where.get(letter, 0)
        row = (row + matched) | (row - matched)
    return len(first) - (row & ((1 << len(first)) - 1)).bit_count()


@lru_cache(maxsize=None)
def _rapidfuzz_ratio() -> Callable[[str, str], float]:
    """rapidfuzz's ratio, imported on first use: most runs never compare long spellings."""
    from rapidfuzz.fuzz import ratio as compared

    return compared


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
