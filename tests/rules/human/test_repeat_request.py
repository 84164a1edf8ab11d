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
