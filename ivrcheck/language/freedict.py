"""Finnish synonyms beyond the lexicon, from FreeDict's Finnish-English dictionary (Debian's `dict-freedict-fin-eng`).

Debian packages no Finnish thesaurus, but it does package a Finnish-English dictionary built
from Wiktionary: each headword has numbered senses, each sense its English translations and
a short Finnish definition. Two Finnish words mean the same to a caller when their most
common senses share a translation ("irtisanoa" and "päättää": terminate) or have translations
WordNet calls synonyms; one is a kind of the other when its definition begins by naming the
other ("luotto", credit: "myönnetty laina", a loan granted; "koti": "asunto, talo ...").
The dictionary is read from `$FREEDICT_DIR` (only there when it is set), else /usr/share/dictd;
without it this source is off. Its data is CC BY-SA 3.0, read as data and never shipped.
"""

from __future__ import annotations

import bisect
import gzip
import os
import re
import zlib
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from ivrcheck.language.roots import VERBAL
from ivrcheck.records import record

if TYPE_CHECKING:
    from ivrcheck.language.labels import LabelWords, Unit

#: The dictionary read for each language. English-Finnish was measured too (benchmarks/labels_cv.py):
#: no gain for English, and English definitions name a phrase's head ("dishwasher": "a machine that").
NAMES = {"fi": "freedict-fin-eng"}
_PLACES = ("/usr/share/dictd", "/usr/local/share/dictd")
#: How many of a word's senses (the dictionary lists the common ones first) are compared.
SENSES = 2
#: The longest phrase at the start of a definition whose last word is read as what the word is a
#: kind of ("myönnetty laina": a loan; "sopimuksen päättäminen": an ending, not a contract).
GENUS = 3
#: Where the first phrases of a definition end, and the words that join two of them ("asunto, talo tai").
_CLAUSE = re.compile(r"[,;:.()]")
_JOINS = re.compile(r"\s+(?:tai|ja|eli)\s+")
_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_SENSE = re.compile(r"^(\d+)\.\s*(.*)$")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@record
class Sense:
    """One sense of a headword: its translations and what its definition says it is a kind of."""

    english: frozenset[str]
    #: The head (last) word of each short phrase the definition begins with, lower case.
    kinds: tuple[str, ...]


def folder(code: str = "fi") -> Path | None:
    """Where the language's dictionary (index and data) is, if installed (`$FREEDICT_DIR` alone when set)."""
    name = NAMES.get(code)
    chosen = os.environ.get("FREEDICT_DIR")
    for place in (chosen,) if chosen else _PLACES:
        if name and place and all((Path(place) / f"{name}.{ext}").is_file() for ext in ("index", "dict.dz")):
            return Path(place)
    return None


def available(code: str = "fi") -> bool:
    """Whether the language's dictionary is installed and its index reads as one."""
    return bool(_index(code)) and bool(_text(code))


@lru_cache(maxsize=1 << 16)
def senses(code: str, headword: str) -> tuple[Sense, ...]:
    """The first `SENSES` senses of a headword (lower case), or () when the dictionary lacks it."""
    found: list[Sense] = []
    for start, length in filter(None, map(_place, _index(code).get(headword, ()))):
        found.extend(_parse(_text(code)[start:start + length].decode("utf-8", errors="replace")))
    return tuple(found[:SENSES])


def _parse(entry: str) -> list[Sense]:
    """The senses of one entry: after the headword line, "N. translations" (or, for a single sense,
    the first line) starts a sense and the lines after it until the next are its definition."""
    lines = [line.strip() for line in entry.splitlines()[1:] if line.strip()]
    found: list[tuple[str, list[str]]] = []
    for line in lines:
        numbered = _SENSE.match(line)
        if numbered or not found:
            found.append(((numbered.group(2) if numbered else line), []))
        else:
            found[-1][1].append(line)
    return [Sense(_translations_of(english), _kinds(defined[0] if defined else "")) for english, defined in found]


def _kinds(definition: str) -> tuple[str, ...]:
    """The last word of each phrase of at most `GENUS` words before the definition's first comma."""
    first = _CLAUSE.split(definition, maxsplit=1)[0]
    found = []
    for phrase in _JOINS.split(first.strip()):
        words = _WORD.findall(phrase)
        if 0 < len(words) <= GENUS:
            found.append(words[-1].lower())
    return tuple(found)


def _translations_of(line: str) -> frozenset[str]:
    """The translations of a sense line, one per comma ("car, automobile, motor car")."""
    items = (re.sub(r"^to\s+", "", item.strip().lower()) for item in line.split(","))
    return frozenset(item for item in items if item and not item.isdigit())


