"""One reader for every number that comes from a file, a config or the command line.

`str.isdigit()` accepts "²" and "٣", which `int()` refuses or reads as another number;
`float()` accepts "inf", "nan" and "1e999"; `int()` refuses more than 4,300 digits. Each of
these once crashed a reader. A number here is ASCII digits only (with an optional sign,
point and exponent), finite, short and, when the field says so, inside its range; anything
else is a `NotANumber` whose text says why, for the caller to turn into a finding or a
usage error with its position.
"""

from __future__ import annotations

import math
import re

#: Longer than any timeout, count or key sequence a phone line needs, far below int()'s limit.
MAX_CHARACTERS = 100

_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


#: A number with an exponent that YAML 1.1 reads as text: no point before the `e`, or no sign after it.
_TEXT_EXPONENT = re.compile(r"([-+]?[0-9][0-9_]*)(\.[0-9_]*)?[eE]([-+]?)([0-9]+)")


class NotANumber(ValueError):
    """Why a value is not a number the field takes; `str()` is a clause to put in a message."""


def read_number(value: object, *, whole: bool = False, low: float | None = None,
                high: float | None = None) -> int | float:
    """`value` (text, or a number a parser already made) as an int (`whole`) or a float, or NotANumber."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise NotANumber(f"{_shown(value)} is not a number")
    if isinstance(value, str):
        value = _parsed(value.strip(), whole)
    if isinstance(value, float) and not math.isfinite(value):
        raise NotANumber(f"{_shown(value)} is not a finite number")
    if whole and value != int(value):
        raise NotANumber(f"{_shown(value)} is not a whole number")
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = f"from {_plain(low)} to {_plain(high)}" if low is not None and high is not None else (
            f"at least {_plain(low)}" if low is not None else f"at most {_plain(high)}")
        raise NotANumber(f"{_shown(value)} is out of range: it must be {bounds}")
    return int(value) if whole else float(value)


def number_or_none(value: object, **bounds: float | bool | None) -> int | float | None:
    """`read_number`, with None for anything that is not such a number (a lenient reader's default)."""
    try:
        return read_number(value, **bounds)  # type: ignore[arg-type]
    except NotANumber:
        return None


def exponent_as_text(text: str) -> str | None:
    """How to write `text` so YAML 1.1 reads it as a number (`1e308` -> `1.0e+308`), when YAML read it as
    text only for its exponent's form (a YAML float needs a point before the `e` and a sign after it)."""
    found = _TEXT_EXPONENT.fullmatch(text)
    if found is None:
        return None
    whole, point, sign, power = found.groups()
    return f"{whole}{point if point and point != '.' else '.0'}e{sign or '+'}{power}"


#: The clause that says why, for a message that gives `exponent_as_text`'s answer.
EXPONENT_RULE = "an exponent needs a point before the `e` and a sign after it"


def is_digits(text: str) -> bool:
    """Whether `text` is ASCII digits only ("²" and "٣" are not), as `str.isdigit` is often taken to mean."""
    return text.isascii() and text.isdigit()


def _parsed(text: str, whole: bool) -> int | float:
    if len(text) > MAX_CHARACTERS:
        raise NotANumber(f"a number {len(text):,} characters long is more than any setting needs "
                         f"(at most {MAX_CHARACTERS})")
    if not (_INTEGER if whole else _DECIMAL).fullmatch(text):
        kind = "a whole number" if whole else "a number"
        raise NotANumber(f"{_shown(text)} is not {kind} written in ASCII digits")
    return int(text) if whole else float(text)


def _shown(value: object) -> str:
    if isinstance(value, int) and value.bit_length() > 128:  # str() of a huge int can itself fail
        return f"a number about {int(value.bit_length() * 0.30103):,} digits long"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 30 else text[:27] + "..."


def _plain(bound: float | None) -> str:
    return f"{bound:g}" if isinstance(bound, float) else str(bound)
