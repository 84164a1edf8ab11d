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
    # A hand-off whose answerer is unknown (an imported transfer to another flow) is no proof of "no person".
    ("a transfer nobody answers", NONE.replace("bye: {type: hangup}", "bye: {type: transfer, human: false}"),
     [At("H201", 3, 3)]),
    ("near miss: a hand-off of unknown answerer", NONE.replace("bye: {type: hangup}", "bye: {type: transfer, human: unknown}"), []),
    ("an unknown hand-off nothing reaches still leaves no person", NONE + "  other: {type: transfer, human: unknown}\n",
     [At("H201", 3, 3)]),
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


# Issue 30, pattern 8: outside hours every person leads back into the menu.
LOOP_BACK = """
entry: main
defaults: {on_timeout: repeat, on_invalid: repeat}
hours: {office: {mon-fri: "09:00-17:00"}}
nodes:
  main:
    prompt: For renewals, press 1. To speak to a representative, press 0.
    options:
      "1": {label: Renewals, goto: renew}
      "0": {label: Representative, goto: agent}
  renew: {type: self_service, next: main}
  agent: {type: agent, hours: office, closed: closed_menu}
  closed_menu:
    prompt: We are open nine to five. To return to the main menu, press 1.
    options:
      "1": {label: Main menu, goto: main}
"""


def test_a_closed_state_where_every_person_leads_back_names_the_loop() -> None:
    (finding,) = lint(LOOP_BACK, select="H201")
    assert finding.state == "closed"
    assert 'every person leads back into the menu ("agent" -> "closed_menu" -> "main")' in finding.message
    assert finding.help.startswith('give "closed_menu" a callback or voicemail option')


def test_a_closed_menu_with_a_callback_is_no_loop() -> None:
    fixed = LOOP_BACK.replace("To return to the main menu, press 1.",
                              "To be called back tomorrow, press 2. To return to the main menu, press 1.").replace(
        '      "1": {label: Main menu, goto: main}',
        '      "1": {label: Main menu, goto: main}\n      "2": {label: Callback, goto: cb}\n  cb: {type: callback}')
    assert lint(fixed, select="H201") == []


def test_a_closed_person_that_hangs_up_is_no_loop() -> None:
    """Near miss: nothing is offered outside hours, but the call ends instead of going round (H205)."""
    ends = LOOP_BACK.replace("closed: closed_menu}", "closed: bye}\n  bye: {type: hangup}")
    (finding,) = lint(ends, select="H201")
    assert finding.message == "no caller can reach a person, a callback or a voicemail outside hours"
    direct = LOOP_BACK.replace("closed: closed_menu}", "closed: main}")
    (loop,) = lint(direct, select="H201")
    assert '("agent" -> "main")' in loop.message and loop.help == 'point `closed:` of "agent" at a callback or voicemail'


BRANCHED = """
entry: start
hours: {reception: {mon-fri: "08:00-17:00"}}
nodes:
  start:
    type: branch
    "on": hours
    hours: reception
    cases: {open: main, closed: after_hours}
  main:
    prompt: For appointments, press 1.
    options:
      "1": {label: Appointments, goto: desk}
  desk: {type: agent, hours: reception, closed: after_hours}
  after_hours: {type: message, prompt: "Reception is closed. Please call back in office hours.", next: bye}
  bye: {type: hangup}
"""


def test_outside_hours_the_finding_sits_where_the_hours_branch_sends_the_calls() -> None:
    """Issue 30 (trust corpus, a blind judge: "the planted defect sits at fuera_horario, not at this
    entry node"): the callback or voicemail belongs in the closed-hours message, so the finding is there."""
    (finding,) = lint(BRANCHED, select="H201")
    assert (finding.node_id, finding.state) == ("after_hours", "closed")
    assert codes_at([finding]) == [At("H201", 14, 3)]


def test_fixed_the_closed_hours_place_offers_a_voicemail() -> None:
    text = BRANCHED.replace("next: bye}", "next: vm}\n  vm: {type: voicemail, promise: the next working day}")
    assert lint(text, select="H201") == []


def test_near_miss_without_an_hours_branch_the_finding_stays_at_the_entry() -> None:
    text = BRANCHED.replace("entry: start", "entry: main")
    (finding,) = lint(text, select="H201")
    assert finding.node_id == "main"
