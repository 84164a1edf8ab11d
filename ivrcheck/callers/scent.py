"""Information scent: how strongly an option's words promise what a caller came for.

The tree test (tasks.py) asks one question of the language: given a caller's words and an
option's label, how likely is the caller to take it? That question is the `Scent` protocol.
The default reads both through the meaning model of the labels (`LabelWords.units`: words,
known phrases and compound parts, each with its lexicon groups) and scores how well each
thing the label names is met by the caller's words:

- the same word (one dictionary form) 1.0;
- the same lexicon group (a synonym or paraphrase) 0.8;
- the label names the broader task the caller's need is a case of ("Billing" for "a copy
  of my bill") 0.75: callers follow a signpost to where their task belongs;
- one a part of the other's compound 0.7; a near spelling, or one word of a phrase the
  caller says met on its own ("internet" of "my internet is down"), 0.6;
- the label names a narrower task of the same kind, or the same topic, 0.45: worth a look,
  no more. A label that names, where the caller names a thing, another thing of its topic
  ("renew my car" for "I renewed my license") tempts no more than that, whatever else it
  shares: it is about the thing next to the caller's.

A person word that opens the caller's story ("Someone hit my car") is who did something, not
a request for a person, and is left out unless the caller also asks for one ("Someone to
talk to").

A caller takes the option that names their task, so the best single match counts most
(70 %); the rest (30 %) is the matched total over the geometric mean of both sizes (a
cosine), so that of two labels naming the task, the one without unrelated words wins, and a
long label that happens to share one word stays below a short one that names the task.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Protocol

from ivrcheck.language import Language
from ivrcheck.language.labels import LabelWords, Unit
from ivrcheck.language.lexicon import Lexicon
from ivrcheck.language.sounds import spelled_alike
from ivrcheck.model import Option

SAME, SYNONYM, BROADER, PART, SPELLING, KIN = 1.0, 0.8, 0.75, 0.7, 0.6, 0.45
#: One word of a phrase the caller says, met on its own: no more than a near spelling.
PHRASE_WORD = SPELLING
#: How much of the scent is the best single match (the rest is the share of words matched).
BEST_SHARE = 0.7
#: rapidfuzz ratio (0-100) above which two words count as one word misspelt or misheard.
SPELLING_RATIO = 85


class Scent(Protocol):
    """Scent of `label` for a caller who wants `words`: 0 (no reason to pick it) to 1 (names it exactly)."""

    def __call__(self, words: str, label: str, language: Language) -> float: ...


def unit_scent(words: str, label: str, language: Language) -> float:
    """The default scent (see the module docstring)."""
    reading = language.label_words
    said, offered = _requested(reading, reading.units(words)), reading.units(label)
    if not said or not offered:
        return 0.0
    matches = [max(_best(reading, b, said), _in_phrases(reading, b, said)) for b in offered]
    cosine = min(1.0, sum(matches) / math.sqrt(len(said) * len(offered)))
    value = BEST_SHARE * max(matches) + (1 - BEST_SHARE) * cosine
    return round(min(value, KIN) if _names_a_sibling(reading, said, offered, matches) else value, 3)


def _names_a_sibling(reading: LabelWords, said: tuple[Unit, ...], offered: tuple[Unit, ...],
                     matches: list[float]) -> bool:
    """Whether the label names, where the caller names a thing, another thing of its kind: another group
    of the same topic, neither a case of the other ("renew my car" for "I renewed my license": a car
    and a licence are both vehicle matters). Neither is met by anything else the other side says,
    so the label is about the thing next to the caller's, and tempts no more than its topic does."""
    lexicon = reading.lexicon
    for b, met in zip(offered, matches):
        if met > KIN:
            continue
        for a in said:
            if _siblings(lexicon, a, b) and max(_match(reading, a, other) for other in offered) <= KIN:
                return True
    return False


def _siblings(lexicon: Lexicon, a: Unit, b: Unit) -> bool:
    """Two things in other groups of one topic, neither a case of the other (a car and a licence)."""
    x, y = a.concepts, b.concepts
    return bool(x and y and not x & y and lexicon.topics(x) & lexicon.topics(y)) \
        and not lexicon.broader(x) & y and not lexicon.broader(y) & x


