"""H202 human-too-far: more than max_steps key presses to a person."""

import pytest

from tests.conftest import At, codes_at, lint


def chain(levels: int) -> str:
    lines = ["entry: m1", "nodes:"]
    for i in range(1, levels + 1):
        nxt = f"m{i + 1}" if i < levels else "advisor"
        lines += [f"  m{i}:", f"    prompt: To continue, press {i}.", f'    options: {{"{i}": {{label: Step {i}, goto: {nxt}}}}}']
    return "\n".join(lines + ["  advisor: {type: agent}"]) + "\n"


CASES = [
    ("three presses", chain(3), [At("H202", 3, 3)]),
    ("two presses", chain(2), []),
    ("near miss: a silent route does not shorten the steps", chain(3).replace(
        "  m1:\n", "  m1:\n    after_retries: advisor\n"), [At("H202", 3, 3)]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_human_too_far(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="H202")) == expected


def test_message_shows_the_keys_and_the_limit_is_a_setting() -> None:
    (finding,) = lint(chain(3), select="H202")
    assert finding.message.startswith("reaching a person takes 3 key presses (1 -> 2 -> 3, ")
    assert finding.message.endswith("s), over the limit of 2")
    assert lint(chain(3), select="H202", rules={"H202": {"max_steps": 3}}) == []
