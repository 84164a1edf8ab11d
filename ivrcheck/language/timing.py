"""How long text takes to speak: words a minute, or syllables a second for languages with long words."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|[*#]", re.UNICODE)
_DIGIT_RUN = re.compile(r"\b\d{2,}\b")
#: Two word characters: a cut between them may read differently than the whole text (`\b`).
_INSIDE = re.compile(r"\w\w")
_VOWEL_GROUP = re.compile(r"[aeiouyäöå]+", re.IGNORECASE)
# Vowel pairs that stay in one syllable: long vowels and the diphthongs of Finnish.
_ONE_SYLLABLE = frozenset({
    "aa", "ee", "ii", "oo", "uu", "yy", "ää", "öö",
    "ai", "ei", "oi", "ui", "yi", "äi", "öi", "au", "eu", "iu", "ou", "ey", "iy", "äy", "öy",
})
# These are diphthongs only in a word's first syllable: "tie-to" but "ko-ti-e-ner-gi-a".
_FIRST_SYLLABLE_ONLY = frozenset({"ie", "uo", "yö"})


def seconds(text: str | None, unit: str, rate: float, *, keep: bool = True) -> float:
    """Seconds to speak `text` at `rate` in `unit` (words_per_minute or syllables_per_second);
    kept in a cache unless `keep` is False."""
    if not text:
        return 0.0
    return (_seconds if keep else _seconds.__wrapped__)(text, unit, rate)


@lru_cache(maxsize=1 << 17)
def _seconds(text: str, unit: str, rate: float) -> float:
    """seconds(), cached: every menu's prompt is timed for each of its options and each state."""
    words = WORD.findall(text)
    if unit == "syllables_per_second":
        return sum(syllables(w) for w in words) / rate
    # A digit string is read digit by digit: "0800" is four words.
    extra = sum(len(run) - 1 for run in _DIGIT_RUN.findall(text))
    return (len(words) + extra) / rate * 60.0


def seconds_to(text: str | None, end: int, unit: str, rate: float) -> float:
    """seconds(text[:end]), from one reading of the whole text: a prompt is timed up to each of its offers."""
    if not text or end >= len(text):
        return seconds(text, unit, rate)
    if end <= 0:
        return 0.0
    words, runs = _tables(text, unit)
    count = words.before(end)
    extra = runs.before(end)
    if count is None or extra is None or _INSIDE.match(text, end - 1):
        return seconds(text[:end], unit, rate)  # the cut falls inside a word or a number: read it as cut
    if unit == "syllables_per_second":
        return count / rate
    return (count + extra) / rate * 60.0


class _Table:
    """Spans of a text that do not overlap (words, or digit strings) and what they weigh up to each."""

    __slots__ = ("starts", "ends", "totals")

    def __init__(self, starts: list[int], ends: list[int], weights: list[int] | None = None) -> None:
        self.starts, self.ends = starts, ends
        if weights is None:  # one each
            self.totals = list(range(len(starts) + 1))
        else:
            self.totals = [0]
            for weight in weights:
                self.totals.append(self.totals[-1] + weight)

    def before(self, cut: int) -> int | None:
        """The weight of the spans that end by `cut`; None when one runs across it."""
        done = bisect_right(self.ends, cut)
        if done < len(self.starts) and self.starts[done] < cut:
            return None
        return self.totals[done]


@lru_cache(maxsize=1 << 15)
def _tables(text: str, unit: str) -> tuple[_Table, _Table]:
    """What _seconds counts, by where it ends: words (or their syllables), and each digit string's extra words."""
    found = list(WORD.finditer(text))
    starts, ends = [m.start() for m in found], [m.end() for m in found]
    words = _Table(starts, ends, [syllables(m.group()) for m in found] if unit == "syllables_per_second" else None)
    runs = list(_DIGIT_RUN.finditer(text))
    return words, _Table([m.start() for m in runs], [m.end() for m in runs], [len(m.group()) - 1 for m in runs])


def syllables(word: str) -> int:
    """Finnish syllables: each vowel starts one, except the second vowel of a long vowel or diphthong.

    Vowel runs are paired greedily from the left, so "korkea" is kor-ke-a (3) and
    "vaihtoehdot" vaih-to-eh-dot (4); "ie", "uo" and "yö" join only in the first syllable
    ("tie-to", "ko-ti-e-ner-gi-a"). Compound seams ("vika|ilmoitus") are not known, so a
    vowel pair across one may count once. A digit is read as a two-syllable number word.
    """
    if word in ("*", "#"):
        return 2
    if word.isdigit():
        return 2 * len(word)
    count = 0
    for group in _VOWEL_GROUP.findall(word.lower()):
        i = 0
        while i < len(group):
            pair = group[i : i + 2]
            joined = pair in _ONE_SYLLABLE or (count == 0 and pair in _FIRST_SYLLABLE_ONLY)
            count += 1
            i += 2 if joined else 1
    return max(count, 1)
