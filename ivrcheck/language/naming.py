"""Keys a prompt names in ways the offer reader does not know, and number words that may be counts.

The offer reader (prompts.py) knows the verbs that offer a key. Designers also name keys without
them ("Appointments are option two", "1 for cards") and use numerals that count things ("choose
one option"). Rules that would be sure of what the reader missed, or of what it over-read, ask
here first and inform instead of warning.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from ivrcheck.language.prompts import DTMF, Offer, PromptWords, _alternation

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_BLANKS = re.compile(r"\s*")
#: The end of a range or of a number said apart ("open 8 to 6.", "0800 123 4."): no key.
_AFTER_NUMBER = re.compile(r"\d[.:]?\s*(?:[^\W\d]+\s+)?$")


@lru_cache(maxsize=16)
def numerals(words: PromptWords) -> frozenset[str]:
    """The plain numerals ("one", "yksi", "ett", "uno"): the first word listed for each digit key,
    the one form that also counts things ("one option"), unlike "ykköstä" or "ettan"."""
    return frozenset(str(spoken[0]).lower() for key, spoken in words.data["keys"].items()
                     if str(key).isdigit() and spoken)


@lru_cache(maxsize=16)
def naming(words: PromptWords) -> re.Pattern[str]:
    """A key said where it names a choice without a verb the reader knows: after a word such as
    "option" ("Appointments are option two"), before a clause mark ("it's three."), or before a
    word opening a function ("1 for cards", "2 för skola")."""
    data = words.data
    before = [w for w in data["between"] if len(w) > 3]  # "option", "tecla": not "the", "på", "el"
    opening = [*data.get("openers", ()), *data.get("linkers", ())]
    keys = rf"{_alternation([w for w in words.word_to_key if w not in DTMF])}|[0-9]|\*|#"
    led = rf"\b(?:{_alternation(before)})\s+(?P<led>{keys})(?![\w-])|" if before else ""
    # "1 for cards", but not "8 to 6" or "2 to 3 days": a range, not a key and its function
    follow = rf"|\s+(?:{_alternation(opening)})\b(?!\s+\S*\d)" if opening else ""
    return re.compile(
        rf"{led}(?<![\w.,:/-])(?P<key>{keys})(?![\w-])(?![.,:]\d)(?=\s*(?:[,.;:!?)]|$){follow})",
        re.IGNORECASE)


@lru_cache(maxsize=1 << 12)
def named(words: PromptWords, prompt: str) -> frozenset[str]:
    """The keys a prompt names as a choice in a way the offer reader does not read ("Appointments
    are option two"): the reading is unsure there, so a rule that would say a key is never offered
    should not be sure of it either."""
    found = set()
    for match in naming(words).finditer(prompt):
        said = match.group("led") if "led" in match.re.groupindex and match.group("led") else match.group("key")
        if said and not _AFTER_NUMBER.search(prompt, max(0, match.start() - 16), match.start()):
            found.add(words.word_to_key[said.lower()])
    return frozenset(found)


def maybe_quantity(words: PromptWords, prompt: str, offer: Offer) -> bool:
    """Whether an offer's key is a plain numeral that a plain word follows, so that it may count
    something rather than name a key: "choose one option", "Välj ett alternativ", "Ange ett
    nummer", "Valitse yksi vaihtoehto" (not "press one for billing", "tryck ett, om ...")."""
    said = offer.match.groupdict().get("key") or offer.match.group()  # a continued key is its match
    if said.lower() not in numerals(words):
        return False
    start = _BLANKS.match(prompt, offer.match.end()).end()  # type: ignore[union-attr]
    after = _WORD.match(prompt, start)
    if after is None:
        return False  # a mark or the end follows: "Press one."
    data = words.data
    known = {*words.openers, *words.linkers, *words.filler, *words.alternatives, *data.get("then", ()),
             *data.get("after", ())}
    return after.group().lower() not in known


def in_a_name(prompt: str, offer: Offer, names: Iterable[str | None]) -> bool:
    """Whether the offer's words lie inside an option's own name as the prompt says it ("Pick 3
    and Pick 4, press 3", where the games are called so): the number is part of a name, not a key."""
    low, start, end = prompt.lower(), offer.match.start(), offer.match.end()
    for name in names:
        name = (name or "").strip().lower()
        if len(name) <= end - start:
            continue  # a name no longer than the offer itself is the offer ("Press 1")
        at = low.find(name, max(0, end - len(name)))
        while 0 <= at <= start:
            if at + len(name) >= end:
                return True
            at = low.find(name, at + 1)
    return False


@lru_cache(maxsize=16)
def _next_key(words: PromptWords) -> re.Pattern[str]:
    """A further key said right after an offer with a word for "then" ("press 1, then 2")."""
    then = _alternation([*words.data.get("then", ()), *words.filler & {"then", "sitten", "sedan", "luego"}])
    verbs = _alternation(words.data.get("press", ()))
    keys = rf"{_alternation([w for w in words.word_to_key if w not in DTMF])}|[0-9]|\*|#"
    return re.compile(rf"[\s,]*(?:(?:{then})\s+)+(?:(?:{verbs})\s+)?(?:{keys})(?![\w-])", re.IGNORECASE)


def leads_on(words: PromptWords, prompt: str, offer: Offer) -> bool:
    """Whether the offer's key is followed by another ("call back and press 1, then 2"): the prompt
    tells a way through several menus, which may be heard on a later call or in the next menu, so
    the first key need not belong to this one."""
    if not words.data.get("then"):
        return False
    return _next_key(words).match(prompt, offer.match.end()) is not None
