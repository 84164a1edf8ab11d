"""H213 charged-contract-call: contract matters may cost no more than an ordinary call (CRD art. 21)."""

from tests.conftest import At, codes_at, lint


def menu(tariff: str, matter: str = "true") -> str:
    return f"""
    entry: main
    line: {{tariff: {tariff}}}
    defaults: {{on_timeout: repeat, on_invalid: repeat, after_retries: advisor}}
    nodes:
      main:
        prompt: To cancel your subscription, press 1. For our offers, press 2. To speak to an advisor, press 0.
        options:
          "1": {{label: Cancel your subscription, goto: advisor, contract_matter: {matter}}}
          "2": {{label: Offers, goto: offers}}
          "0": {{label: Advisor, goto: advisor}}
      advisor: {{type: agent}}
      offers: {{type: message, prompt: Visit our shop., next: main}}
    """


def test_a_contract_matter_in_a_charged_queue() -> None:
    (finding,) = lint(menu("{per_minute: 0.45, basic_rate: 0.08}"), select="H213")
    assert codes_at([finding]) == [At("H213", 8, 7)]
    assert finding.message == ('"Cancel your subscription" is about an existing contract, but the call costs 0.45 EUR '
                               "a minute against 0.08 for an ordinary call including the wait for a person")


def test_queueing_free_still_costs_more_than_basic() -> None:
    (finding,) = lint(menu("{per_minute: 0.45, basic_rate: 0.08, charged_while_queueing: false}"), select="H213")
    assert "including the wait" not in finding.message


def test_the_basic_rate_passes() -> None:
    assert not lint(menu("{per_minute: 0.08, basic_rate: 0.08}"), select="H213")


def test_a_charged_line_without_contract_matters_is_not_judged() -> None:
    assert not lint(menu("{per_minute: 0.45}", matter="false"), select="H213")
