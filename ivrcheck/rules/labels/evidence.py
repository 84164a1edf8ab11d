"""Whether L301's "same task" rests on words the labels share or only on the meaning model's guess,
and which task two list labels both name."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ivrcheck.language.meaning import CONTAINS, Verdict
from ivrcheck.rules.base import quote

if TYPE_CHECKING:
    from ivrcheck.language import Language


def guessed(verdict: Verdict) -> str | None:
    """Why a verdict is only the meaning model's guess, not words the labels share: it rests on a
    paraphrase of phrases with no word in common ("Make a payment" ~ "A charge on your bill";
    "registration" ~ "apply or enroll"), on the covered label being a compound of the other's word
    ("Förbeställa" under "Beställa taxi nu": its first part makes it a task of its own; "Sopimukset"
    under "Sähkösopimukset" is no guess), or the words
    that sound alike are two forms of one word ("anmäla", "anmäld"), which nobody mishears. One
    word against one word ("Bookings", "Reservations") and phrases sharing a word ("Change your
    booking", "Amend your booking") are no guess."""
    for a, b, how in verdict.pairs:
        compound = (a, b)[len(b) > len(a)]
        # With Voikko the pair names the other label's compound part by its base form ("sopimukset",
        # "sopimus"): a covered word that begins as that part does is the bare head, with no first part.
        covered, part = (a, b)[verdict.inner], (a, b)[1 - verdict.inner]
        if how == "compound part" and verdict.kind == CONTAINS and compound == covered \
                and not covered.lower().startswith(part.lower()[:STEM]):
            return f"; but the first part of {quote(compound)} makes it a task of its own"
        if how.endswith("synonyms") and (" " in a or " " in b) and not _share_a_word(a, b):
            return f"; but only if {quote(a)} and {quote(b)} are read as one task, with no word in common"
    if verdict.sound_alike and _forms_of_one_word(*verdict.sound_alike):
        return f"; but {quote(verdict.sound_alike[0])} and {quote(verdict.sound_alike[1])} are forms of one word"
    return None


#: Two spellings that agree on all but their last this many letters, on a stem of at least STEM letters,
#: are forms of one word ("anmäla", "anmäld"; "varaus", "varauksen" is left to the lexicon).
ENDING, STEM = 2, 5


def _forms_of_one_word(one: str, other: str) -> bool:
    one, other = one.lower(), other.lower()
    common = len(_prefix(one, other))
    return common >= STEM and max(len(one), len(other)) - common <= ENDING


def _prefix(one: str, other: str) -> str:
    return one[:next((i for i, (x, y) in enumerate(zip(one, other)) if x != y), min(len(one), len(other)))]


def _share_a_word(one: str, other: str) -> bool:
    """Whether two phrases share a word, or a word of one ends the other's ("toimeentulotuki" in
    "perustoimeentulotuki"): a compound's head names what it is."""
    mine, theirs = one.lower().split(), other.lower().split()
    return any(x == y or (min(len(x), len(y)) >= STEM and (x.endswith(y) or y.endswith(x)))
               for x in mine for y in theirs)


def both_people(function: str | None) -> str | None:
    """Two ways to a person ("Kundtjänst" and "Växeln" on 0): whichever a caller takes, someone
    answers who can pass the call on."""
    return "; but both reach a person, who can pass the call on" if function == "person" else None


def shared_item(language: Language, one: str, other: str) -> str | None:
    """The task two list labels both name: an item of each, the same word, or a compound and its bare
    head ("verkkomaksut", "maksut"); not two compounds that only share a head ("autovakuutus",
    "kotivakuutus")."""
    mine, theirs = _items(language, one), _items(language, other)
    if len(mine) < 2 or len(theirs) < 2:
        return None
    for text, keys, head in mine:
        for other_text, other_keys, other_head in theirs:
            if keys & other_keys or (head and not other_head and head & other_keys) \
                    or (other_head and not head and other_head & keys):
                return quote(text) if keys & other_keys else f"{quote(text)}, a kind of {quote(other_text)}"
    return None


def _items(language: Language, label: str) -> list[tuple[str, frozenset[str], frozenset[str]]]:
    parts = _splitter(tuple(language.label_words.data.get("joiners", ()))).split(label.strip())
    if len(parts) < 2:
        return []
    found = []
    for item in parts:
        units = [u for u in language.label_words.units(item) if u.concepts or u.keys]
        if not units or language.label_words.is_vague(item):
            continue
        if len(units) > 1:
            found.append((item, frozenset({" ".join(sorted(k for u in units for k in u.keys))}), frozenset()))
        else:
            unit = units[0]
            found.append((item, frozenset(unit.keys), frozenset(unit.parts[-1:]) if unit.parts else frozenset()))
    return found


@lru_cache(maxsize=16)
def _splitter(joiners: tuple[str, ...]) -> re.Pattern[str]:
    """What separates a list's items: a comma, semicolon or slash, or one of the language's joiners."""
    return re.compile(r"\s*[,;/]\s*" + (rf"|\s+(?:{'|'.join(map(re.escape, joiners))})\s+" if any(joiners) else ""))
