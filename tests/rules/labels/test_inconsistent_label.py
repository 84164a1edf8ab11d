"""L303 inconsistent-label: one label leading to different places in different menus."""

import pytest

from tests.conftest import At, codes_at, lint


def line(language: str, label: str, there: str, second_label: str | None = None) -> str:
    """A main menu and a submenu that both offer `label`; in the submenu it goes to `there`."""
    return f"""
        language: {language}
        entry: main
        nodes:
          main:
            prompt: For one, press 1. For more, press 2. For a person, press 0.
            options:
              "1": {{label: {label}, goto: billing}}
              "2": {{label: Moving home, goto: moving}}
              "0": {{label: Advisor, goto: advisor}}
          moving:
            prompt: For one, press 1. For a person, press 0. To go back, press hash.
            options:
              "1": {{label: {second_label or label}, goto: {there}}}
              "0": {{label: Advisor, goto: moving_team}}
              "#": {{label: Back, goto: back}}
          billing: {{type: self_service}}
          final_bill: {{type: self_service}}
          advisor: {{type: agent}}
          moving_team: {{type: agent, queue: moving}}
        """


CASES = [
    ("en same label, different place", line("en", "Billing", "final_bill"), [At("L303", 13, 20)]),
    ("en case and stop words do not make a new label",
     line("en", "Your billing", "final_bill", second_label="billing"), [At("L303", 13, 20)]),
    ("en fixed: a different label for a different place",
     line("en", "Billing", "final_bill", second_label="Final bill"), []),
    ("en fixed: the same place", line("en", "Billing", "billing"), []),
    ("en near miss: a different label sharing a stem",
     line("en", "Billing", "final_bill", second_label="Your bill"), []),
    ("fi same label, different place", line("fi", "Laskutus", "final_bill"), [At("L303", 13, 20)]),
    ("fi fixed: a different label", line("fi", "Laskutus", "final_bill", second_label="Loppulasku"), []),
    ("fi near miss: inflected forms are different labels",
     line("fi", "Laskutus", "final_bill", second_label="Laskutusasiat"), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_inconsistent_label(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="L303")) == expected


def test_repeat_and_back_are_the_same_function_everywhere() -> None:
    text = """
        entry: main
        nodes:
          main:
            prompt: For cards, press 1. To hear this again, press star.
            options:
              "1": {label: Cards, goto: cards}
              "*": {label: Repeat, goto: repeat}
          cards:
            prompt: For help, press 1. To hear this again, press star. To go back, press hash.
            options:
              "1": {label: Card help, goto: advisor}
              "*": {label: Repeat, goto: cards}
              "#": {label: Back, goto: back}
          advisor: {type: agent}
        """
    assert lint(text, select="L303") == []


def test_a_person_label_reaching_two_teams_of_people_is_consistent() -> None:
    """Every case above has "Advisor" going to the general queue from main, the moving team from moving."""
    findings = lint(line("en", "Billing", "final_bill"), select="L303")
    assert [f.node_id for f in findings] == ["moving"] and "Advisor" not in findings[0].message


def test_unreachable_menus_are_left_out() -> None:
    text = line("en", "Billing", "final_bill").replace('"2": {label: Moving home, goto: moving}',
                                                         '"2": {label: Moving home, goto: billing}')
    assert lint(text, select="L303") == []


def test_message_names_both_places() -> None:
    (finding,) = lint(line("en", "Billing", "final_bill"), select="L303")
    assert finding.node_id == "moving"
    assert 'label "Billing" leads to "final_bill" in "moving" but to "billing" in "main"' in finding.message
    assert "different labels" in finding.help


DRILL_DOWN = """
entry: main
nodes:
  main:
    prompt: For faults, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Faults, goto: faults}
      "0": {label: Advisor, goto: advisor}
  faults:
    prompt: To report a fault, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Faults, goto: report}
      "0": {label: Advisor, goto: advisor}
  report: {type: self_service}
  advisor: {type: agent}
"""


def test_a_drill_down_with_the_same_label_is_no_broken_promise() -> None:
    assert lint(DRILL_DOWN, select="L303") == []
    elsewhere = DRILL_DOWN.replace('      "0": {label: Advisor, goto: advisor}\n  faults:',
                                   '      "2": {label: Billing, goto: billing}\n      "0": {label: Advisor, goto: advisor}\n'
                                   '  billing:\n    prompt: For faults, press 1.\n    options:\n'
                                   '      "1": {label: Faults, goto: advisor}\n  faults:')
    assert [(f.code, f.node_id) for f in lint(elsewhere, select="L303")] == [("L303", "billing")]


SCHEDULES = """
hours: {office: {mon-fri: "09:00-17:00"}}
entry: start
nodes:
  start:
    type: branch
    "on": hours
    hours: office
    cases: {open: hold, closed: after_hours}
  hold:
    prompt: To wait for an advisor, press 1. To be called back, press 2.
    options:
      "1": {label: Wait for an advisor, goto: advisor}
      "2": {label: Call me back, goto: callback_now}
  after_hours:
    prompt: To be called back tomorrow, press 2. For our hours, press 3.
    options:
      "2": {label: Call me back, goto: callback_tomorrow}
      "3": {label: Opening hours, goto: hours_info}
  advisor: {type: agent}
  callback_now: {type: callback, confirmation: sms}
  callback_tomorrow: {type: callback, confirmation: sms}
  hours_info: {type: message, prompt: We are open nine to five., next: bye}
  bye: {type: hangup}
"""


def test_options_heard_only_in_different_schedule_states_are_not_compared() -> None:
    assert lint(SCHEDULES, select="L303") == []


def test_options_one_call_can_hear_both_of_are_compared() -> None:
    """Near miss: after hours, "Opening hours" leads on to the hold menu, so one call hears both
    (and after hours "Call me back" leaves a message: no callback of another team, another thing)."""
    text = SCHEDULES.replace("next: bye}", "next: hold}").replace(
        "callback_tomorrow: {type: callback, confirmation: sms}", "callback_tomorrow: {type: voicemail}")
    assert codes_at(lint(text, select="L303")) == [At("L303", 17, 20)]


def test_two_callback_requests_of_one_label_keep_its_promise() -> None:
    """Both "Call me back" options book a callback (for two teams): the label does what it says in both."""
    heard = SCHEDULES.replace("next: bye}", "next: hold}")
    assert lint(heard, select="L303") == []


BACK = """
entry: main
nodes:
  main:
    prompt: For baggage, press 1. For delays, press 2.
    options:
      "1": {label: Baggage, goto: baggage}
      "2": {label: Delays, goto: delays}
  baggage:
    prompt: For allowances, press 1. To go back, press 9.
    options:
      "1": {label: Allowance, goto: allowance}
      "9": {label: Back, goto: main}
  delays:
    prompt: For meal vouchers, press 1. To go back, press 9.
    options:
      "1": {label: Vouchers, goto: vouchers}
      "9": {label: Back, goto: main}
  allowance:
    prompt: To hear the allowance, press 1. To go back, press 9.
    options:
      "1": {label: Hear it, goto: info}
      "9": {label: Back, goto: baggage}
  vouchers:
    prompt: To hear about vouchers, press 1. To go back, press 9.
    options:
      "1": {label: Hear it, goto: info}
      "9": {label: Back, goto: delays}
  info: {type: message, prompt: Thank you., next: main}
"""


def test_back_to_the_menu_the_caller_came_from_is_back_wherever_it_leads() -> None:
    """A graph fact, not a word: each "Back" leads to the menu its own menu is reached from."""
    assert lint(BACK, select="L303") == []


def test_near_miss_back_to_a_menu_the_caller_never_came_from_is_reported() -> None:
    text = BACK.replace('"9": {label: Back, goto: delays}', '"9": {label: Back, goto: allowance}')
    assert [(f.code, f.node_id) for f in lint(text, select="L303")] == [("L303", "vouchers")]


DEEP_DRILL = """
entry: main
nodes:
  main:
    prompt: For outages, press 1. For billing, press 2.
    options:
      "1": {label: Outages, goto: outage_area}
      "2": {label: Billing, goto: billing}
  outage_area: {type: input, prompt: Key in your postcode., digits: 5, next: outage_news}
  outage_news: {type: self_service, prompt: Here is the news for your area., changes: false, next: outage_more}
  outage_more:
    prompt: To report a fault, press 1. For the main menu, press 2.
    options:
      "1": {label: Report a fault, goto: faults}
      "2": {label: Main menu, goto: main}
  billing:
    prompt: For your bill, press 1. To report a fault, press 2.
    options:
      "1": {label: Your bill, goto: bills}
      "2": {label: Report a fault, goto: outage_area}
  faults: {type: agent}
  bills: {type: agent}
"""


def test_a_label_that_leads_on_to_the_menu_offering_it_again_is_a_drill_down() -> None:
    """"Report a fault" in billing opens the outage path, whose own "Report a fault" reports it."""
    assert lint(DEEP_DRILL, select="L303") == []


def test_near_miss_a_path_that_reaches_the_other_menu_only_through_the_main_menu_is_reported() -> None:
    text = DEEP_DRILL.replace('"2": {label: Report a fault, goto: outage_area}', '"2": {label: Report a fault, goto: main}')
    assert [(f.code, f.node_id) for f in lint(text, select="L303")] == [("L303", "billing")]


SKIPPED_INPUT = """
entry: main
nodes:
  main:
    prompt: To track a parcel, press 1. To change a delivery, press 2.
    options:
      "1": {label: Track a parcel, goto: track_number}
      "2": {label: Change the delivery, goto: change_number}
  track_number: {type: input, prompt: Key in the parcel number., next: tracked}
  tracked:
    prompt: To change the delivery, press 1. For the main menu, press hash.
    options:
      "1": {label: Change the delivery, goto: change}
      "#": {label: Main menu, goto: main}
  change_number: {type: input, prompt: Key in the parcel number., next: change}
  change: {type: self_service, changes: true}
"""


def test_an_option_that_skips_an_input_given_already_leads_to_the_same_place() -> None:
    assert lint(SKIPPED_INPUT, select="L303") == []


def test_an_option_that_skips_to_somewhere_else_is_reported() -> None:
    """Near miss: after tracking, "Change the delivery" goes to another task, not past the input."""
    text = SKIPPED_INPUT.replace("goto: change}", "goto: refund}") + "  refund: {type: self_service}\n"
    assert codes_at(lint(text, select="L303")) == [At("L303", 12, 20)]


def named(target: str, sub_target: str = "billing_team", queue: str = "sales") -> str:
    """A main menu whose 0 is labelled with the name the file gives the customer-service agent."""
    return f"""
        language: sv
        entry: start
        nodes:
          start:
            prompt: För fakturor, tryck 1. För att köpa en telefon, tryck 2. För kundtjänst, tryck 0.
            options:
              "1": {{label: Fakturor, goto: faktura}}
              "2": {{label: Köpa en telefon, goto: abonnemang}}
              "0": {{label: Kundtjänst, goto: {target}}}
          faktura:
            prompt: För ditt saldo, tryck 1. För kundtjänst, tryck 0.
            options:
              "1": {{label: Saldo, goto: saldo}}
              "0": {{label: Kundtjänst, goto: {sub_target}}}
          saldo: {{type: self_service}}
          billing_team: {{type: agent, queue: faktura}}
          abonnemang: {{type: agent, queue: {queue}}}
          kundtjanst: {{type: agent, queue: kundtjanst}}
        """


def test_a_person_key_labelled_with_one_team_and_wired_to_another_is_reported() -> None:
    (finding,) = lint(named("abonnemang"), select="L303")
    assert (finding.node_id, finding.span.line) == ("start", 9)
    assert 'label "Kundtjänst" of key "0" in "start" names "kundtjanst" but leads to "abonnemang"' in finding.message


def test_fixed_the_person_key_reaches_the_team_it_names() -> None:
    assert lint(named("kundtjanst"), select="L303") == []


def test_near_miss_a_team_whose_queue_the_label_names_is_the_team_it_names() -> None:
    assert lint(named("abonnemang", queue="kundtjänst"), select="L303") == []


def test_near_miss_in_a_submenu_the_person_key_reaches_the_topics_team() -> None:
    """The billing menu's "Kundtjänst" reaching the billing team is routing, not a miswired key."""
    assert lint(named("kundtjanst", sub_target="billing_team"), select="L303") == []



REPLAY = """
language: en
entry: main
nodes:
  main:
    prompt: For payment dates, press 1. For your application, press 2.
    options:
      "1": {label: Payment dates, goto: dates}
      "2": {label: Your application, goto: status}
  dates: {type: self_service, next: dates_after}
  status: {type: self_service, next: status_after}
  dates_after:
    prompt: To hear the information again, press star. For the main menu, press hash.
    options:
      "*": {label: Hear the information again, goto: dates}
      "#": {label: Main menu, goto: main}
  status_after:
    prompt: To hear the information again, press star. For the main menu, press hash.
    options:
      "*": {label: Hear the information again, goto: status}
      "#": {label: Main menu, goto: main}
"""


def test_a_replay_of_what_led_to_each_menu_does_what_it_says_in_both() -> None:
    """Before: "Kuuntele tiedot uudelleen" replaying payment dates in one menu and the application's
    status in another was reported, and the fix offered would have broken both replays."""
    assert lint(REPLAY, select="L303") == []


def test_near_miss_the_same_label_playing_something_that_does_not_come_back_is_reported() -> None:
    text = REPLAY.replace('"*": {label: Hear the information again, goto: status}',
                          '"*": {label: Hear the information again, goto: detail}') \
        + "  detail: {type: self_service, next: main}\n"
    assert [f.node_id for f in lint(text, select="L303")] == ["status_after"]


def test_near_miss_an_option_to_a_message_that_returns_to_a_menu_heard_from_elsewhere_too_is_compared() -> None:
    """A menu the caller also reaches from elsewhere does not follow the play only: "Hear the information
    again" there is a task option like any other (bank-fi "Spärra kort" was once taken for a replay)."""
    text = REPLAY.replace('"2": {label: Your application, goto: status}',
                          '"2": {label: Your application, goto: status}\n      "3": {label: After, goto: status_after}')
    assert [f.node_id for f in lint(text, select="L303")] == ["status_after"]


OTHER_OPTIONS = """
language: en
entry: main
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: caseworker}
nodes:
  main:
    prompt: "If you pay support, press 1. If you receive support, press 2."
    options:
      "1": {label: I pay support, goto: pay_menu}
      "2": {label: I receive support, goto: rec_menu}
  pay_menu:
    prompt: "To hear your balance, press 1."
    options:
      "1": {label: Balance, goto: pay_balance}
  rec_menu:
    prompt: "To hear your last payment, press 1."
    options:
      "1": {label: Last payment, goto: rec_last}
  pay_balance: {type: self_service, next: pay_after}
  rec_last: {type: self_service, next: rec_after}
  pay_after:
    prompt: "For other options, press 2. If you also receive support, press 3."
    options:
      "2": {label: Other options, goto: pay_menu}
      "3": {label: I also receive support, goto: rec_menu}
  rec_after:
    prompt: "For other options, press 2. To talk with your caseworker, press 0."
    options:
      "2": {label: Other options, goto: REC_TARGET}
      "0": {label: My caseworker, goto: caseworker}
  more_menu:
    prompt: "To order a statement, press 1."
    options:
      "1": {label: Statement, goto: caseworker}
  caseworker: {type: agent}
"""


def test_the_same_label_back_to_each_callers_own_menu_is_consistent() -> None:
    """Before: "Other options" leads to pay_menu in one place and rec_menu in another, "misled" (judged
    harmful: one target for both would put receivers in the payers' menu). Each leads back to the
    menu the caller came down through: it does what it says in both."""
    assert lint(OTHER_OPTIONS.replace("REC_TARGET", "rec_menu"), select="L303") == []
    # Near miss: the receivers' "Other options" into a menu they never came down through.
    assert [f.node_id for f in lint(OTHER_OPTIONS.replace("REC_TARGET", "more_menu"), select="L303")] == ["rec_after"]


def test_back_to_the_main_menu_from_below_is_the_way_back_in_every_state() -> None:
    """Before: "Go back" to the main menu from a submenu that, after hours, is reached from the closed
    main menu, beside "Go back" from a bill menu to the billing menu above it, was "misled"."""
    text = """
    language: en
    entry: start
    hours: {office: {mon-fri: "08:00-17:00"}}
    defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: agent}
    nodes:
      start: {type: branch, on: hours, hours: office, cases: {open: main, closed: closed_main}}
      main:
        prompt: "For billing, press 4. For more services, press 6. To talk to someone, press 0."
        options:
          "4": {label: Billing, goto: billing_menu}
          "6": {label: More services, goto: more_menu}
          "0": {label: Talk to someone, goto: agent}
      closed_main:
        prompt: "We're closed. For billing, press 4. For more services, press 6."
        options:
          "4": {label: Billing, goto: billing_menu}
          "6": {label: More services, goto: more_menu}
      more_menu:
        prompt: "For meter readings, press 1. To go back, press 9."
        options:
          "1": {label: Meter readings, goto: agent}
          "9": {label: Go back, goto: main}
      billing_menu:
        prompt: "To hear about your bill, press 1."
        options:
          "1": {label: Your bill, goto: bill_info}
      bill_info:
        prompt: "Your bill is due on the first. To go back, press 9."
        options:
          "9": {label: Go back, goto: billing_menu}
      agent: {type: agent}
    """
    assert lint(text, select="L303") == []
