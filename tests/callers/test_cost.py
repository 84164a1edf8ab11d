"""What a call costs the caller (issue 25): line seconds plus declared queue seconds, at the tariff."""

from ivrcheck.callers.cost import summary
from tests.conftest import check

LINE = """
entry: main
line: {{tariff: {tariff}, answer_target_seconds: 180}}
defaults: {{on_timeout: repeat, on_invalid: repeat, after_retries: advisor}}
nodes:
  main:
    prompt: To cancel your contract, press 1. To speak to an advisor, press 0.
    options:
      "1": {{label: Cancel your contract, goto: cancel, contract_matter: true}}
      "0": {{label: Speak to an advisor, goto: advisor}}
  cancel: {{type: agent, queue: cancellations, expected_wait: 300}}
  advisor: {{type: agent, queue: general, expected_wait: 60}}
tasks:
  - say: I want to cancel my contract
    expect: cancel
"""


def cost_of(tariff: str) -> dict:
    return check(LINE.format(tariff=tariff)).metrics


def test_each_task_and_each_person_is_priced_with_its_queue() -> None:
    metrics = cost_of("{per_minute: 0.6, charged_while_queueing: true}")
    ways = {(w["kind"], w["what"]): w for w in metrics["call_cost"]["ways"]}
    task = ways[("task", "I want to cancel my contract")]
    assert task["queue_seconds"] == 300.0
    assert task["charged_seconds"] == round(task["line_seconds"] + 300, 1)
    assert task["amount"] == round(task["charged_seconds"] * 0.6 / 60, 2)
    advisor = ways[("person", "advisor")]
    assert advisor["queue_seconds"] == 60.0 and metrics["cost_to_person"] == advisor["amount"]
    assert metrics["max_call_cost"] == max(w["amount"] for w in ways.values())


def test_free_queueing_charges_only_the_seconds_in_the_line() -> None:
    metrics = cost_of("{per_minute: 0.6, charged_while_queueing: false}")
    for way in metrics["call_cost"]["ways"]:
        assert way["charged_seconds"] == way["line_seconds"]
    assert "queueing free" in summary(metrics)


def test_the_summary_calls_out_charged_queueing_and_the_answer_target() -> None:
    text = summary(cost_of("{per_minute: 0.6}"))
    assert text.startswith("cost: 0.6 EUR a minute, queueing charged; to a person ")
    assert text.endswith("1 queue declared slower than the 180 s answer target")


def test_a_line_without_a_tariff_has_no_cost() -> None:
    metrics = check(LINE.format(tariff="{per_minute: 1}").replace("{tariff: {per_minute: 1}, ", "{")).metrics
    assert "call_cost" not in metrics and summary(metrics) is None


def test_diff_shows_what_a_change_of_tariff_costs_callers(tmp_path) -> None:
    from typer.testing import CliRunner

    from ivrcheck.cli import app

    text = LINE.format(tariff="{per_minute: 0.6}")
    (tmp_path / "old.ivr.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "new.ivr.yaml").write_text(text.replace("0.6", "0.9"), encoding="utf-8")
    result = CliRunner().invoke(app, ["diff", str(tmp_path / "old.ivr.yaml"), str(tmp_path / "new.ivr.yaml")])
    assert "cost_to_person: " in result.output and "a call costs the caller more: max_call_cost" in result.output
