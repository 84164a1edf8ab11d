"""T602 task-astray: the tree test predicts a first-time caller goes astray on a task."""

import pytest

from ivrcheck.findings import Severity
from tests.conftest import At, codes_at, lint

BASE = """entry: main
nodes:
  main:
    prompt: For billing, press 1. For {two}, press 2. To speak to an advisor, press 0.
    options:
      "1": {{label: Billing, goto: billing}}
      "2": {{label: {two}, goto: moving}}
      "0": {{label: Speak to an advisor, goto: advisor}}
  billing:
    prompt: To pay a bill, press 1.
    options:
      "1": {{label: Pay a bill, goto: payments}}
  moving:
    prompt: For your final bill, press 1.
    options:
      "1": {{label: Final bill, goto: final_bill}}
  payments: {{type: self_service}}
  final_bill: {{type: self_service}}
  advisor: {{type: agent}}
tasks:
  - say: {say}
    expect: {expect}
"""


def menu(two: str = "Moving home", say: str = "I moved out and got a bill for my old flat",
         expect: str = "final_bill", advisor: str = "agent") -> str:
    return BASE.format(two=two, say=say, expect=expect).replace("advisor: {type: agent}", f"advisor: {{type: {advisor}}}")


#: The line with its 0 leading to a self-service step instead of a person.
NO_PERSON = {"advisor": "self_service"}


