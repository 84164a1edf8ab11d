"""The fields for what callers need beyond a clear menu: collects, receives, promise, language, changes, rates."""

import textwrap

import pytest

from ivrcheck.reading import menu_text
from ivrcheck.model import RECEIVES_ALL

MENU = textwrap.dedent("""
    language: fi
    entry: main
    nodes:
      main:
        prompt: Tervetuloa. På svenska, tryck 9. Asiakasnumerolla paina 1.
        speaking_rate: 4.4
        options:
          "1": {label: Asiakasnumero, goto: number}
          "9": {label: Svenska, goto: sv, language: SV}
          reason: {label: Syy, say: [lasku, muutto], goto: agent, collects: reason}
      number: {type: input, digits: 8, digit_timeout: 4, collects: customer_number, next: pay}
      pay: {type: self_service, changes: true, confirmation: sms, next: agent}
      agent: {type: agent, receives: [customer_number, reason]}
      sv: {type: transfer, human: true, language: sv, receives: all}
      cb: {type: callback, promise: seuraavana arkipäivänä}
""")


def load():
    menu, findings = menu_text(MENU, "m.ivr.yaml")
    assert findings == [] and menu is not None, findings
    return menu


def test_the_new_fields_reach_the_model() -> None:
    nodes = load().nodes
    assert nodes["number"].collects == "customer_number" and nodes["number"].digit_timeout == 4
    assert nodes["agent"].receives == ("customer_number", "reason")
    assert nodes["sv"].receives == (RECEIVES_ALL,) and nodes["sv"].language == "sv"
    assert nodes["pay"].changes is True and nodes["pay"].confirmation == "sms"
    assert nodes["cb"].promise == "seuraavana arkipäivänä"
    assert nodes["main"].speaking_rate == 4.4
    options = {o.key: o for o in nodes["main"].options}
    assert options["9"].language == "sv" and options["reason"].collects == "reason"


def test_receives_all_and_unknown() -> None:
    nodes = load().nodes
    assert nodes["sv"].receives_item("anything") is True
    assert nodes["agent"].receives_item("reason") is True and nodes["agent"].receives_item("pin") is False
    assert nodes["pay"].receives_item("reason") is None


def test_the_line_knows_every_language_it_speaks() -> None:
    assert load().languages() == {"fi", "sv"}


@pytest.mark.parametrize("line, message", [
    ("      agent: {type: agent, receives: {a: 1}}", "`receives` of node `agent` must be a list of strings"),
    ("      agent: {type: agent, collects: reason}", 'unknown field "collects" in node `agent` (type agent)'),
    ("      pay: {type: self_service, changes: yes please}", "`changes` of node `pay` must be true or false"),
    ("      cb: {type: callback, promis: tomorrow}", 'unknown field "promis" in node `cb` (type callback)'),
    ("      main: {prompt: x, speaking_rate: 0, options: {'1': {goto: main}}}", "`speaking_rate` of node `main` is 0"),
])
def test_wrong_values_are_load_findings_with_positions(line: str, message: str) -> None:
    text = "entry: main\nnodes:\n" + line.replace("      ", "  ", 1) + "\n"
    if not line.strip().startswith("main:"):
        text += "  main: {prompt: x, options: {'1': {goto: main}}}\n"
    _, findings = menu_text(text, "m.ivr.yaml")
    assert any(f.message.startswith(message) and f.span.line == 3 for f in findings), [f.message for f in findings]


def test_a_misspelt_field_gets_a_suggestion() -> None:
    _, findings = menu_text("entry: a\nnodes:\n  a: {type: callback, promise: x}\n  b: {type: agent, recieves: all}\n",
                            "m.ivr.yaml")
    assert any("receives" in (f.help or "") for f in findings)
