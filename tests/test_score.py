"""The clarity score: 100 when clean, monotone under fixes, harsher for worse findings."""

from hypothesis import given
from hypothesis import strategies as st

from ivrcheck.findings import Finding, Severity, Span
from ivrcheck.score import PARTS, clarity, part_of
from tests.conftest import check

CODES = ["S101", "S103", "S105", "S106", "H201", "H203", "L301", "P401", "R501", "R505", "F013"]


def finding(code: str, severity: Severity, line: int = 1) -> Finding:
    return Finding("m.ivr.yaml", code, "x", severity, "msg", "", Span(line, 1))


findings_lists = st.lists(
    st.builds(finding, st.sampled_from(CODES), st.sampled_from(list(Severity)), st.integers(1, 50)), max_size=40
)


def test_no_findings_scores_100_in_every_part() -> None:
    result = clarity([])
    assert result.total == 100
    assert result.parts == dict.fromkeys(PARTS, 25)


@given(findings_lists, st.data())
def test_fixing_any_one_finding_never_lowers_the_score(found, data) -> None:
    if not found:
        return
    index = data.draw(st.integers(0, len(found) - 1))
    fixed = found[:index] + found[index + 1:]
    assert clarity(fixed).total >= clarity(found).total


@given(findings_lists)
def test_score_stays_between_0_and_100_and_parts_add_up(found) -> None:
    result = clarity(found)
    assert 0 <= result.total <= 100
    assert result.total == sum(result.parts.values())


def test_more_severe_findings_cost_more() -> None:
    scores = [clarity([finding("H203", s)]).total for s in (Severity.INFO, Severity.WARNING, Severity.ERROR)]
    assert scores[0] > scores[1] > scores[2]


def test_each_finding_counts_against_its_own_part() -> None:
    assert part_of("S105") == "navigation"
    assert part_of("H202") == "human_access"
    assert part_of("L301") == part_of("P404") == "wording"
    assert part_of("S104") == part_of("R503") == "robustness"
    parts = clarity([finding("H203", Severity.WARNING)]).parts
    assert parts["human_access"] < 25 and parts["navigation"] == parts["wording"] == parts["robustness"] == 25


def test_a_menu_without_a_human_scores_lower_than_the_same_menu_with_one() -> None:
    without = check("""
        entry: main
        nodes:
          main:
            prompt: For hours, press 1.
            options:
              "1": {label: Hours, goto: bye}
          bye: {type: hangup}
        """)
    with_human = check("""
        entry: main
        nodes:
          main:
            prompt: For hours, press 1. For an advisor, press 0.
            options:
              "1": {label: Hours, goto: bye}
              "0": {label: Advisor, goto: advisor}
          bye: {type: hangup}
          advisor: {type: agent}
        """)
    assert with_human.score > without.score


def test_thousands_of_findings_of_one_rule_do_not_overflow() -> None:
    many = [finding("R505", Severity.INFO, line) for line in range(5000)]
    result = clarity(many)
    assert result.parts["robustness"] == 23  # 1 + 1/2 + 1/4 + ... stays under 2 points
