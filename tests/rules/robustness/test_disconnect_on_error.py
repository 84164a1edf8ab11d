"""R503 disconnect-on-error: retries running out drop the call."""

import pytest

from ivrcheck.findings import Severity

from tests.conftest import At, codes_at, lint

BASE = """
entry: main
defaults: {timeout: 5, retries: 3, on_timeout: repeat, on_invalid: repeat{after}}
nodes:
  main:
    prompt: For an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
  sorry: {type: message, prompt: Sorry. Goodbye., next: bye}
  bye: {type: hangup}
"""

CASES = [
    ("no after_retries", BASE.replace("{after}", ""), [At("R503", 4, 3)]),
    ("to a person", BASE.replace("{after}", ", after_retries: advisor"), []),
    ("to a goodbye that hangs up", BASE.replace("{after}", ", after_retries: sorry"), [At("R503", 2, 91)]),
    ("near miss: back to the main menu keeps the caller", BASE.replace("{after}", ", after_retries: main"), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_disconnect_on_error(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="R503")) == expected


def test_message_and_closed_state() -> None:
    (finding,) = lint(BASE.replace("{after}", ""), select="R503")
    assert finding.message == 'callers who run out of retries in "main" are disconnected'
    (closed,) = lint("""
        entry: main
        hours: {office: {mon-fri: "09:00-17:00"}}
        defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
        nodes:
          main:
            prompt: For an advisor, press 0.
            options:
              "0": {label: Advisor, goto: advisor}
          advisor: {type: agent, hours: office, closed: bye}
          bye: {type: hangup}
        """, select="R503")
    assert closed.state == "closed"


SERVED = """
entry: main
defaults: {{on_timeout: repeat, on_invalid: repeat, after_retries: advisor}}
nodes:
  main:
    prompt: To refill a prescription, press 1. For an advisor, press 0.
    options:
      "1": {{label: Refill, goto: refill}}
      "0": {{label: Advisor, goto: advisor}}
  refill: {{type: self_service, changes: true, next: {arrival}}}
  recap:
    prompt: Your refill is ordered. To refill another, press 1. If you're done, you can hang up.
    after_retries: bye
    options:
      "1": {{label: Refill another, goto: refill}}
  other:
    prompt: To order a refill, press 1.
    after_retries: bye
    options:
      "1": {{label: Refill, goto: {other}}}
  advisor: {{type: agent}}
  bye: {{type: hangup}}
"""

REPLAY = """
entry: main
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: For payment dates, press 1. For an advisor, press 0.
    options:
      "1": {label: Payment dates, goto: hours}
      "0": {label: Advisor, goto: advisor}
  hours: {type: message, prompt: Pensions are paid on the first banking day., next: more}
  more:
    prompt: To ask an advisor, press 0. To hear this again, press star. For the start, press hash.
    after_retries: bye
    options:
      "0": {label: Advisor, goto: advisor}
      "*": {label: Hear the information again, goto: AGAIN}
      "#": {label: Start, goto: main}
  fees: {type: message, prompt: Fees are listed on our website., next: fee_menu}
  fee_menu:
    prompt: To pay a fee, press 1.
    options:
      "1": {label: Pay a fee, goto: advisor}
  advisor: {type: agent}
  bye: {type: hangup}
"""

WINDING_UP = [
    ("after service: heard only once the refill is done", SERVED.format(arrival="recap", other="refill"), []),
    ("near miss: the same menu is also chosen from another menu mid-task",
     SERVED.format(arrival="recap", other="recap").replace('"1": {label: Refill, goto: refill}',
                                                           '"1": {label: Refill, goto: other}'),
     [At("R503", 12, 20), At("R503", 17, 20)]),
    ("closing menu: anything else, main menu or goodbye", """
        entry: main
        defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
        nodes:
          main:
            prompt: For opening hours, press 1. For an advisor, press 0.
            options:
              "1": {label: Opening hours, goto: hours}
              "0": {label: Advisor, goto: advisor}
          hours: {type: message, prompt: We are open nine to five., next: more}
          more:
            prompt: For the main menu, press 1. To finish, press 2.
            after_retries: bye
            options:
              "1": {label: Main menu, goto: main}
              "2": {label: Finish, goto: bye}
          advisor: {type: agent}
          bye: {type: hangup}
        """, []),
    ("closing menu with a key to hear the information again (through the message, back here)",
     REPLAY.replace("AGAIN", "hours"), []),
    ("near miss: the key leads on to another message and menu, not back here: a task is open",
     REPLAY.replace("AGAIN", "fees"), [At("R503", 12, 20)]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in WINDING_UP], ids=[c[0] for c in WINDING_UP])
def test_no_task_cut_short(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="R503")) == expected


