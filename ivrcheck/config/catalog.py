"""The rules' codes, names and settings, stored as a table: a run whose results are all kept in the
cache validates its config against it and never imports the rules, the graph or networkx.

`rules.catalog()` is the source; `scripts/gen_catalog.py` writes it to `catalog.json` beside this
module, and tests/test_catalog_table.py fails while the table differs from it.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from ivrcheck.config.values import CodeInfo

#: The table beside this module.
FILE = "catalog.json"


def stored() -> list[CodeInfo] | None:
    """The stored catalog, or None when it is missing or unreadable (the caller asks the rules then)."""
    try:
        rows = json.loads(resources.files(__package__).joinpath(FILE).read_bytes())
        return [CodeInfo(str(code), str(name), dict(settings), bool(is_rule)) for code, name, settings, is_rule in rows]
    except (OSError, ValueError, TypeError):
        return None


def table_text(catalog: list[CodeInfo]) -> str:
    """The table of a catalog, as the script writes it: one row per code."""
    rows: list[list[Any]] = [[c.code, c.name, dict(c.settings), c.is_rule] for c in catalog]
    return "[\n" + ",\n".join(json.dumps(row, sort_keys=True) for row in rows) + "\n]\n"
