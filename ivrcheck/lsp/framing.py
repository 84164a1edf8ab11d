"""Bounds on the language server's input, so a hostile or broken editor gets an answer or one line, never a hang.

The protocol frames each message with a `Content-Length` header. pygls trusts it, so a huge
number used to end the server with an OverflowError (exit 3) or a read of gigabytes. This
wrapper of standard input checks every header line and every length before pygls reads on.
"""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any, BinaryIO

from pygls.exceptions import JsonRpcInvalidParams
from pygls.protocol import LanguageServerProtocol

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


def check_length(value: bytes) -> int | None:
    """A `Content-Length` value as a number of bytes, refused over MAX_MESSAGE. A value that is no number
    is left to pygls, which passes over the header as it always has, so the stream recovers."""
    if not value.isascii() or not value.isdigit():
        return None
    if len(value) > len(str(MAX_MESSAGE)) or int(value) > MAX_MESSAGE:
        raise FramingError(f"a message of the language server protocol declares Content-Length "
                           f"{value.decode()[:40]}, over the server's maximum of {MAX_MESSAGE} bytes "
                           f"({MAX_MESSAGE // 2**20} MiB); send a smaller document, or check the client's framing")
    return int(value)


#: What a refused request becomes once answered: pygls passes over a message of another protocol version.
_ANSWERED = SimpleNamespace(jsonrpc="answered by ivrcheck")


class AnsweringProtocol(LanguageServerProtocol):
    """pygls drops a request whose parameters do not fit their types (a negative line, say) without a reply,
    so the editor waits for ever; this one answers it with InvalidParams, naming the method."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcInvalidParams:
            if not isinstance(data, dict) or "id" not in data or "method" not in data:
                raise
            error = JsonRpcInvalidParams(message=f"{str(data['method'])[:80]}: the parameters do not fit the "
                                         "protocol's types (a position's line and character are whole numbers "
                                         "from 0); send them as the Language Server Protocol defines")
            self._send_response(data["id"], error=error.to_response_error())
            return _ANSWERED
