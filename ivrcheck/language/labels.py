"""Reading an option label as a caller would: its content words, their dictionary forms and lexicon groups.

A label becomes a tuple of `Unit`s: a word ("Billing"), a phrase the lexicon knows ("power
cut", "main menu"), or a part of a compound ("sähkö|sopimukset": a modifier and a head).
Stop words and vague words are dropped. How two labels' units compare is meaning.py's job.
"""

from __future__ import annotations

import re
from dataclasses import field, replace
from functools import cached_property, lru_cache, partial
from typing import Any, Callable, Mapping, Sequence

from ivrcheck.language import morph
from ivrcheck.language.index import stored as stored_index
from ivrcheck.language.lexicon import Lexicon, content_tokens, read_data, tokens
from ivrcheck.records import record

#: The shortest stem that counts as one part of a compound ("kortti|maksu").
MIN_PART = 4


@record(keep_hash=True)  # a cache key of the scent's matches, hashed millions of times
class Unit:
    """One thing a label names: a word, a known phrase or a compound part, with what it is compared by."""

    text: str
    #: Dictionary forms (or stems) it is the same as.
    keys: frozenset[str]
    #: Lexicon groups it belongs to (as a whole: a compound's parts lend it none).
    concepts: frozenset[str] = frozenset()
    #: "word"; "phrase" (several words the lexicon knows as one); "head" or "modifier" (a compound
    #: part); "negated" (a word after "not", "inte", "ei": its opposite).
    role: str = "word"
    #: Whether no analyser knew it, so a compound in it may only be guessed from spelling.
    guessed: bool = False
    #: A compound's parts in dictionary form, head last ("henkilö", "asiakas"); () for a simple word.
    parts: tuple[str, ...] = ()
    #: A phrase's own words, compared one by one when the phrase as a whole matches nothing.
    words: tuple[Unit, ...] = ()

    @property
    def key(self) -> str:
        return min(self.keys)