def _requested(reading: LabelWords, said: tuple[Unit, ...]) -> tuple[Unit, ...]:
    """The caller's words without the person who opens their story: "Someone hit my car" tells what
    happened and asks for no one, while "Someone to talk to" and "Speak to someone" ask."""
    person = reading.lexicon.functions.get("person", frozenset())
    first, rest = said[0] if said else None, said[1:]
    if first is not None and rest and first.concepts and first.concepts <= person \
            and not any(u.concepts & person for u in rest):
        return rest
    return said


def coverage(words: str, phrases: list[str], language: Language) -> float:
    """Share of what the caller says that an option's words meet, its label, `say:` phrases and
    prompt words taken together (0-1): of two options whose best phrases tempt alike, a caller
    takes the one that speaks to more of their errand ("ready" and "prescription", not only
    "prescription")."""
    reading = language.label_words
    said = _requested(reading, reading.units(words))
    heard = tuple(phrases)
    if not said or not _offered(reading, heard):
        return 0.0
    return round(sum(_meets(reading, a, heard) for a in said) / len(said), 3)


@lru_cache(maxsize=1 << 10)
def _offered(reading: LabelWords, phrases: tuple[str, ...]) -> tuple[Unit, ...]:
    """Every unit of an option's phrases, in order. The option's caches below are keyed by the phrases,
    whose strings keep their hash, not by these units, each of which a key would hash again per call."""
    return tuple(u for phrase in phrases for u in reading.units(phrase))


@lru_cache(maxsize=1 << 10)
def _meets(reading: LabelWords, wanted: Unit, phrases: tuple[str, ...]) -> float:
    """How well an option's words meet one thing the caller says; where they meet it only by naming
    another thing of its kind (a car for a licence), not at all: that is the thing next to theirs.

    Cached, as `_best_of_option` is: every task asks it of the same options."""
    offered = _offered(reading, phrases)
    value = _best(reading, wanted, offered)
    if value <= KIN and any(_siblings(reading.lexicon, wanted, b) for b in offered):
        return 0.0
    return value


def excludes(words: str, phrases: list[str], language: Language) -> bool:
    """Whether an option names only a task that excludes the caller's (the lexicon's `contrasts`): a
    caller who wants to book is not tempted by "Cancelling a booked time". One of its phrases (label,
    `say:`, prompt clause) says so, since they all name the one option, when everything it names
    either excludes the caller's task or is what the caller said; "Change or cancel an appointment"
    also offers a change, and tempts a caller who books. A task the caller names only by a word the
    option says too ("I can't make my appointment" for "Cancel an appointment") excludes nothing: the
    word names the thing, and the option may well be the caller's own."""
    reading = language.label_words
    said = reading.units(words)
    for phrase in phrases:
        heard, named = _heard_and_named(reading, phrase)
        if not named:
            continue  # nothing named, nothing against the caller's task
        mine = frozenset(c for u in said if all(w.keys.isdisjoint(heard) for w in (u.words or (u,)))
                         for c in u.concepts)
        against = [c for c in named if not c & mine and reading.lexicon.contrast(mine - c, c - mine)]
        if against and all(c & mine or c in against for c in named):
            return True
    return False


@lru_cache(maxsize=1 << 10)
def _heard_and_named(reading: LabelWords, phrase: str) -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """An option phrase's words (every key, a phrase's own words too) and the groups of what it names:
    read once per phrase, not once per task that weighs the option."""
    units = reading.units(phrase)
    heard = frozenset(k for u in units for w in (u.words or (u,)) for k in w.keys)
    return heard, tuple(u.concepts for u in units if u.concepts)


def telling(words: str, offers: list[list[str]], language: Language) -> str:
    """The caller's words that tell a menu's options apart: without a word that two or more options
    meet by the same word or a synonym ("gas" on a gas network's menu, "train" on a rail line's), which
    points at none of them. All the words when every one of them is shared."""
    reading = language.label_words
    said = _requested(reading, reading.units(words))
    heard = [key for phrases in offers if _offered(reading, key := tuple(phrases))]
    shared = {i for i, unit in enumerate(said)
              if sum(1 for key in heard if _best_of_option(reading, unit, key) >= SYNONYM) > 1}
    if not shared or len(shared) == len(said):
        return words
    return " ".join(unit.text for i, unit in enumerate(said) if i not in shared)