@lru_cache(maxsize=4)
def _index(code: str) -> dict[str, tuple[str, ...]]:
    """Headword -> where its entries are in the data ("offset<TAB>length" in base 64, read when
    looked up), from the tab-separated index; dictd's own entries (00database...) left out."""
    place, name = folder(code), NAMES.get(code)
    if place is None:
        return {}
    found: dict[str, list[str]] = {}
    try:
        text = (place / f"{name}.index").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return {}
    for line in text.splitlines():
        word, _, where = line.partition("\t")
        if where and not word.startswith("00database"):
            found.setdefault(word.lower(), []).append(where)
    return {word: tuple(places) for word, places in found.items()}


def _place(where: str) -> tuple[int, int] | None:
    """(offset, length) from an index line's "offset<TAB>length", or None when they are not numbers."""
    fields = where.split("\t")
    numbers = [_number(f) for f in fields]
    return (numbers[0], numbers[1]) if len(numbers) == 2 and None not in numbers else None  # type: ignore[return-value]


def _number(text: str) -> int | None:
    value = 0
    for char in text:
        digit = _DIGITS.find(char)
        if digit < 0:
            return None
        value = value * 64 + digit
    return value


@lru_cache(maxsize=4)
def _text(code: str) -> bytes:
    """The whole dictionary data (dictzip is gzip; a few megabytes), or nothing when unreadable."""
    place = folder(code)
    if place is None:
        return b""
    try:
        return gzip.decompress((place / f"{NAMES[code]}.dict.dz").read_bytes())
    except (OSError, EOFError, zlib.error):
        return b""


def translated(words: LabelWords, x: Unit, y: Unit) -> bool:
    """Whether two words share an English translation among their common senses, or have
    translations WordNet calls synonyms ("häiriö", disturbance; "vika", fault, failure)."""
    mine, theirs = _translations(words, x), _translations(words, y)
    if not mine or not theirs or _headwords(words, x) & _headwords(words, y):
        return False
    if mine & theirs:
        return True
    wordnet = _english_wordnet(words)
    return wordnet is not None and any(wordnet.synonyms(a, b) for a in mine if " " not in a for b in theirs if " " not in b)


def defined_by(words: LabelWords, x: Unit, y: Unit) -> bool:
    """Whether a common sense of `x` is a kind of `y`: its definition begins by naming `y`, or a
    compound with `y` as its head ("vika": "toimintahäiriö"). (WordNet's hypernyms of the translations
    were tried: "insurance" is a kind of "security", so "vakuutus" would be a kind of "vakuus", a collateral.)"""
    targets = {words.stem(h) for h in _headwords(words, y)} | {h for h in _headwords(words, y) if len(h) >= 4}
    if not targets or _headwords(words, x) & _headwords(words, y):
        return False
    for headword in _headwords(words, x):
        for sense in senses(words.code, headword):
            for word in sense.kinds:
                if words.stem(word) in targets or any(word.endswith(t) for t in targets if len(t) >= 4):
                    return True
    return False


def _english_wordnet(words: LabelWords) -> ModuleType | None:
    """WordNet, when the translations are English (Finnish headwords) and it is installed and on."""
    from ivrcheck.language import wordnet

    if words.code != "fi" or os.environ.get("IVRCHECK_NO_WORDNET") or not wordnet.available():
        return None
    return wordnet


def _translations(words: LabelWords, unit: Unit) -> frozenset[str]:
    return frozenset(e for h in _headwords(words, unit) for s in senses(words.code, h) for e in s.english)


def _headwords(words: LabelWords, unit: Unit) -> frozenset[str]:
    """The dictionary's headwords a unit stands for: its dictionary forms or its text, and for a word
    no analyser read, every headword with its Snowball stem."""
    known = _index(words.code)
    found = {k for k in (*unit.keys, unit.text.lower()) if k in known}
    if unit.guessed:  # a stem is also a headword of its own ("luoto", an islet, for "luotot", credits)
        found.update(h for k in unit.keys for h in _with_stem(words, k))
        # the dictionary lists verbs, not their verbal nouns: "irtisanomin(en)" is "irtisano(a)"
        verbs = {k[:-len(VERBAL)] for k in unit.keys if k.endswith(VERBAL)}
        found.update(h for v in verbs | {words.stem(v) for v in verbs} for h in _with_stem(words, v))
    return frozenset(found)


@lru_cache(maxsize=1 << 12)
def _with_stem(words: LabelWords, stem: str) -> tuple[str, ...]:
    """The one-word headwords whose Snowball stem is `stem`: among those sharing its first letters (a
    stem is the word's beginning, give or take the last letters), so only a few are stemmed."""
    ordered = _sorted(words.code)
    start = stem[:max(1, len(stem) - _LOOSE)]
    first = bisect.bisect_left(ordered, start)
    found = []
    for headword in ordered[first:]:
        if not headword.startswith(start):
            break
        if " " not in headword and words.stem(headword) == stem:
            found.append(headword)
    return tuple(found)


#: How many last letters of a stem may differ from the headword's spelling ("sopimuks" / "sopimus").
_LOOSE = 2


@lru_cache(maxsize=4)
def _sorted(code: str) -> list[str]:
    return sorted(_index(code))
