"""Whether L301's "same task" rests on words the labels share or only on the meaning model's guess."""

from __future__ import annotations

from ivrcheck.language.meaning import CONTAINS, Verdict
from ivrcheck.rules.base import quote


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
        if how == "compound part" and verdict.kind == CONTAINS and compound == (a, b)[verdict.inner]:
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
