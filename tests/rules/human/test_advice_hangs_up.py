"""H216 advice-hangs-up: a choice in the middle of a task that only talks and then ends the call."""

import pytest

from tests.conftest import At, codes_at, lint

ADVICE = "Unplug your router, wait thirty seconds and plug it in again. Thank you for calling."


def line(after: str, advice: str = ADVICE, from_main: bool = False) -> str:
    return f"""
        entry: main
        defaults: {{on_timeout: repeat, on_invalid: repeat, after_retries: technician}}
        nodes:
          main:
            prompt: For technical help, press 1. For router advice, press 2. To speak to us, press 0.
            options:
              "1": {{label: Technical help, goto: tech}}
              "2": {{label: Router advice, goto: {"router_advice" if from_main else "technician"}}}
              "0": {{label: Customer service, goto: technician}}
          tech:
            prompt: For home broadband, press 1. For mobile data, press 2. To go back, press hash.
            options:
              "1": {{label: Home broadband, goto: {"technician" if from_main else "router_advice"}}}
              "2": {{label: Mobile data, goto: technician}}
              "#": {{label: Main menu, goto: main}}
          router_advice: {{type: message, prompt: "{advice}", next: {after}}}
          after_advice:
            prompt: If it still does not work, press 0 for a technician. For the main menu, press 1.
            options:
              "0": {{label: Technician, goto: technician}}
              "1": {{label: Main menu, goto: main}}
          bye: {{type: hangup}}
          technician: {{type: agent}}
        """


CASES = [
    ("advice in a submenu, then a hang-up", line("bye"), [At("H216", 13, 7)]),
    ("fixed: a menu with a technician after the advice", line("after_advice"), []),
    ("near miss: a goodbye only is the caller's own end", line("bye", advice="Thank you for calling."), []),
    ("near miss: information from the main menu may end the call", line("bye", from_main=True), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_advice_hangs_up(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="H216")) == expected


def test_message_names_the_messages_played() -> None:
    (finding,) = lint(line("bye"), select="H216")
    assert finding.message == ('option "1" (Home broadband) in "tech" plays "router_advice" and ends the call, '
                               "so a caller it did not help must call again")


@pytest.mark.parametrize("advice", [
    "Out of hours, urgent dental care is given by the regional duty service. If you have trouble breathing, call 112 now.",
    "Iltaisin kiireellistä hammashoitoa antaa alueen yhteispäivystys. Jos turvotus vaikeuttaa hengittämistä, soita heti 112.",
    "Kvällar och helger har jourmottagningen hand om akuta besvär. Vid fara för liv, ring 112 direkt.",
    "Fuera de horario atiende el servicio de guardia regional. Si tiene una emergencia, cuelgue y marque 9 1 1.",
])
def test_advice_that_hands_the_caller_to_the_emergency_number_only_informs(advice: str) -> None:
    """Issue 30 (trust corpus, a blind judge: "the emergency advice sends the caller to 112, a number
    they must call anyway; ending after it is right"): an info, naming the advice."""
    (finding,) = lint(line("bye", advice=advice), select="H216")
    assert finding.severity.value == "info" and "which emergency number to call" in finding.message


def test_advice_with_an_ordinary_number_still_warns() -> None:
    """Near miss: a full phone number of another office is no emergency number."""
    (finding,) = lint(line("bye", advice="For billing questions, call 0800 123 4567 on weekdays."), select="H216")
    assert finding.severity.value == "warning"
