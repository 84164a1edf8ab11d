"""P402 phantom-option: the prompt offers a key the menu does not have."""

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
    ("en a removed option is still offered",
     menu("en", "For cards, press 1. For loans, press 2. For an advisor, press 0."), [At("P402", 5, 13)]),
    ("en a key word",
     menu("en", "For cards, press 1. To hear this again, press the star key. For an advisor, press 0."),
     [At("P402", 5, 13)]),
    ("en fixed", menu("en", "For cards, press 1. For an advisor, press 0."), []),
    ("en near miss: quantities and phone numbers are not keys",
     menu("en", "Have your four digit PIN ready, or choose one of our online services. "
                "In an emergency, dial 112. For cards, press 1. For an advisor, press 0."), []),
    ("en an emergency number spoken digit by digit, beside a removed option",
     menu("en", "If this is an emergency, hang up and dial 9 1 1. For loans, press 9. For cards, press 1. "
                "For an advisor, press 0."), [At("P402", 5, 13)]),
    ("en near miss: emergency numbers spoken digit by digit are not keys",
     menu("en", "If this is an emergency, hang up and dial 9 1 1, or nine nine nine. For cards, press 1. "
                "For an advisor, press 0."), []),
    ("fi near miss: soita 1 1 2 is a number to call",
     menu("fi", "Hätätilanteessa soita 1 1 2. Korttiasioissa paina 1. Asiakaspalvelijalle paina 0."), []),
    ("en near miss: a payment extension is not dial-by-extension",
     menu("en", "For cards or a payment extension, press 1. For an advisor, press 0."), []),
    ("en an extension invited without dial_by_extension",
     menu("en", "If you know your party's extension, dial it now. For cards, press 1. For an advisor, press 0."),
     [At("P402", 5, 13)]),
    ("en near miss: the extension is what key 1 is for, a switchboard behind it takes it",
     menu("en", "If you know the extension of the officer you need, press 1. For an advisor, press 0."), []),
    ("en an extension to dial now, then a key for the operator in the same sentence",
     menu("en", "If you know your party's extension, dial it now, or press 0 for an advisor. For cards, press 1."),
     [At("P402", 5, 13)]),
    ("fi a removed option is still offered",
     menu("fi", "Korttiasioissa paina 1. Lainoissa paina kakkosta. Asiakaspalvelijalle paina 0."), [At("P402", 5, 13)]),
    ("fi fixed", menu("fi", "Korttiasioissa paina 1. Asiakaspalvelijalle paina 0."), []),
    ("fi near miss: valitse yksi seuraavista is not a key",
     menu("fi", "Valitse yksi seuraavista. Korttiasioissa paina 1. Asiakaspalvelijalle paina 0."), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_phantom_option(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="P402")) == expected


def test_each_phantom_key_is_reported_once() -> None:
    text = menu("en", "For loans, press 2. For cards, press 1. Or for loans, press two. For an advisor, press 0.")
    assert len(lint(text, select="P402")) == 1


def test_message_quotes_the_words_heard() -> None:
    (finding,) = lint(menu("fi", "Korttiasioissa paina 1. Lainoissa paina kakkosta. Asiakaspalvelijalle paina 0."),
                      select="P402")
    assert finding.node_id == "main"
    assert 'offers key "2" ("paina kakkosta") but "main" has no option "2"' in finding.message
    assert finding.help == 'add an option "2", or take "paina kakkosta" out of the prompt'


@pytest.mark.parametrize("language, prompt", [
    ("en", "For cards, press 1. Or select two services you use most on our website. For an advisor, press 0."),
    ("fi", "Korttiasioissa paina 1. Verkossa voit valita kaksi vaihtoehtoa. Asiakaspalvelijalle paina 0."),
    ("sv", "För kort, tryck 1. I appen kan du välja två tjänster. Till kundtjänst, tryck 0."),
    ("es", "Para tarjetas, pulse 1. En la web, elija dos servicios favoritos. Para un asesor, pulse 0."),
])
def test_a_number_word_that_counts_something_only_informs(language: str, prompt: str) -> None:
    """Before: "Välj ett alternativ", "choose one option" were phantom keys, an error, though the
    number counts something: the reader cannot tell a count from a key there."""
    (finding,) = lint(menu(language, prompt), select="P402")
    assert finding.severity.value == "info" and "may count something" in finding.message


