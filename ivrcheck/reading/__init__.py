"""Reading step: a file, text or phone line -> the model, whatever its format. Never raises on bad input.

It sits above both readers it chooses between, load/ (our YAML) and importers/ (platform
exports): `menu_text` reads one text, `read_file` one file, and `phone_line` a file with every
file its `file#node` targets reach, merged into one model: the one way the engine loads anything.
"""

from ivrcheck.reading.line import (LoadedFile, PhoneLine, phone_line, read_file, read_stream_as_file,
                                   read_text_as_file)
from ivrcheck.reading.menu import menu_bytes, menu_text

__all__ = ["LoadedFile", "PhoneLine", "menu_bytes", "menu_text", "phone_line", "read_file", "read_stream_as_file",
           "read_text_as_file"]
