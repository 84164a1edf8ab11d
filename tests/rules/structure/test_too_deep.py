"""S105 too-deep: menus deeper than max_depth."""

import pytest

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
