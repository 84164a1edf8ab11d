"""L301 ambiguous-labels: two options of one menu whose labels a caller could confuse."""

import pytest

from tests.conftest import At, codes_at, lint


def menu(language: str, first: str, second: str, second_goto: str = "two") -> str:
    return f"""
        language: {language}
        entry: main
        nodes:
          main:
            prompt: For one, press 1. For two, press 2. For a person, press 0.
            options:
              "1": {{label: {first}, goto: one}}
              "2": {{label: {second}, goto: {second_goto}}}
              "0": {{label: Advisor, goto: advisor}}
          one: {{type: self_service}}
          two: {{type: self_service}}
          advisor: {{type: agent}}
        """


CASES = [
    # English
    ("en near-synonyms", menu("en", "Billing", "Invoices"), [At("L301", 8, 20)]),
    ("en same words once vague words go", menu("en", "Billing questions", "Billing problems"), [At("L301", 8, 20)]),
    ("en one label covers the other", menu("en", "Cards", "Card payments"), [At("L301", 8, 20)]),
    ("en words that sound alike", menu("en", "Statements", "Settlements"), [At("L301", 8, 20)]),
    ("en fixed: distinct tasks", menu("en", "Pay a bill", "Copy of an invoice"), []),
    ("en near miss: a shared word, each adds its own task", menu("en", "Card payments", "Card activation"), []),
    ("en near miss: same verb, different teams", menu("en", "Speak to sales", "Speak to the loans team"), []),
    ("en near miss: both lead to the same place", menu("en", "Billing", "Invoices", second_goto="one"), []),
    # Finnish
    ("fi near-synonyms", menu("fi", "Laskut", "Laskutus"), [At("L301", 8, 20)]),
    ("fi a compound covers its last part", menu("fi", "Sopimukset", "Sähkösopimukset"), [At("L301", 8, 20)]),
    ("fi filler compound part adds nothing", menu("fi", "Laskutusasiat", "Laskutus"), [At("L301", 8, 20)]),
    ("fi fault words are near-synonyms", menu("fi", "Vikailmoitukset", "Sähkökatkot"), [At("L301", 8, 20)]),
    ("fi fixed: distinct tasks", menu("fi", "Laskun kopio", "Eräpäivän siirto"), []),
    ("fi near miss: compounds with different first parts",
     menu("fi", "Sähkösopimukset", "Kaukolämpösopimukset"), []),
    ("fi near miss: card payments and card activation", menu("fi", "Korttimaksut", "Kortin aktivointi"), []),
    ("fi near miss: a shared last part, first parts that differ",
     menu("fi", "Yksityisasiakkaat", "Yritysasiakkaat"), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_ambiguous_labels(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="L301")) == expected


def test_similarity_is_a_setting() -> None:
    text = menu("en", "Statements", "Settlements")
    assert lint(text, select="L301", rules={"L301": {"similarity": 100}}) == []


def test_message_names_both_labels_keys_and_the_reason() -> None:
    (finding,) = lint(menu("en", "Billing", "Invoices"), select="L301")
    assert finding.node_id == "main"
    assert '"Billing" (key "1") and "Invoices" (key "2") in "main" could be confused' in finding.message
    assert '"billing" and "invoices" mean nearly the same' in finding.message
    assert "different task" in finding.help


def test_message_says_which_label_covers_the_other() -> None:
    (finding,) = lint(menu("fi", "Sopimukset", "Sähkösopimukset"), select="L301")
    assert '"Sähkösopimukset" covers everything "Sopimukset" says' in finding.message
