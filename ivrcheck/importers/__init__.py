"""Platform exports -> the same model the YAML loader builds, so every rule reads every format.

Each module here reads one format and declares:

    NAME = "connect"                      # the value of `--from`
    TITLE = "Amazon Connect flow (JSON)"  # how messages name the format
    def detect(text: str, filename: str) -> bool: ...
    ROOTS = ("vxml",)                     # optional: XML root elements that name the format
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
#: How far `xml_root` looks for the root element: past a long prolog it gives up (no YAML starts with `<`).
_PROLOG = 65_536
#: The start of an element and its name (a prefix before `:` is dropped by `xml_root`).
_BLANK = re.compile(r"[\ufeff \t\r\n]*+")
_START = re.compile(r"<([A-Za-z_][\w.:-]*+)")


#: `--from` name -> importer module, imported on first use (the one lazy registry, ivrcheck/lazy.py).
BY_NAME: Mapping[str, ModuleType] = LazyModules("ivrcheck.importers", {name: name for name in NAMES})


def names() -> tuple[str, ...]:
    """Every value `--from` accepts."""
    return (NATIVE, *NAMES)


def detect(text: str, filename: str) -> ModuleType | None:
    """The importer whose format this text is in, or None for our own YAML (or anything unknown)."""
    if {m.group(1) for m in _NATIVE.finditer(text[:1_000_000])} == {"entry", "nodes"}:
        return None
    modules = [BY_NAME[name] for name in NAMES]
    found = next((module for module in modules if module.detect(text, filename)), None)
    if found is None and (root := xml_root(text)) is not None:
        # Content detection reads a bounded prefix; an XML file whose telling tags lie past it
        # (a long attribute, deep nesting) is still XML, never a YAML menu: its root decides.
        found = next((module for module in modules if root in getattr(module, "ROOTS", ())), None)
    return found


def xml_root(text: str) -> str | None:
    """The local name of an XML document's root element, read from its first characters.

    Only the prolog is skipped (a declaration, comments, processing instructions, a DOCTYPE),
    within the first `_PROLOG` characters: the answer never depends on how long the lines
    after the root's name are or how deep the document nests.
    """
    head, at = text[:_PROLOG], 0
    while True:
        at = _BLANK.match(head, at).end()
        if head.startswith("<?", at):
            end = head.find("?>", at)
        elif head.startswith("<!--", at):
            end = head.find("-->", at)
        elif head.startswith("<!", at):
            end = _doctype_end(head, at)
        else:
            match = _START.match(head, at)
            return match.group(1).rpartition(":")[2] if match else None
        if end == -1:
            return None
        at = head.find(">", end) + 1


def _doctype_end(head: str, at: int) -> int:
    """Where a `<!DOCTYPE ...>` ends: after its internal subset `[...]` when it has one."""
    close, bracket = head.find(">", at), head.find("[", at)
    return head.find("]", bracket) if -1 < bracket < close else close


__all__ = ["BY_NAME", "NAMES", "NATIVE", "detect", "names", "xml_root"]
