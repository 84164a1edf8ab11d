"""`line:` and the audit fields (issue 25): read into the model, wrong values found with their position."""

import textwrap

from ivrcheck.reading import menu_text
from ivrcheck.model import Tariff

BASE = """
entry: main
{line}
nodes:
  main:
    prompt: To cancel, press 1.
    options:
      "1": {{label: Cancel, goto: advisor, contract_matter: true}}
  advisor: {{type: agent, languages: [ES, ca], expected_wait: 90, max_wait: 600, overflow: main}}
"""


def read(line: str):
    return menu_text(textwrap.dedent(BASE.format(line=line)).lstrip(), "menu.ivr.yaml")


def test_everything_declared_is_in_the_model() -> None:
    menu, findings = read("line: {number: '+358 9 123', country: FI, consumers: true, answer_target_seconds: 180,\n"
                          "       tariff: {per_minute: 0.18, currency: eur, charged_while_queueing: false},\n"
                          "       text_alternative: [Chat, rtt]}")
    assert not findings
    info = menu.line
    assert (info.number, info.country, info.consumers, info.answer_target_seconds) == ("+358 9 123", "FI", True, 180)
    assert info.tariff == Tariff(0.18, "EUR", False, 0.0) and info.tariff.above_basic
    assert info.text_alternative == ("chat", "rtt") and info.span.line == 2
    advisor = menu.nodes["advisor"]
    assert (advisor.languages, advisor.expected_wait, advisor.max_wait, advisor.overflow.ref) == (
        ("es", "ca"), 90, 600, "main")
    assert menu.nodes["main"].options[0].contract_matter


def test_without_line_nothing_is_assumed() -> None:
    menu, findings = read("")
    assert menu.line is None and not findings


def test_wrong_values_are_findings_with_their_place() -> None:
    _, findings = read("line: {text_alternative: [fax], tariff: {currency: EUR}, consumer: true}")
    found = {(f.code, f.span.line, f.span.column) for f in findings}
    assert ("F011", 2, 26) in found  # fax is no known way
    assert any(code == "F005" for code, _, _ in found)  # a tariff needs per_minute
    assert any(f.code == "F007" and '"consumer"' in f.message for f in findings)
