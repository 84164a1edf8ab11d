"""Platform exports -> the same model the YAML loader builds, so every rule reads every format.

Each module here reads one format and declares:

    NAME = "connect"                      # the value of `--from`
    TITLE = "Amazon Connect flow (JSON)"  # how messages name the format
    def detect(text: str, filename: str) -> bool: ...
    def read(text: str, display: str, entry: str | None) -> tuple[Menu | None, list[Finding]]: ...

`read` never raises on bad input: problems become positioned F findings (`load_finding`),
and what cannot be known statically becomes an opaque node with an info finding.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import ModuleType

from ivrcheck.lazy import LazyModules

#: Every importer, in the order `detect` tries them (one a line, so branches adding formats merge cleanly).
#: Modules are imported only when a file needs them: checking our own YAML imports none.
NAMES: tuple[str, ...] = (
    "genesys",
    "connect",
    "studio",
    "freeswitch",
    "asterisk",
    "voicexml",
)
#: The menu format's own name for `--from`.
NATIVE = "ivr"
#: Our own format: a top level with both `entry:` and `nodes:` (no platform export has them).
_NATIVE = re.compile(r"^(entry|nodes)[ \t]*:", re.MULTILINE)


#: `--from` name -> importer module, imported on first use (the one lazy registry, ivrcheck/lazy.py).
BY_NAME: Mapping[str, ModuleType] = LazyModules("ivrcheck.importers", {name: name for name in NAMES})


def names() -> tuple[str, ...]:
    """Every value `--from` accepts."""
    return (NATIVE, *NAMES)


def detect(text: str, filename: str) -> ModuleType | None:
    """The importer whose format this text is in, or None for our own YAML (or anything unknown)."""
    if {m.group(1) for m in _NATIVE.finditer(text[:1_000_000])} == {"entry", "nodes"}:
        return None
    return next((module for module in map(BY_NAME.__getitem__, NAMES) if module.detect(text, filename)), None)


__all__ = ["BY_NAME", "NAMES", "NATIVE", "detect", "names"]
