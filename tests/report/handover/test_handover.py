"""What the report says, before any layout: figures per state, the plain headline, the worst first."""

from __future__ import annotations

import pytest

from ivrcheck.engine import inspect_file
from ivrcheck.findings import Severity
from ivrcheck.report.handover import figures, format_for, headline, line_reports
from tests.conftest import MENUS


def test_a_line_without_hours_has_one_row_and_one_sentence() -> None:
    (report,) = line_reports([inspect_file(MENUS / "acme-bank.ivr.yaml")])
    assert [name for name, _ in figures(report.metrics)] == ["At any time"]
    assert headline(report) == "No problems found. A caller reaches a person in 1 key press (10.8 s)."


def test_each_schedule_state_gets_its_own_row_and_sentence() -> None:
    (report,) = line_reports([inspect_file(MENUS / "bad-everything.ivr.yaml")])
    rows = dict(figures(report.metrics))
    assert rows["In open hours"]["steps_to_human"] == 4 and rows["Outside hours"]["steps_to_human"] is None
    assert headline(report).endswith("In open hours, a caller reaches a person in 4 key presses (10.8 s). "
                                     "Outside hours, a caller cannot reach a person.")


def test_a_state_never_borrows_the_open_figures() -> None:
    metrics = {"steps_to_human": 1, "seconds_to_human": 4.4, "by_state": {"open": {}, "closed": {"expected_seconds": 9}}}
    rows = dict(figures(metrics))
    assert rows["In open hours"]["steps_to_human"] == 1 and "steps_to_human" not in rows["Outside hours"]


def test_worst_findings_first_then_in_file_order() -> None:
    (report,) = line_reports([inspect_file(MENUS / "wording-defects.ivr.yaml")])
    worst = report.worst(len(report.findings))
    ranks = [{Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}[f.severity] for f in worst]
    assert ranks == sorted(ranks) and worst[0].severity is Severity.ERROR
    same = [f for f in worst if f.severity is Severity.WARNING]
    assert same == sorted(same, key=lambda f: f.sort_key())


def test_every_menu_is_detailed_with_the_seconds_each_option_is_heard() -> None:
    inspection = inspect_file(MENUS / "auto-attendant.ivr.yaml")
    (report,) = line_reports([inspection])
    (main,) = report.menus
    keys = {o.key: o.seconds for o in main.options}
    prompt = inspection.menu.nodes["main"].prompt
    assert keys["3 digits"] == round(inspection.line.language.seconds_until(prompt, "extension"), 1)
    assert keys["0"] == round(inspection.line.language.seconds_until(prompt, "0"), 1)
    assert ("after 5 s of silence", "operator") in main.handling


@pytest.mark.parametrize("name, explicit, expected", [
    ("r.html", None, "html"), ("r.HTM", None, "html"), ("r.md", None, "md"), ("-", None, "html"),
    ("r.txt", None, None), ("r", None, None), ("r.html", "md", "md"), ("r.md", "pdf", None),
])
def test_format_from_name_or_option(name: str, explicit: str | None, expected: str | None) -> None:
    assert format_for(name, explicit) == expected
