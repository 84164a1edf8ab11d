"""H207 no-wait-estimate: a queue that does not announce the wait."""

import pytest

from tests.conftest import At, codes_at, lint

BASE = """
entry: main
nodes:
  main:
    prompt: For an advisor, press 0.
    options:
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent{wait}}
"""

CASES = [
    ("not set", BASE.replace("{wait}", ""), [At("H207", 7, 3)]),
    ("false", BASE.replace("{wait}", ", announces_wait: false"), [At("H207", 7, 26)]),
    ("true", BASE.replace("{wait}", ", announces_wait: true"), []),
    ("near miss: a transfer is no queue of ours", BASE.replace("{type: agent{wait}}", "{type: transfer, human: true}"), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_no_wait_estimate(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="H207")) == expected


def test_message_names_the_queue_that_keeps_callers_guessing() -> None:
    (finding,) = lint(BASE.replace("{wait}", ""), select="H207")
    assert finding.message == 'queue "advisor" does not announce the expected wait'
