"""Bounds on the language server's input framing, so a hostile or broken editor cannot make it allocate without limit.

The protocol frames each message with a `Content-Length` header. pygls trusts it, so a huge
number used to end the server with an OverflowError (exit 3) or a read of gigabytes. This
wrapper of standard input checks every header line and every length before pygls reads on.
"""

from __future__ import annotations

import re
from typing import BinaryIO

from ivrcheck.workspace import UsageError

#: The largest message the server accepts: a 20 MB menu (the reading limit) with every character escaped.
MAX_MESSAGE = 128 * 1024 * 1024
#: The longest header line (`Content-Length: ...`, `Content-Type: ...`) the server reads.
MAX_HEADER = 4096
_LENGTH = re.compile(rb"content-length\s*:\s*(\S*)\s*", re.IGNORECASE)


class FramingError(UsageError):
    """The editor's byte stream cannot be read as messages; the server ends with this one line (exit 2)."""


class BoundedInput:
    """Standard input as pygls reads it (`readline`, `read`), with the header lines and lengths bounded."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream

    def readline(self) -> bytes:
        line = self.stream.readline(MAX_HEADER + 1)
        if len(line) > MAX_HEADER and not line.endswith(b"\n"):
            raise FramingError(f"a header line of the language server protocol is longer than {MAX_HEADER} "
                               "bytes; the client must send `Content-Length: N` and a blank line before each message")
        length = _LENGTH.fullmatch(line.rstrip(b"\r\n"))
        if length is not None:
            check_length(length.group(1))
        return line

    def read(self, size: int) -> bytes:
        return self.stream.read(size)


def check_length(value: bytes) -> int:
    """A `Content-Length` value as a number of bytes, refused unless it is plain digits up to MAX_MESSAGE."""
    text = value.decode("ascii", "replace")
    if not value.isascii() or not value.isdigit():
        raise FramingError(f"Content-Length {text[:40]!r} is not a number of bytes; "
                           "the client must send the message's length in ASCII digits")
    if len(value) > len(str(MAX_MESSAGE)) or int(value) > MAX_MESSAGE:
        raise FramingError(f"a message of the language server protocol declares Content-Length {text[:40]}, over "
                           f"the server's maximum of {MAX_MESSAGE} bytes ({MAX_MESSAGE // 2**20} MiB); "
                           "send a smaller document, or check the client's framing")
    return int(value)
