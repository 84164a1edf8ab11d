"""P403 key-first-phrasing: "Press 1 for X" instead of "For X, press 1"."""

import pytest

from tests.conftest import At, codes_at, lint


def menu(language: str, prompt: str) -> str:
    return f"""
        language: {language}
        entry: main
        nodes:
          main:
            prompt: {prompt}
            options:
              "1": {{label: Cards, goto: cards}}
              "0": {{label: Advisor, goto: advisor}}
          cards: {{type: self_service}}
          advisor: {{type: agent}}
        """


CASES = [
    ("en key first", menu("en", "Press 1 for cards. Press 0 to speak to an advisor."), [At("P403", 5, 13)]),
    ("en key first in one sentence", menu("en", "Welcome, press 1 for cards, press 0 for an advisor."),
     [At("P403", 5, 13)]),
    ("en fixed", menu("en", "For cards, press 1. To speak to an advisor, press 0."), []),
    # Before: "or" was read as the function ("Please hold, or press 1 ..."); now the offer is key first,
    # but the other half of a choice the caller has (hold), so it is not reported.
    ("en near miss: the other half of a choice", menu("en", "Please hold, or press 1 for cards, or 0 for an advisor."),
     []),
    ("en still key first without the alternative", menu("en", "Please hold. Press 1 for cards."), [At("P403", 5, 13)]),
    ("en near miss: another way to choose after the key",
     menu("en", "For cards, press 1, or say cards. To speak to an advisor, press 0, or say advisor."), []),
    ("en near miss: function first, one sentence", menu("en", "For cards, press 1, for an advisor, press 0."), []),
    ("fi key first with jos", menu("fi", "Paina 1, jos asiasi koskee korttia. Asiakaspalvelijalle paina 0."),
     [At("P403", 5, 13)]),
    ("fi key first with the function after", menu("fi", "Paina 1 korttiasioissa. Paina 0 asiakaspalvelijalle."),
     [At("P403", 5, 13)]),
    ("fi fixed", menu("fi", "Korttiasioissa paina 1. Asiakaspalvelijalle paina 0."), []),
    ("fi near miss: function first after a comma",
     menu("fi", "Kortit, valitse 1. Asiakaspalvelija, valitse 0 tai sano asiakaspalvelu."), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_key_first_phrasing(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="P403")) == expected


def test_message_lists_the_keys_and_quotes_the_first_offer() -> None:
    (finding,) = lint(menu("en", "Press 1 for cards. Press 0 to speak to an advisor."), select="P403")
    assert finding.node_id == "main"
    assert 'names the key before its function for "1", "0" ("Press 1 for cards")' in finding.message
    assert finding.help == 'say the function first: "For cards, press 1."'
    assert finding.severity.value == "info"
