"""Load step: a file (ours, or a platform's export) -> (Menu | None, F0xx findings). Never raises on bad input.

`menu_text` reads one text, `read_file` one file, and `phone_line` a file with every file its
`file#node` targets reach, merged into one model: the one way the engine loads anything.
"""

from ivrcheck.load.codes import LOAD_CODES, load_finding
from ivrcheck.load.line import LoadedFile, PhoneLine, phone_line, read_file, read_text_as_file
from ivrcheck.load.menu import from_error, menu_bytes, menu_text
from ivrcheck.load.source import Limits

__all__ = ["Limits", "LOAD_CODES", "LoadedFile", "PhoneLine", "from_error", "load_finding", "menu_bytes", "menu_text",
           "phone_line", "read_file", "read_text_as_file"]
