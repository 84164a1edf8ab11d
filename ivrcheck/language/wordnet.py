"""English synonyms and broader words beyond the lexicon, from Princeton WordNet's local files (Debian's `wordnet-base`).

Two words are synonyms here when they share a synset among the most common senses of
each (WordNet lists a word's senses by frequency); one is narrower than the other when a
common noun sense of it is at most two hypernym links below a common sense of the other.
Only the index files are read, by a binary search over their sorted lines, and data.noun at the
offsets they give (nothing is loaded up front); nothing is downloaded. The
files are looked for in `$WORDNET_DIR` (only there when it is set: `problem` says why it is not
used), else in /usr/share/wordnet (Debian, Ubuntu) and the usual local installs; without them
this source is simply off. WordNet 3.0 is under the WordNet licence (BSD-like), read as data.
"""

from __future__ import annotations

import mmap
import os
from functools import lru_cache
from pathlib import Path

from ivrcheck.fileio import open_regular, read_limited
from ivrcheck.numbers import number_or_none

#: How many of each word's most common senses are compared.
SENSES = 2
_PLACES = ("/usr/share/wordnet", "/usr/local/share/wordnet", "/usr/share/WordNet-3.0/dict")
_POS = ("noun", "verb", "adj")
#: The most bytes of an exception list (WordNet 3.0's largest, noun.exc, has 30 kB).
_EXCEPTIONS_LIMIT = 16 << 20
#: Inflectional endings, tried in order ("companies" -> "company"), after WordNet's own exception lists.
_ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"))


def folder() -> Path | None:
    """Where WordNet's index files are, if installed; a `$WORDNET_DIR` without them means none
    (`problem` says why), not the system's copy the user chose not to name."""
    chosen = os.environ.get("WORDNET_DIR")
    for place in (chosen,) if chosen else _PLACES:
        if place and _holds_wordnet(Path(place)):
            return Path(place)
    return None


def problem() -> str | None:
    """Why `$WORDNET_DIR` is not used, or None when it is unset or holds WordNet."""
    chosen = os.environ.get("WORDNET_DIR")
    if not chosen or _holds_wordnet(Path(chosen)):
        return None
    return (f"WORDNET_DIR={chosen!r} holds no WordNet index files (index.noun, index.verb, index.adj); "
            "checking without WordNet synonyms")


def _holds_wordnet(place: Path) -> bool:
    """Every index file is there, a regular file and not empty (an empty one cannot be mapped)."""
    try:
        return all((place / f"index.{pos}").is_file() and (place / f"index.{pos}").stat().st_size > 0 for pos in _POS)
    except (OSError, ValueError):
        return False


def available() -> bool:
    return _files() is not None


@lru_cache(maxsize=1 << 16)
def synonyms(first: str, second: str) -> bool:
    """Whether two English words share a synset among their most common senses."""
    a, b = _senses(first.lower()), _senses(second.lower())
    return bool(a and b and a & b)


@lru_cache(maxsize=1 << 16)
def narrower(first: str, second: str) -> bool:
    """Whether a common noun sense of `first` is a kind of one of `second` ("scam", "fraud"), within
    `STEPS` hypernym links of data.noun (further up, nouns meet in "act" or "event")."""
    wanted = {offset for pos, offset in _senses(second.lower()) if pos == "noun"}
    return bool(wanted) and not wanted.isdisjoint(_above(first.lower()))


#: How many hypernym links up a noun sense is followed by `narrower`: one more joins "bus" and "train".
STEPS = 2


@lru_cache(maxsize=1 << 16)
def _above(word: str) -> frozenset[str]:
    """The noun synsets within `STEPS` hypernym links above the word's common noun senses."""
    data = _data()
    if data is None:
        return frozenset()
    found: set[str] = set()
    layer = {offset for pos, offset in _senses(word) if pos == "noun"}
    for _ in range(STEPS):
        layer = {up for offset in layer for up in _hypernyms(data, offset)} - found
        found |= layer
    return frozenset(found)


def _hypernyms(data: bytes | mmap.mmap, offset: str) -> tuple[str, ...]:
    """The noun hypernyms ("@" and "@i" pointers) on a synset's line of data.noun; none on a line
    that is not WordNet's (a damaged or foreign file)."""
    start = number_or_none(offset, whole=True, low=0)
    if start is None or start >= len(data):
        return ()
    end = data.find(b"\n", start)
    fields = data[start:len(data) if end == -1 else end].decode("utf-8", errors="replace").split()
    try:  # offset, lexicographer file, pos, word count (hexadecimal), words with lex ids, pointer count
        at = 4 + 2 * int(fields[3], 16)
        count = int(fields[at])
    except (IndexError, ValueError):
        return ()
    pointers = [fields[at + 1 + 4 * i: at + 5 + 4 * i] for i in range(count)]
    return tuple(p[1] for p in pointers if len(p) == 4 and p[0] in ("@", "@i") and p[2] == "n")