@record(eq=False)
class LabelWords:
    """One language's label reading: stop and vague words, the analyser, the lexicon.

    The word sets, the analyser and the lexicon are built on first use: finding a line's
    language reads every language file, but only the languages whose labels are compared
    need their lexicon (and Voikko).
    """

    code: str
    stemmer: str
    compounds: bool
    fixes: tuple[tuple[re.Pattern[str], str], ...]
    #: The `labels:` section of the language file, read into word sets on first use.
    data: Mapping[str, Any] = field(repr=False)
    #: Whether Voikko may read this language (decided when the words are loaded, as the environment was then).
    voikko: bool = False
    #: Gives the lexicon's data when the lexicon is first needed.
    lexicon_data: Callable[[], Mapping[str, Any]] = field(default=dict, repr=False)
    #: The user's own synonym groups, added to the lexicon.
    extra: tuple[tuple[str, ...], ...] = ()

    @classmethod
    def from_data(cls, data: Mapping[str, Any], code: str = "en",
                  lexicon: Mapping[str, Any] | Callable[[], Mapping[str, Any]] | None = None,
                  *, voikko: bool = True) -> LabelWords:
        """Build from a language file's `labels:` section and its lexicon data (or what reads it)."""
        fixes = tuple((re.compile(p), r) for p, r in (data.get("stem_fixes") or {}).items())
        source = lexicon if callable(lexicon) else partial(_given, lexicon or {})
        return cls(code, str(data["stemmer"]), bool(data.get("compounds")), fixes, data,
                   morph.may_use_voikko(code, voikko), source)

    @cached_property
    def stop(self) -> frozenset[str]:
        return self._stems("stop_words")

    @cached_property
    def vague(self) -> frozenset[str]:
        return self._stems("vague")

    @cached_property
    def rest(self) -> frozenset[str]:
        return self._stems("rest")

    def names_the_rest(self, text: str) -> bool:
        """Whether the text offers the rest of the options before it: "Muusta viasta", "Any other fault"."""
        return any(self.stem(t) in self.rest for t in tokens(text))

    @cached_property
    def negators(self) -> frozenset[str]:
        """Words that turn the next word into its opposite ("not urgent", "inte brådskande", "ei kiire")."""
        return frozenset(str(w).lower() for w in self.data.get("negators") or ())

    @cached_property
    def fillers(self) -> frozenset[str]:
        return self._stems("compound_fillers")

    @cached_property
    def analyser(self) -> morph.Analyser:
        also = tuple((re.compile(p), r) for p, r in (self.data.get("stem_also") or {}).items())
        return morph.best_analyser(self.stemmer, self.fixes, self.voikko, also)

    @cached_property
    def lexicon(self) -> Lexicon:
        data = self.lexicon_data()
        return Lexicon.build(data, self.term_keys, self.extra, stored_index(self, data))

    def _stems(self, name: str) -> frozenset[str]:
        return frozenset(self.stem(str(w)) for w in self.data.get(name) or ())

    def with_synonyms(self, groups: Sequence[Sequence[str]]) -> LabelWords:
        """The same reading with the user's own synonym groups added to the lexicon."""
        if not groups:
            return self
        return _with_synonyms(self, tuple(tuple(g) for g in groups))

    def stem(self, word: str) -> str:
        return _stem(self, word)

    def stems(self, label: str) -> list[str]:
        """Stems of every word that is not a stop word."""
        return [s for s in map(self.stem, tokens(label)) if s not in self.stop]

    def is_vague(self, label: str) -> bool:
        """Whether the label names no task: every word is a stop word or a vague one ("Other enquiries")."""
        stems = self.stems(label)
        return bool(stems) and all(s in self.vague for s in stems)

    def key(self, label: str) -> tuple[str, ...]:
        """The label's words without stop words, so "Speak to an advisor" and "Speak to advisor" are one label.

        Words are not stemmed: "Billing" and "Your bill" share a stem but are different labels.
        """
        found = [t for t in tokens(label) if self.stem(t) not in self.stop]
        return tuple(found) or (label.strip().lower(),)

    def units(self, label: str) -> tuple[Unit, ...]:
        """What the label names: content words, known phrases and compound parts, in order."""
        return _units(self, label)

    def in_group(self, label: str, group: str) -> bool:
        """Whether a word of the label (not a mere compound modifier) is in a lexicon group."""
        return any(group in u.concepts for u in self.units(label))

    def asks_for(self, label: str) -> str | None:
        """The universal function ("repeat", "back", "main menu", "person") the label asks for and nothing else."""
        return _asks_for(self, label)

    def content(self, token: str) -> bool:
        stem = self.stem(token)
        return stem not in self.stop and stem not in self.vague

    def readings(self, token: str) -> morph.Reading:
        return self.analyser.read(token)

    def term_keys(self, term: str) -> tuple[tuple[str, ...], ...]:
        """For each content word of a lexicon term, its dictionary forms."""
        return tuple(self.readings(t).lemmas for t in content_tokens(term, self.compounds) if self.content(t))


def same_stem(a: str, b: str) -> bool:
    """Stems of one word that the stemmer left apart ("asiakaspalvelu", "asiakaspalvelij")."""
    if a == b:
        return True
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    # A long shared beginning leaves room for consonant gradation in Finnish ("tilanne",
    # "tilanteen": the stemmer keeps "tilant" for one and "til" for the other).
    room = 3 if common >= 8 else 2
    return common >= 5 and min(len(a), len(b)) >= 6 and max(len(a), len(b)) - common <= room


