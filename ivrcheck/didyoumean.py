"""Did-you-mean hints for names a user mistyped (fields, rules, options, formats, nodes), and the choices they had."""

from __future__ import annotations

import difflib
from typing import Iterable


def suggest(word: str, choices: Iterable[str]) -> str:
    """A did-you-mean suffix, or a list of valid choices when nothing is close."""
    options = list(choices)
    close = difflib.get_close_matches(word, _near(word, options), n=1, cutoff=0.6)
    if close:
        return f'did you mean "{close[0]}"?'
    if len(options) > 12:
        return f"expected one of {len(options)} names, such as " + ", ".join(f'"{c}"' for c in sorted(options)[:3])
    shown = ", ".join(f'"{c}"' for c in sorted(options))
    return f"expected one of {shown}"


def _near(word: str, options: list[str]) -> list[str]:
    """The options difflib could find close, found in C first when there are many: a file with
    thousands of names and as many mistyped ones made difflib compare each with each (7,500 of
    both took minutes). rapidfuzz's ratio counts the longest common subsequence, never fewer
    letters than difflib's matching blocks, so every name difflib would take passes this filter
    and the hint is the one difflib alone gives."""
    if len(options) <= 50:
        return options
    from rapidfuzz import fuzz, process

    return [name for name, _, _ in process.extract(word, options, scorer=fuzz.ratio, score_cutoff=59.9, limit=None)]


def one_of(choices: Iterable[str]) -> str:
    """The choices as a sentence lists them: `text, json or markdown`."""
    words = list(choices)
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"
