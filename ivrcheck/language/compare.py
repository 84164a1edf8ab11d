"""Whether a caller could mix up two labels of one menu, and why (used by L301 and scripts/label_pairs.py).

Two labels are confusable when, after dropping stop words and vague words and grouping
near-synonyms, they name the same things, or one names only things the other also names.
Labels that share a word but each add a different one ("Card payments", "Card activation")
name distinct tasks and are not confusable, unless the words that differ sound alike.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ivrcheck.language.labels import MIN_PART, LabelWords, Word, same_stem


@dataclass(frozen=True)
class Confusion:
    """Why a caller could mix up two labels, with the words behind it as written."""

    reason: str  # "same words", "near-synonyms", "contains" or "sound alike"
    words: tuple[str, ...]
    #: For "contains": the label (0 the first, 1 the second) whose every word is in the other.
    inner: int = 0

    def explain(self, first: str, second: str) -> str:
        quoted = [f'"{w}"' for w in self.words]
        if self.reason == "same words":
            return f"both come down to {' and '.join(quoted)}"
        if self.reason == "near-synonyms":
            return f"{' and '.join(quoted)} mean nearly the same to a caller"
        if self.reason == "sound alike":
            return f"{' and '.join(quoted)} sound alike"
        inner, outer = (first, second) if self.inner == 0 else (second, first)
        also = f" ({' ~ '.join(quoted)})" if self.words else ""
        return f'"{outer}" covers everything "{inner}" says{also}'


def compare(words: LabelWords, first: str, second: str, similarity: float) -> Confusion | None:
    """The first reason the two labels could be confused, or None when they name distinct tasks."""
    a, b = list(words.words(first)), list(words.words(second))
    if not a or not b:
        return None
    if not words.compounds and _unrelated(a, b):
        return _sound_alike([w.text for w in a], [w.text for w in b], similarity)
    shared: list[tuple[Word, Word]] = []
    # The same word first, then near-synonyms: "Pay a bill" and "Copy of a bill" pair
    # "bill" with "bill" and keep "pay" and "copy" apart.
    for same in (lambda x, y: same_stem(x.stem, y.stem), lambda x, y: x.token == y.token):
        for x in list(a):
            y = next((y for y in b if same(x, y)), None)
            if y is not None:
                a.remove(x)
                b.remove(y)
                shared.append((x, y))
    if words.compounds:
        shared += _compound_matches(words, a, b)
    if not shared:
        return _sound_alike([w.text for w in words.words(first)], [w.text for w in words.words(second)], similarity)
    synonyms = tuple(t for x, y in shared if x.token.startswith("=") and not same_stem(x.stem, y.stem)
                     for t in (x.text, y.text))
    if not a and not b:
        if synonyms:
            return Confusion("near-synonyms", synonyms[:2])
        return Confusion("same words", tuple(dict.fromkeys(x.text for x, _ in shared)))
    if not a or not b:
        return Confusion("contains", synonyms[:2], inner=0 if not a else 1)
    return _sound_alike([w.text for w in a], [w.text for w in b], similarity)


def _unrelated(a: list[Word], b: list[Word]) -> bool:
    """No word of one can match a word of the other (a fast path for most pairs)."""
    if not {w.token for w in a}.isdisjoint(w.token for w in b):
        return False
    return {w.stem[:5] for w in a}.isdisjoint(w.stem[:5] for w in b)


def _compound_matches(words: LabelWords, a: list[Word], b: list[Word]) -> list[tuple[Word, Word]]:
    """Pair a word with a compound that contains it ("sopimukset" in "sähkösopimukset").

    The rest of the compound stays behind as a word of its own ("sähkö"), so that
    "Sähkösopimukset" and "Kaukolämpösopimukset" still differ.
    """
    matched = []
    for short, long_side in ((a, b), (b, a)):
        for x in [w for w in short if not w.token.startswith("=") and len(w.token) >= MIN_PART]:
            for y in [w for w in long_side if not w.token.startswith("=")]:
                rest = _rest(x.token, y.token)
                if rest is None:
                    continue
                short.remove(x)
                long_side.remove(y)
                stem = words.stem(rest)
                if len(rest) >= 3 and stem not in words.vague and stem not in words.stop:
                    long_side.append(Word(stem, stem, rest))
                matched.append((x, y) if short is a else (y, x))
                break
    # Compounds on one last part ("yksityis|asiakkaat", "yritys|asiakkaat") share that part
    # and differ in their first parts, which alone decide whether they sound alike.
    for x in [w for w in a if not w.token.startswith("=")]:
        for y in [w for w in b if not w.token.startswith("=")]:
            common = len(os.path.commonprefix([x.token[::-1], y.token[::-1]]))
            if common >= 5 and min(len(x.token), len(y.token)) - common >= 3:
                a.remove(x)
                b.remove(y)
                a.append(Word(x.token[:-common], x.token[:-common], x.token[:-common]))
                b.append(Word(y.token[:-common], y.token[:-common], y.token[:-common]))
                matched.append((x, y))
                break
    return matched


def _rest(part: str, compound: str) -> str | None:
    """What is left of `compound` around `part` when `part` is its first or last part."""
    if compound == part or len(compound) - len(part) < 3:
        return None
    if compound.endswith(part):
        return compound[: -len(part)]
    if compound.startswith(part) and len(compound) - len(part) >= MIN_PART:
        return compound[len(part):]
    return None


def _sound_alike(first: list[str], second: list[str], similarity: float) -> Confusion | None:
    """Labels (or the words where they differ) that are spelled, and so sound, nearly alike."""
    left, right = " ".join(first), " ".join(second)
    if min(len(left), len(right)) < 4:
        return None
    from rapidfuzz.fuzz import ratio

    if ratio(left, right) >= similarity:
        return Confusion("sound alike", (left, right))
    return None