AFTER_HOURS = """
entry: main
hours: {{office: {{mon-fri: "09:00-17:00"}}}}
defaults: {{on_timeout: repeat, on_invalid: repeat, after_retries: advisor}}
nodes:
  main:
    prompt: For an advisor, press 0.
    options:
      "0": {{label: Advisor, goto: advisor}}
  advisor: {{type: agent, hours: office, closed: closed}}
  closed:
    prompt: We are open nine to five. For a callback, press 1.{extra}
    after_retries: bye
    options:
      "1": {{label: Callback, goto: callback}}{extra_option}
  callback: {{type: callback, promise: by noon the next working day}}
  nurse: {{type: agent}}
  bye: {{type: hangup}}
"""


def test_after_hours_menu_with_nobody_live() -> None:
    assert lint(AFTER_HOURS.format(extra="", extra_option=""), select="R503") == []


def test_near_miss_after_hours_menu_that_still_reaches_a_person() -> None:
    """Heard only as the closed advisor's fallback: the caller was told what is left (a 24-hour nurse and
    a callback), so a goodbye after failed tries is harsh, not a task cut short. Info, not a warning."""
    text = AFTER_HOURS.format(extra=" For the nurse, press 2.",
                              extra_option='\n      "2": {label: Nurse, goto: nurse}')
    (finding,) = lint(text, select="R503")
    assert codes_at([finding]) == [At("R503", 12, 20)]
    assert finding.severity.value == "info"
    assert "an after-hours menu, heard only as a closed person's fallback" in finding.message


def test_the_same_menu_heard_also_by_open_hours_callers_still_warns() -> None:
    """Defect kept: reached from the main menu too, the menu may hold a caller in the middle of a task."""
    text = AFTER_HOURS.format(extra=" For the nurse, press 2.",
                              extra_option='\n      "2": {label: Nurse, goto: nurse}')
    text = text.replace('      "0": {label: Advisor, goto: advisor}',
                        '      "0": {label: Advisor, goto: advisor}\n      "9": {label: Closed menu, goto: closed}')
    text = text.replace("prompt: For an advisor, press 0.", "prompt: For an advisor, press 0. For the rest, press 9.")
    (finding,) = lint(text, select="R503")
    assert finding.severity.value == "warning"
    assert "after-hours" not in finding.message


CLAIMS = BASE.replace("{after}", ", after_retries: advisor").replace(
    '      "0": {label: Advisor, goto: advisor}', '      "0": {label: Advisor, goto: advisor}\n    on_invalid: {wrong}')


@pytest.mark.parametrize("wrong, expected", [
    ("sorry", [At("R503", 8, 17)]),    # defect: the first wrong key hangs up
    ("repeat", []),                    # fixed: the menu is said again
    ("advisor", []),                   # near miss: a wrong key handed to a person is no disconnection
])
def test_a_first_wrong_key_that_hangs_up(wrong: str, expected: list[At]) -> None:
    findings = lint(CLAIMS.replace("{wrong}", wrong), select="R503")
    assert codes_at(findings) == expected
    if findings:
        assert findings[0].message == 'a wrong key in "main" goes to "sorry", which hangs up, before the caller ' \
                                      "has used any retries"
        assert findings[0].help == 'set `on_invalid: repeat` on "main"'


def test_after_hours_menu_that_only_transfers_to_an_outside_helpline() -> None:
    """A 24-hour helpline (1177, 116 117) is a transfer out of the line, not its staff: the menu still
    offers only what is left after hours, and a goodbye after silence there is the intended end."""
    text = AFTER_HOURS.format(extra=" For health advice, press 2.",
                              extra_option='\n      "2": {label: Health advice, goto: helpline}')
    text = text.replace("  nurse: {type: agent}", '  helpline: {type: transfer, human: true, number: "1177"}')
    assert lint(text, select="R503") == []


# Issue 30: retries that end, outside hours, after a message sending callers to a channel open
# around the clock are read as H205 reads that closed route: an info, not a warning.
def _retries_to_closed_desk(language: str, closed_message: str) -> str:
    return f"""
language: {language}
entry: main
hours: {{office: {{mon-fri: "08:00-17:00"}}}}
defaults: {{on_timeout: repeat, on_invalid: repeat, after_retries: desk}}
nodes:
  main:
    prompt: "1, 0"
    options:
      "1": {{label: Info, goto: desk}}
      "0": {{label: Desk, goto: desk}}
  desk: {{type: agent, hours: office, closed: shut}}
  shut: {{type: message, prompt: "{closed_message}", next: bye}}
  bye: {{type: hangup}}
"""


@pytest.mark.parametrize("language, message", [
    ("en", "We are closed. Live delays are always shown in our app and on the web."),
    ("sv", "Vi har stängt. Aktuella förseningar finns alltid i appen och på webben."),
    ("fi", "Olemme suljettu. Ajantasaiset tiedot löydät aina sovelluksesta ja verkkosivuilta."),
    ("es", "Estamos cerrados. Puede consultar los retrasos en la app las 24 horas."),
])
def test_retries_to_a_closed_route_that_points_to_an_always_open_channel_are_an_info(language: str, message: str) -> None:
    found = [f for f in lint(_retries_to_closed_desk(language, message), select="R503") if f.node_id == "main"]
    assert found and all(f.severity is Severity.INFO for f in found)


