"""The report as an auditor's deliverable (issue 25): cover, findings by clause, what a call costs,
accepted exceptions with their reasons, the rule pages bundled, and no link ivrcheck made up."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ivrcheck import __version__
from ivrcheck.config import Resolver
from ivrcheck.engine import check_paths, inspect_file
from ivrcheck.report import FORMATS
from ivrcheck.report.handover import html as html_report
from ivrcheck.report.handover import markdown
from ivrcheck.rules import catalog
from tests.conftest import MENUS

SPAIN = MENUS / "audit" / "es" / "no-conforme.ivr.yaml"

WAIVED = """
name: Waived line
entry: main
line: {country: ES}
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:  # ivrcheck: disable-line H203 reason: the carrier reserves 0 on this trunk; by: Ana Ruiz; until: 2999-12-31
    prompt: For sales, press 1. To hear these options again, press star.
    options:
      "1": {label: Sales, goto: advisor}
      "*": {label: Repeat these options, goto: repeat}
  advisor: {type: agent, announces_wait: true}
  other:  # ivrcheck: disable-line S102 reason: kept for the spring campaign; until: 2001-01-31
    type: message
    prompt: Spring offers.
    next: main
"""


def inspected(path: Path):
    return inspect_file(path, Resolver(catalog())(path))


def waived_line(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    path = tmp_path / "waived.ivr.yaml"
    path.write_text(WAIVED.lstrip(), encoding="utf-8")
    return path


def test_the_cover_names_the_line_the_profile_and_the_versions() -> None:
    text = html_report.format([inspected(SPAIN)])
    cover = re.search(r'<table class="cover">(.*?)</table>', text, re.DOTALL).group(1)
    for value in ("Eléctrica del Sur (no conforme)", "+34 902 100 200", "ES", __version__,
                  "Ley 10/2025 de servicios de atención a la clientela (Spain) (es-ley-10-2025, version 2026-12)"):
        assert value in cover


def test_findings_are_grouped_by_clause_with_the_cost_table() -> None:
    text = markdown.format([inspected(SPAIN)])
    assert "### Findings by clause (" in text
    assert "#### Ley 10/2025 art. 8: a person among the options of the main menu (1)" in text
    assert "### What a call costs the caller" in text
    assert "| the fastest way to agente | 6.8 s | 240 s (charged) | 246.8 s | 1.65 EUR |" in text


def test_the_report_lists_every_waiver_with_its_reason(tmp_path: Path) -> None:
    inspection = inspected(waived_line(tmp_path))
    text = markdown.format([inspection])
    assert "### Accepted exceptions (2)" in text
    assert "| H203 | the carrier reserves 0 on this trunk | Ana Ruiz | 2999-12-31 |" in text
    assert "| S102 | kept for the spring campaign | — | 2001-01-31 |" in text and "expired: reported again" in text
    page = html_report.format([inspection])
    assert '<tr class="expired">' in page and "the carrier reserves 0 on this trunk" in page
    assert {"F022", "S102"} <= {f.code for f in inspection.result.findings}  # expired: the finding is back
    assert inspection.result.worst().value == "error"  # and the run fails


def test_every_output_links_only_inside_what_ivrcheck_ships(tmp_path: Path) -> None:
    paths = [SPAIN, waived_line(tmp_path), MENUS / "bad-everything.ivr.yaml"]
    run = check_paths(paths, Resolver(catalog()), keep=True)
    outputs = {name: fmt(run.results, False) for name, fmt in FORMATS.items()}
    inspections = [run.inspections[r.path] for r in run.results if r.path in run.inspections]
    outputs["report.html"] = html_report.format(inspections, run.results)
    outputs["report.md"] = markdown.format(inspections, run.results)
    for name, text in outputs.items():
        text = re.sub(r'xmlns(:\w+)?="[^"]*"', "", text)  # an XML namespace names, it does not link
        addresses = set(re.findall(r"https?://[^\s\"'<>)\]]+", text))
        allowed = {"https://json.schemastore.org/sarif-2.1.0.json"} if name == "sarif" else set()
        assert addresses <= allowed, (name, addresses - allowed)


@pytest.mark.parametrize("base", ["https://docs.example.org/ivrcheck", "https://docs.example.org/ivrcheck/"])
def test_a_configured_docs_url_is_the_only_address(monkeypatch: pytest.MonkeyPatch, base: str) -> None:
    monkeypatch.setenv("IVRCHECK_DOCS_URL", base)
    text = markdown.format([inspected(SPAIN)])
    assert "(https://docs.example.org/ivrcheck/rules/H210.md)" in text
