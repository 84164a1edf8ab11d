"""The facts of a real export as ivrcheck sees them, in the words of tests/import/real/FACTS.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ivrcheck import engine
from ivrcheck.config import Config
from ivrcheck.reading import menu_text
from ivrcheck.model import Menu, NodeType

REAL = Path(__file__).parent.parent / "import" / "real"
#: The facts compared, in the order FACTS.yaml writes them.
KEYS = ("refused", "menus", "first_keys", "person", "presses", "silent")


def observed(name: str, entry: str | None = None) -> dict[str, Any]:
    """What ivrcheck says of one regression export: refused (the F error code), menus a caller can
    meet, the first menu's keys, whether and in how many presses a person is reached (true, false or
    "unknown"), and whether a silent caller reaches one."""
    path = REAL / name
    result = engine.check_file(path, Config(entry=entry))
    if result.metrics is None:
        code = next(f.code for f in result.findings if f.code.startswith("F"))
        return {"refused": code, "menus": 0, "first_keys": [], "person": False, "presses": None, "silent": False}
    menu, _ = menu_text(path.read_text(encoding="utf-8"), str(path), entry=entry)
    assert menu is not None
    metrics = result.metrics
    met = _met(menu)
    first = next((menu.nodes[n] for n in met if menu.nodes[n].type is NodeType.MENU), None)
    steps = metrics["steps_to_human"]
    person = steps is not None or bool(metrics["fallback_to_human"])
    return {"menus": sum(menu.nodes[n].type is NodeType.MENU for n in met),
            "first_keys": [o.key for o in first.options if o.kind == "dtmf"] if first else [],
            # "unknown": only a hand-off whose answerer the export cannot show (`human: unknown`) is reached.
            "person": "unknown" if not person and metrics.get("person_unknown") else person,
            "presses": steps, "silent": bool(metrics["fallback_to_human"])}


def _met(menu: Menu) -> list[str]:
    """Node ids a call can meet from the entry, breadth first (every route, whatever the state)."""
    order, queue = [], [menu.entry.ref]
    while queue:
        node_id = queue.pop(0)
        if node_id in order or node_id not in menu.nodes:
            continue
        order.append(node_id)
        queue.extend(t.ref for t in menu.nodes[node_id].targets())
    return order


def expected(facts: dict[str, Any]) -> dict[str, Any]:
    return {key: facts.get(key) for key in KEYS if key in facts or key != "refused"}


def compare(facts: dict[str, Any], seen: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Fact -> (written down, ivrcheck) for every fact they differ on."""
    want = expected(facts)
    return {k: (want.get(k), seen.get(k)) for k in KEYS if want.get(k) != seen.get(k)}
