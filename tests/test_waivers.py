"""Accepted exceptions (issue 25): waivers say why, expired ones fail, `--strict-waivers` wants a reason."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ivrcheck.cli import app
from ivrcheck.config import ConfigError, parse_config
from ivrcheck.rules import catalog
from ivrcheck.suppress import terms
from tests.conftest import check

runner = CliRunner()

MENU = """
entry: main
defaults: {{on_timeout: repeat, on_invalid: repeat, after_retries: advisor}}
nodes:
  main:  # ivrcheck: disable-line H203 {waiver}
    prompt: For sales, press 1. To hear these options again, press star.
    options:
      "1": {{label: Sales, goto: advisor}}
      "*": {{label: Repeat these options, goto: repeat}}
  advisor: {{type: agent, announces_wait: true}}
"""


def codes(result) -> list[str]:
    return [f.code for f in result.findings]


def test_a_waiver_with_a_reason_silences_and_is_listed() -> None:
    result = check(MENU.format(waiver="reason: the carrier reserves 0; by: Ana Ruiz; until: 2999-12-31"))
    assert "H203" not in codes(result)
    (waiver,) = result.waivers
    assert (waiver.codes, waiver.reason, waiver.by, waiver.until) == (
        ("H203",), "the carrier reserves 0", "Ana Ruiz", "2999-12-31")
    assert waiver.silenced == 1 and not waiver.expired and waiver.source == "menu.ivr.yaml:4"


def test_an_expired_waiver_silences_nothing_and_is_an_error() -> None:
    result = check(MENU.format(waiver="until: 2000-01-01 reason: trial period"))
    assert "H203" in codes(result)
    (expired,) = [f for f in result.findings if f.code == "F022"]
    assert expired.severity.value == "error" and "expired on 2000-01-01 (reason: trial period)" in expired.message
    assert result.waivers[0].expired


def test_an_unreadable_until_is_reported() -> None:
    result = check(MENU.format(waiver="reason: x; until: next spring"))
    assert "F023" in codes(result) and "H203" in codes(result)


def test_strict_waivers_refuse_a_waiver_without_reason(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    path = tmp_path / "menu.ivr.yaml"
    path.write_text(MENU.format(waiver=""), encoding="utf-8")
    lenient = runner.invoke(app, ["check", "--format", "json", str(path)])
    assert lenient.exit_code == 0
    strict = runner.invoke(app, ["check", "--strict-waivers", "--format", "json", str(path)])
    assert strict.exit_code == 1
    found = [f["code"] for f in json.loads(strict.output)["files"][0]["findings"]]
    assert "F023" in found and "H203" in found


def test_the_terms_of_a_comment() -> None:
    assert terms(" H203, P404 reason: 0 is taken; by=Ana; until: 2027-01-31") == (
        " H203, P404 ", {"reason": "0 is taken", "by": "Ana", "until": "2027-01-31"})
    assert terms(" H203 reason: required by the carrier") == (" H203 ", {"reason": "required by the carrier"})


CONFIG_MENU = MENU.format(waiver="").replace("  # ivrcheck: disable-line H203 ", "")


def test_a_config_waiver_silences_by_node_and_is_listed() -> None:
    waiver = {"rules": ["H203"], "nodes": ["main"], "reason": "a key for the operator is coming in May",
              "by": "QA", "until": "2999-01-01"}
    result = check(CONFIG_MENU, waivers=[waiver])
    assert "H203" not in codes(result)
    assert result.waivers[0].reason == "a key for the operator is coming in May" and result.waivers[0].silenced == 1
    other = check(CONFIG_MENU, waivers=[{**waiver, "nodes": ["elsewhere"]}])
    assert "H203" in codes(other)


def test_an_expired_config_waiver_fails() -> None:
    result = check(CONFIG_MENU, waivers=[{"rules": ["H2"], "reason": "pilot", "until": "2001-02-03"}])
    assert {"H203", "F022"} <= set(codes(result)) and result.worst().value == "error"


@pytest.mark.parametrize("waiver, message", [
    ({"rules": ["H203"]}, "needs a `reason:`"),
    ({"rules": ["H203"], "reason": "x", "until": "soon"}, "YYYY-MM-DD"),
    ({"reason": "x"}, "needs `rules:`"),
    ({"rules": ["H203"], "reason": "x", "owner": "me"}, 'unknown option "owner"'),
])
def test_config_waivers_are_validated(waiver: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_config({"waivers": [waiver]}, "<test>", catalog())


def test_config_waiver_paths_match_relative_to_the_config(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "menus").mkdir()
    (tmp_path / ".ivrcheck.yaml").write_text(
        "waivers:\n  - {rules: [H203], paths: ['menus/*.ivr.yaml'], reason: accepted by the client}\n", encoding="utf-8")
    for name in ("menus/a.ivr.yaml", "b.ivr.yaml"):
        (tmp_path / name).write_text(CONFIG_MENU, encoding="utf-8")
    data = json.loads(runner.invoke(app, ["check", "--format", "json", str(tmp_path)]).output)
    by_name = {Path(f["path"]).name: [x["code"] for x in f["findings"]] for f in data["files"]}
    assert "H203" not in by_name["a.ivr.yaml"] and "H203" in by_name["b.ivr.yaml"]


def test_the_text_summary_counts_the_waivers() -> None:
    from ivrcheck.report.text import summary

    result = check(MENU.format(waiver="reason: accepted; until: 2000-01-01"))
    assert summary([result]).endswith("; 1 waiver (1 expired).")


def test_config_show_lists_the_waivers() -> None:
    from ivrcheck.report.settings import describe

    config = parse_config({"waivers": [{"rules": ["H203"], "reason": "accepted by the client", "until": "2027-01-31"}]},
                          "<test>", catalog())
    assert "waiver: ['H203'], until 2027-01-31: accepted by the client  # <test>" in describe(config)


NESTED = """
entry: a
nodes:
  # ivrcheck: disable H203 reason: outer, never closed
  a:
    prompt: For b, press 1.
    options: {"1": {label: B, goto: b}}
  # ivrcheck: disable H203 reason: inner
  b:
    prompt: For c, press 1.
    options: {"1": {label: C, goto: c}}
  # ivrcheck: enable H203
  # ivrcheck: disable H203 until: 2000-01-01 reason: lapsed
  c:
    prompt: For a, press 1.
    options: {"1": {label: A, goto: a}}
"""


def test_overlapping_ranges_each_count_what_they_cover() -> None:
    """Open ranges overlap: each counts every finding within it, an `enable` closes the latest one only,
    and a lapsed comment covers nothing (counted per code by bisection, not per pair, issue 23)."""
    result = check(NESTED)
    assert "H203" not in codes(result)  # c stays under the outer range
    silenced = {w.source.rsplit(":", 1)[1]: (w.silenced, w.expired) for w in result.waivers}
    assert silenced == {"3": (3, False), "7": (1, False), "12": (0, True)}
    assert codes(result).count("F022") == 1
