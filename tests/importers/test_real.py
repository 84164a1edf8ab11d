"""The real-export regression set (tests/import/real): ivrcheck agrees with the facts written down
before it ran (menus, first keys, person reachable, presses to a person, silent caller)."""

from __future__ import annotations

import pytest
import yaml

from tests.importers.real_facts import REAL, compare, observed

FACTS: dict = yaml.safe_load((REAL / "FACTS.yaml").read_text(encoding="utf-8"))
#: Files ivrcheck reads differently on purpose, and why (strict: the test fails once they agree).
#: A hand-off whose answerer the export cannot show is `human: unknown` (issue 24): neither a person nor
#: proof of none, so "person reached" reads "unknown" where the facts, written by a reader, say a person.
UNKNOWN = "the export cannot show who answers (human: unknown): ivrcheck says unknown, the facts say a person"
BY_DESIGN = {
    "freeswitch/callplan-menu.xml": f"a transfer to a dialplan extension; {UNKNOWN}",
    "freeswitch/queues-ivr.xml": f"a transfer to a dialplan extension; {UNKNOWN}",
    "voicexml/bridged-transfer.vxml": f"a transfer to a bare telephone number; {UNKNOWN}",
    "connect/patient-line.json": "only hand-offs to flows this file does not contain (one is named to_agent): "
                                 "ivrcheck says unknown, the facts say no person in this file",
    "voicexml/transfer-tests.vxml": "every key leaves for another document (transfer trials): ivrcheck says "
                                    "unknown, the facts say no person in this file",
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


@pytest.mark.parametrize("name", sorted(BY_DESIGN))
def test_what_ivrcheck_reads_differently_on_purpose_is_unknown_never_no_person(name: str) -> None:
    """The files above differ only in "person": ivrcheck says "unknown", never a wrong "no person"."""
    facts = FACTS[name]
    differs = compare(facts, observed(name, facts.get("entry")))
    assert differs["person"][1] == "unknown" and set(differs) <= {"person", "presses", "silent"}
