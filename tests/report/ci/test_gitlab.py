"""GitLab Code Quality: the fields GitLab reads, and fingerprints that are stable and unique."""

from __future__ import annotations

import json
from dataclasses import replace

from ivrcheck.findings import FileResult, Span
from ivrcheck.report.ci import gitlab
from ivrcheck.report.common import described
from tests.report.samples import BANK, BROKEN, sample_results


def issues(results) -> list[dict]:
    return json.loads(gitlab.format(results))


def test_fields_and_severities() -> None:
    results = sample_results()
    out = issues(results)
    findings = [f for r in results for f in r.findings]
    assert len(out) == len(findings)
    for issue, finding in zip(out, findings):
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["check_name"] == finding.code
        assert issue["description"] == described(finding)
        assert issue["location"] == {"path": finding.path, "lines": {"begin": finding.span.line}}
    assert [i["severity"] for i in out] == ["major", "minor", "info", "minor", "major"]
    assert out[-1]["location"]["path"] == BROKEN


def test_fingerprints_unique_even_for_findings_identical_apart_from_position() -> None:
    out = issues(sample_results())
    prints = [i["fingerprint"] for i in out]
    assert len(set(prints)) == len(prints)
    assert out[1]["description"] == out[3]["description"]  # the two H203s differ only by position
    assert all(len(p) == 64 and int(p, 16) >= 0 for p in prints)


def test_fingerprints_unique_for_exact_repeats_and_stable_across_runs() -> None:
    finding = sample_results()[0].findings[1]
    results = [FileResult(BANK, (finding, finding)), FileResult(BANK, (finding,))]
    prints = [i["fingerprint"] for i in issues(results)]
    assert len(set(prints)) == 3
    assert prints == [i["fingerprint"] for i in issues(results)]


def test_fingerprint_follows_path_code_position_and_message() -> None:
    finding = sample_results()[0].findings[0]
    base = issues([FileResult(BANK, (finding,))])[0]["fingerprint"]
    for changed in (replace(finding, path="other.ivr.yaml"), replace(finding, code="S104"),
                    replace(finding, span=Span(11, 3)), replace(finding, span=Span(10, 4)),
                    replace(finding, message="other")):
        assert issues([FileResult(BANK, (changed,))])[0]["fingerprint"] != base
    assert issues([FileResult(BANK, (replace(finding, help="other"),))])[0]["fingerprint"] == base


def test_no_findings_is_an_empty_list() -> None:
    assert gitlab.format([FileResult(BANK, ())]) == "[]\n"
