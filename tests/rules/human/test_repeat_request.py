"""H208 repeat-request: a caller asked again for what they already gave."""

import pytest

from tests.conftest import At, codes_at, lint

BASE = """
entry: account
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  account:
    type: input
    prompt: Please enter your account number.
    collects: account_number
    next: main
  main:
    prompt: For payments, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Payments, goto: payments}
      "0": {label: Speak to an advisor, goto: advisor}
  payments:
    type: input
    prompt: Please enter your account number again.
    PAYMENTS
    next: advisor
  advisor: {type: agent, announces_wait: true, RECEIVES}
"""


def menu(payments: str = "", receives: str = "receives: all") -> str:
    return BASE.replace("PAYMENTS", payments or "digits: 8").replace("RECEIVES", receives)


CASES = [
    ("a second input asks for the same item", menu("collects: account_number"), [At("H208", 17, 5)]),
    ("a person who does not receive it", menu(receives="receives: [reason]"), [At("H208", 19, 48)]),
    ("both", menu("collects: account_number", "receives: [reason]"), [At("H208", 17, 5), At("H208", 19, 48)]),
    ("fixed: the second input collects something else, the person receives everything",
     menu("collects: payment_amount"), []),
    ("fixed: the person receives the item", menu(receives="receives: [account_number]"), []),
    ("near miss: a person without `receives` is unknown", menu(receives="queue: general"), []),
    ("near miss: the same input met again after going round the menus",
     BASE.replace("PAYMENTS", "digits: 8").replace("RECEIVES", "receives: all")
         .replace('"1": {label: Payments, goto: payments}', '"1": {label: Payments, goto: account}'), []),
    ("near miss: a timed-out input gave nothing",
     """
     entry: account
     nodes:
       account:
         type: input
         prompt: Please enter your account number.
         collects: account_number
         on_timeout: advisor
         on_invalid: repeat
         after_retries: advisor
         next: done
       done: {type: hangup}
       advisor: {type: agent, receives: []}
     """, []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_repeat_request(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="H208")) == expected


def test_an_option_that_collects_counts_as_given() -> None:
    text = """
    entry: main
    defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
    nodes:
      main:
        prompt: Tell us briefly why you are calling, or press 0 for an advisor.
        options:
          reason: {label: Your reason, say: [bill, move, fault], goto: advisor, collects: reason}
          "0": {label: Advisor, goto: advisor}
      advisor: {type: agent, receives: [account_number]}
    """
    (finding,) = lint(text, select="H208")
    assert "option \"reason\" of \"main\"" in finding.message


def test_message_names_the_item_where_it_was_given_and_who_asks_again() -> None:
    (asked,) = lint(menu("collects: account_number"), select="H208")
    assert asked.message == ('callers who gave "account_number" at input "account" are asked for it again '
                             'at input "payments"')
    (person,) = lint(menu(receives="receives: [reason]"), select="H208")
    assert person.message == ('callers who gave "account_number" at input "account" must say it again to '
                              'agent "advisor", which does not receive it')


def test_a_closed_queue_is_judged_only_while_open() -> None:
    text = menu(receives="receives: [reason], hours: office, closed: cb").replace(
        "nodes:", 'hours:\n  office: {mon-fri: "09:00-17:00"}\nnodes:') + "  cb: {type: callback}\n"
    (finding,) = lint(text, select="H208")
    assert finding.state == "open"


# Issue 30, pattern 7: an item is carried within the errand it was given for.
ERRANDS = """
entry: main
defaults: {on_timeout: repeat, on_invalid: repeat}
nodes:
  main:
    prompt: For claims, press 1. For billing, press 2. To speak to an agent, press 0.
    options:
      "1": {label: Claims, goto: claim_no}
      "2": {label: Billing, goto: billing_policy}
      "0": {label: Speak to an agent, goto: service}
  claim_no:
    type: input
    prompt: Please enter your claim number.
    collects: claim_number
    next: claims
  claims:
    prompt: To speak to your adjuster, press 0. For the main menu, press 9.
    options:
      "0": {label: Adjuster, goto: claims_agent}
      "9": {label: Main menu, goto: main}
  billing_policy:
    type: input
    prompt: Please enter your policy number.
    collects: policy_number
    next: billing
  billing:
    prompt: To pay, press 1. For a billing agent, press 0. For the main menu, press 9.
    options:
      "1": {label: Pay, goto: pay_policy}
      "0": {label: Billing agent, goto: billing_agent}
      "9": {label: Main menu, goto: main}
  pay_policy:
    type: input
    prompt: Please enter your policy number.
    collects: policy_number
    next: billing_agent
  claims_agent: {type: agent, receives: [claim_number]}
  billing_agent: {type: agent, receives: [policy_number]}
  service: {type: agent, receives: [policy_number]}
"""


def test_an_item_is_not_asked_again_by_another_errand_started_from_the_main_menu() -> None:
    """Paying re-asks the policy number within the billing errand (reported); the billing agent
    never needs the claim number of an earlier claims errand, nor the adjuster the policy number."""
    found = [(f.node_id, f.message) for f in lint(ERRANDS, select="H208")]
    assert [node for node, _ in found] == ["pay_policy"]
    assert 'at input "billing_policy"' in found[0][1]


def test_a_person_the_errand_reaches_without_receives_is_reported_when_others_are_handed_it() -> None:
    """The common mistake: receives: given to some people, forgotten on another reached with the item."""
    forgot = ERRANDS.replace("  claims_agent: {type: agent, receives: [claim_number]}",
                             "  claims_agent: {type: agent}\n  other: {type: agent, receives: [claim_number]}")
    (finding,) = [f for f in lint(forgot, select="H208") if f.node_id == "claims_agent"]
    assert 'has no `receives:` (unlike "other")' in finding.message


def test_a_person_without_receives_is_unknown_when_nobody_is_said_to_be_handed_the_item() -> None:
    """Near miss: the line never says who is handed a claim number, so nothing is known."""
    silent = ERRANDS.replace("  claims_agent: {type: agent, receives: [claim_number]}", "  claims_agent: {type: agent}")
    assert [f.node_id for f in lint(silent, select="H208")] == ["pay_policy"]


def test_the_place_named_is_the_one_nearest_before() -> None:
    """Two places gave the item on the way: the finding names the later one."""
    twice = ERRANDS.replace("    next: billing\n", "    next: confirm\n  confirm:\n    type: input\n"
                            "    prompt: Enter your policy number again to confirm.\n"
                            "    collects: policy_number\n    next: billing\n", 1)
    messages = [f.message for f in lint(twice, select="H208") if f.node_id == "pay_policy"]
    assert messages and 'at input "confirm"' in messages[0]


CROSS = """
entry: main
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: operator}
nodes:
  main:
    prompt: For claims, press 1. For billing, press 2. For the operator, press 0.
    options:
      "1": {label: Claims, goto: claim_number}
      "2": {label: Billing, goto: billing_menu}
      "0": {label: Operator, goto: operator}
  claim_number: {type: input, prompt: Enter your claim number., digits: 9, collects: claim_number, next: claims_menu}
  claims_menu:
    prompt: For the status, press 1. For an adjuster, press 2. About a payment on it, press 3. For the operator, press 0.
    options:
      "1": {label: Claim status, goto: status}
      "2": {label: Adjuster, goto: adjuster}
      "3": {label: Payment on a claim, goto: billing_agent}
      "0": {label: Operator, goto: operator}
  billing_menu:
    prompt: To pay, press 1. For the billing team, press 2. For the operator, press 0.
    options:
      "1": {label: Pay, goto: pay}
      "2": {label: Billing team, goto: billing_agent}
      "0": {label: Operator, goto: operator}
  status: {type: self_service, next: main}
  pay: {type: self_service, next: main}
  adjuster: {type: agent, receives: [{adjuster}]}
  billing_agent: {type: agent, receives: [policy_number]}
  operator: {type: agent, receives: [{operator}]}
"""


def errands(adjuster: str = "claim_number", operator: str = "claim_number") -> str:
    return CROSS.replace("{adjuster}", adjuster).replace("{operator}", operator)


def test_a_person_of_the_errand_that_asked_must_receive_the_item() -> None:
    (finding,) = lint(errands(adjuster="policy_number"), select="H208")
    assert finding.node_id == "adjuster"


def test_fixed_every_person_who_needs_it_receives_it() -> None:
    assert lint(errands(), select="H208") == []


def test_the_general_person_on_0_is_asked_to_receive_it_from_any_errand() -> None:
    (finding,) = lint(errands(operator="policy_number"), select="H208")
    assert finding.node_id == "operator"


def test_near_miss_a_department_of_another_errand_reached_by_a_cross_link_is_not_asked() -> None:
    """The billing team belongs to the billing branch; a claims caller sent there by key 3 is not
    grounds to hand it claim numbers (it works from the policy number it receives)."""
    assert [f.node_id for f in lint(errands(), select="H208")] == []
    assert "billing_agent" not in {f.node_id for f in lint(errands(adjuster="policy_number"), select="H208")}


VERIFIED = """
entry: member
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  member:
    type: input
    prompt: Please enter your member number.
    collects: member_number
    next: CHAIN
  pin:
    type: input
    prompt: Now enter your four-digit PIN.
    collects: pin
    next: main
  main:
    prompt: For your balances, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Balances, goto: balances}
      "0": {label: Speak to an advisor, goto: advisor}
  balances: {type: self_service, next: main}
  advisor: {type: agent, announces_wait: true, RECEIVES}
"""


def test_an_item_asked_straight_after_one_the_person_receives_only_informs() -> None:
    """The author handed on the member number and not the PIN asked right after it: a check of the
    first, left out on purpose as often as not. Info, saying so."""
    (finding,) = lint(VERIFIED.replace("CHAIN", "pin").replace("RECEIVES", "receives: [member_number]"),
                      select="H208")
    assert finding.severity.value == "info"
    assert 'it is asked straight after "member_number", which the person does receive' in finding.message


def test_an_item_not_chained_to_one_the_person_receives_still_warns() -> None:
    """Defect kept: the person receives another item, but the one left out was not asked as its check."""
    text = VERIFIED.replace("CHAIN", "pin").replace("RECEIVES", "receives: [reason]")
    assert {f.severity.value for f in lint(text, select="H208")} == {"warning"}
    fixed = VERIFIED.replace("CHAIN", "pin").replace("RECEIVES", "receives: [member_number, pin]")
    assert lint(fixed, select="H208") == []


AFTER_HOURS_ROUND = """
entry: start
hours: {office: {mon-fri: "09:00-17:00"}}
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: team}
nodes:
  start: {type: branch, "on": hours, hours: office, cases: {open: main, closed: closed_menu}}
  closed_menu:
    prompt: We are closed. To pay your council tax, press 1.
    options:
      "1": {label: Pay council tax, goto: pay_account}
  main:
    prompt: To pay your council tax, press 1. About your council tax account, press 2.
    options:
      "1": {label: Pay council tax, goto: pay_account}
      "2": {label: Council tax account, goto: team_account}
  pay_account: {type: input, prompt: Enter your account number., collects: account, next: pay}
  pay: {type: self_service, prompt: Your payment has been made., next: anything_else}
  anything_else:
    prompt: For anything else, press 1. Otherwise you can hang up.
    on_timeout: bye
    options:
      "1": {label: Main menu, goto: main}
  team_account: {type: input, prompt: Enter your account number., collects: account, next: team}
  team: {type: agent, receives: [account]}
  bye: {type: hangup}
"""


def test_back_to_the_main_menu_after_hours_leaves_the_errand_as_in_open_hours() -> None:
    """After hours the call reaches the main menu only after paying, so that state's own tree puts the
    main menu below the payment input; the line's errands, as the open-hours tree shows them, do not:
    the account number asked for the second errand is no repeat."""
    assert lint(AFTER_HOURS_ROUND, select="H208") == []


def test_near_miss_asked_again_within_one_errand_after_hours_is_still_reported() -> None:
    text = AFTER_HOURS_ROUND.replace("next: anything_else", "next: team_account")
    assert {f.node_id for f in lint(text, select="H208")} == {"team_account"}


def test_a_transfer_without_receives_is_not_asked_to_receive_what_others_are_handed() -> None:
    """Another organisation's number (a police or nurse line) takes no screen pop from this line:
    its missing `receives:` is not the author's slip. An agent left without one still is (near miss)."""
    outside = ERRANDS.replace(
        "  claims_agent: {type: agent, receives: [claim_number]}",
        '  claims_agent: {type: transfer, number: "+358 9 123 4567", human: true}\n'
        "  other: {type: agent, receives: [claim_number]}")
    assert [f for f in lint(outside, select="H208") if f.node_id == "claims_agent"] == []
    listed = outside.replace('human: true}', 'human: true, receives: [policy_number]}')
    (finding,) = [f for f in lint(listed, select="H208") if f.node_id == "claims_agent"]
    assert "which does not receive it" in finding.message


def test_a_desk_of_its_own_without_receives_only_informs_and_the_general_person_warns() -> None:
    """Others are handed the claim number. The claims desk left without `receives:` may verify callers
    itself (info); the general person, whom 0 reaches from every menu, is surely forgotten (warning)."""
    general_is_service = ERRANDS.replace('"0": {label: Billing agent, goto: billing_agent}',
                                         '"0": {label: Billing agent, goto: service}')
    desk = general_is_service.replace("  claims_agent: {type: agent, receives: [claim_number]}",
                                      "  claims_agent: {type: agent}\n  other: {type: agent, receives: [claim_number]}")
    (finding,) = [f for f in lint(desk, select="H208") if f.node_id == "claims_agent"]
    assert finding.severity.value == "info"
    general = general_is_service.replace('"0": {label: Adjuster, goto: claims_agent}',
                                         '"0": {label: Adjuster, goto: service}').replace(
        "  service: {type: agent, receives: [policy_number]}", "  service: {type: agent}")
    found = [f for f in lint(general, select="H208") if f.node_id == "service"]
    assert found and {f.severity.value for f in found} == {"warning"}
    assert any('"claim_number"' in f.message and 'unlike "claims_agent"' in f.message for f in found)


FUMBLED = """
entry: main
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: reception}
nodes:
  main:
    prompt: MAIN
    options:
      "1": {label: BOOKING, goto: booking}
      "0": {label: RECEPTION, goto: reception}
  booking: {type: input, prompt: ASK, collects: booking_number, next: manage}
  manage:
    prompt: MANAGE
    after_retries: RETRIES
    options:
      "1": {label: CHANGE, goto: desk}
      "0": {label: PERSON, goto: SECOND}
  desk: {type: agent, receives: [booking_number]}
  reception: {type: agent, receives: [reason]}
"""

#: (main prompt, booking label, reception label, ask, manage prompt, change label, person label) per language.
WORDS = {
    "en": ("For bookings press 1, for reception press 0.", "Bookings", "Reception", "Enter your booking number.",
           "To change the booking press 1, to speak to someone press 0.", "Change", "Someone"),
    "fi": ("Varaukset paina 1, vastaanotto paina 0.", "Varaukset", "Vastaanotto", "Näppäile varausnumero.",
           "Varauksen muutos paina 1, henkilökunta paina 0.", "Muutos", "Henkilökunta"),
    "sv": ("Bokningar tryck 1, receptionen tryck 0.", "Bokningar", "Reception", "Slå ditt bokningsnummer.",
           "Ändra bokningen tryck 1, tala med personal tryck 0.", "Ändra", "Personal"),
    "es": ("Reservas, marque 1; recepción, marque 0.", "Reservas", "Recepción", "Marque su número de reserva.",
           "Para cambiar la reserva marque 1; para hablar con alguien marque 0.", "Cambiar", "Alguien"),
}


def fumbled(language: str, second: str, retries: str) -> str:
    text = FUMBLED
    for name, word in zip(("MAIN", "BOOKING", "RECEPTION", "ASK", "MANAGE", "CHANGE", "PERSON"), WORDS[language]):
        text = text.replace(name, word)
    return text.replace("SECOND", second).replace("RETRIES", retries)


@pytest.mark.parametrize("language", sorted(WORDS))
def test_a_person_reached_with_the_item_only_by_fumbling_a_menu_only_informs(language: str) -> None:
    """Every announced key after the booking number leads to the desk that receives it; only a caller
    who fails `manage` falls to reception with it: info naming that edge and the better fix."""
    (finding,) = lint(fumbled(language, "desk", "reception"), select="H208")
    assert finding.severity.value == "info" and finding.node_id == "reception"
    assert 'only callers who fail after_retries of "manage"' in finding.message
    assert 'set `after_retries:` of "manage"' in finding.help


@pytest.mark.parametrize("language", sorted(WORDS))
def test_an_announced_key_that_loses_the_item_still_warns(language: str) -> None:
    """Defect kept: 0 in `manage`, a designed route, reaches reception without the booking number."""
    found = lint(fumbled(language, "reception", "reception"), select="H208")
    assert found and {f.severity.value for f in found} == {"warning"}


@pytest.mark.parametrize("language", sorted(WORDS))
def test_near_miss_the_fumble_leads_to_the_desk_that_receives_it(language: str) -> None:
    assert lint(fumbled(language, "desk", "desk"), select="H208") == []
