"""H215 emergency-delayed: an emergency option offered after routine ones, or put behind a question."""

import pytest

from tests.conftest import At, codes_at, lint


def line(first: str, last: str, leak_to: str = "controller", language: str = "en",
         prompt: str = "To give a meter reading, press 1. About your bill, press 2. About a new connection, "
                       "press 3. If you can smell gas, press 4. For customer service, press 0.") -> str:
    return f"""
        language: {language}
        entry: main
        nodes:
          main:
            prompt: "{prompt}"
            options:
              "1": {{label: {first}, goto: reading}}
              "2": {{label: Your bill, goto: billing}}
              "3": {{label: New connection, goto: billing}}
              "4": {{label: {last}, goto: {leak_to}}}
              "0": {{label: Customer service, goto: billing}}
          gprn: {{type: input, prompt: Key in your seven-digit GPRN., digits: 7, next: controller}}
          reading: {{type: self_service}}
          billing: {{type: agent}}
          controller: {{type: transfer, human: true, number: "+353 1800 20 50 50"}}
        """


FIRST = "If you can smell gas, press 4. To give a meter reading, press 1. About your bill, press 2. " \
        "About a new connection, press 3. For customer service, press 0."

CASES = [
    ("en an emergency offered after three routine options", line("Give a meter reading", "Smell of gas"),
     [At("H215", 10, 7)]),
    ("en fixed: offered first", line("Give a meter reading", "Smell of gas", prompt=FIRST), []),
    ("en an emergency behind an input", line("Give a meter reading", "Smell of gas", leak_to="gprn", prompt=FIRST),
     [At("H215", 10, 7)]),
    ("near miss: a routine option last is no emergency", line("Give a meter reading", "Moving home"), []),
    ("near miss: one routine option before it is allowed",
     line("Give a meter reading", "Gas emergency",
          prompt="To give a meter reading, press 1. For a gas emergency, press 4. About your bill, press 2. "
                 "About a new connection, press 3."), []),
    ("near miss: a non-emergency line is routine, last or not",
     line("Give a meter reading", "Noise or non-emergency police"), []),
    ("en an emergency after a non-emergency option is still late",
     line("Non-emergency repairs", "Gas emergency"), [At("H215", 10, 7)]),
    ("fi hätätilanne after three routine options",
     line("Mittarilukema", "Hätätilanne", language="fi",
          prompt="Mittarilukema, paina 1. Lasku, paina 2. Uusi liittymä, paina 3. Hätätilanteessa paina 4."),
     [At("H215", 10, 7)]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_emergency_delayed(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="H215")) == expected


def test_messages_say_what_delays_the_caller() -> None:
    (late,) = lint(line("Give a meter reading", "Smell of gas"), select="H215")
    assert late.message == ('emergency option "4" (Smell of gas) in "main" is offered after 3 routine options, '
                            "so a caller in danger hears them first")
    (asked,) = lint(line("Give a meter reading", "Smell of gas", leak_to="gprn", prompt=FIRST), select="H215")
    assert 'asks for digits at input "gprn" before anyone answers' in asked.message


def test_an_emergency_word_on_an_option_that_only_explains_is_not_an_emergency_route() -> None:
    """Near miss: "To hear how emergency credit works" plays advice and comes back; the urgent route is
    another option. Moving it up would push the real one down, so it is not reported."""
    text = line("Give a meter reading", "Emergency credit", leak_to="explain").replace(
        "          reading: {type: self_service}",
        "          explain: {type: message, prompt: Press the A button on your meter., next: main}\n"
        "          reading: {type: self_service}")
    assert lint(text, select="H215") == []
    # The defect stays: the same label leading to a person is an emergency route offered late.
    assert codes_at(lint(line("Give a meter reading", "Emergency credit"), select="H215")) == [At("H215", 10, 7)]


@pytest.mark.parametrize("language, label", [("en", "Emergency talktime"), ("en", "Emergency credit top-up"),
                                             ("fi", "Hätätilanne – lisäsaldo")])
def test_an_emergency_word_on_a_self_service_product_is_not_an_emergency_route(language: str, label: str) -> None:
    """Issue 30 (trust corpus, a blind judge: "Emergency talktime is a small credit advance, not help
    for someone in danger"): the call only runs a self-service step and ends, reaching nobody. (Each
    label is read as an emergency: leading to the controller, it is reported.)"""
    assert lint(line("Give a meter reading", label, language=language), select="H215")
    text = line("Give a meter reading", label, leak_to="loan", language=language).replace(
        "          reading: {type: self_service}",
        "          loan: {type: self_service, changes: true, confirmation: sms, next: done}\n"
        "          done: {type: message, prompt: Your credit has been added. Goodbye., next: bye}\n"
        "          bye: {type: hangup}\n"
        "          reading: {type: self_service}")
    assert lint(text, select="H215") == []


def test_a_self_service_step_before_a_person_is_still_an_emergency_route() -> None:
    """Near miss: the leak report is logged by keypad and then handed to the controller: late, reported."""
    text = line("Give a meter reading", "Smell of gas", leak_to="log").replace(
        "          reading: {type: self_service}",
        "          log: {type: self_service, changes: true, next: controller}\n"
        "          reading: {type: self_service}")
    assert codes_at(lint(text, select="H215")) == [At("H215", 10, 7)]


ADVICE = """
language: en
entry: main
nodes:
  main:
    prompt: "{prompt}"
    options:
      "1": {{label: Appointments, goto: desk}}
      "2": {{label: Wards, goto: desk}}
      "3": {{label: Results, goto: desk}}
      "4": {{label: Billing, goto: desk}}
      "0": {{label: Switchboard, goto: desk}}
  desk: {{type: agent}}
"""
OPTIONS = "For appointments, press 1. For wards, press 2. For results, press 3. For billing, press 4. " \
          "For the switchboard, press 0."
DIAL = "If you need urgent medical help, hang up and dial 999."


def test_emergency_advice_after_the_routine_options_is_reported() -> None:
    (late,) = lint(ADVICE.format(prompt=f"Welcome. {OPTIONS} {DIAL}"), select="H215")
    assert late.message == ('the emergency advice "If you need urgent medical help, hang up and dial 999." in "main" '
                            "comes after 4 routine options, so a caller in danger hears them first")
    # fixed: the advice first
    assert lint(ADVICE.format(prompt=f"Welcome. {DIAL} {OPTIONS}"), select="H215") == []


def test_near_miss_advice_after_two_options_of_a_short_menu_is_not_reported() -> None:
    prompt = f"We are closed. For a leak, press 1. For a callback, press 2. {DIAL}"
    assert lint(ADVICE.format(prompt=prompt), select="H215") == []


def test_a_late_emergency_option_after_advice_given_first_only_informs() -> None:
    """The prompt tells a caller in danger what to do before any key ("If anyone is in danger, hang up and
    call 112"): the emergency key after the routine ones is then a nicety to move, not a danger."""
    advised = "If anyone is in danger, hang up and call 112. " + \
        "To give a meter reading, press 1. About your bill, press 2. About a new connection, press 3. " \
        "If you can smell gas, press 4. For customer service, press 0."
    (finding,) = lint(line("Give a meter reading", "Smell of gas", prompt=advised), select="H215")
    assert finding.severity.value == "info"
    (late,) = lint(line("Give a meter reading", "Smell of gas"), select="H215")
    assert late.severity.value == "warning"  # near miss: no advice first


#: Swedish and Spanish are left out: their lexicons name no emergency concept yet, so H215 reads no label of theirs.
CONTACTS = [
    ("en", "Emergency contacts", "Meter reading, press 1. Your bill, press 2. New connection, press 3. "
                                 "Emergency contacts, press 4."),
    ("fi", "Hätätilanne", "Mittarilukema, paina 1. Lasku, paina 2. Uusi liittymä, paina 3. "
                          "Hätätilanteessa paina 4."),
]


@pytest.mark.parametrize("language, label, prompt", CONTACTS)
def test_an_emergency_word_on_the_errands_route_only_informs(language: str, label: str, prompt: str) -> None:
    """The option goes where the bill and new connections go: an errand about emergencies (the people
    an alarm calls), not help for one. Info, naming the routine option it shares its route with."""
    found = lint(line("Meter reading", label, leak_to="billing", language=language, prompt=prompt), select="H215")
    assert found and {f.severity.value for f in found} == {"info"}
    assert all('goes where routine option "2" goes' in f.message for f in found)


@pytest.mark.parametrize("language, label, prompt", CONTACTS)
def test_the_same_emergency_option_on_a_route_of_its_own_still_warns(language: str, label: str, prompt: str) -> None:
    found = lint(line("Meter reading", label, language=language, prompt=prompt), select="H215")
    assert found and {f.severity.value for f in found} == {"warning"}


def test_near_miss_two_emergency_options_sharing_a_route_still_warn() -> None:
    """Sharing a route with another emergency option (gas and carbon monoxide to one controller) is help."""
    text = line("Carbon monoxide alarm", "Smell of gas").replace(
        "{label: Carbon monoxide alarm, goto: reading}", "{label: Carbon monoxide alarm, goto: controller}")
    assert {f.severity.value for f in lint(text, select="H215")} == {"warning"}
