"""The bundled example menus behave as the README promises."""

import os
from pathlib import Path

import pytest

from ivrcheck.engine import check_file
from ivrcheck.findings import Severity
from ivrcheck.report.text import line
from ivrcheck.rules import ALL_RULES
from tests.conftest import MENUS

GOLDEN = Path(__file__).parent / "golden"
GOOD = ["acme-bank", "energia", "clinic-hours", "auto-attendant", "monikielinen", "farmacia"]


def check(name: str):
    result = check_file(MENUS / f"{name}.ivr.yaml", display=f"menus/{name}.ivr.yaml")
    assert result.score is not None, [f.text for f in result.findings]
    return result


@pytest.mark.parametrize("name", GOOD)
def test_good_menus_have_no_warnings_and_score_at_least_95(name: str) -> None:
    result = check(name)
    assert [f.text for f in result.findings if f.severity >= Severity.WARNING] == []
    assert result.score >= 95


def test_the_english_showcase_scores_at_least_95() -> None:
    result = check("acme-bank")
    assert result.score >= 95 and result.metrics["steps_to_human"] == 1


def test_finnish_menu_is_read_in_finnish() -> None:
    result = check("energia")
    assert result.metrics["seconds_to_human"] is not None


def test_hours_menu_is_checked_open_and_closed() -> None:
    metrics = check("clinic-hours").metrics
    assert set(metrics["by_state"]) == {"open", "closed"}
    assert metrics["by_state"]["closed"]["zero_out_coverage"] == 1.0


#: The rules for what callers need beyond a clear menu (issue 16), shown together in bad-caller-needs.
CALLER_NEEDS = {"H208", "H209", "L305", "L306", "L307", "P407", "P408", "R507"}
#: The rules of an audit against the law (issue 25), shown by the lines in menus/audit/.
AUDIT = {"H210", "H211", "H212", "H213", "R508", "R509", "R510", "H214"}
AUDIT_LINES = ("audit/es/no-conforme", "audit/eu/energy-eaa", "audit/us/benefits-508")


def test_bad_menu_triggers_every_structure_human_and_robustness_rule() -> None:
    codes = {f.code for f in check("bad-everything").findings}
    assert {r.CODE for r in ALL_RULES if r.CODE[0] in "SHR"} - CALLER_NEEDS - AUDIT <= codes


def test_wording_menu_triggers_every_label_and_prompt_rule() -> None:
    codes = {f.code for f in check("wording-defects").findings}
    assert {r.CODE for r in ALL_RULES if r.CODE[0] in "LP"} - CALLER_NEEDS <= codes


def test_caller_needs_menu_triggers_every_caller_needs_rule() -> None:
    codes = {f.code for f in check("bad-caller-needs").findings}
    assert CALLER_NEEDS <= codes


def test_every_rule_is_shown_by_a_bad_example() -> None:
    names = ("bad-everything", "wording-defects", "bad-caller-needs", *AUDIT_LINES)
    codes = {f.code for name in names for f in check(name).findings}
    assert {r.CODE for r in ALL_RULES} <= codes


def test_the_multilingual_line_is_clean_and_serves_each_language_in_its_own() -> None:
    result = check("monikielinen")
    assert result.findings == () and result.score == 100


@pytest.mark.parametrize("name", ["bad-everything", "wording-defects", "bad-caller-needs"])
def test_golden_output(name: str) -> None:
    """Whole-file behaviour: `x.ivr.yaml` -> `x.out`, one finding a line (IVRCHECK_UPDATE_GOLDEN=1 refreshes)."""
    text = "".join(line(f) + "\n" for f in check(name).findings)
    golden = GOLDEN / f"{name}.out"
    if os.environ.get("IVRCHECK_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
