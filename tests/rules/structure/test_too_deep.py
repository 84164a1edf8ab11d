"""S105 too-deep: menus deeper than max_depth."""

import pytest

from ivrcheck.findings import Severity
from tests.conftest import At, codes_at, lint


def chain(levels: int) -> str:
    lines = ["entry: m1", "nodes:"]
    for i in range(1, levels + 1):
        nxt = f"m{i + 1}" if i < levels else "advisor"
        lines += [f"  m{i}:", "    prompt: For more, press 1. For an advisor, press 0.",
                  f'    options: {{"1": {{label: More {i}, goto: {nxt}}}, "0": {{label: Advisor, goto: advisor}}}}']
    return "\n".join(lines + ["  advisor: {type: agent}"]) + "\n"


CASES = [
    ("four levels", chain(4), [At("S105", 12, 3)]),
    ("three levels", chain(3), []),
    ("near miss: a deep menu reached by a shortcut is shallow", chain(4).replace(
        '"0": {label: Advisor, goto: advisor}}\n  m2', '"2": {label: Deep, goto: m4}, "0": {label: Advisor, goto: advisor}}\n  m2'),
     []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_too_deep(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="S105")) == expected


def test_limit_is_a_setting_and_message_counts_menus_beyond() -> None:
    assert lint(chain(4), select="S105", rules={"too-deep": {"max_depth": 4}}) == []
    (finding,) = lint(chain(5), select="S105")
    assert finding.message == 'menu "m5" is 5 levels deep, over the limit of 3 (2 menus lie beyond the limit)'


def _after(levels: int, follow_up: str) -> str:
    """A chain whose last menu's "1" leads on to `follow_up` nodes instead of the advisor."""
    return chain(levels).replace(f'{{label: More {levels}, goto: advisor}}', f'{{label: More {levels}, goto: step}}') \
        + follow_up


GUIDED = """  step: {type: self_service, prompt: I am restarting your modem., next: result}
  result:
    prompt: If it works now, press 1. If not, press 2.
    options: {"1": {label: Working, goto: advisor}, "2": {label: Not working, goto: advisor}}
"""
CLOSING = """  step: {type: message, prompt: Your request is noted., next: anything}
  anything:
    prompt: For the main menu, press 1. To finish, press 2. For an advisor, press 0.
    options: {"1": {label: Main menu, goto: m1}, "2": {label: Finish, goto: bye}, "0": {label: Advisor, goto: advisor}}
  bye: {type: hangup}
"""


def test_a_guided_fix_after_a_self_service_step_is_no_level_of_the_tree() -> None:
    assert lint(_after(3, GUIDED), select="S105") == []


def test_a_closing_menu_is_no_level_of_the_tree() -> None:
    assert lint(_after(3, CLOSING), select="S105") == []


def test_a_fourth_browsing_level_after_a_message_is_still_too_deep() -> None:
    """Near miss: a message on the way does not make the menu after it a follow-up."""
    browsing = CLOSING.replace('"1": {label: Main menu, goto: m1}', '"1": {label: Billing, goto: advisor}')
    assert codes_at(lint(_after(3, browsing), select="S105")) == [At("S105", 14, 3)]


def _languages_first(label: str, language: str) -> str:
    """Three levels of English behind a language menu whose first option is `label`."""
    return chain(3).replace("entry: m1\nnodes:\n", (
        "entry: lang\nnodes:\n  lang:\n    prompt: For English, press 1. På svenska, tryck 2.\n"
        f'    options: {{"1": {{label: {label}, goto: m1{language}}}, "2": {{label: Svenska, goto: sv, language: sv}}}}\n'
        "  sv: {type: agent, language: sv}\n"))


def test_a_choice_of_language_is_no_level_of_the_tree() -> None:
    """"For English, press 1" picks the tree a caller browses; its main menu is the first level."""
    assert lint(_languages_first("English", ", language: en"), select="S105") == []


def test_a_menu_before_the_main_menu_that_is_not_a_language_choice_is_a_level() -> None:
    """Near miss: the same first menu whose option chooses a topic, not a language, is a level."""
    assert [f.code for f in lint(_languages_first("Private customers", ""), select="S105")] == ["S105"]


@pytest.mark.parametrize("label", ["English", "In English", "På svenska", "Suomeksi", "Para español"])
def test_a_choice_of_language_without_language_set_is_no_level(label: str) -> None:
    """Issue 30: authors and importers often leave `language:` off; the label alone names the language."""
    assert lint(_languages_first(label, ""), select="S105") == []


def test_one_level_over_the_limit_informs_and_two_warn() -> None:
    """Issue 30: a threshold at its edge. One level over is an info; two levels over, a warning."""
    (edge,) = lint(chain(4), select="S105")
    assert edge.severity is Severity.INFO
    (over,) = lint(chain(5), select="S105")
    assert over.severity is Severity.WARNING
