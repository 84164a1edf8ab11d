"""What pairs two label words beyond the lexicon: WordNet for English, word roots for Finnish.

The lexicon knows the words it was written with; a new menu brings others. meaning.py tries
these after the lexicon: for English, WordNet (when installed and on) for synonyms and for a noun
that is a kind of the other ("Scams", "Fraud"), either way round; for Finnish words no analyser
read, a verbal noun and another form of its verb by their roots ("ilmoittaminen", "ilmoitus");
for Finnish, a Finnish-English dictionary (freedict.py, when installed) for words with one
translation ("Lainat", "Luotot") or one defined as a kind of the other.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from ivrcheck.language.roots import same_root

if TYPE_CHECKING:
    from ivrcheck.language.labels import LabelWords, Unit

#: Whether two units are paired, and how the pair is named in a verdict.
Matcher = Callable[["Unit", "Unit"], bool]


@lru_cache(maxsize=64)
def matchers(words: LabelWords) -> tuple[tuple[str, Matcher], ...]:
    """The matchers beyond the lexicon for this reading, as (how, matcher), most certain first.

    Decided once per reading, like Voikko: `IVRCHECK_NO_WORDNET` switches WordNet off for a run.
    """
    if words.code == "fi":
        return (("same word", _same_root), *_dictionary(words))
    if words.code != "en":
        return ()
    from ivrcheck.language import wordnet

    if os.environ.get("IVRCHECK_NO_WORDNET") or not wordnet.available():
        return ()
    return (("WordNet synonyms", lambda x, y: _words(x, y) and wordnet.synonyms(x.text, y.text)),
            ("narrower", lambda x, y: _words(x, y) and wordnet.narrower(x.text, y.text)),
            ("broader", lambda x, y: _words(x, y) and wordnet.narrower(y.text, x.text)))


def _dictionary(words: LabelWords) -> tuple[tuple[str, Matcher], ...]:
    """Finnish synonyms and kinds from FreeDict's Finnish-English dictionary, when installed and on
    (`IVRCHECK_NO_FREEDICT` switches it off for a run)."""
    if os.environ.get("IVRCHECK_NO_FREEDICT"):
        return ()
    from ivrcheck.language import freedict

    if not freedict.available(words.code):
        return ()
    return (("dictionary synonyms", lambda x, y: _alike(x, y) and freedict.translated(words, x, y)),
            ("narrower", lambda x, y: _alike(x, y) and freedict.defined_by(words, x, y)),
            ("broader", lambda x, y: _alike(x, y) and freedict.defined_by(words, y, x)))


def _alike(x: Unit, y: Unit) -> bool:
    """Two plain words, or two compound parts in the same place ("auto|vakuutus", "ajoneuvo|vakuutus")."""
    return x.role == y.role and x.role in ("word", "head", "modifier")


def _words(x: Unit, y: Unit) -> bool:
    """Both are plain words (not phrases, compound parts or negated words)."""
    return x.role == y.role == "word"


def _same_root(x: Unit, y: Unit) -> bool:
    """Finnish forms of one verb the stemmer left apart, where no analyser read either word."""
    return (x.guessed or y.guessed) and any(same_root(k, j) for k in x.keys for j in y.keys)
