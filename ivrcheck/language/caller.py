"""What a caller needs to hear, read in one language: when, what was done, and which language it is.

The `caller:` section of each language file (docs/languages.md) holds the words; this
module compiles them once. Rules H205, H209, L305, L306 and P407 read prompts through it.
"""

from __future__ import annotations

import re
from dataclasses import field
from functools import cached_property
from typing import Any, Iterable, Mapping

from ivrcheck.records import record

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


def _phrases(items: Iterable[str], *, prefix: bool = False) -> str:
    """A regex alternation of phrases, spaces matching any run of blanks; `prefix` lets words go on."""
    parts = sorted((str(i) for i in items), key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in parts)
    return rf"\b(?:{body})" + ("" if prefix else r"\b") if parts else r"(?!x)x"


@record(eq=False)
class CallerWords:
    """One language's phrases for time promises, changes, recaps and written confirmations.

    Only `markers` is read to tell a text's language, which loads every language; the
    patterns are compiled when a rule first reads a prompt through them.
    """

    name: str
    option_example: str
    promise_example: str
    recap_example: str
    markers: frozenset[str]
    #: The `caller:` section of the language file.
    data: Mapping[str, Any] = field(repr=False)

    @classmethod
    def from_data(cls, data: Mapping[str, Any], keys: Mapping[str, Any]) -> CallerWords:
        # The language's spoken numerals ("tryck ett", "paina yksi") mark it as well as its small words.
        numerals = {w.lower() for spoken in keys.values() for w in spoken if len(w) > 2}
        return cls(
            name=data["name"], option_example=data["option_example"],
            promise_example=data["promise_example"], recap_example=data["recap_example"],
            markers=frozenset(w.lower() for w in data["markers"]) | numerals, data=data,
        )

    @cached_property
    def when(self) -> tuple[re.Pattern[str], ...]:
        when = self.data["when"]
        numbers = r"\d+|" + _phrases(when["numbers"])[2:]  # drop the leading \b: digits need none
        units = _phrases(when["units"], prefix=True)
        patterns = [re.compile(p.replace("{number}", f"(?:{numbers})").replace("{unit}", units + r"\w*"), re.IGNORECASE)
                    for p in when["patterns"]]
        patterns.append(re.compile(_phrases(when["words"]), re.IGNORECASE))
        return tuple(patterns)

    @cached_property
    def changes(self) -> re.Pattern[str]:
        return re.compile(_phrases(self.data["changes"], prefix=True), re.IGNORECASE)

    @cached_property
    def recap(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in self.data["recap"])

    @cached_property
    def confirm(self) -> re.Pattern[str]:
        return re.compile(_phrases(self.data["written"]["confirm"], prefix=True), re.IGNORECASE)

    @cached_property
    def channel(self) -> re.Pattern[str]:
        return re.compile(_phrases(self.data["written"]["channel"], prefix=True), re.IGNORECASE)

    @cached_property
    def digit_counts(self) -> tuple[dict[str, int], tuple[re.Pattern[str], ...]]:
        counts = {str(w).lower(): int(n) for w, n in self.data.get("digits", {}).get("counts", {}).items()}
        words = "|".join(re.escape(w) for w in sorted(counts, key=len, reverse=True))
        count = rf"(?<![\w.,])(?P<count>\d{{1,2}}" + (f"|{words}" if words else "") + ")"
        patterns = tuple(re.compile(p.replace("{count}", count), re.IGNORECASE)
                         for p in self.data.get("digits", {}).get("patterns", ()))
        return counts, patterns

    def asks_digits(self, text: str | None) -> dict[int, str]:
        """The digit counts a prompt asks for, each with the words that say it: {12: "tolv siffror"}.
        Empty for a language without the `digits` patterns."""
        counts, patterns = self.digit_counts
        found: dict[int, str] = {}
        for pattern in patterns:
            for m in pattern.finditer(text or ""):
                said = m.group("count").lower()
                found.setdefault(int(said) if said.isdigit() else counts[said], m.group().strip())
        return found

    def numbers_beside_digits(self, text: str | None) -> list[int]:
        """Every number said in a sentence that asks for digits, in order: [3, 4] for "your three
        or four digit flight number", [6, 3] for "your birth date in six digits, then the three at
        the end". A number asked in parts or within a range is told by these, not by one phrase."""
        counts, patterns = self.digit_counts
        if not patterns:
            return []
        said = self._number_said
        found: list[int] = []
        for sentence in _SENTENCE.findall(text or ""):
            if any(p.search(sentence) for p in patterns):
                found.extend(int(w) if w.isdigit() else counts[w.lower()]
                             for w in (m.group("count") for m in said.finditer(sentence)))
        return found

    def count_is_a_part(self, text: str | None) -> bool:
        """Whether a sentence asks for digits with one count only, joined to another part of the number
        just before it: "your date of birth and the three digits after it". The whole number is then not
        said, so the count cannot be held against the digits collected."""
        counts, patterns = self.digit_counts
        parts = self.data.get("digits", {}).get("parts", ())
        if not patterns or not parts:
            return False
        joined = re.compile(_phrases(parts) + r"\s+(?:[^\W\d_]+\s+){0,2}$", re.IGNORECASE)
        for sentence in _SENTENCE.findall(text or ""):
            if len(self._number_said.findall(sentence)) != 1:
                continue
            asked = next((m for p in patterns for m in p.finditer(sentence)), None)
            if asked is not None and joined.search(sentence[:asked.start()]):
                return True
        return False

    @cached_property
    def _number_said(self) -> re.Pattern[str]:
        counts, _ = self.digit_counts
        words = "|".join(re.escape(w) for w in sorted(counts, key=len, reverse=True))
        return re.compile(rf"(?<![\w.,])(?P<count>\d{{1,2}}" + (f"|{words}" if words else "") + r")(?![\d.,]\d)",
                          re.IGNORECASE)

    def says_when(self, text: str | None) -> str | None:
        """The words that tell a caller when to expect an answer ("within 2 hours"), or None. The times
        of a sentence that gives the opening hours ("we're open Monday to Friday, 8 am to 6 pm") are not
        a promise: they say when the line is open, not when this caller hears back."""
        if not text:
            return None
        for sentence in _SENTENCE.findall(text):
            if self._gives_hours(sentence):
                continue
            found = [m for p in self.when for m in p.finditer(sentence)]
            if found:
                return min(found, key=lambda m: m.start()).group()
        return None

    def mentions_time(self, text: str | None) -> str | None:
        """The first word that speaks of time in a sentence that does not give the opening hours: a
        digit, a unit ("hours", "arbetsdag"), a day or a part of one ("Monday", "huomenna"). None
        when there is none: then a text that `says_when` nothing surely names no time; with one, the
        reader may only have missed how it was said ("before we close today", "under förmiddagen").
        Only a sentence that gives the hours in figures ("open weekdays 8–16") is surely the hours:
        "within the hour when we're open, else the next weekday morning" may be a promise."""
        for sentence in _SENTENCE.findall(text or ""):
            if not (self._gives_hours(sentence) and any(c.isdigit() for c in sentence)):
                found = self._time_word.search(sentence)
                if found:
                    return found.group()
        return None

    @cached_property
    def _time_word(self) -> re.Pattern[str]:
        when = self.data["when"]
        days = (when.get("hours") or {}).get("days", ())
        words = _phrases([*when["words"], *days, *when.get("time_words", ())], prefix=True)
        # A unit with a short ending only ("tunnin", "hours"): "tunnistaudu" (identify yourself) is no hour.
        units = _phrases(when["units"], prefix=True) + r"\w{0,5}\b"
        return re.compile(rf"\d[\d.:–-]*|{units}|(?:{words})\w*", re.IGNORECASE)

    @cached_property
    def _hours(self) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
        hours = self.data["when"].get("hours")
        if not hours:
            return None
        return (re.compile(_phrases(hours["open"], prefix=True), re.IGNORECASE),
                re.compile(_phrases(hours["days"], prefix=True), re.IGNORECASE))

    def _gives_hours(self, sentence: str) -> bool:
        """Whether a sentence gives the opening hours: a word for being open and one for the days."""
        return self._hours is not None and all(p.search(sentence) for p in self._hours)

    def names_a_change(self, label: str | None) -> bool:
        """Whether a label names a task that changes something: "Pay a bill", "Muuttoilmoitus"."""
        return bool(label) and self.changes.search(label) is not None  # type: ignore[arg-type]

    def recaps(self, text: str | None) -> bool:
        """Whether the text tells the caller what was done: "Your payment has been made"."""
        return bool(text) and any(p.search(text) for p in self.recap)  # type: ignore[arg-type]

    def sends_elsewhere(self, text: str | None) -> str | None:
        """The sentence that sends callers to a channel open around the clock ("Delays are always
        shown in the app"), or None. A language file without the words reads none."""
        if self._elsewhere is None:
            return None
        always, channel = self._elsewhere
        for sentence in _SENTENCE.findall(text or ""):
            if always.search(sentence) and channel.search(sentence):
                return sentence.strip()
        return None

    @cached_property
    def _elsewhere(self) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
        words = self.data.get("elsewhere")
        if not words:
            return None
        return (re.compile(_phrases(words["always"]), re.IGNORECASE),
                re.compile(_phrases(words["channel"], prefix=True), re.IGNORECASE))

    def promises_writing(self, text: str | None) -> str | None:
        """The sentence that promises a written confirmation ("by text message"), or None."""
        for sentence in _SENTENCE.findall(text or ""):
            if self.confirm.search(sentence) and self.channel.search(sentence):
                return sentence.strip()
        return None

    def names_channel(self, text: str | None) -> str | None:
        """The sentence that names a written channel ("you get a text message once it is logged"), or None."""
        return next((s.strip() for s in _SENTENCE.findall(text or "") if self.channel.search(s)), None)

    def markers_in(self, words: Iterable[str]) -> int:
        """How many of the words (`marked_words` of a text) mark this language."""
        markers = self.markers
        return sum(1 for w in words if w in markers)


def marked_words(text: str) -> list[str]:
    """The words of a text as `markers` holds them (lower case), for `CallerWords.markers_in`."""
    return _WORD.findall(text.lower())
