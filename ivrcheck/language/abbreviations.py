"""Abbreviations a caller may not know ("FTTH, ONT and LOS"): where a text uses them, and whether the line says what they stand for.

An abbreviation here is a word of two to six capitals, digits allowed after the first letter
("SPP" in "SPP-poli", "CFDI", "P60"). Not one: a roman numeral ("II"), a unit after a number
("2 GB a day"), a small word of the language written in capitals ("IT" in English, "LOS" in
Spanish: its stop words), one the language's callers all know (`caller: abbreviations` in the
language file: PIN, SMS, DNI ...), one in the line's own name (the name callers hear first: "Welcome to Riverside BMW and MINI"),
and one the line explains: its letters are the initials of
words the line says ("Collision Damage Waiver (CDW)"), or the line spells it ("G P R N").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from ivrcheck.language.caller import CallerWords
from ivrcheck.language.labels import LabelWords

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_ROMAN = re.compile(r"^[IVXLC]+$")
#: How many words before and after an abbreviation may say what it stands for.
_NEAR = 8
#: How many words either side a compound that an abbreviation shortens may stand, and how long it must be.
_BESIDE = 3
_COMPOUND = 8
#: Small words (this many letters at most) that may come between the words an abbreviation stands for
#: ("Department of Motor Vehicles").
_LINKS = 3


def _is_candidate(token: str) -> bool:
    return (2 <= len(token) <= 6 and token[0].isalpha() and token.isupper()
            and sum(c.isalpha() for c in token) >= 2 and not _ROMAN.match(token))


@lru_cache(maxsize=64)
def known(words: CallerWords) -> frozenset[str]:
    """The abbreviations every caller of the language knows (`caller: abbreviations`)."""
    return frozenset(str(a).upper() for a in words.data.get("abbreviations") or ())


def used(text: str | None, caller: CallerWords, labels: LabelWords) -> list[str]:
    """The abbreviations `text` uses that its language's callers are not all known to know, in order, once each."""
    found: list[str] = []
    matches = list(_WORD.finditer(text or ""))
    for i, match in enumerate(matches):
        token = match.group()
        if not _is_candidate(token) or token in found or token in known(caller):
            continue
        if i and matches[i - 1].group().isdigit():
            continue  # a unit: "1.5 GB a day"
        if labels.stem(token.lower()) in labels.stop:
            continue  # a small word in capitals: "IT" in English, "LOS" in Spanish
        found.append(token)
    return found


class Explained:
    """What a whole line says, to tell which abbreviations it explains somewhere: next to the
    abbreviation, the words its letters stand for ("CDW, the collision damage waiver"), or the
    letters spelled out anywhere ("labelled G P R N")."""

    def __init__(self, texts: Iterable[str | None], name: str = "") -> None:
        self._texts = [[w.group() for w in _WORD.finditer(t)] for t in dict.fromkeys(texts) if t]
        self._spelled = " " + " ".join(w.lower() for words in self._texts for w in words) + " "
        self._named = frozenset(w.group() for w in _WORD.finditer(name))
        #: Where each candidate abbreviation stands: (text, word), read once for the whole line.
        self._at: dict[str, list[tuple[int, int]]] = {}
        for t, words in enumerate(self._texts):
            for i, word in enumerate(words):
                if _is_candidate(word):
                    self._at.setdefault(word, []).append((t, i))
        self._known: dict[str, bool] = {}

    def explains(self, abbreviation: str) -> bool:
        """Whether the line's own name has the abbreviation ("Welcome to Riverside BMW and MINI":
        callers dialled it), or the line spells it or says, near it, the words it stands for."""
        if abbreviation not in self._known:
            self._known[abbreviation] = self._explains(abbreviation)
        return self._known[abbreviation]

    def _explains(self, abbreviation: str) -> bool:
        letters = abbreviation.lower()
        if abbreviation in self._named or " " + " ".join(letters) + " " in self._spelled:
            return True
        for t, at in self._at.get(abbreviation, ()):
            words = self._texts[t]
            near = words[max(0, at - _NEAR):at] + words[at + 1:at + 1 + _NEAR]
            if any(_initials_from(near, i, letters) for i in range(len(near))):
                return True
            if any(_compound_of(w, letters) for w in words[max(0, at - _BESIDE):at + 1 + _BESIDE]):
                return True
        return False


def _initials_from(words: list[str], start: int, letters: str) -> bool:
    """Whether the words from `start` begin with `letters` in turn, at most two small words between them.

    A small word ("and", "of") stands for a letter only when capitalised ("Value Added Tax"): "and
    check" does not explain "AC"."""
    at, skipped = start, 0
    for letter in letters:
        while at < len(words) and not _stands_for(words[at], letter) and len(words[at]) <= _LINKS:
            at, skipped = at + 1, skipped + 1
        if at >= len(words) or not _stands_for(words[at], letter) or skipped > 2:
            return False
        at += 1
    return True


def _compound_of(word: str, letters: str) -> bool:
    """Whether one long word right beside the abbreviation holds its letters in order, from its first
    ("Lapsivuodeosasto (LVO)", "Äitiyspoliklinikka ÄPKL"): Finnish and Swedish abbreviate compounds."""
    word = word.lower()
    if len(word) < _COMPOUND or word[0] != letters[0] or word == letters:
        return False
    at = 1
    for letter in letters[1:]:
        at = word.find(letter, at) + 1
        if not at:
            return False
    return True


def _stands_for(word: str, letter: str) -> bool:
    return word[0].lower() == letter and (len(word) > _LINKS or word[0].isupper()) and not word.isupper()


@lru_cache(maxsize=64)
def _where(words: CallerWords) -> re.Pattern[str] | None:
    phrases = sorted((str(p) for p in words.data.get("found_on") or ()), key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE) if body else None


def says_where(text: str | None, words: CallerWords) -> bool | None:
    """Whether the text tells the caller where to find what it asks for ("You'll find it on your
    bill"); None when the language has no such words (`caller: found_on`)."""
    pattern = _where(words)
    return None if pattern is None else bool(text and pattern.search(text))
