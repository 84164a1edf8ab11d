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

from types import ModuleType

from ivrcheck.importers import (
    asterisk,
    connect,
    freeswitch,
    genesys,
    studio,
    voicexml,
)

#: Every importer, in the order `detect` tries them (one a line, so branches adding formats merge cleanly).
IMPORTERS: tuple[ModuleType, ...] = (
    genesys,
    connect,
    studio,
    freeswitch,
    asterisk,
    voicexml,
)
BY_NAME: dict[str, ModuleType] = {module.NAME: module for module in IMPORTERS}
#: The menu format's own name for `--from`.
NATIVE = "ivr"


def names() -> tuple[str, ...]:
    """Every value `--from` accepts."""
    return (NATIVE, *BY_NAME)


def detect(text: str, filename: str) -> ModuleType | None:
    """The importer whose format this text is in, or None for our own YAML (or anything unknown)."""
    return next((module for module in IMPORTERS if module.detect(text, filename)), None)


__all__ = ["BY_NAME", "IMPORTERS", "NATIVE", "detect", "names"]
