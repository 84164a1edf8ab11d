"""Weighted time to a person: shares of callers from `weight:`, averages checked by hand."""

import textwrap

import pytest

from ivrcheck.callers.order import reorder, shares
from ivrcheck.callers.timing import journey
from ivrcheck.engine import inspect_file, inspect_text
from tests.conftest import MENUS, check

MENU = """
entry: main
nodes:
  main:
    prompt: For sales, press 1. For support, press 2.
    options:
      "1": {{label: Sales, goto: sales{w1}}}
      "2": {{label: Support, goto: self_help{w2}}}
  sales: {{type: agent}}
  self_help: {{type: self_service}}
"""


def line(w1: str = "", w2: str = ""):
    found = inspect_text(textwrap.dedent(MENU.format(w1=w1, w2=w2)).lstrip("\n"))
    return found.line


def test_uniform_without_weights() -> None:
    found = line()
    way = journey(found, found.open, found.open.humans)
    # "For sales, press 1." is 4 words (1.6 s); to "press 2" 8 words (3.2 s); half the callers each way.
    assert (way.share, way.expected, way.expected_to_goal, way.worst) == (0.5, 2.4, 1.6, 1.6)


def test_weights_shift_the_average() -> None:
    found = line(", weight: 0.2", ", weight: 0.8")
    way = journey(found, found.open, found.open.humans)
    assert way.share == 0.2 and way.expected == round(0.2 * 1.6 + 0.8 * 3.2, 1)


def test_acme_share_reaching_a_person_checked_by_hand() -> None:
    # cards .45 x (.55 lost card -> advisor + .10 on 0) + payments .30 x .15 + loans .15 x (.40 + .10) + 0: .10
    found = inspect_file(MENUS / "acme-bank.ivr.yaml")
    share = journey(found.line, found.line.open, found.line.open.humans).share
    assert share == pytest.approx(.45 * .65 + .30 * .15 + .15 * .50 + .10, abs=0.001)


def test_what_weights_leave_goes_to_unweighted_options_not_to_star_or_hash() -> None:
    found = inspect_file(MENUS / "acme-bank.ivr.yaml")
    cards = found.menu.nodes["cards"]
    assert {k: round(v, 3) for k, v in shares(cards).items()} == {"1": 0.55, "2": 0.35, "0": 0.1}


def test_metrics_carry_the_caller_times() -> None:
    metrics = check("""
        entry: main
        nodes:
          main:
            prompt: For sales, press 1. For support, press 2.
            options:
              "1": {label: Sales, goto: sales}
              "2": {label: Support, goto: self_help}
          sales: {type: agent}
          self_help: {type: self_service}
    """).metrics
    assert metrics["expected_seconds_to_human"] == 1.6 and metrics["share_to_human"] == 0.5
    assert metrics["weighted"] is False and metrics["task_success_rate"] is None


def test_sorted_weights_need_no_reorder() -> None:
    found = inspect_file(MENUS / "acme-bank.ivr.yaml")
    assert reorder(found.menu.nodes["main"], found.line.language).saving == 0.0
