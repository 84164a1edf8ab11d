"""JUnit XML: well-formed, one suite per file, one uniquely named failing case per finding."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

from ivrcheck.findings import FileResult
from ivrcheck.report.ci import junit
from ivrcheck.report.common import described
from tests.report.samples import BANK, BROKEN, CLEAN, sample_results


def parse(results) -> ET.Element:
    text = junit.format(results)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def test_counts_per_run_and_per_suite() -> None:
    root = parse(sample_results())
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("6", "5", "0")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [BANK, CLEAN, BROKEN]
    assert [(s.get("tests"), s.get("failures")) for s in suites] == [("4", "4"), ("1", "0"), ("1", "1")]
    for suite in suites:
        assert len(suite.findall("testcase")) == int(suite.get("tests"))
        assert len(suite.findall("testcase/failure")) == int(suite.get("failures"))


def test_case_names_are_unique_and_say_what_and_where() -> None:
    bank = parse(sample_results()).find("testsuite")
    names = [case.get("name") for case in bank.findall("testcase")]
    assert names == ["S103 10:3 info", "H203 12:5 loans [closed]", "Z901 14:7 loans", "H203 20:5 loans [closed]"]
    assert all(case.get("classname") == BANK for case in bank.findall("testcase"))


def test_identical_findings_still_get_unique_names() -> None:
    finding = sample_results()[0].findings[1]
    suite = parse([FileResult(BANK, (finding, finding, replace(finding, message="other")))]).find("testsuite")
    names = [case.get("name") for case in suite.findall("testcase")]
    assert len(set(names)) == 3
    assert names[1] == names[0] + " #2"


def test_failure_carries_code_and_the_full_text() -> None:
    results = sample_results()
    cases = parse(results).find("testsuite").findall("testcase")
    zero_out = results[0].findings[1]
    failure = cases[1].find("failure")
    assert failure.get("type") == "H203"
    assert failure.get("message") == described(zero_out)  # quotes, newline, comma, percent survive
    assert failure.text.splitlines() == [
        "menus/acme-bank.ivr.yaml:12:5: H203 no-zero-out (warning)",
        'menu "loans" says "press 0, it\'s 100% free"', "but 0 leads nowhere: no agent",
        'help: bind "0" to an agent', "holds when the line is closed"]
    assert "<no 9>" in cases[2].find("failure").get("message")


def test_clean_file_has_one_passing_case() -> None:
    suite = parse(sample_results()).findall("testsuite")[1]
    (case,) = suite.findall("testcase")
    assert case.get("name") == junit.CLEAN_CASE and len(case) == 0
    assert suite.find("properties/property[@name='score']").get("value") == "100"


def test_unloaded_file_has_no_score_property() -> None:
    suite = parse(sample_results()).findall("testsuite")[2]
    assert suite.find("properties") is None


def test_characters_xml_cannot_hold_are_replaced() -> None:
    finding = replace(sample_results()[0].findings[0], message="bell \x07 and nul \x00", node_id="a\x1bb")
    case = parse([FileResult(BANK, (finding,))]).find("testsuite/testcase")
    assert "\ufffd" in case.get("name") and "\x07" not in case.find("failure").get("message")


def test_no_files_is_an_empty_report() -> None:
    root = parse([])
    assert (root.get("tests"), root.get("failures")) == ("0", "0") and len(root) == 0
