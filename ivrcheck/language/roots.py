"""Finnish word roots without Voikko: one task's verbal noun and action noun share a root ("ilmoittaminen", "ilmoitus").

Snowball leaves the derivations of one verb apart ("ilmoittamin", "ilmoitus"; "lyhentämin",
"lyhennys"; "lopettamin", "lopetus"), and the lexicon can list only the words it was written
with. A caller hears them as one task, so the meaning model compares words no analyser read
by their roots too: the stem without its derivational ending and final vowels, with consonant
gradation and long sounds evened out ("lyhent" and "lyhenn" are both "lyhen"). Only a verbal noun is
compared with another form (two nouns of one root can name two tasks: "palaute", feedback,
and "palautus", a return), and a root shorter than `SHORTEST` letters is never compared: "muut" (muutos, muuttaa) is also "muu" (other),
"pät" is both "päätös" (a decision) and "päättäminen" (an ending).
"""

from __future__ import annotations

import re
from functools import lru_cache

#: The shortest root compared; shorter ones join unrelated words.
SHORTEST = 5
#: Derivational endings of a Snowball stem, longest first: the verbal noun -minen ("min"), action
#: nouns -mus/-us/-os ("hakemus", "ilmoitus", "muutos") and their front-vowel forms.
_ENDINGS = ("min", "mus", "mys", "us", "ys", "os", "ös")
_VOWELS = "aeiouyäö"
#: Consonant gradation, strong and weak grade read as one ("lyhentää", "lyhennys"; "hinta", "hinnat").
_GRADES = (("nt", "n"), ("nn", "n"), ("mp", "m"), ("mm", "m"), ("lt", "l"), ("ll", "l"), ("rt", "r"),
           ("rr", "r"), ("nk", "n"), ("ng", "n"))


@lru_cache(maxsize=1 << 16)
def root(stem: str) -> str:
    """The root of a Finnish Snowball stem, or "" when it is too short to compare."""
    for ending in _ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= SHORTEST - 1:
            stem = stem[: -len(ending)]
            break
    stem = stem.rstrip(_VOWELS)
    for strong, weak in _GRADES:
        stem = stem.replace(strong, weak)
    stem = re.sub(r"(.)\1", r"\1", stem)
    return stem if len(stem) >= SHORTEST else ""


def same_root(first: str, second: str) -> bool:
    """Whether a verbal noun and another form of its verb share a root ("ilmoittamin", "ilmoitus").

    One of the two must be the verbal noun: two nouns of one root are often two tasks
    ("palaute", feedback, and "palautus", a return)."""
    if (first.endswith(VERBAL) == second.endswith(VERBAL)) or first == second:
        return False
    found = root(first)
    return bool(found) and found == root(second)


#: A Snowball stem of the verbal noun ("ilmoittaminen" -> "ilmoittamin").
VERBAL = "min"
