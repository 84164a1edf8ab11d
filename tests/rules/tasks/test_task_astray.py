"""T602 task-astray: the tree test predicts a first-time caller goes astray on a task."""

import pytest

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
