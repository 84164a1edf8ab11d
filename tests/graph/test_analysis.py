"""The SPEC §2 metrics and the per-state facts the rules share."""

import pytest

from tests.conftest import check

BANK = """
name: Bank
entry: main
defaults: {timeout: 5, retries: 3, on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    prompt: Welcome to the bank. For cards, press 1. For loans, press 2. To speak to an advisor, press 0.
    options:
      "1": {label: Cards, goto: cards}
      "2": {label: Loans, goto: loans}
      "0": {label: Advisor, goto: advisor}
  cards:
    prompt: For a lost card, press 1. For an advisor, press 0.
    options:
      "1": {label: Lost card, goto: lost}
      "0": {label: Advisor, goto: advisor}
  loans:
    prompt: For your balance, press 1.
    options:
      "1": {label: Balance, goto: balance}
  balance:
    prompt: To hear it again, press 1.
    options:
      "1": {label: Again, goto: repeat}
  lost: {type: message, prompt: Your card is blocked., next: main}
  advisor: {type: agent}
  orphan: {type: hangup}
"""


def metrics(text: str) -> dict:
    result = check(text)
    assert result.metrics is not None, [f.text for f in result.findings]
    return result.metrics


def test_depth_counts_key_presses_to_the_deepest_menu_plus_one() -> None:
    assert metrics(BANK)["depth"] == 3  # main -> loans -> balance


def test_single_menu_has_depth_1() -> None:
    assert metrics("""
        entry: main
        nodes:
          main:
            prompt: For an advisor, press 0.
            options:
              "0": {label: Advisor, goto: advisor}
          advisor: {type: agent}
        """)["depth"] == 1


def test_steps_and_seconds_to_human_follow_the_fastest_path() -> None:
    m = metrics(BANK)
    assert m["steps_to_human"] == 1
    # "Welcome to the bank. For cards, press 1. For loans, press 2. To speak to an advisor, press 0"
    # is 19 words at 150 words a minute.
    assert m["seconds_to_human"] == pytest.approx(19 / 150 * 60, abs=0.1)


def test_messages_on_the_way_add_their_seconds() -> None:
    m = metrics("""
        entry: hello
        nodes:
          hello: {type: message, prompt: Calls may be recorded for training purposes., next: main}
          main:
            prompt: For an advisor, press 0.
            options:
              "0": {label: Advisor, goto: advisor}
          advisor: {type: agent}
        """)
    assert m["steps_to_human"] == 1
    assert m["seconds_to_human"] == pytest.approx((7 + 5) / 150 * 60, abs=0.1)


def test_silent_routes_are_fallback_not_steps() -> None:
    m = metrics("""
        entry: main
        nodes:
          main:
            prompt: For opening hours, press 1.
            timeout: 5
            retries: 2
            on_timeout: repeat
            after_retries: advisor
            options:
              "1": {label: Hours, goto: info}
          info: {type: message, prompt: Nine to five., next: main}
          advisor: {type: agent}
        """)
    assert m["steps_to_human"] is None and m["seconds_to_human"] is None
    assert m["fallback_to_human"] is True
    # two attempts of (prompt 5 words = 2 s, plus the 5 s timeout)
    assert m["fallback_seconds_to_human"] == pytest.approx(2 * (2 + 5), abs=0.1)


def test_counts_zero_out_unreachable_and_dead_ends() -> None:
    m = metrics(BANK)
    assert (m["menus"], m["options"], m["max_options"]) == (4, 7, 3)
    assert m["zero_out_coverage"] == pytest.approx(2 / 4, abs=0.001)
    assert m["unreachable"] == ["orphan"]
    assert m["dead_ends"] == []


HOURS = """
entry: main
hours:
  office: {mon-fri: "08:00-18:00"}
nodes:
  main:
    prompt: For an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent, hours: office, closed: callback}
  callback: {type: callback, confirmation: sms}
"""


def test_hours_give_open_and_closed_states() -> None:
    m = metrics(HOURS)
    assert m["steps_to_human"] == 1
    assert m["by_state"]["open"]["steps_to_human"] == 1
    closed = m["by_state"]["closed"]
    assert closed["steps_to_human"] is None  # no live human after hours
    assert closed["zero_out_coverage"] == 1.0  # but the callback counts for zero-out


def test_branch_on_hours_routes_each_state() -> None:
    m = metrics("""
        entry: start
        hours:
          office: {mon-fri: "08:00-18:00"}
        nodes:
          start: {type: branch, on: hours, hours: office, cases: {open: main, closed: shut}}
          main:
            prompt: For an advisor, press 0.
            options:
              "0": {label: Advisor, goto: advisor}
          shut: {type: message, prompt: We are closed., next: bye}
          bye: {type: hangup}
          advisor: {type: agent}
        """)
    assert m["by_state"]["open"]["steps_to_human"] == 1
    assert m["by_state"]["closed"]["steps_to_human"] is None
    assert m["unreachable"] == []


def test_back_returns_to_the_menu_that_led_here() -> None:
    result = check("""
        entry: main
        nodes:
          main:
            prompt: For more, press 1. For an advisor, press 0.
            options:
              "1": {label: More, goto: sub}
              "0": {label: Advisor, goto: advisor}
          sub:
            prompt: To go back, press 9.
            options:
              "9": {label: Back, goto: back}
          advisor: {type: agent}
        """)
    assert "S104" not in {f.code for f in result.findings}
    assert result.metrics["dead_ends"] == []


def test_trap_cycle_is_reported_from_its_earliest_node() -> None:
    from ivrcheck.graph import analyse
    from ivrcheck.reading import menu_text

    menu, _ = menu_text("""\
entry: main
nodes:
  main:
    prompt: Press 1.
    options:
      "1": {label: Next, goto: b}
  b:
    prompt: Press 1.
    options:
      "1": {label: Next, goto: main}
""")
    assert analyse(menu).open.traps == [["main", "b", "main"]]


def test_an_option_leads_back_to_the_menu_nearer_the_entry_that_leads_here() -> None:
    """`leads_back`: a graph fact P406 and L303 share, whatever the option is called."""
    from ivrcheck.graph import analyse
    from ivrcheck.reading import menu_text

    menu, _ = menu_text("""\
entry: main
nodes:
  main:
    prompt: For bills, press 1. For faults, press 2.
    options:
      "1": {label: Bills, goto: bills}
      "2": {label: Faults, goto: faults}
  bills:
    prompt: For faults, press 1. To go back, press 9.
    options:
      "1": {label: Faults, goto: faults}
      "9": {label: Previous menu, goto: main}
  faults:
    prompt: For bills, press 1.
    options:
      "1": {label: Bills, goto: bills}
""")
    line = analyse(menu)
    assert line.leads_back("bills", "main")       # main is nearer the entry and leads to bills
    assert not line.leads_back("main", "bills")   # bills leads into main nowhere: no way back
    assert not line.leads_back("faults", "bills")  # bills leads to faults, but is no nearer the entry