@pytest.mark.parametrize("prompt", ["For cards, press 1. For loans, press two. For an advisor, press 0.",
                                    "For cards, press 1. For loans, press 2 now. For an advisor, press 0."])
def test_near_miss_a_key_offered_for_a_function_stays_an_error(prompt: str) -> None:
    (finding,) = lint(menu("en", prompt), select="P402")
    assert finding.severity.value == "error"


def test_a_key_continuing_a_list_is_read_without_a_verb_of_its_own() -> None:
    """A continued key ("press 1 for cards, or two for loans") has no verb in its match: reading it as a
    possible count must not fail (it did, on a real Genesys export)."""
    (finding,) = lint(menu("en", "Press 1 for cards, or two for loans. For an advisor, press 0."), select="P402")
    assert finding.severity.value == "error" and 'key "2"' in finding.message


def named_menu(language: str, prompt: str, label: str) -> str:
    return menu(language, prompt).replace("label: Cards", f"label: {label}")


@pytest.mark.parametrize("language, prompt, label", [
    ("en", "Which game? Pick 3 and Pick 4, press 1. For an advisor, press 0.", "Pick 3 and Pick 4"),
    ("en", "For Channel 5 news, press 1. For an advisor, press 0.", "Channel 5 news"),
    ("sv", "Spel: Välj 6 och Välj 8, tryck 1. Till kundtjänst, tryck 0.", "Välj 6 och Välj 8"),
    ("es", "Para Elige 5 y Elige 7, pulse 1. Para un asesor, pulse 0.", "Elige 5 y Elige 7"),
])
def test_a_number_inside_an_option_name_said_in_the_prompt_is_no_key(language: str, prompt: str, label: str) -> None:
    """Before: the lottery's games "Pick 3 and Pick 4, press 3" were a phantom key 4 (judged false):
    the words are the option's own name, as its label says."""
    assert lint(named_menu(language, prompt, label), select="P402") == []


def test_near_miss_a_name_that_does_not_cover_the_offer_leaves_it_an_error() -> None:
    prompt = "For Pick 3 results, press 1. For Pick 4 results, press 4. For an advisor, press 0."
    (finding,) = lint(named_menu("en", prompt, "Pick 3 results"), select="P402")
    assert finding.severity.value == "error" and 'key "4"' in finding.message


@pytest.mark.parametrize("language, prompt", [
    ("en", "If the fault continues, please call back and press 5, then 2. For cards, press 1. For an advisor, press 0."),
    ("fi", "Jos vika jatkuu, soita uudelleen ja paina 5 ja sitten 2. Korttiasioissa paina 1. "
           "Asiakaspalvelijalle paina 0."),
    ("sv", "Om felet kvarstår, ring igen och tryck 5 och sedan 2. För kort, tryck 1. Till kundtjänst, tryck 0."),
    ("es", "Si el fallo continúa, vuelva a llamar y pulse 5 y luego 2. Para tarjetas, pulse 1. "
           "Para un asesor, pulse 0."),
])
def test_a_way_through_several_menus_only_informs(language: str, prompt: str) -> None:
    """Before: "call back and press 1, then 2, to register a complaint" was an error in the menu that
    said it (judged false): the keys are a path told ahead, for another call or the next menu."""
    (finding,) = lint(menu(language, prompt), select="P402")
    assert finding.severity.value == "info" and "several menus" in finding.message


def test_near_miss_a_removed_option_followed_by_another_offer_stays_an_error() -> None:
    prompt = "For loans, press 5, then hold for an advisor. For cards, press 1. For an advisor, press 0."
    (finding,) = lint(menu("en", prompt), select="P402")
    assert finding.severity.value == "error"
