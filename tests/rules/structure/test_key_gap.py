"""S108 key-gap: numbers skipped among keys 1-9."""

import pytest

from tests.conftest import At, codes_at, lint


def menu(keys: str) -> str:
    options = "\n".join(f'      "{k}": {{label: Topic {k}, goto: advisor}}' for k in keys)
    return f"entry: main\nnodes:\n  main:\n    prompt: Choose.\n    options:\n{options}\n  advisor: {{type: agent}}\n"


CASES = [
    ("1, 2, 4", menu("124"), [At("S108", 5, 5)]),
    ("1, 2, 3", menu("123"), []),
    ("near miss: 0, star and hash do not count", menu("12*#0"), []),
    ("starting at 2 skips 1", menu("23"), [At("S108", 5, 5)]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_key_gap(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="S108")) == expected


def test_message_names_the_missing_numbers() -> None:
    (finding,) = lint(menu("1256"), select="S108")
    assert finding.message == 'menu "main" skips "3", "4"'


def test_a_choice_of_language_fills_the_place_it_takes() -> None:
    """Before: "Ruotsiksi 1, Englanniksi 2, Laskut 3" (no `language:` on the first two) skipped 1 and 2."""
    text = """
    language: fi
    entry: main
    nodes:
      main:
        prompt: Ruotsiksi paina 1. Englanniksi paina 2. Laskuasioissa paina 3. Neuvontaan paina 5.
        options:
          "1": {label: Ruotsiksi, goto: advisor}
          "2": {label: Englanniksi, goto: advisor}
          "3": {label: Laskut, goto: advisor}
          "5": {label: Neuvonta, goto: advisor}
      advisor: {type: agent}
    """
    assert [f.message for f in lint(text, select="S108")] == ['menu "main" skips "4"']
