"""What two phrases mean to a caller: the same task, one containing the other, related, or distinct.

This is the one meaning model of ivrcheck. L301 (labels a caller could confuse), L303
(one label, different places), P406 (the prompt announces another function than the
label) and caller-task predictions all ask it. Two phrases are read into units (words,
known phrases, compound parts: labels.py) and paired, most certain first:

1. the same word: one dictionary form or stem ("Billing" ~ "billing", "laskut" ~ "laskun");
2. synonyms: one lexicon group ("Faults" ~ "Breakdowns", "irtisanominen" ~ "päättäminen"),
   never through a mere compound modifier ("Henkilö|asiakkaat" is not a person);
3. beyond the lexicon (beyond.py): WordNet synonyms and hypernyms for English, roots for Finnish;
4. for words no analyser knows, compounds by spelling ("sopimukset" in "sähkösopimukset").

What is left decides: nothing on either side is the same task, nothing on one side means
the other label covers it, words left on both sides are related (they share a word or a
topic) or distinct. Independently, the words where two labels differ can sound alike (sounds.py).
Every verdict carries the words that decided it, so a message can explain itself.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Union

from ivrcheck.language.labels import MIN_PART, LabelWords, Unit, same_stem
from ivrcheck.language.beyond import Matcher, matchers
from ivrcheck.language.sounds import sound_alike
from ivrcheck.records import record

if TYPE_CHECKING:
    from ivrcheck.language import Language

SAME = "same task"
CONTAINS = "contains"
RELATED = "related"
DISTINCT = "distinct"
#: The similarity (rapidfuzz ratio, 0-100) at which differing words count as sounding alike.
SIMILARITY = 85.0


@record
class Verdict:
    """How two phrases relate, and the words that decide it (as written)."""

    kind: str  # SAME, CONTAINS, RELATED or DISTINCT
    #: Words paired across the phrases: (first's word, second's word, how: "same word", "synonyms", ...).
    pairs: tuple[tuple[str, str, str], ...] = ()
    #: Words only the first phrase has, and only the second.
    left: tuple[str, ...] = ()
    right: tuple[str, ...] = ()
    #: For CONTAINS: the phrase (0 the first, 1 the second) whose every word is in the other.
    inner: int = 0
    #: The differing words (or whole phrases) sound alike: (first's, second's), else ().
    sound_alike: tuple[str, str] | tuple[()] = ()

    @property
    def confusable(self) -> bool:
        """Whether a caller with one task could take either: the same task, one covering the other, or alike."""
        return self.kind in (SAME, CONTAINS) or bool(self.sound_alike)

    @property
    def synonyms(self) -> tuple[tuple[str, str], ...]:
        """The pairs that are different words with one meaning."""
        return tuple((a, b) for a, b, how in self.pairs if how.endswith("synonyms"))

    def explain(self, first: str, second: str) -> str:
        """Why a caller could, or could not, mix the two up, naming the words."""
        if self.kind == SAME:
            if self.synonyms:
                return f"{_pairs(self.synonyms)} mean the same to a caller"
            return f"both come down to {' and '.join(_q(a) for a, _, _ in self.pairs)}"
        if self.kind == CONTAINS:
            inner, outer = (first, second) if self.inner == 0 else (second, first)
            cases = tuple((a, b) for a, b, how in self.pairs if how in ("narrower", "broader"))
            also = f" ({_pairs(self.synonyms + cases)})" if self.synonyms or cases else ""
            return f"{_q(outer)} covers everything {_q(inner)} says{also}"
        if self.sound_alike:
            return f"{_q(self.sound_alike[0])} and {_q(self.sound_alike[1])} sound alike"
        if self.kind == RELATED:
            shared = f"share {_pairs(tuple((a, b) for a, b, _ in self.pairs))}, but " if self.pairs else ""
            return f"{shared}{_words(self.left)} and {_words(self.right)} name different tasks"
        return "no words in common"


Languageish = Union["Language", LabelWords, str]


def relate(first: str, second: str, language: Languageish = "en", similarity: float = SIMILARITY) -> Verdict:
    """How two phrases (labels, or a prompt's announced function and a label) relate in a language.

    `language` is a `Language`, its `LabelWords`, or a code ("en", "fi"). `similarity`
    (0-100, 100 turns it off) is how alike the differing words must be spelled to sound alike.
    """
    return _relate(first, second, _label_words(language), similarity)


@lru_cache(maxsize=1 << 12)
def _relate(first: str, second: str, words: LabelWords, similarity: float) -> Verdict:
    """relate() for one reading; cached, since prompts repeat the same offers menu after menu."""
    a, b = list(words.units(first)), list(words.units(second))
    if not a or not b:
        return Verdict(DISTINCT, left=tuple(u.text for u in a), right=tuple(u.text for u in b))
    first_units, second_units = tuple(a), tuple(b)
    pairs = _pair(words, a, b)
    # "Apply for a mortgage" and "Mortgage application status": a new case against an existing one.
    # Two forms of one word share their senses, even when the lexicon knows only one of them.
    mine, theirs = {c for u in first_units for c in u.concepts}, {c for u in second_units for c in u.concepts}
    for x, y, how in pairs:
        if how == "same word":
            shared = {c for u in (*first_units, *second_units) if u.text in (x, y) for c in u.concepts}
            mine |= shared
            theirs |= shared
    contrast = words.lexicon.contrast(mine - theirs, theirs - mine)
    kind = _kind(words, pairs, a, b)
    if contrast is not None and kind in (SAME, CONTAINS):
        left = tuple(u.text for u in words.units(first) if contrast[0] in u.concepts)
        right = tuple(u.text for u in words.units(second) if contrast[1] in u.concepts)
        return Verdict(RELATED, pairs, left, right)
    left, right = tuple(u.text for u in a), tuple(u.text for u in b)
    inner = 0 if not a else 1
    hows = {how for _, _, how in pairs}
    if kind == SAME and hows & {"narrower", "broader"}:
        kind, inner = CONTAINS, (0 if "narrower" in hows else 1)
    if kind in (SAME, CONTAINS):
        return Verdict(kind, pairs, left, right, inner)
    differing = (a, b) if pairs else (list(words.units(first)), list(words.units(second)))
    alike = sound_alike(*differing, similarity, words.code) if contrast is None else ()
    return Verdict(kind, pairs, left, right, sound_alike=alike)


def scent(words: str, label: str, language: Languageish = "en") -> float:
    """How strongly a caller's own words point at a label, from 0 (nothing in common) to 1.

    The share of the label's content a caller's words name: a label word paired with the
    same word or a synonym counts fully, a compound part or a word of the same topic half.
    "I lost my credit card" scores 1.0 for "Cards" and 0.5 for "Card payments".
    """
    reading = _label_words(language)
    said, wanted = list(reading.units(words)), list(reading.units(label))
    if not said or not wanted:
        return 0.0
    total = len(wanted)
    pairs = _pair(reading, said, wanted)
    score = sum(1.0 if how in ("same word", "synonyms") else 0.5 for _, _, how in pairs)
    topics = reading.lexicon.topics(c for u in said for c in u.concepts)
    score += sum(0.5 for u in wanted if reading.lexicon.topics(u.concepts) & topics)
    return round(min(1.0, score / total), 3)


def _label_words(language: Languageish) -> LabelWords:
    if isinstance(language, LabelWords):
        return language
    if isinstance(language, str):
        from ivrcheck.language import load_language

        return load_language(language).label_words
    return language.label_words


def _pair(words: LabelWords, a: list[Unit], b: list[Unit]) -> tuple[tuple[str, str, str], ...]:
    """Pair units of `a` and `b` (removing them), most certain match first."""
    pairs: list[tuple[str, str, str]] = []

    def run(how: str, same: Matcher, senses: bool = False) -> None:
        """Pair by `same`; a match by `senses` needs a unit with lexicon groups on both sides."""
        if not a or not b or senses and not (any(u.concepts for u in a) and any(u.concepts for u in b)):
            return
        for x in list(a):
            for y in b:
                if same(x, y):
                    a.remove(x)
                    b.remove(y)
                    pairs.append((x.text, y.text, how))
                    break

    # One label names a case of what the other names ("Overdrafts", "Borrowing"); a unit
    # without groups is no case of anything (and most label words have none).
    broader = words.lexicon.broader
    narrower: Matcher = lambda x, y: bool(x.concepts and y.concepts and broader(x.concepts) & y.concepts) \
        and _apart(x, y)
    wider: Matcher = lambda x, y: bool(x.concepts and y.concepts and broader(y.concepts) & x.concepts) \
        and _apart(x, y)
    run("same word", _same_word)
    run("synonyms", _synonyms, senses=True)
    run("narrower", narrower, senses=True)
    run("broader", wider, senses=True)
    # A phrase that matched nothing as a whole is compared word by word ("Order status" and
    # "Orders" share "order"), but its words lend it no senses of their own.
    for side in (a, b):
        side[:] = [w for u in side for w in (u.words or (u,))]
    run("same word", _same_word)
    pairs += _compound_parts(words, a, b)
    run("same word", _same_word)
    run("synonyms", _synonyms, senses=True)
    run("narrower", narrower, senses=True)
    run("broader", wider, senses=True)
    for how, matcher in matchers(words):
        run(how, matcher)
    if words.compounds:
        pairs += _compound_matches(words, a, b)
        # what is left of a compound may be another form of a word ("muutos|ilmoitus", "ilmoittaminen")
        for how, matcher in matchers(words):
            run(how, matcher)
    return tuple(pairs)


def _same_word(x: Unit, y: Unit) -> bool:
    """One dictionary form; or, where no analyser read one of them (an inflected form the lexicon
    lacks), stems that the stemmer left apart."""
    return not x.keys.isdisjoint(y.keys) or ((x.guessed or y.guessed) and same_stem(x.key, y.key))


def _synonyms(x: Unit, y: Unit) -> bool:
    if x.concepts.isdisjoint(y.concepts) or "modifier" in (x.role, y.role):
        return False
    return _apart(x, y)


def _apart(x: Unit, y: Unit) -> bool:
    """A phrase is more than its own words: "Pay your bill" is not "bill" by sense ("Understand your bill")."""
    return not any(w.keys & other.keys for one, other in ((x, y), (y, x)) for w in one.words)


def _compound_parts(words: LabelWords, a: list[Unit], b: list[Unit]) -> list[tuple[str, str, str]]:
    """Pair a word with the part of a compound it names, leaving the other parts.

    A word may be a compound's last part(s) by the same word or a synonym ("Laskutus" and
    "Sähkö|laskut"), or its first part(s) by the same word ("Kortit", "Kortti|maksut"). Two
    compounds pair on the same last parts ("yksityis|asiakkaat", "yritys|asiakkaat") or the
    same first parts; a part in another place is no match ("henkilö|asiakkaat",
    "asiakas|palvelija").
    """
    lookup = words.lexicon.lookup
    matched = []
    for first, second, flip in ((a, b, False), (b, a, True)):
        if not any(y.parts for y in second):
            continue  # only a compound has parts to name, and `second` gains units only by a match
        for x in list(first):
            for y in list(second):
                if x not in first or y not in second:
                    continue
                split = _split_match(x, y, lookup)
                if split is None:
                    continue
                named, rest_x, rest_y = split
                first.remove(x)
                second.remove(y)
                first.extend(rest_x)
                second.extend(rest_y)
                matched.append((named, x.text, "compound part") if flip else (x.text, named, "compound part"))
                break
    return matched


def _split_match(x: Unit, y: Unit, lookup: Callable[[str], frozenset[str]]
                 ) -> tuple[str, list[Unit], list[Unit]] | None:
    """How `x` names a part of compound `y`: the part, and what is left of each."""
    if not y.parts:
        return None
    cuts = range(1, len(y.parts))
    if x.parts:
        for cut in cuts:  # the longest shared last parts first
            tail = "".join(y.parts[cut:])
            for other in range(1, len(x.parts)):
                if "".join(x.parts[other:]) == tail:
                    return tail, [_part("".join(x.parts[:other]), "modifier", lookup)], \
                        [_part("".join(y.parts[:cut]), "modifier", lookup)]
        for cut in reversed(cuts):
            front = "".join(y.parts[:cut])
            for other in range(len(x.parts) - 1, 0, -1):
                if "".join(x.parts[:other]) == front:
                    return front, [_part("".join(x.parts[other:]), "head", lookup)], \
                        [_part("".join(y.parts[cut:]), "head", lookup)]
        return None
    for cut in cuts:
        tail = "".join(y.parts[cut:])
        if tail in x.keys or (x.role != "modifier" and x.concepts & lookup(tail)):
            return tail, [], [_part("".join(y.parts[:cut]), "modifier", lookup)]
    for cut in reversed(cuts):
        front = "".join(y.parts[:cut])
        if front in x.keys:
            return front, [], [_part("".join(y.parts[cut:]), "head", lookup)]
    return _spelled_front(x, y, lookup)


def _spelled_front(x: Unit, y: Unit, lookup: Callable[[str], frozenset[str]]
                   ) -> tuple[str, list[Unit], list[Unit]] | None:
    """A compound the lexicon knows whole, so never split ("yritys|asiakas"), that begins with the
    first part(s) of compound `y` ("yritys|nouto"): the two share that part, and their heads are
    compared on their own. Only for words no analyser read: Voikko gives a compound's parts."""
    if not x.guessed or x.role != "word":
        return None
    for cut in range(len(y.parts) - 1, 0, -1):
        front = "".join(y.parts[:cut])
        if x.key.startswith(front) and len(x.key) - len(front) >= MIN_PART:
            return front, [_part(x.key[len(front):], "head", lookup)], \
                [_part("".join(y.parts[cut:]), "head", lookup)]
    return None