def _given(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """Lexicon data handed over as it is (a function, like the reader it stands in for, and picklable)."""
    return data


@lru_cache(maxsize=64)
def _with_synonyms(words: LabelWords, groups: tuple[tuple[str, ...], ...]) -> LabelWords:
    return replace(words, lexicon_data=partial(read_data, words.code), extra=groups)


@lru_cache(maxsize=1 << 17)
def _stem(words: LabelWords, word: str) -> str:
    """LabelWords.stem, cached on the reading itself: hashing it is cheaper than hashing its stem fixes."""
    return morph.stem(words.stemmer, words.fixes, word.lower())


@lru_cache(maxsize=1 << 17)
def _asks_for(words: LabelWords, label: str) -> str | None:
    """LabelWords.asks_for, cached: universal options are looked up for every menu and every pair."""
    units = words.units(label)
    if not units:
        return None
    found = {words.lexicon.function_of(u.concepts) for u in units}
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=1 << 17)
def _content_reading(words: LabelWords, token: str) -> morph.Reading | None:
    """A label word's reading, or None for a stop or vague word; cached, as labels share their words."""
    return words.readings(token) if words.content(token) else None


@lru_cache(maxsize=1 << 17)
def _word_units(words: LabelWords, token: str) -> tuple[Unit, ...]:
    """_word for a label's own word (read as itself), cached like its reading."""
    return tuple(_word(words, token, words.readings(token)))


#: "can't", "isn't": the English negation written into the word, read as "can not", "is not".
_NOT = re.compile(r"(?<=\bca)n['’]t\b|n['’]t\b", re.IGNORECASE)


def _spelled_out(label: str) -> str:
    """The label with "n't" as a word of its own: "can't" -> "can not", "isn't" -> "is not"."""
    return _NOT.sub(lambda m: "n not" if m.start() >= 2 and label[m.start() - 2:m.start()].lower() == "ca"
                    else " not", label)


@lru_cache(maxsize=1 << 17)
def _units(words: LabelWords, label: str) -> tuple[Unit, ...]:
    content: list[str] = []
    readings: list[morph.Reading] = []
    for token in content_tokens(_spelled_out(label) if words.negators else label, words.compounds):
        # A negator is kept (it may begin a known phrase: "no internet") even where it is a stop word.
        reading = words.readings(token) if token in words.negators else _content_reading(words, token)
        if reading is not None:
            content.append(token)
            readings.append(reading)
    # A negator that begins no known phrase turns the next content word into its opposite.
    negated = {i + 1 for i, token in enumerate(content) if token in words.negators}
    found: list[Unit] = []
    i = 0
    while i < len(content):
        if i in negated and content[i] not in words.negators:  # "not urgent" is not "urgent"
            found.append(_negated(words, content[i]))
            i += 1
            continue
        phrase = _phrase(words.lexicon, readings, i)
        if phrase is None and content[i] in words.negators:
            i += 1
            continue
        if phrase is not None:
            length, gids = phrase
            keys = frozenset({" ".join(r.lemma for r in readings[i:i + length])})
            found.append(_phrase_unit(words, tuple(content[i:i + length]), keys, gids))
            i += length
            continue
        found.extend(_word_units(words, content[i]))
        i += 1
    return _merged(found)


@lru_cache(maxsize=1 << 12)
def _phrase_unit(words: LabelWords, tokens: tuple[str, ...], keys: frozenset[str], gids: frozenset[str]) -> Unit:
    """A known phrase as one unit, made once for all labels that say it: the caches that pair units
    (the tree test's scent) then meet the same unit, not an equal one to hash and compare again."""
    inside = tuple(u for t in tokens for u in _word_units(words, t))
    return Unit(" ".join(tokens), keys, gids, "phrase", words=tuple(replace(u, concepts=frozenset()) for u in inside))


def _merged(found: list[Unit]) -> tuple[Unit, ...]:
    """Each unit once: a repeated word says nothing new, but a repeated number does ("Line 1 1");
    words of one group name one task ("Bills and payments") and become one unit.

    A group's texts and keys are gathered and joined once at the end: joining them as they came
    copied the growing text at every word (a label of 180,000 "card"s took seconds).
    """
    unique: dict[frozenset[str], Unit] = {}
    grouped: dict[frozenset[str], frozenset[str]] = {}  # concepts -> the first key kept with them
    joined: dict[frozenset[str], tuple[list[str], set[str]]] = {}  # that key -> texts and keys gathered
    for number, unit in enumerate(found):
        same = grouped.get(unit.concepts) if unit.concepts else None
        if same is not None:
            texts, keys = joined.setdefault(same, ([unique[same].text], set(unique[same].keys)))
            texts.append(unit.text)
            keys.update(unit.keys)
            continue
        key = unit.keys if not unit.text.isdigit() else frozenset({f"{unit.text}#{number}"})
        if key not in unique:
            unique[key] = unit
            if unit.concepts:
                grouped.setdefault(unit.concepts, key)
    for key, (texts, keys) in joined.items():
        unique[key] = replace(unique[key], text=" ".join(texts), keys=frozenset(keys))
    return tuple(unique.values())


