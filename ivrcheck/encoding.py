"""Telling UTF-16 from UTF-8 before decoding: menus and configs name it rather than a stray byte or a NUL,
and call logs (which Windows tools write as UTF-16 or with a BOM) are read by their byte-order mark."""

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


#: Byte-order marks and the codec each one names, the longer first (UTF-32 LE starts as UTF-16 LE does).
_MARKS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xef\xbb\xbf", "utf-8-sig"),
          (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def marked(head: bytes) -> str | None:
    """The codec a byte-order mark at the start of `head` names (it drops the mark), or None without one.

    PowerShell's `>` writes UTF-16 with a mark, Excel's "CSV UTF-8" UTF-8 with one: a mark is
    unambiguous, so a log can be read through it (menus are still asked to be UTF-8, F002).
    """
    return next((codec for mark, codec in _MARKS if head.startswith(mark)), None)


#: What to tell a user whose file is UTF-16.
SAVE_AS_UTF8 = "save the file as UTF-8 (e.g. `iconv -f utf-16 -t utf-8`)"
