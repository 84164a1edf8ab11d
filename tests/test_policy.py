"""The one finding policy: what a file reports, decided once for rule and load findings alike."""

from __future__ import annotations

import datetime
import textwrap

from ivrcheck import policy
from ivrcheck.config import Config, parse_config
from ivrcheck.findings import Finding, Severity, Span, Waiver, lapsed
from ivrcheck.reading import menu_text
from ivrcheck.rules import catalog

MENU = textwrap.dedent("""\
    entry: main
    nodes:
      main:
        prompt: For sales, press 1. For help, press 2.
        options:
          "1": {label: Sales, goto: sales}
          "2": {label: Help, goto: help, ignore: [S103]}
      sales: {type: message, prompt: Bye., ignore: [P404]}
      help: {type: message, prompt: Bye.}
    """)


def found(code: str, line: int, node: str | None = None, severity: Severity = Severity.WARNING) -> Finding:
    return Finding("m.ivr.yaml", code, code.lower(), severity, f"{code} here", "fix it", Span(line, 5), node)


def config(**data: object) -> Config:
    return parse_config(data, "<test>", catalog())


def decide(findings: list[Finding], cfg: Config = Config(), text: str = MENU) -> list[tuple[str, int, str]]:
    menu, _ = menu_text(text, "m.ivr.yaml")
    verdict = policy.decide(findings, text, "m.ivr.yaml", cfg, menu)
    return [(f.code, f.span.line, f.severity.value) for f in verdict.kept]


def test_selection_keeps_load_findings_and_drops_unselected_rules() -> None:
    findings = [found("H203", 3), found("S103", 4), found("F013", 2)]
    assert decide(findings, config(select=["S"])) == [("F013", 2, "warning"), ("S103", 4, "warning")]
    assert decide(findings, config(ignore=["F013"])) == [("H203", 3, "warning"), ("S103", 4, "warning")]


def test_ignore_on_a_node_or_option_silences_only_its_own_code_there() -> None:
    menu, _ = menu_text(MENU, "m.ivr.yaml")
    assert menu is not None
    option = menu.nodes["main"].options[1]
    on_option = Finding("m.ivr.yaml", "S103", "dead-end", Severity.ERROR, "x", "y", option.span, "main")
    on_node = found("P404", 8, "sales")
    near_misses = [found("P404", 9, "help"), found("R505", 8, "sales")]  # another node; another code
    assert decide([on_option, on_node, *near_misses]) == [("R505", 8, "warning"), ("P404", 9, "warning")]


def test_severity_and_clause_apply_to_rule_and_load_findings_alike() -> None:
    cfg = config(severity={"H203": "error", "F013": "info"})
    assert decide([found("H203", 3), found("F013", 2)], cfg) == [("F013", 2, "info"), ("H203", 3, "error")]
    clause = Config(clauses={"H203": "ISO 13714 5.3"})
    kept = policy.decide([found("H203", 3)], MENU, "m.ivr.yaml", clause).kept
    assert kept[0].message == "H203 here [ISO 13714 5.3]" and kept[0].clause == "ISO 13714 5.3"


def test_a_position_past_the_end_is_clamped_to_the_file() -> None:
    text = "entry: main\nnodes: {}"  # no final newline: PyYAML can mark line 3
    past = Finding("m.ivr.yaml", "S101", "x", Severity.ERROR, "m", "h", Span(3, 40))
    kept = policy.decide([past], text, "m.ivr.yaml", Config()).kept
    assert (kept[0].span.line, kept[0].span.column) == (2, 10)  # the last line, just after its last character
    inside = policy.decide([found("S101", 2)], text, "m.ivr.yaml", Config()).kept
    assert inside[0].span == Span(2, 5)  # near miss: already inside, left alone


def test_comment_waivers_expire_on_the_policy_clock() -> None:
    text = MENU.replace("prompt: Bye., ignore", "prompt: Bye.  # ivrcheck: disable-line P404 reason: r; until: "
                        "2030-01-31\n        ignore", 1)
    before = policy.Clock(today=datetime.date(2030, 1, 31))
    after = policy.Clock(today=datetime.date(2030, 2, 1))
    finding = [found("P404", 8)]
    assert policy.decide(finding, text, "m.ivr.yaml", Config(), clock=before).kept == []
    late = policy.decide(finding, text, "m.ivr.yaml", Config(), clock=after)
    assert sorted(f.code for f in late.kept) == ["F022", "P404"]
    assert [w.expired for w in late.waivers] == [True]


def test_a_stored_waiver_lapses_when_its_day_passes() -> None:
    clock = policy.Clock(today=datetime.date(2030, 2, 1))
    assert lapsed([Waiver(("H203",), "m:1", "r", until="2030-01-31")], clock)
    assert not lapsed([Waiver(("H203",), "m:1", "r", until="2030-02-01")], clock)  # its last day
    assert not lapsed([Waiver(("H203",), "m:1", "r", until="2030-01-31", expired=True)], clock)  # known
    assert not lapsed([Waiver(("H203",), "m:1", "r", until="soon")], clock)  # no date: F023 from the start