CASES = [
    ("billing promises the final bill", menu(), [At("T602", 21, 5)]),
    ("the moving option names final bills", menu(two="Moving out and final bills"), []),
    ("near miss: paying a bill is what Billing promises", menu(say="I want to pay a bill", expect="payments"), []),
    ("nothing matches at all, and 0 is no person", menu(say="my parcel never came", **NO_PERSON),
     [At("T602", 21, 5)]),
    ("near miss: nothing matches, the caller presses 0 for an advisor", menu(say="my parcel never came"), []),
    ("near miss: a wrong option that puts the caller through to a person",
     menu(say="I moved out and want to speak to an advisor about my old flat"), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_task_astray(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="T602")) == expected


def test_message_names_the_misleading_option() -> None:
    (finding,) = lint(menu(), select="T602")
    assert finding.node_id == "main"
    assert finding.message == ('task "I moved out and got a bill for my old flat" is predicted to go astray: a '
                               'first-time caller presses "1" (Billing) in "main" and ends at "payments", '
                               'not at "final_bill"')


def test_min_scent_is_a_setting() -> None:
    assert lint(menu(two="Moving out and final bills", **NO_PERSON), select="T602", rules={"T602": {"min_scent": 0.9}})


SILENT = """entry: start
nodes:
  start:
    prompt: Welcome. På svenska, tryck 9. For a new card, press 1. For the front desk, press 0.
    on_timeout: {timeout}
    options:
      "9": {{label: Svenska, goto: sv_desk, language: sv}}
      "1": {{label: New card, goto: cards}}
      "0": {{label: Front desk, goto: desk}}
  cards: {{type: self_service}}
  desk: {{type: agent}}
  sv_desk: {{type: agent}}
  bye: {{type: hangup}}
tasks:
  - say: {say}
    expect: desk
"""


def silent(timeout: str = "bye", say: str = "I have a question about my invoice") -> str:
    return SILENT.format(timeout=timeout, say=say)


@pytest.mark.parametrize("text, severity", [
    # The caller hears nothing of theirs, waits, and the menu's silence route hangs up: the line's wiring.
    (silent(), Severity.WARNING),
    # A guess of the scent model (which label tempts), not a fact of the graph: shown, never gated on.
    (menu(), Severity.INFO),
    (menu(say="my parcel never came", **NO_PERSON), Severity.INFO),
], ids=["cut off after waiting", "astray by a label", "gives up"])
def test_warns_only_where_the_line_cuts_the_caller_off(text: str, severity: Severity) -> None:
    (finding,) = lint(text, select="T602")
    assert finding.severity is severity


def test_silence_that_leads_on_is_quiet() -> None:
    # Fixed: a caller who waits hears the menu again (or is put through), so nobody is cut off.
    assert lint(silent(timeout="desk"), select="T602") == []
    # Near miss: the silence route hangs up, but the caller's errand is named, so they press its key.
    assert lint(silent(say="I want a new card").replace("expect: desk", "expect: cards"), select="T602") == []


NO_ZERO = """entry: main
nodes:
  main:
    prompt: For a new card, press 1. For your balance, press 2. For a lost or stolen card, press 3.
    on_timeout: {timeout}
    options:
      "1": {{label: New card, goto: cards}}
      "2": {{label: Balance, goto: balance}}
      "3": {{label: Lost or stolen card, goto: desk}}
  cards: {{type: self_service}}
  balance: {{type: self_service}}
  desk: {{type: agent}}
  bye: {{type: hangup}}
tasks:
  - say: I have a question about my invoice
    expect: desk
"""


def test_without_0_a_caller_who_finds_nothing_waits_and_is_cut_off() -> None:
    """No option names the errand and there is no 0: the caller waits, and silence hangs up."""
    (finding,) = lint(NO_ZERO.format(timeout="bye"), select="T602")
    assert finding.severity is Severity.WARNING
    assert finding.message == ('task "I have a question about my invoice" is predicted to go astray: a first-time '
                               'caller finds no option for it in "main", waits, and its silence route ends the call '
                               'at "bye", not at "desk"')


def test_without_0_silence_that_reaches_a_person_is_quiet() -> None:
    """Fixed: the caller who waits is put through to the desk, who can help them."""
    assert lint(NO_ZERO.format(timeout="desk"), select="T602") == []


def test_without_0_silence_that_leads_back_into_the_menu_is_a_guess() -> None:
    """Near miss: silence plays a message and goes back to the menu, so waiting gets the caller
    nowhere new; they give up, which is the scent model's guess (info), not a cut-off."""
    text = NO_ZERO.format(timeout="sorry").replace("  bye: {type: hangup}\n",
                                                   "  sorry: {type: message, prompt: Sorry., next: main}\n")
    (finding,) = lint(text, select="T602")
    assert finding.severity is Severity.INFO and "give up" in finding.message


def test_without_0_silence_to_a_goodbye_message_cuts_the_caller_off() -> None:
    text = NO_ZERO.format(timeout="bye").replace("bye: {type: hangup}", "bye: {type: message, prompt: Goodbye.}")
    (finding,) = lint(text, select="T602")
    assert finding.severity is Severity.WARNING


HOUSING = """entry: main
nodes:
  main:
    prompt: For bins, press 1. For {three}, press 3. For {four}, press 4. To speak to an adviser, press 0.
    options:
      "1": {{label: Bins, goto: bins}}
      "3": {{label: {three}, goto: repairs}}
      "4": {{label: {four}, goto: housing}}
      "0": {{label: Speak to an adviser, goto: adviser}}
  housing:
    prompt: If you have nowhere to sleep tonight, press 1. For the housing register, press 2.
    options:
      "1": {{label: Homeless or at risk, goto: homeless}}
      "2": {{label: Housing register, goto: register}}
  repairs: {{type: self_service}}
  bins: {{type: self_service}}
  register: {{type: self_service}}
  homeless: {{type: agent}}
  adviser: {{type: agent}}
tasks:
  - say: my landlord has given me notice and I've nowhere to go
    expect: homeless
"""


def housing(three: str, four: str) -> list:
    return lint(HOUSING.format(three=three, four=four), select="T602")


def test_a_coin_toss_in_the_labels_themselves_is_a_warning() -> None:
    """"Housing" says nothing "Housing repairs" does not: no caller can tell them apart by their words."""
    (finding,) = housing("Housing repairs", "Housing")
    assert finding.severity is Severity.WARNING and "coin toss" in finding.message


def test_a_coin_toss_between_labels_that_differ_is_a_guess() -> None:
    """Fixed, and the near miss: labels that each name their own errand tie only on the caller's
    words as the scent model reads them, a guess (info) or no tie at all."""
    assert all(f.severity is Severity.INFO for f in housing("Repairs to a council home", "Homelessness and housing"))
    assert all(f.severity is Severity.INFO for f in housing("Housing repairs", "Homelessness"))
