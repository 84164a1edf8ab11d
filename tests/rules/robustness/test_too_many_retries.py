"""R504 too-many-retries: retries above max_retries."""

import pytest

from tests.conftest import At, codes_at, lint

BASE = """
entry: main
defaults: {retries: {n}}
nodes:
  main:
    prompt: For more, press 1. For an advisor, press 0.
    options:
      "1": {label: More, goto: more}
      "0": {label: Advisor, goto: advisor}
  more:
    prompt: For an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
"""

CASES = [
    ("defaults of 5, reported once", BASE.replace("{n}", "5"), [At("R504", 2, 12)]),
    ("3", BASE.replace("{n}", "3"), []),
    ("one menu's own value", BASE.replace("{n}", "2").replace("  more:\n", "  more:\n    retries: 6\n"),
     [At("R504", 10, 5)]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_too_many_retries(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="R504")) == expected


def test_messages_and_setting() -> None:
    (defaults,) = lint(BASE.replace("{n}", "5"), select="R504")
    assert defaults.message == "`defaults` allow 5 retries, over the limit of 3" and defaults.node_id is None
    own = BASE.replace("{n}", "2").replace("  more:\n", "  more:\n    retries: 6\n")
    (finding,) = lint(own, select="R504")
    assert finding.message == '"more" allows 6 retries, over the limit of 3'
    assert lint(BASE.replace("{n}", "5"), select="R504", rules={"R504": {"max_retries": 5}}) == []
