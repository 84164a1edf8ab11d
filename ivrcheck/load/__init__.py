"""Load step: our menu YAML -> (Menu | None, F0xx findings), and what every reader shares. Never raises on bad input.

The lower reader: bytes and text (source.py), the node tree (reader.py), the fields (schema.py),
the model (build.py), `file#node` references (refs.py) and the one factory of F-code findings
(codes.py). Platform importers build on these; `reading/` above both picks the reader of a
text and reads whole phone lines.
"""


from typing import Any

from ivrcheck.load.codes import LOAD_CODES, load_finding
from ivrcheck.load.source import Limits

__all__ = ["Limits", "LOAD_CODES", "from_error", "load_finding", "yaml_menu"]


def __getattr__(name: str) -> Any:
    """The YAML reader is imported when first asked for: the F codes alone (a kept result's report,
    `load.codes`) need neither it nor the language models it reads labels with."""
    if name in ("from_error", "yaml_menu"):
        from ivrcheck.load import menu

        return getattr(menu, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
