"""How long text takes to speak: words a minute, or syllables a second for languages with long words."""

from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|[*#]", re.UNICODE)
_DIGIT_RUN = re.compile(r"\b\d{2,}\b")
_VOWEL_GROUP = re.compile(r"[aeiouyäöå]+", re.IGNORECASE)
# Vowel pairs that stay in one syllable: long vowels and the diphthongs of Finnish.
_ONE_SYLLABLE = frozenset({
    "aa", "ee", "ii", "oo", "uu", "yy", "ää", "öö",
    "ai", "ei", "oi", "ui", "yi", "äi", "öi", "au", "eu", "iu", "ou", "ey", "iy", "äy", "öy",
})
# These are diphthongs only in a word's first syllable: "tie-to" but "ko-ti-e-ner-gi-a".
_FIRST_SYLLABLE_ONLY = frozenset({"ie", "uo", "yö"})


def seconds(text: str | None, unit: str, rate: float) -> float:
    """Seconds to speak `text` at `rate` in `unit` (words_per_minute or syllables_per_second)."""
    if not text:
        return 0.0
    return _seconds(text, unit, rate)


@lru_cache(maxsize=1 << 17)
def _seconds(text: str, unit: str, rate: float) -> float:
    """seconds(), cached: every menu's prompt is timed for each of its options and each state."""
    words = WORD.findall(text)
    if unit == "syllables_per_second":
        return sum(syllables(w) for w in words) / rate
    # A digit string is read digit by digit: "0800" is four words.
    extra = sum(len(run) - 1 for run in _DIGIT_RUN.findall(text))
    return (len(words) + extra) / rate * 60.0


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
