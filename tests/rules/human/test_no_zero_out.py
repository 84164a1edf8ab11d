"""H203 no-zero-out: 0 does not reach a person."""

import pytest

from tests.conftest import At, codes_at, lint

NO_ZERO = """
entry: main
nodes:
  main:
    prompt: For cards, press 1.
    options:
      "1": {label: Cards, goto: advisor}
  advisor: {type: agent}
"""

CLOSED = """
entry: main
hours: {office: {mon-fri: "09:00-17:00"}}
nodes:
  main:
    prompt: For an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent, hours: office, closed: bye}
  bye: {type: hangup}
"""

CASES = [
    ("0 unbound", NO_ZERO, [At("H203", 3, 3)]),
    ("0 to a person", NO_ZERO.replace('"1": {label: Cards, goto: advisor}', '"0": {label: Advisor, goto: advisor}'), []),
    ("closed queue hangs up", CLOSED, [At("H203", 7, 7)]),
    ("closed queue offers a callback", CLOSED.replace("closed: bye}", "closed: cb}\n  cb: {type: callback}"), []),
    ("near miss: 0 bound to a submenu is H204, not H203", NO_ZERO.replace(
        '"1": {label: Cards, goto: advisor}', '"0": {label: More, goto: main}'), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_no_zero_out(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="H203")) == expected


def test_messages_and_state() -> None:
    (unbound,) = lint(NO_ZERO, select="H203")
    assert unbound.message == 'pressing "0" in menu "main" does nothing' and unbound.state is None
    (closed,) = lint(CLOSED, select="H203")
    assert closed.state == "closed" and "outside hours" in closed.message


DAYTIME_MENU_AT_NIGHT = """
entry: start
defaults: {timeout: 6, retries: 2, on_timeout: repeat, on_invalid: repeat, after_retries: callback}
hours:
  office: {mon-fri: "08:00-17:00"}
nodes:
  start: {type: branch, on: hours, hours: office, cases: {open: main, closed: night}}
  main:
    prompt: For claims, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Claims, goto: callback}
      "0": {label: Speak to an advisor, goto: desk}
  night:
    prompt: For your claim status, press 1. To book a callback, press 0.
    options:
      "1": {label: Claim status, goto: status}
      "0": {label: Book a callback, goto: callback}
  status: {type: self_service, next: main}
  desk: {type: agent, queue: general, hours: office, closed: bye}
  bye: {type: hangup}
  callback: {type: callback, confirmation: sms}
"""


def test_a_finding_in_one_state_names_the_route_that_causes_it() -> None:
    """Night callers sent back into the daytime menu by a self-service `next:` meet a closed desk."""
    (finding,) = lint(DAYTIME_MENU_AT_NIGHT, select="H203")
    assert finding.state == "closed" and finding.node_id == "main"
    assert '"start" -> "night" -> "status" -> "main"' in finding.message
    assert '"desk" is closed and offers nothing instead' in finding.message
