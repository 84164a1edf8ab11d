"""Information scent: how strongly an option's words promise what a caller came for.

The tree test (tasks.py) asks one question of the language: given a caller's words and an
option's label, how likely is the caller to take it? That question is the `Scent` protocol.
The default below is built on today's label words (stems, stop and vague words, synonym
groups, compounds) and rapidfuzz; the meaning model of the labels issue replaces it with
one line, `DEFAULT_SCENT = ivrcheck.language.scent`, as both take the same arguments and
return a number in 0..1.
"""

from __future__ import annotations

import math
from typing import Protocol

from ivrcheck.language import Language
from ivrcheck.language.labels import MIN_PART, Word, same_stem

#: What one matched word is worth: the same word, a near-synonym, a part of a compound, a near-spelling.
SAME, SYNONYM, PART, SPELLING = 1.0, 0.8, 0.7, 0.6
#: rapidfuzz ratio (0-100) above which two stems count as one word misspelt or misheard.
SPELLING_RATIO = 85


class Scent(Protocol):
    """Scent of `label` for a caller who wants `words`: 0 (no reason to pick it) to 1 (names it exactly)."""

    def __call__(self, words: str, label: str, language: Language) -> float: ...


def word_scent(words: str, label: str, language: Language) -> float:
    """Cosine overlap of content words: matched words over the geometric mean of both word counts.

    Each word of the label takes its best match among the caller's words (the same stem 1,
    one synonym group 0.8, one a part of the other's compound 0.7, a near-spelling 0.6).
    Dividing by both sizes keeps a long label that happens to share one word ("Report a lost
    card or a change of address") below a short one that names the task ("Lost card").
    """
    lexicon = language.label_words
    wanted, offered = lexicon.words(words), lexicon.words(label)
    if not wanted or not offered:
        return 0.0
    matched = sum(max(_match(a, b) for a in wanted) for b in offered)
    return min(1.0, matched / math.sqrt(len(wanted) * len(offered)))


def _match(a: Word, b: Word) -> float:
    if same_stem(a.stem, b.stem):
        return SAME
    if a.token.startswith("=") and a.token == b.token:
        return SYNONYM
    short, long_ = sorted((a.stem, b.stem), key=len)
    if len(short) >= MIN_PART and len(long_) - len(short) >= 3 and (long_.startswith(short) or long_.endswith(short)):
        return PART
    if min(len(a.stem), len(b.stem)) >= 4:
        from rapidfuzz.fuzz import ratio

        if ratio(a.stem, b.stem) >= SPELLING_RATIO:
            return SPELLING
    return 0.0


#: The scent the tree test uses unless it is given another (see the module docstring).
DEFAULT_SCENT: Scent = word_scent