def _part(text: str, role: str, lookup: Callable[[str], frozenset[str]]) -> Unit:
    """What is left of a compound: a modifier lends no sense, a head keeps its own."""
    return Unit(text, frozenset({text}), lookup(text) if role == "head" else frozenset(), role)


def _kind(words: LabelWords, pairs: tuple[tuple[str, str, str], ...], a: list[Unit], b: list[Unit]) -> str:
    if not a and not b:
        return SAME
    if not a or not b:
        return CONTAINS
    if pairs:
        return RELATED
    topics = words.lexicon.topics
    if topics(c for u in a for c in u.concepts) & topics(c for u in b for c in u.concepts):
        return RELATED
    return DISTINCT


def _compound_matches(words: LabelWords, a: list[Unit], b: list[Unit]) -> list[tuple[str, str, str]]:
    """Words no analyser knows: pair a word with a compound that contains it ("sopimukset" in "sähkösopimukset").

    The rest of the compound stays behind as a word of its own ("sähkö"), so that
    "Sähkösopimukset" and "Kaukolämpösopimukset" still differ.
    """
    matched = []
    for short, long_side in ((a, b), (b, a)):
        for x in [u for u in short if u.guessed and len(u.key) >= MIN_PART]:
            for y in [u for u in long_side if u.guessed]:
                # Stems of a compound and of its last part can differ ("asuntolain", "laina"),
                # while the written forms agree ("asuntolainat", "lainat"); a written first part keeps
                # its case ending whole ("lainan|lyhennys"); a word read several ways tries each.
                written = _rest(x.text, y.text) if " " not in x.text + y.text else None
                rest = written or next((r for k in sorted(x.keys) if (r := _rest(k, y.key))), None)
                if rest is None:
                    continue
                short.remove(x)
                long_side.remove(y)
                stem = words.stem(rest)
                if len(rest) >= 3 and stem not in words.vague and stem not in words.stop:
                    long_side.append(Unit(rest, frozenset({stem}), words.lexicon.lookup(stem), "modifier", True))
                matched.append((x.text, y.text, "compound part") if short is a else (y.text, x.text, "compound part"))
                break
    # Compounds on one last part ("yksityis|asiakkaat", "yritys|asiakkaat") share that part
    # and differ in their first parts, which alone decide whether they sound alike.
    for x in [u for u in a if u.guessed]:
        for y in [u for u in b if u.guessed]:
            common = len(os.path.commonprefix([x.key[::-1], y.key[::-1]]))
            if common >= 5 and min(len(x.key), len(y.key)) - common >= 3:
                a.remove(x)
                b.remove(y)
                a.append(Unit(x.key[:-common], frozenset({x.key[:-common]}), role="modifier", guessed=True))
                b.append(Unit(y.key[:-common], frozenset({y.key[:-common]}), role="modifier", guessed=True))
                matched.append((x.text, y.text, "compound part"))
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


def _q(text: str) -> str:
    return f'"{text}"'


def _pairs(pairs: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f"{_q(a)} ~ {_q(b)}" if a != b else _q(a) for a, b in pairs)


def _words(words: tuple[str, ...]) -> str:
    return " ".join(_q(w) for w in words) or "nothing"