def _best(reading: LabelWords, wanted: Unit, said: tuple[Unit, ...]) -> float:
    """How well the caller's words meet one thing the label names; a phrase may be met word by word."""
    whole = max(_match(reading, a, wanted) for a in said)
    if wanted.words and whole < SYNONYM:
        parts = [max(_match(reading, a, w) for a in said) for w in wanted.words]
        whole = max(whole, sum(parts) / len(parts))
    return whole


@lru_cache(maxsize=1 << 10)
def _best_of_option(reading: LabelWords, wanted: Unit, phrases: tuple[str, ...]) -> float:
    """`_best` of one thing a caller says against all an option's words: cached, since every task
    of a line asks it of the same options (8,700 tasks saying much the same, 200,000 times). What
    many tasks ask stays; a word one task alone says falls out (16,384 entries held 15 MiB of them)."""
    return _best(reading, wanted, _offered(reading, phrases))


def _in_phrases(reading: LabelWords, wanted: Unit, said: tuple[Unit, ...]) -> float:
    """A phrase the caller says ("internet down") met by one of its words ("Internet problems"): no
    more than a part of it, so the label naming the whole phrase ("lost card") still wins."""
    words = tuple(w for a in said for w in a.words)
    return min(PHRASE_WORD, _best(reading, wanted, words)) if words else 0.0


@lru_cache(maxsize=1 << 16)
def _match(reading: LabelWords, a: Unit, b: Unit) -> float:
    """How one thing the caller says meets one an option names (the module docstring's scale).

    Cached: a line's tasks say much the same words to the same options (2,000 tasks asked it
    372,000 times, 2.6 s CPU)."""
    if a.keys & b.keys:
        return SAME
    if a.concepts & b.concepts:
        return SYNONYM
    lexicon = reading.lexicon
    if lexicon.broader(a.concepts) & b.concepts:
        return BROADER
    if set(a.parts) & b.keys or set(b.parts) & a.keys or _compound_of(a.key, b.key):
        return PART
    if min(len(a.key), len(b.key)) >= 4 and spelled_alike(a.key, b.key, SPELLING_RATIO):
        return SPELLING
    if lexicon.broader(b.concepts) & a.concepts or lexicon.topics(a.concepts) & lexicon.topics(b.concepts):
        return KIN
    return 0.0


def _compound_of(a: str, b: str) -> bool:
    """One word ends (or starts) with the other, as a compound with its head ("sähkösopimus", "sopimus"),
    when no analyser split it."""
    if " " in a or " " in b:  # a known phrase is one thing, not a compound
        return False
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and len(long_) - len(short) >= 3 and (long_.endswith(short) or long_.startswith(short))


def option_phrases(option: Option, prompt: str | None, language: Language) -> list[str]:
    """What a caller hears or may say for an option: its label, its `say:` phrases, the prompt's words for it.

    The prompt's words are the function it names for the key, without the "press 1" that offers
    it; where that function follows the key ("press 1 and we'll talk about options"), also the
    words before the key in its sentence that no other offer took ("If you're finding it hard to
    pay your bill, press 1 and ..."): a caller hears the whole sentence as the offer of key 1."""
    phrases = [p for p in (option.label, *option.say) if p]
    if prompt is None:
        return phrases
    offers = language.offers(prompt)
    for i, offer in enumerate(offers):
        if offer.key != option.key:
            continue
        phrases.append(offer.function(prompt))
        if offer.key_first:
            before = offers[i - 1].ready if i else 0
            lead = _SENTENCE.split(prompt[before: offer.match.start()])[-1].strip(" ,;:-")
            if lead and language.label_words.units(lead):
                phrases.append(lead)
    return [p for p in phrases if p]


#: Where a sentence ends inside a prompt (the lead of an offer starts after it).
_SENTENCE = re.compile(r"[.!?]+(?:\s+|$)")


#: The scent the tree test uses unless it is given another.
DEFAULT_SCENT: Scent = unit_scent