def _negated(words: LabelWords, token: str) -> Unit:
    """A word read as its opposite: it is the same only as the same word negated, and in no group."""
    return Unit(f"not {token}", frozenset(f"not {k}" for k in words.readings(token).lemmas), role="negated")


def _phrase(lexicon: Lexicon, readings: list[morph.Reading], start: int) -> tuple[int, frozenset[str]] | None:
    """The longest lexicon phrase starting at `start`: its length in words and its groups."""
    for lemma in readings[start].lemmas:
        for keys, _ in lexicon.phrases.get(lemma, ()):
            end = start + len(keys)
            if end > len(readings) or (len(keys) > 1 and keys[1] not in readings[start + 1].lemmas):
                continue  # most phrases differ at their second word: tested before the generator is made
            if all(k in r.lemmas for k, r in zip(keys[2:], readings[start + 2:end])):
                return len(keys), frozenset(g for other, g in lexicon.phrases[lemma] if other == keys)
    return None


def _word(words: LabelWords, text: str, reading: morph.Reading) -> list[Unit]:
    """A word as one unit; a compound keeps its parts, and loses a last part that adds nothing."""
    concepts = frozenset().union(*(words.lexicon.lookup(k) for k in reading.lemmas))
    guessed = words.compounds and not reading.analysed
    parts = ()
    if words.compounds:
        hyphened = tuple(words.stem(p) for p in text.split("-") if p) if "-" in text and guessed else ()
        parts = reading.parts or hyphened or (_split(words, reading.lemma) if guessed and not concepts else ())
    if parts and not concepts and (words.stem(parts[-1]) in words.vague or words.stem(parts[-1]) in words.fillers):
        # "laskutus|asiat" says no more than "laskutus".
        rest = "".join(parts[:-1])
        return _word(words, rest, words.readings(rest) if len(parts) == 2 else morph.Reading((rest,), parts[:-1]))
    return [Unit(text, frozenset(reading.lemmas), concepts, guessed=guessed, parts=parts)]


def _split(words: LabelWords, stem: str) -> tuple[str, ...]:
    """Without an analyser: split a stem around a lexicon word or filler it ends or starts with.

    Only cuts that leave a part as long as some lexicon word or filler are tried: a part longer
    than every one cannot be found, and trying each cut of a 150,000-letter word was quadratic."""
    longest = _longest_term(words)
    for cut in range(max(3, len(stem) - longest), len(stem) - MIN_PART + 1):
        head = stem[cut:]
        if head in words.lexicon.single or head in words.fillers:
            return stem[:cut], head
    for cut in range(min(len(stem) - MIN_PART, longest), MIN_PART - 1, -1):
        first = stem[:cut]
        if first in words.lexicon.single:
            return first, stem[cut:]
    return ()


_LONGEST: dict[tuple[int, int], tuple[object, object, int]] = {}


def _longest_term(words: LabelWords) -> int:
    """The length of the longest lexicon word or filler (kept per lexicon, which is built once)."""
    single, fillers = words.lexicon.single, words.fillers
    kept = _LONGEST.get((id(single), id(fillers)))
    if kept is None or kept[0] is not single or kept[1] is not fillers:
        kept = (single, fillers, max((len(t) for t in (*single, *fillers)), default=0))
        _LONGEST[(id(single), id(fillers))] = kept
    return kept[2]
