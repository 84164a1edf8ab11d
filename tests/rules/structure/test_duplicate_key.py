"""S109 duplicate-key: one key bound twice in a menu."""

import json

import pytest

from tests.conftest import At, codes_at, lint

DUP = """
entry: main
nodes:
  main:
    prompt: For cards, press 1. For loans, press 2.
    options:
      "1": {label: Cards, goto: advisor}
      "2": {label: Loans, goto: advisor}
      2: {label: Savings, goto: advisor}
  advisor: {type: agent}
"""

CASES = [
    ("2 and \"2\"", DUP, [At("S109", 8, 7)]),
    ("fixed", DUP.replace("      2: {label: Savings", '      "3": {label: Savings'), []),
    ("near miss: the same key in two menus is fine", """
        entry: main
        nodes:
          main:
            prompt: For more, press 1.
            options: {"1": {label: More, goto: sub}}
          sub:
            prompt: For an advisor, press 1.
            options: {"1": {label: Advisor, goto: advisor}}
          advisor: {type: agent}
        """, []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_duplicate_key(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="S109")) == expected


def test_message_points_at_the_first() -> None:
    (finding,) = lint(DUP, select="S109")
    assert finding.message == 'key "2" is bound twice in menu "main"; previously defined at line 7, column 7'


def _operands(keys: list[str]) -> str:
    """An Amazon Connect menu whose one condition binds these keys (one option each, all at one place)."""
    menu = {"Identifier": "menu", "Type": "GetParticipantInput", "Parameters": {"Text": "Press a key."},
            "Transitions": {"NextAction": "bye", "Errors": [], "Conditions": [
                {"NextAction": "bye", "Condition": {"Operator": "Equals", "Operands": keys}}]}}
    bye = {"Identifier": "bye", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}
    return json.dumps({"Version": "2019-10-30", "StartAction": "menu", "Actions": [menu, bye]})


def _at_one_place(keys: list[str]) -> list:
    from ivrcheck.engine import check_text

    return [f for f in check_text(_operands(keys), display="flow.json").findings if f.code in ("S109", "P401")]


def test_a_key_bound_thousands_of_times_at_one_place_is_one_finding_with_a_count() -> None:
    """The fifth blind hostile tester's Connect condition: each repeat was a finding, all at one span."""
    found = _at_one_place(["1", "2"] * 3_000)
    s109 = [f.message for f in found if f.code == "S109"]
    assert s109 == ['key "1" is bound again in menu "menu" where it was first bound (2,999 times at this place)',
                    'key "2" is bound again in menu "menu" where it was first bound (2,999 times at this place)']
    p401 = sorted(f.message for f in found if f.code == "P401")
    assert len(p401) == 2 and all(m.endswith("(3,000 times at this place)") for m in p401), p401


def test_a_key_bound_again_once_at_one_place_has_no_count_in_s109() -> None:
    found = _at_one_place(["1", "2", "1"])
    assert [f.message for f in found if f.code == "S109"] == [
        'key "1" is bound again in menu "menu" where it was first bound']
    counted = {f.message[len("option ") : len('option "1"')]: "(2 times at this place)" in f.message
               for f in found if f.code == "P401"}
    assert counted == {'"1"': True, '"2"': False}


def test_keys_bound_once_each_at_one_place_are_no_s109_and_no_count() -> None:
    found = _at_one_place(["1", "2"])
    assert not [f for f in found if f.code == "S109"]
    assert not any("times at this place" in f.message for f in found)


def test_the_same_key_three_times_in_yaml_is_a_finding_at_each_repeat() -> None:
    text = DUP.replace("      2: {label: Savings", '      2: {label: Savings, goto: advisor}\n      "2": {label: Bonds')
    assert codes_at(lint(text, select="S109")) == [At("S109", 8, 7), At("S109", 9, 7)]
    assert not any("times" in f.message for f in lint(text, select="S109"))
