"""S104 trap-loop: a cycle with no way out."""

import pytest

from tests.conftest import At, codes_at, lint

TRAP = """
entry: main
nodes:
  main:
    prompt: For opening hours, press 1.
    options:
      "1": {label: Hours, goto: info}
  info: {type: message, prompt: Nine to five., next: main}
"""

CASES = [
    ("menu and message loop", TRAP, [At("S104", 3, 3)]),
    ("fixed with a way to a person", TRAP.replace(
        '"1": {label: Hours, goto: info}', '"1": {label: Hours, goto: info}\n      "0": {label: Advisor, goto: advisor}')
     + "  advisor: {type: agent}\n", []),
    ("near miss: after_retries to a person is a way out", TRAP.replace(
        "    options:", "    after_retries: advisor\n    options:") + "  advisor: {type: agent}\n", []),
    ("disconnecting after errors is no way out", TRAP.replace(
        "    options:", "    after_retries: bye\n    options:") + "  bye: {type: hangup}\n", [At("S104", 3, 3)]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_trap_loop(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="S104")) == expected


def test_message_prints_the_cycle_from_its_first_node() -> None:
    (finding,) = lint(TRAP, select="S104")
    assert finding.message == 'callers who reach "main" -> "info" -> "main" can never leave but by hanging up'
    assert finding.state is None


def test_a_trap_only_outside_hours_names_the_state() -> None:
    (finding,) = lint("""
        entry: main
        hours: {office: {mon-fri: "09:00-17:00"}}
        nodes:
          main:
            prompt: For an advisor, press 0.
            options:
              "0": {label: Advisor, goto: advisor}
          advisor: {type: agent, hours: office, closed: closed_msg}
          closed_msg: {type: message, prompt: We are closed., next: main}
        """, select="S104")
    assert finding.state == "closed"


SILENT_AT_NIGHT = """
entry: start
defaults: {timeout: 6, retries: 2, on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
hours:
  office: {mon-fri: "08:00-17:00"}
nodes:
  start: {type: branch, on: hours, hours: office, cases: {open: main, closed: closed_menu}}
  main:
    prompt: For claims, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Claims, goto: advisor}
      "0": {label: Speak to an advisor, goto: advisor}
  closed_menu:
    prompt: We are closed. To leave a message, press 1.
    options:
      "1": {label: Leave a message, goto: voicemail}
  advisor: {type: agent, queue: general, hours: office, closed: CLOSED}
  voicemail: {type: voicemail, confirmation: sms}
"""


def test_a_silent_caller_looping_outside_hours_is_trapped_in_that_state() -> None:
    """closed menu -> after_retries -> the agent -> closed: -> the closed menu, for ever."""
    (finding,) = lint(SILENT_AT_NIGHT.replace("CLOSED", "closed_menu"), select="S104")
    assert finding.state == "closed"
    assert finding.message.startswith('a caller who presses nothing goes "closed_menu" -> "advisor" -> "closed_menu"')


def test_a_silent_caller_who_ends_in_voicemail_is_not_trapped() -> None:
    assert lint(SILENT_AT_NIGHT.replace("CLOSED", "voicemail"), select="S104") == []


def test_near_miss_after_retries_that_hangs_up_is_no_silent_trap() -> None:
    """Dropping the call is R503's business, not a loop."""
    text = SILENT_AT_NIGHT.replace("CLOSED", "closed_menu").replace("after_retries: advisor}", "}")
    assert lint(text, select="S104") == []
