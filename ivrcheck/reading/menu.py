"""One text or bytes -> (Menu | None, F0xx findings): a platform export through its importer, else our YAML."""

from __future__ import annotations

from ivrcheck import importers
from ivrcheck.findings import Finding
from ivrcheck.load.menu import from_error, yaml_menu
from ivrcheck.load.source import Limits, decode
from ivrcheck.model import Menu


def menu_text(text: str, display: str = "<menu>", limits: Limits = Limits(), *,
              source_format: str | None = None, entry: str | None = None) -> tuple[Menu | None, list[Finding]]:
    """Load a menu from text. The Menu is None when any error-level load finding exists.

    `source_format` names the format (`--from`); without it a platform export is recognised
    by its content and anything else is read as our YAML. `entry` overrides where calls
    start, for formats that do not say.
    """
    importer = importers.BY_NAME.get(source_format or "") or (
        None if source_format == importers.NATIVE else importers.detect(text, display))
    if importer is not None:
        return importer.read(text, display, entry)
    return yaml_menu(text, display, limits, entry)


def menu_bytes(data: bytes, display: str, limits: Limits = Limits()) -> tuple[Menu | None, list[Finding]]:
    """Load a menu from raw bytes: the encoding is checked first (F002 points at a bad byte)."""
    text, error = decode(data)
    if text is None:
        return None, [from_error(display, error)] if error else []
    return menu_text(text, display, limits)


