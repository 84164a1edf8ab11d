"""L306 prompt-language-mismatch: a language option announced in another language, or the wrong language after the choice."""

import pytest

from tests.conftest import At, codes_at, lint


def line(offer: str, swedish: str = "Tack för att du ringer. Vi kopplar dig till rådgivningen.",
         declared: str = "") -> str:
    return f"""
    language: fi
    entry: main
    defaults: {{on_timeout: repeat, on_invalid: repeat, after_retries: neuvonta}}
    nodes:
      main:
        prompt: "Tervetuloa. {offer} Neuvontaan paina 1."
        options:
          "9": {{label: Svenska, goto: svenska, language: sv}}
          "1": {{label: Neuvonta, goto: neuvonta}}
      svenska: {{type: message, prompt: "{swedish}", next: radgivning{declared}}}
      neuvonta: {{type: agent}}
      radgivning: {{type: agent, language: sv}}
    """


CASES = [
    ("the Swedish option announced in Finnish", line("Ruotsiksi paina 9."), [At("L306", 6, 13)]),
    ("Finnish words around a Swedish verb", line("Ruotsiksi, tryck 9."), [At("L306", 6, 13)]),
    ("a node after the choice speaks Finnish", line("På svenska, tryck 9.", "Kiitos, että soitit. Hetki."),
     [At("L306", 10, 36)]),
    ("a node declared Swedish speaks Finnish",
     line("På svenska, tryck 9.", "Kiitos, että soitit.", ", language: sv"), [At("L306", 10, 36)]),
    ("a Finnish sentence among Swedish ones",
     line("På svenska, tryck 9.", "Tack för att du ringer. Odota hetki, ole hyvä. Vi kopplar dig vidare."),
     [At("L306", 10, 36)]),
    ("fixed: in its own words, and Swedish after the choice", line("På svenska, tryck 9."), []),
    ("fixed: spoken numerals", line("På svenska, tryck nio."), []),
    ("near miss: a prompt too short to tell", line("På svenska, tryck 9.", "Kela, FPA."), []),
    ("near miss: English announced in English",
     line("For service in English, press 9.", "Thank you for calling. Please hold.").replace("language: sv}}", "language: en}}", 1)
     .replace("goto: svenska, language: sv", "goto: svenska, language: en"), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_prompt_language_mismatch(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="L306")) == expected


def test_the_choice_menu_itself_is_not_judged_for_speaking_several_languages() -> None:
    assert lint(line("På svenska, tryck 9. For English, press 8."), select="L306") == []


def test_messages() -> None:
    (option,) = lint(line("Ruotsiksi paina 9."), select="L306")
    assert option.message == ('option "9" of "main" is for Swedish ("sv") speakers but is announced in '
                              'Finnish ("fi"): "Ruotsiksi paina 9"')
    assert option.help == 'announce it in its own language: "På svenska, tryck 9."'
    (node,) = lint(line("På svenska, tryck 9.", "Kiitos, että soitit."), select="L306")
    assert node.message == ('callers who chose Swedish ("sv") (key "9" in "main") reach "svenska", but its '
                            'prompt speaks Finnish ("fi"): "Kiitos, että soitit."')


CATALAN = """
language: es
entry: main
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: agent}
nodes:
  main:
    prompt: Bienvenido. Per a català, premeu 8. For English, press 9. Para pagos, pulse 1.
    options:
      "1": {label: Pagos, goto: agent}
      "8": {label: Català, goto: agent}
      "9": {label: English, goto: en_agent}
  agent: {type: agent}
  en_agent: {type: agent, language: en}
"""


def test_an_option_for_a_language_ivrcheck_cannot_read_is_not_judged() -> None:
    """Before: "Per a català, premeu 8" was "announced in Spanish", with "For English, press 8." as the fix."""
    assert lint(CATALAN, select="L306") == []
    near_miss = CATALAN.replace("For English, press 9.", "Para inglés, pulse 9.")
    assert [f.message.split(":")[0] for f in lint(near_miss, select="L306")] == [
        'option "9" of "main" is for English ("en") speakers but is announced in Spanish ("es")']


CHAIN = """
language: sv
entry: start
defaults: {{on_timeout: repeat, on_invalid: repeat, after_retries: handlaggare}}
nodes:
  start:
    prompt: "Välkommen. For English, press 8. För att tala med en handläggare, tryck 1."
    options:
      "8": {{label: English, goto: en_menu, language: en}}
      "1": {{label: Handläggare, goto: handlaggare}}
  en_menu:
    prompt: "To speak to a case officer, press 1. To hear about benefits, press 2."
    after_retries: {fumble}
    options:
      "1": {{label: Case officer, goto: en_agent}}
      "2": {{label: Benefits, goto: en_info}}
  en_info: {{type: message, prompt: "Benefits are paid monthly. Thank you for calling.", next: {after_info}}}
  en_agent: {{type: agent, prompt: "Connecting you to a case officer."}}
  handlaggare: {{type: message, prompt: "Vi kopplar dig till en handläggare. Var god dröj.", next: stangt}}
  stangt: {{type: message, prompt: "Tyvärr är alla upptagna. Vi ringer upp dig i morgon.", next: tack}}
  tack: {{type: message, prompt: "Tack för ditt samtal och ha en bra dag.", next: slut}}
  slut: {{type: hangup}}
"""


def test_one_wrong_way_into_the_other_language_is_reported_once_where_it_starts() -> None:
    """Before: the Swedish queue, and every Swedish node after it, were each reported."""
    found = lint(CHAIN.format(fumble="handlaggare", after_info="slut"), select="L306")
    assert [f.node_id for f in found] == ["handlaggare"]
    assert lint(CHAIN.format(fumble="en_agent", after_info="slut"), select="L306") == []  # fixed


def test_near_miss_a_second_wrong_way_in_is_reported_where_it_starts() -> None:
    found = lint(CHAIN.format(fumble="handlaggare", after_info="tack"), select="L306")
    assert [f.node_id for f in found] == ["handlaggare", "tack"]


def swedish_closed(prompt: str, closed: str = "sv_stangt") -> str:
    """Swedish is offered in open hours only; the Swedish person's closed message is a fallback."""
    return f"""
        language: fi
        entry: alku
        hours:
          toimisto: {{mon-fri: "08:00-16:00"}}
        nodes:
          alku: {{type: branch, on: hours, hours: toimisto, cases: {{open: paavalikko, closed: suljettu}}}}
          paavalikko:
            prompt: På svenska, tryck 9. Neuvontaan paina 1.
            options:
              "9": {{label: Svenska, goto: sv_radgivning, language: sv}}
              "1": {{label: Neuvonta, goto: neuvonta}}
          sv_radgivning: {{type: agent, language: sv, hours: toimisto, closed: {closed}}}
          sv_stangt: {{type: message, language: sv, prompt: "{prompt}"}}
          neuvonta: {{type: agent, hours: toimisto, closed: suljettu}}
          suljettu: {{type: message, prompt: Neuvonta on suljettu. Palvelemme arkisin kello 8–16.}}
        """


FI_CLOSED = "Neuvonta on suljettu. Palvelemme arkisin kello 8–16, soita silloin uudelleen."
SV_CLOSED = "Rådgivningen är stängd. Vi betjänar vardagar klockan 8–16, ring då igen."


def test_a_closed_message_heard_only_when_the_person_closes_must_speak_its_language() -> None:
    (finding,) = lint(swedish_closed(FI_CLOSED), select="L306")
    assert finding.node_id == "sv_stangt"
    assert 'declares Swedish ("sv"), but its prompt speaks Finnish ("fi")' in finding.message
    assert lint(swedish_closed(SV_CLOSED), select="L306") == []


def test_near_miss_a_node_no_call_can_reach_is_left_to_s102() -> None:
    assert lint(swedish_closed(FI_CLOSED, closed="suljettu"), select="L306") == []


FRENCH = """
language: en
entry: main
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: agent}
nodes:
  main:
    prompt: Thank you for calling. Pour le service en français, appuyez sur le 9. For bookings, press 1.
    options:
      "1": {label: Bookings, goto: agent}
      "9": {label: Français, goto: fr_agent, language: fr}
  agent: {type: agent}
  fr_agent: {type: agent, language: fr}
"""


def test_an_option_for_an_unread_language_offered_in_the_menus_own_words_is_reported() -> None:
    """Before: "For French, press 9" passed, since ivrcheck reads no French; it reads the English."""
    assert lint(FRENCH, select="L306") == []  # fixed: offered in French, which ivrcheck does not judge
    english = FRENCH.replace("Pour le service en français, appuyez sur le 9.", "For French, press 9.")
    assert [f.message.split(":")[0] for f in lint(english, select="L306")] == [
        'option "9" of "main" is for "fr" speakers ("Français") but is announced in English ("en")']
    # Near miss: a bare "9, Français" says too little to tell its language.
    bare = FRENCH.replace("Pour le service en français, appuyez sur le 9.", "Français: 9.")
    assert lint(bare, select="L306") == []


AFTER_FAILURE = """
language: en
entry: main
hours:
  office: {{mon-fri: "08:00-17:00"}}
defaults: {{on_timeout: repeat, on_invalid: repeat, after_retries: agent}}
nodes:
  main:
    prompt: "Thank you for calling. Para español, oprima nueve. For billing, press 1."
    options:
      "9": {{label: Español, goto: es_menu, language: es}}
      "1": {{label: Billing, goto: agent}}
  es_menu:
    prompt: "Para pagar su factura, oprima 1. Para hablar con un agente, oprima 2."
    options:
      "1": {{label: Pagos, goto: es_pay}}
      "2": {{label: Agente, goto: {es_person}}}
  es_pay: {{type: message, prompt: "Puede pagar en línea las veinticuatro horas.", next: es_menu}}
  es_agent: {{type: agent, language: es, hours: office, closed: es_closed}}
  es_closed: {{type: message, prompt: "La oficina está cerrada. Llame de lunes a viernes de ocho a cinco.", next: bye}}
  agent: {{type: agent, hours: office, closed: closed}}
  closed: {{type: message, prompt: "Our office is closed. Please call again Monday to Friday, eight to five.", next: bye}}
  bye: {{type: hangup, prompt: "{bye}"}}
"""


def after_failure(es_person: str = "es_agent", bye: str = "Goodbye.") -> str:
    return AFTER_FAILURE.format(es_person=es_person, bye=bye)


def test_a_node_met_only_after_a_failure_and_a_closed_desk_only_informs() -> None:
    """Before: a warning, though Spanish callers hear the English closed message only when they fumble
    their menu (the default after_retries) and the office is then closed; the fix is upstream."""
    (finding,) = lint(after_failure(), select="L306")
    assert (finding.node_id, finding.severity.value) == ("closed", "info")
    assert finding.message.endswith("only after a silence or wrong keys and a step more")


def test_a_node_met_on_the_way_callers_normally_go_warns() -> None:
    """The defect: Spanish callers who ask for an agent get the English desk and its closed message."""
    found = [f for f in lint(after_failure(es_person="agent"), select="L306") if f.severity.value == "warning"]
    assert [f.node_id for f in found] == ["closed"]


def test_a_wrong_node_reached_only_through_another_is_not_reported_again() -> None:
    """A Finnish caller sent to the English closed menu goes on from there to the English main menu:
    the closed menu is the one wrong way in, the main menu after it is not a second one."""
    text = """
    language: en
    entry: greeting
    hours:
      shop: {mon-sun: "09:00-17:00"}
    defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: desk}
    nodes:
      greeting:
        prompt: "Welcome. Suomeksi, paina yhdeksän. For rentals, press 1."
        options:
          "9": {label: Suomi, goto: fi_menu, language: fi}
          "1": {label: Rentals, goto: main}
      main:
        prompt: "For rentals, press 1. For the shop's opening hours, press 2."
        options:
          "1": {label: Rentals, goto: rental}
          "2": {label: Hours, goto: desk}
      fi_menu:
        prompt: "Vuokraamoon paina 1. Aukioloajat kuulet painamalla 2."
        options:
          "1": {label: Vuokraamo, goto: rental}
          "2": {label: Aukioloajat, goto: fi_hours}
      fi_hours: {type: message, prompt: "Vuokraamo on auki joka päivä yhdeksästä viiteen.", next: fi_menu}
      rental: {type: agent, hours: shop, closed: rental_closed}
      rental_closed:
        type: message
        prompt: "The rental shop is closed now. It opens every day at nine."
        next: main
      desk: {type: agent}
    """
    found = lint(text, select="L306")
    assert [(f.node_id, f.severity.value) for f in found] == [("rental_closed", "warning")]


def test_a_goodbye_of_a_few_words_only_informs_but_a_farewell_that_tells_something_warns() -> None:
    text = FI_GOODBYE
    (finding,) = lint(text, select="L306")
    assert (finding.node_id, finding.severity.value) == ("hei", "info")
    informative = text.replace("Kiitos soitostasi.", "Kiitos soitostasi. Tulos näkyy verkkopalvelussa huomenna.")
    assert [(f.node_id, f.severity.value) for f in lint(informative, select="L306")] == [("hei", "warning")]
    fixed = text.replace("Kiitos soitostasi.", "Tack för samtalet.")
    assert lint(fixed, select="L306") == []


FI_GOODBYE = """
language: fi
entry: alku
defaults: {on_timeout: repeat, on_invalid: repeat, after_retries: neuvonta}
nodes:
  alku:
    prompt: "Tervetuloa. På svenska, tryck 9. Neuvontaan paina 1."
    options:
      "9": {label: Svenska, goto: sv_info, language: sv}
      "1": {label: Neuvonta, goto: neuvonta}
  sv_info: {type: message, prompt: "Dina resultat finns i e-tjänsten från och med i morgon.", next: hei}
  neuvonta: {type: agent}
  hei: {type: hangup, prompt: "Kiitos soitostasi."}
"""
