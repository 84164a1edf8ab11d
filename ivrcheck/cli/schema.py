"""`ivrcheck schema`: the menu format's JSON Schema, for editors and other tools."""

from __future__ import annotations

from ivrcheck.cli.options import OutputOpt
from ivrcheck.cli.process import emit


def schema(output: OutputOpt = None) -> None:
    """Print the JSON Schema (draft-07) of the menu format, for editors and other tools."""
    import json

    from ivrcheck.load.json_schema import menu_schema

    emit(json.dumps(menu_schema(), indent=2, ensure_ascii=False) + "\n", output)
