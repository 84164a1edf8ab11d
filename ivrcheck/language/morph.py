"""Word forms to dictionary forms: Snowball stems everywhere, Voikko lemmas and compound parts for Finnish.

A `Reading` of a word is what the meaning model compares: its dictionary forms (every
analysis a word allows: "toista" is "toistaa" or "toinen") and, for a compound, its parts
with the head last ("henkilö|asiakas"). Voikko (libvoikko with the voikko-fi dictionary,
the optional extra `ivrcheck[fi]`) knows Finnish inflection, derivation ("irtisanominen"
is the verb "irtisanoa") and compound seams. Without it, and for words it does not know,
the Snowball stemmer gives one stem and no parts; compounds are then taken apart against
the lexicon and the other label (see labels.py).
"""

from __future__ import annotations

import importlib.util
import os
import re
from functools import lru_cache
from typing import Any, Protocol

from ivrcheck.records import record

#: Set to any non-empty value to read Finnish without Voikko even when it is installed.
NO_VOIKKO = "IVRCHECK_NO_VOIKKO"
_SEGMENT = re.compile(r"\+([^+(]+)(?:\(([^)]*)\))?")


@record
class Reading:
    """A word as the meaning model sees it: its dictionary forms and its compound parts (head last)."""

    lemmas: tuple[str, ...]
    parts: tuple[str, ...] = ()
    #: Whether a morphological analyser knew the word (so its parts, if any, are real).
    analysed: bool = False

    @property
    def lemma(self) -> str:
        return self.lemmas[0]


class Analyser(Protocol):
    """Reads one lower-case word."""

    name: str
    #: Whether `parts` come from a real analysis (True) or must be guessed from spelling.
    knows_compounds: bool

    def read(self, word: str) -> Reading: ...


@record
class Snowball:
    """Snowball stems (with the language's `stem_fixes`); no compound parts."""

    stemmer: str
    fixes: tuple[tuple[re.Pattern[str], str], ...] = ()
    name: str = "snowball"
    knows_compounds: bool = False
    #: Other forms a word is also read as (`stem_also`): the Finnish imperative "toista" as "toistaa".
    also: tuple[tuple[re.Pattern[str], str], ...] = ()

    def read(self, word: str) -> Reading:
        lemmas = [stem(self.stemmer, self.fixes, word)]
        for pattern, replacement in self.also:
            other = stem(self.stemmer, self.fixes, pattern.sub(replacement, word))
            if other not in lemmas:
                lemmas.append(other)
        return Reading(tuple(lemmas))


@record
class Voikko:
    """Finnish lemmas and compound parts from libvoikko; Snowball for words Voikko does not know."""

    fallback: Snowball
    name: str = "voikko"
    knows_compounds: bool = True

    def read(self, word: str) -> Reading:
        return _voikko_read(self.fallback, word)


def analyser(language: str, stemmer: str, fixes: tuple[tuple[re.Pattern[str], str], ...] = (),
             *, voikko: bool = True) -> Analyser:
    """The best analyser installed for a language: Voikko for Finnish when present, else Snowball."""
    return best_analyser(stemmer, fixes, may_use_voikko(language, voikko))


def may_use_voikko(language: str, voikko: bool = True) -> bool:
    """Whether Voikko is to read this language if installed: Finnish, not switched off (`IVRCHECK_NO_VOIKKO`)."""
    return language == "fi" and voikko and not os.environ.get(NO_VOIKKO)


def best_analyser(stemmer: str, fixes: tuple[tuple[re.Pattern[str], str], ...], voikko: bool,
                  also: tuple[tuple[re.Pattern[str], str], ...] = ()) -> Analyser:
    """Voikko when `voikko` (see may_use_voikko) and it is installed, else Snowball; loads libvoikko only then."""
    snowball = Snowball(stemmer, fixes, also=also)
    return Voikko(snowball) if voikko and voikko_available() else snowball


@lru_cache(maxsize=1)
def voikko_available() -> bool:
    """Whether libvoikko and a Finnish dictionary are installed (`pip install "ivrcheck[fi]"` + voikko-fi)."""
    return _voikko() is not None


def voikko_missing_reason() -> str:
    """Why Voikko is not used, for messages and skipped tests."""
    if os.environ.get(NO_VOIKKO):
        return f"{NO_VOIKKO} is set"
    if importlib.util.find_spec("libvoikko") is None:
        return 'the libvoikko package is not installed (pip install "ivrcheck[fi]")'
    return "libvoikko cannot load a Finnish dictionary (apt-get install libvoikko1 voikko-fi)"


@lru_cache(maxsize=1)
def _voikko() -> Any:
    try:
        import libvoikko
    except ImportError:
        return None
    # Built in two steps so a failed start (no libvoikko1 or no dictionary) can be closed quietly:
    # libvoikko's own __del__ otherwise prints a traceback at exit for the half-built object.
    voikko = libvoikko.Voikko.__new__(libvoikko.Voikko)
    try:
        voikko.__init__("fi")
    except Exception:  # noqa: BLE001 - libvoikko raises its own error types (and OSError) when it cannot load
        voikko._Voikko__handle = 0
        return None
    return voikko


@lru_cache(maxsize=None)
def _stemmer(name: str) -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer(name)


@lru_cache(maxsize=1 << 17)
def stem(stemmer: str, fixes: tuple[tuple[re.Pattern[str], str], ...], word: str) -> str:
    """The Snowball stem of a lower-case word, with the language's fixes applied."""
    result = _stemmer(stemmer).stemWord(word)
    for pattern, replacement in fixes:
        result = pattern.sub(replacement, result)
    return result


@lru_cache(maxsize=1 << 17)
def _voikko_read(fallback: Snowball, word: str) -> Reading:
    if word.isdigit():
        return Reading((word,))
    analyses = _voikko().analyze(word)
    if not analyses:
        return fallback.read(word)
    lemmas: list[str] = []
    parts: tuple[str, ...] = ()
    for analysis in analyses:
        base = (analysis.get("BASEFORM") or word).lower()
        if base not in lemmas:
            lemmas.append(base)
        if not parts:
            parts = _compound_parts(base, analysis.get("WORDBASES") or "")
    return Reading(tuple(lemmas), parts, analysed=True)


def _compound_parts(base: str, wordbases: str) -> tuple[str, ...]:
    """ "+henkilö(henkilö)+asiakas(asiakas)" -> ("henkilö", "asiakas"); () for a simple word.

    A segment whose base starts with "+" is a derivational ending of the part before it
    ("ilmoit(ilmoittaa)+us(+us)" is "ilmoitus"). The head is the lemma minus the modifiers
    as written, so that it is in its dictionary form ("asiakaspalvelijalle" -> "palvelija").
    """
    surfaces: list[list[str]] = []
    bases: list[str] = []
    for surface, part_base in _SEGMENT.findall(wordbases):
        if surface == "-":
            continue
        if surfaces and part_base.startswith("+"):
            surfaces[-1].append(surface)
        else:
            surfaces.append([surface])
            bases.append(part_base)
    if len(surfaces) < 2:
        return ()
    modifiers = ["".join(s).lower() for s in surfaces[:-1]]
    written = "".join(modifiers)
    flat = base.replace("-", "")
    head = flat[len(written):] if flat.startswith(written) else "".join(surfaces[-1]).lower()
    lemmas = [(b if b and len(s) == 1 else m).lower() for m, s, b in zip(modifiers, surfaces, bases)]
    return (*lemmas, head) if head else ()
