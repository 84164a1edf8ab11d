"""The real-export regression set (tests/import/real): ivrcheck agrees with the facts written down
before it ran (menus, first keys, person reachable, presses to a person, silent caller)."""

from __future__ import annotations

import pytest
import yaml

from tests.importers.real_facts import REAL, compare, observed

FACTS: dict = yaml.safe_load((REAL / "FACTS.yaml").read_text(encoding="utf-8"))
#: Files ivrcheck reads differently on purpose, and why (strict: the test fails once they agree).
BY_DESIGN = {
    "freeswitch/callplan-menu.xml": "a transfer to a dialplan extension is not counted as a person",
    "freeswitch/queues-ivr.xml": "a transfer to a dialplan extension is not counted as a person",
}


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(reason=BY_DESIGN[n], strict=True))
                                  if n in BY_DESIGN else n for n in FACTS])
def test_ivrcheck_agrees_with_the_facts_written_before_it_ran(name: str) -> None:
    facts = FACTS[name]
    assert compare(facts, observed(name, facts.get("entry"))) == {}


def test_the_set_holds_at_least_twenty_exports_each_with_a_source() -> None:
    sources = (REAL / "SOURCES.md").read_text(encoding="utf-8")
    assert len(FACTS) >= 20 and all(f"| {name} |" in sources for name in FACTS)
    assert all((REAL / name).is_file() for name in FACTS)
