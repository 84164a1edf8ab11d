"""H210 no-person-in-main-menu: an audited line's main menu must offer a person among its options."""

from tests.conftest import At, codes_at, lint

LINE = """
entry: main
{line}
defaults: {{on_timeout: repeat, on_invalid: repeat, after_retries: advisor}}
nodes:
  main:
    prompt: For invoices, press 1. {extra}
    options:
      "1": {{label: Invoices, goto: more}}
      {option}
  more:
    prompt: To speak to an advisor, press 0.
    options:
      "0": {{label: Advisor, goto: advisor}}
  advisor: {{type: agent}}
"""


def menu(option: str = "", line: str = "line: {country: ES}", extra: str = "") -> str:
    return LINE.format(option=option, line=line, extra=extra)


def test_a_person_only_in_a_sub_menu_is_reported() -> None:
    (finding,) = lint(menu(), select="H210")
    assert codes_at([finding]) == [At("H210", 5, 3)]
    assert finding.message == 'the main menu "main" offers no person among its options'


def test_a_person_among_the_main_options_passes() -> None:
    assert not lint(menu('"0": {label: Advisor, goto: advisor}', extra="For an advisor, press 0."), select="H210")


def test_a_line_that_is_not_audited_stays_quiet() -> None:
    assert not lint(menu(line=""), select="H210")


def test_a_person_behind_a_message_counts_and_a_language_menu_hands_over() -> None:
    text = """
    entry: lang
    line: {country: ES}
    defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
    nodes:
      lang:
        prompt: Castellano, pulse 1. Català, premeu 2.
        options:
          "1": {label: Castellano, goto: main, language: es}
          "2": {label: Català, goto: main, language: ca}
      main:
        prompt: Para facturas, pulse 1. Para hablar con una persona, pulse 0.
        options:
          "1": {label: Facturas, goto: advisor}
          "0": {label: Persona, goto: hold}
      hold: {type: message, prompt: Le pasamos con un agente., next: advisor}
      advisor: {type: agent}
    """
    assert not lint(text, select="H210")
    without = text.replace('"0": {label: Persona, goto: hold}', '"2": {label: Otros, goto: lang}')
    assert [f.node_id for f in lint(without.replace("Facturas, goto: advisor", "Facturas, goto: lang"),
                                    select="H210")] == ["main"]


def test_a_hand_off_of_unknown_answerer_in_the_main_menu_is_no_claim_either_way() -> None:
    unknown = menu('"2": {label: Sales, goto: sales}', extra="For sales, press 2.") + "  sales: {type: transfer, human: unknown}\n"
    assert lint(unknown, select="H210") == []
    nobody = unknown.replace("human: unknown", "human: false")
    assert codes_at(lint(nobody, select="H210")) == [At("H210", 5, 3)]


# Issue 30: a language menu is recognised by its labels even without `language:`, and the default
# language reached by waiting ("Suomeksi, odota hetki") opens a main menu that is checked too.
LANGUAGE_FIRST = """
entry: lang
line: {country: FI}
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  lang:
    prompt: Suomeksi, odota hetki. På svenska, tryck 2. In English, press 3.
    on_timeout: fi_main
    options:
      "2": {label: På svenska, goto: sv_main}
      "3": {label: In English, goto: en_main}
  fi_main:
    prompt: Laskut, paina 1. Asiakaspalvelu, paina 0.
    options:
      "1": {label: Laskut, goto: bills}
      "0": {label: Asiakaspalvelu, goto: advisor}
  sv_main:
    prompt: Fakturor, tryck 1. Kundtjänst, tryck 0.
    options:
      "1": {label: Fakturor, goto: advisor}
      "0": {label: Kundtjänst, goto: advisor}
  en_main:
    prompt: Invoices, press 1. Customer service, press 0.
    options:
      "1": {label: Invoices, goto: advisor}
      "0": {label: Customer service, goto: advisor}
  bills: {type: self_service, next: fi_main}
  advisor: {type: agent}
"""


def test_a_language_menu_without_language_set_hands_over_to_each_language_and_the_default() -> None:
    assert lint(LANGUAGE_FIRST, select="H210") == []
    no_person = LANGUAGE_FIRST.replace('      "0": {label: Asiakaspalvelu, goto: advisor}\n', "")
    assert [f.node_id for f in lint(no_person, select="H210")] == ["fi_main"]


GREETING = """
entry: welcome
line: {country: FI}
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  welcome:
    prompt: PROMPT
    options:
      "7": {label: LANGUAGE, goto: menu_two, language: LANG}
      "1": {label: URGENT, goto: block}
    on_timeout: main
    on_invalid: main
  main:
    prompt: For invoices, press 1. MAIN_PERSON
    options:
      "1": {label: Invoices, goto: invoices}
      MAIN_OPTION
  menu_two:
    prompt: Laskut, paina 1. Asiakaspalvelijalle paina 0.
    language: fi
    options:
      "1": {label: Laskut, goto: invoices}
      "0": {label: Asiakaspalvelija, goto: advisor}
  invoices: {type: self_service, next: main}
  block: {type: self_service, changes: true, confirmation: sms, next: main}
  advisor: {type: agent}
"""


def _greeting(prompt: str, language: str, urgent: str, lang: str, person: bool) -> str:
    return GREETING.replace("PROMPT", prompt).replace("LANGUAGE", language).replace("URGENT", urgent).replace(
        "LANG", lang).replace("MAIN_PERSON", "To speak to an advisor, press 0." if person else "").replace(
        "MAIN_OPTION", '"0": {label: Advisor, goto: advisor}' if person else "")


def test_a_greeting_callers_let_pass_hands_over_to_the_menu_behind_it() -> None:
    """Issue 30 (trust corpus, a blind judge: "welcome is the greeting, not the main menu; main offers
    0"): a greeting with another language and an urgent key, whose silence goes on to the line proper."""
    for prompt, language, urgent, lang in [
        ("Welcome to Kide Bank. Suomeksi, paina 7. If your card is lost, press 1 now.", "Suomeksi", "Lost card", "fi"),
        ("Välkommen till banken. Suomeksi, paina 7. Har du tappat kortet, tryck 1.", "Suomeksi", "Spärra kort", "fi"),
    ]:
        assert not lint(_greeting(prompt, language, urgent, lang, person=True), select="H210")


def test_behind_a_greeting_the_main_menu_without_a_person_is_still_reported_there() -> None:
    """Near miss: the menu the greeting's silence goes on to offers nobody: reported on that menu."""
    text = _greeting("Welcome. Suomeksi, paina 7. If your card is lost, press 1 now.", "Suomeksi", "Lost card", "fi",
                     person=False)
    assert [f.node_id for f in lint(text, select="H210")] == ["main"]
