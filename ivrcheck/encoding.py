"""Telling UTF-16 from UTF-8 before decoding: menus and configs both name it rather than a stray byte or a NUL."""

from __future__ import annotations


def utf16(data: bytes) -> bool:
    """Whether bytes look like UTF-16: its byte-order mark, or (without one) text whose every other
    byte is NUL, as ASCII letters are in UTF-16."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    head = data[:256]
    half = len(head) // 2
    evens, odds = head[0::2].count(0), head[1::2].count(0)
    return half >= 2 and max(evens, odds) >= 0.9 * half and min(evens, odds) == 0


#: What to tell a user whose file is UTF-16.
SAVE_AS_UTF8 = "save the file as UTF-8 (e.g. `iconv -f utf-16 -t utf-8`)"
