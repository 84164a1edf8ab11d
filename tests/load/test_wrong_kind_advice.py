"""F006 says what to write when YAML's own rules turned a value into text: exponents, empty targets."""

from __future__ import annotations

import pytest

from ivrcheck.reading import menu_text

MENU = """entry: main
nodes:
  main:
    prompt: For sales, press 1.
    timeout: {timeout}
    options:
      "1": {{label: Sales, goto: {goto}}}
  sales: {{type: agent}}
"""


def f006(timeout: str = "5", goto: str = "sales") -> list[str]:
    _, findings = menu_text(MENU.format(timeout=timeout, goto=goto), "m.ivr.yaml")
    return [f"{f.span.line}:{f.span.column} {f.message}; {f.help}" for f in findings if f.code == "F006"]


@pytest.mark.parametrize(("written", "meant"), [("1e308", "1.0e+308"), ("1e-400", "1.0e-400"),
                                                ("2.5e3", "2.5e+3"), ("-3E2", "-3.0e+2")])
def test_an_exponent_yaml_reads_as_text_says_how_to_write_it(written, meant):
    (found,) = f006(timeout=written)
    assert found.startswith("5:14 `timeout` of node `main` must be a number, not a string;")
    assert f"YAML reads {written} as text" in found and found.endswith(f"write {meant}")


def test_an_exponent_yaml_reads_as_a_number_loads():
    assert f006(timeout="2.0e+1") == []


def test_a_quoted_exponent_is_text_by_choice_and_gets_the_plain_advice():
    (found,) = f006(timeout='"1e3"')
    assert found.endswith("write a number here")


@pytest.mark.parametrize("goto", ['""', "''", '"  "'])
def test_an_empty_goto_is_called_empty(goto):
    (found,) = f006(goto=goto)
    assert found.startswith('7:33 `goto` of option "1" of node `main` is empty; it must be a node id')
    assert found.endswith("write the id of the node it leads to (or `repeat` or `back`), or remove the line")


def test_a_goto_of_another_kind_keeps_its_message():
    (found,) = f006(goto="[a, [b]]")
    assert "is empty" not in found and "not a list" in found
