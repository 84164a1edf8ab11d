"""H201 no-human: no person reachable at all."""

import pytest

from tests.conftest import At, codes_at, lint

NONE = """
entry: main
nodes:
  main:
    prompt: For opening hours, press 1. To end the call, press 2.
    options:
      "1": {label: Hours, goto: info}
      "2": {label: End, goto: bye}
  info: {type: message, prompt: Nine to five., next: main}
  bye: {type: hangup}
"""

CASES = [
    ("only recordings", NONE, [At("H201", 3, 3)]),
    ("a person on 0", NONE.replace('"2": {label: End, goto: bye}', '"0": {label: Advisor, goto: advisor}')
     + "  advisor: {type: agent}\n", []),
    ("near miss: reached only by waiting out the menu still counts", NONE.replace(
        "    options:", "    after_retries: advisor\n    options:") + "  advisor: {type: agent}\n", []),
    ("near miss: a transfer a person answers counts", NONE.replace("bye: {type: hangup}", "bye: {type: transfer, human: true}"), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_no_human(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="H201")) == expected


def test_message_and_state() -> None:
    (finding,) = lint(NONE, select="H201")
    assert finding.message == "no caller can reach a person" and finding.state is None
    (closed,) = lint("""
        entry: main
        hours: {office: {mon-fri: "09:00-17:00"}}
        nodes:
          main:
            prompt: To speak to an advisor, press 0.
            options:
              "0": {label: Advisor, goto: advisor}
          advisor: {type: agent, hours: office, closed: shut}
          shut: {type: message, prompt: We are closed., next: bye}
          bye: {type: hangup}
        """, select="H201")
    assert closed.state == "closed"
    assert closed.message == "no caller can reach a person, a callback or a voicemail outside hours"
