"""`json.dumps(data, indent=2, ensure_ascii=False)`, byte for byte, at a fraction of its cost.

With `indent`, the standard library encodes in pure Python, one generator per container: on a
file with tens of thousands of findings that is most of a second (issue 23's 2 s goal). This
writer appends each piece to one list and encodes strings with the C encoder; anything it does
not know exactly as the standard library does (a key that is not a string, a float that is
not finite, an unknown type, a cycle) hands the whole document back to `json.dumps`.
"""

from __future__ import annotations

import functools
import itertools
import json
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any, Callable, Iterable, Sequence

_INDENT = "  "
#: The exact types whose encoding needs no indent.
_SCALARS = frozenset({str, int, float, bool, type(None)})


class _Unusual(Exception):
    """A value this writer leaves to the standard library."""


def dumps(data: Any) -> str:
    """`json.dumps(data, indent=2, ensure_ascii=False)`."""
    out: list[str] = []
    try:
        _value(data, "\n", out)
    except (_Unusual, RecursionError):
        return json.dumps(data, indent=2, ensure_ascii=False)
    return "".join(out)


@functools.cache
def _flat(inner: str) -> Callable[[Any, int], Sequence[str]]:
    """The C encoder whose item separator starts the next item at `inner` (it returns pieces)."""
    if c_make_encoder is None:
        raise _Unusual
    return c_make_encoder(None, _unknown, encode_basestring, None, ": ", "," + inner, False, False, True)


def _unknown(value: Any) -> Any:
    raise _Unusual


def _scalar(value: Any) -> str:
    """A scalar as the standard library writes it (the same order of type tests)."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) and value == value and value not in (float("inf"), float("-inf")):
        return float.__repr__(value)
    raise _Unusual


def _flat_dicts(items: list[Any] | tuple[Any, ...], pad: str, out: list[str]) -> bool:
    """Append a list of non-empty dicts of scalars (the findings) written by one call of the C
    encoder; False, appending nothing, when `items` is not such a list.

    The encoder separates every item with a newline and the dicts' indent. An encoded string
    holds no raw newline, so a separator between a `}` and a `{` is a boundary between two
    dicts of the list; only the braces' own lines are left to write.
    """
    try:
        kinds = set(map(type, itertools.chain.from_iterable(map(dict.values, items))))
    except TypeError:  # an item that is not a dict
        return False
    if not kinds <= _SCALARS or not min(map(len, items)):
        return False
    inner = pad + _INDENT
    innermost = inner + _INDENT
    text = "".join(_flat(innermost)(items, 0))
    body = text[2:-2].replace("}," + innermost + "{", inner + "}," + inner + "{" + innermost)
    out.append("[" + inner + "{" + innermost + body + inner + "}" + pad + "]")
    return True


def _value(value: Any, pad: str, out: list[str]) -> None:
    """Append `value`, whose line starts at `pad` (a newline and the indent of its level)."""
    if isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
        elif not _flat_dicts(value, pad, out):
            _items("[]", (("", item) for item in value), pad, out)
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
        else:
            _items("{}", ((_key(key), item) for key, item in value.items()), pad, out)
    else:
        out.append(_scalar(value))


def _key(key: Any) -> str:
    if not isinstance(key, str):
        raise _Unusual
    return encode_basestring(key) + ": "


def _items(brackets: str, items: Iterable[tuple[str, Any]], pad: str, out: list[str]) -> None:
    """The items of a non-empty container, each led by its key (nothing in a list), one a line."""
    inner = pad + _INDENT
    separator = brackets[0] + inner
    for lead, item in items:
        out.append(separator + lead)
        separator = "," + inner
        if isinstance(item, (list, tuple, dict)):
            _value(item, inner, out)
        else:
            out.append(_scalar(item))
    out.append(pad + brackets[1])
