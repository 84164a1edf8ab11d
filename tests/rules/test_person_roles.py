"""Roles callers ask for by name (a nurse, a doctor) are a way to a person, not a task (issue 30, pattern 1).

Decided from the graph first (the option reaches a person with no further choice) and the
label's words second: "Hoitajalle", "Speak to a nurse", "Sjuksköterska", "Médico" ask for a
person; "See a doctor" (a booking) and "Nurse advice line" (a service) do not.
"""

import pytest

from ivrcheck.language import load_language
from tests.conftest import lint

ROLES = [("en", "Nurse"), ("en", "Speak to a nurse"), ("en", "Doctor"), ("en", "Operator"), ("en", "Receptionist"),
         ("fi", "Hoitajalle"), ("fi", "Sairaanhoitaja"), ("fi", "Lääkäri"),
         ("sv", "Sjuksköterska"), ("sv", "Till sjuksköterskan"), ("sv", "Läkare"),
         ("es", "Enfermera"), ("es", "Hablar con una enfermera"), ("es", "Médico"), ("es", "Recepcionista")]
TASKS = [("en", "See a doctor"), ("en", "Home visit"), ("fi", "Ajanvaraus"), ("es", "Cita con el médico")]


@pytest.mark.parametrize("language, label", ROLES)
def test_a_role_asks_for_a_person(language: str, label: str) -> None:
    assert load_language(language).label_words.asks_for(label) == "person"


@pytest.mark.parametrize("language, label", TASKS)
def test_a_task_that_names_a_role_is_still_a_task(language: str, label: str) -> None:
    assert load_language(language).label_words.asks_for(label) is None


SIX = """
language: fi
entry: main
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: nurse}
nodes:
  main:
    prompt: Ajanvaraus 1. Laboratorio 2. Reseptit 3. Hammashoito 4. Neuvola 5. Hoitajalle paina 0.
    options:
      "1": {label: Ajanvaraus, goto: nurse}
      "2": {label: Laboratorio, goto: nurse}
      "3": {label: Reseptit, goto: nurse}
      "4": {label: Hammashoito, goto: nurse}
      "5": {label: Neuvola, goto: nurse}
      "0": {label: Hoitajalle, goto: TARGET}
  nurse: {type: agent}
  info: {type: message, prompt: Hoitaja ei ole paikalla., next: main}
"""


def test_the_nurse_on_0_is_not_counted_as_a_task() -> None:
    """Five tasks and "Hoitajalle" on 0: five choices, no S106 (its limit is five)."""
    assert lint(SIX.replace("TARGET", "nurse"), select="S106") == []


def test_a_role_label_that_reaches_no_person_is_a_task() -> None:
    """Near miss: the same label on a message counts as a sixth task: the graph decides first."""
    assert [f.code for f in lint(SIX.replace("TARGET", "info"), select="S106")] == ["S106"]