def test_near_miss_a_closed_route_that_only_names_the_website_stays_a_warning() -> None:
    found = [f for f in lint(_retries_to_closed_desk("en", "We are closed. Visit our website."), select="R503")
             if f.node_id == "main"]
    assert [f.severity for f in found] == [Severity.WARNING]


def test_retries_that_go_on_through_an_input_are_no_drop() -> None:
    """A lost caller in the theft menu is asked for their PIN and the line is suspended, then goodbye:
    served on, not cut off (a blind judge called "which hangs up" false there)."""
    text = """
entry: theft
nodes:
  theft:
    prompt: To suspend your line, press 1. To speak to an agent, press 0.
    on_timeout: repeat
    on_invalid: repeat
    after_retries: pin
    options:
      "1": {label: Suspend my line, goto: pin}
      "0": {label: Agent, goto: agent}
  pin: {type: input, prompt: Enter your four-digit PIN., digits: 4, next: suspend, after_retries: agent}
  suspend: {type: self_service, prompt: Your line is now suspended., next: bye}
  bye: {type: hangup}
  agent: {type: agent}
"""
    assert [f for f in lint(text, select="R503") if f.node_id == "theft"] == []
    straight = text.replace("after_retries: pin\n", "after_retries: bye\n")
    assert [f.node_id for f in lint(straight, select="R503")] == ["theft"]  # near miss: goodbye at once


def test_an_after_hours_menu_on_an_hours_branch_with_nobody_working_only_informs() -> None:
    """Reached only through the hours branch's closed case, with no one at work then: a goodbye after
    failed tries is harsh, not a task cut short (blind judges called three such warnings false)."""
    text = """
entry: start
hours: {office: {mon-fri: "09:00-17:00"}}
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  start: {type: branch, "on": hours, hours: office, cases: {open: main, closed: shut}}
  main:
    prompt: For an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent, hours: office, closed: callback}
  shut:
    prompt: We are open nine to five. For a callback, press 1.
    after_retries: bye
    options:
      "1": {label: Callback, goto: callback}
  callback: {type: callback, promise: by noon the next working day}
  bye: {type: hangup}
"""
    (finding,) = [f for f in lint(text, select="R503") if f.node_id == "shut"]
    assert finding.severity.value == "info" and "heard only when nobody works" in finding.message


#: After an answer in a menu's own prompt, "press 1 for more, or hang up", in the languages ivrcheck reads.
DONE_PROMPTS = {
    "en": "We know about the outage in your area and crews are on their way. For a text when power is back, press 1.",
    "fi": "Alueellasi on tiedossa oleva sähkökatko, ja asentajat ovat matkalla. Tekstiviestin saat painamalla 1.",
    "sv": "Årsavgiften är fyrahundra kronor och förfaller sista mars. Har du fått en påminnelse, tryck 1.",
    "es": "Ya sabemos que no hay luz en su zona. Para recibir un mensaje cuando vuelva la luz, marque 1.",
}


def answered(language: str, timeout: str = "bye", kind: str = "menu") -> str:
    return f"""
        language: {language}
        entry: main
        defaults: {{on_timeout: repeat, on_invalid: repeat, after_retries: agent}}
        nodes:
          main:
            prompt: "1, 2."
            options:
              "1": {{label: Outage, goto: known}}
              "2": {{label: Agent, goto: agent}}
          known:
            type: {kind}
            prompt: "{DONE_PROMPTS[language]}"
            {'options: {"1": {label: Text, goto: text}}' if kind == "menu" else "digits: 4"}
            {"" if kind == "menu" else "next: text"}
            on_timeout: {timeout}
            after_retries: bye
          text: {{type: self_service, prompt: "Done.", next: bye}}
          agent: {{type: agent}}
          bye: {{type: hangup}}
        """


@pytest.mark.parametrize("language", sorted(DONE_PROMPTS))
def test_a_menu_whose_silent_callers_also_end_there_only_informs(language: str) -> None:
    """Before: a warning on good lines ("after_retries: despedida is deliberate: the caller has been
    told the outage is known"). The menu's own on_timeout ends the call: the errand ends here by design."""
    (finding,) = [f for f in lint(answered(language), select="R503") if f.node_id == "known"]
    assert finding.severity is Severity.INFO and "by design" in finding.message


@pytest.mark.parametrize("language", sorted(DONE_PROMPTS))
def test_near_miss_silent_callers_kept_or_an_input_still_warn(language: str) -> None:
    """Silent callers hear the menu again (on_timeout: repeat): two wrong keys cut a live task short."""
    kept = [f for f in lint(answered(language, timeout="repeat"), select="R503") if f.node_id == "known"]
    assert [f.severity for f in kept] == [Severity.WARNING]
    keyed = [f for f in lint(answered(language, kind="input"), select="R503") if f.node_id == "known"]
    assert [f.severity for f in keyed] == [Severity.WARNING]