@lru_cache(maxsize=1)
def _data() -> mmap.mmap | None:
    """data.noun of the WordNet folder, mapped into memory (hypernym links are read by byte offset), or None."""
    place = folder()
    if place is None:
        return None
    try:
        with open_regular(place / "data.noun") as handle:  # a FIFO or a device there: the source is off
            return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # missing, or empty (an empty file cannot be mapped)
        return None


@lru_cache(maxsize=1 << 17)
def _senses(word: str) -> frozenset[tuple[str, str]]:
    files = _files()
    if files is None:
        return frozenset()
    found: set[tuple[str, str]] = set()
    for pos in _POS:
        for lemma in _lemmas(word, pos):
            offsets = _offsets(files[pos], lemma)
            if offsets:
                found.update((pos, o) for o in offsets[:SENSES])
                break
    return frozenset(found)


def _lemmas(word: str, pos: str) -> list[str]:
    exceptions = _exceptions()
    lemmas = [word, *exceptions.get((pos, word), ())]
    lemmas += [word[: -len(end)] + add for end, add in _ENDINGS if word.endswith(end) and len(word) - len(end) >= 3]
    return lemmas


@lru_cache(maxsize=1)
def _files() -> dict[str, bytes | mmap.mmap] | None:
    """Each part of speech's index file, mapped into memory (sorted by lemma, so searchable)."""
    place = folder()
    if place is None:
        return None
    found: dict[str, bytes | mmap.mmap] = {}
    try:
        for pos in _POS:
            with open_regular(place / f"index.{pos}") as handle:
                found[pos] = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # gone or emptied since `folder` looked: the source is off
        return None
    return found


def _offsets(data: bytes | mmap.mmap, lemma: str) -> tuple[str, ...]:
    """The synset offsets of `lemma` in one index file, by binary search over its sorted lines."""
    key = lemma.replace(" ", "_").encode("utf-8")
    probes = _PROBES.setdefault(id(data), {})
    low, high, depth = 0, len(data), 0
    while low < high:
        middle = (low + high) // 2
        probe = probes.get(middle) if depth < _REMEMBERED else None
        if probe is None:
            probe = _probe(data, middle)
            if depth < _REMEMBERED:
                probes[middle] = probe
        start, end, word = probe
        depth += 1
        if word is None:  # the licence header sorts before every lemma
            low = end + 1
        elif word == key:
            return _synsets(data[start:end].decode("utf-8", errors="replace").split())
        elif word < key:
            low = end + 1
        else:
            high = start
    return ()


def _synsets(fields: list[str]) -> tuple[str, ...]:
    """The synset offsets on one index line (`lemma pos count pointers [pointer...] ...`); none on a
    line that is not WordNet's (a damaged or foreign file)."""
    count, pointers = (number_or_none(field, whole=True, low=0) for field in (fields + ["", ""])[2:4])
    if count is None or pointers is None:
        return ()
    return tuple(fields[6 + int(pointers): 6 + int(pointers) + int(count)])


#: The first steps of every search probe the same lines: how many levels are remembered (per file,
#: at most 2**12 lines), so a file of thousands of new words reads each of them once, not per word.
_REMEMBERED = 12
_PROBES: dict[int, dict[int, tuple[int, int, bytes | None]]] = {}


def _probe(data: bytes | mmap.mmap, middle: int) -> tuple[int, int, bytes | None]:
    """The line around offset `middle`: its start, its end and its lemma (None on the licence header)."""
    start = data.rfind(b"\n", 0, middle) + 1
    end = data.find(b"\n", start)
    end = len(data) if end == -1 else end
    if data[start:start + 1] == b" ":
        return start, end, None
    return start, end, data[start:end].split(b" ", 1)[0]


@lru_cache(maxsize=1)
def _exceptions() -> dict[tuple[str, str], tuple[str, ...]]:
    place = folder()
    found: dict[tuple[str, str], tuple[str, ...]] = {}
    if place is None:
        return found
    for pos in _POS:
        path = place / f"{pos}.exc"
        try:
            text = read_limited(path, _EXCEPTIONS_LIMIT).decode("utf-8", "replace")
        except OSError:  # missing, or not a regular file of a sensible size: no exceptions of that kind
            continue
        for line in text.splitlines():
            words = line.split()
            if len(words) >= 2:
                found[(pos, words[0])] = tuple(words[1:])
    return found
