"""H209 callback-no-time: a callback or voicemail that does not say when the answer comes."""

import pytest

from ivrcheck.findings import Severity

from tests.conftest import At, codes_at, lint


def line(language: str, end: str) -> str:
    return f"""
    language: {language}
    entry: main
    defaults: {{on_timeout: repeat, on_invalid: repeat, after_retries: advisor}}
    nodes:
      main:
        prompt: "0, 1"
        options:
          "0": {{label: Advisor, goto: advisor}}
          "1": {{label: Callback, goto: end}}
      advisor: {{type: agent}}
      end: {{confirmation: sms, {end}}}
    """


CASES = [
    ("en no prompt", line("en", "type: callback"), [At("H209", 11, 3)]),
    ("en as soon as possible", line("en", "type: callback, prompt: We will call you back as soon as possible."),
     [At("H209", 11, 3)]),
    ("en within 2 hours", line("en", "type: callback, prompt: We will call you back within 2 hours."), []),
    ("en by 6 pm", line("en", "type: voicemail, prompt: Leave a message. We reply by 6 pm."), []),
    ("en tomorrow", line("en", "type: voicemail, prompt: Leave a message and we will call you tomorrow."), []),
    ("en a promise", line("en", "type: callback, promise: within one working day"), []),
    ("en a promise that names no time", line("en", "type: callback, promise: shortly"), [At("H209", 11, 44)]),
    ("fi mahdollisimman pian", line("fi", "type: callback, prompt: Soitamme sinulle mahdollisimman pian."),
     [At("H209", 11, 3)]),
    ("fi kahden tunnin kuluessa", line("fi", "type: callback, prompt: Soitamme sinulle kahden tunnin kuluessa."), []),
    ("fi seuraavana arkipäivänä", line("fi", "type: voicemail, prompt: Vastaamme seuraavana arkipäivänä."), []),
    ("sv så snart som möjligt", line("sv", "type: callback, prompt: Vi ringer upp dig så snart som möjligt."),
     [At("H209", 11, 3)]),
    ("sv inom två timmar", line("sv", "type: callback, prompt: Vi ringer upp dig inom två timmar."), []),
    ("sv nästa arbetsdag", line("sv", "type: callback, prompt: Vi ringer dig nästa arbetsdag."), []),
    ("near miss: a Swedish node in a Finnish line is read in Swedish",
     line("fi", "type: callback, language: sv, prompt: Vi ringer upp dig inom en timme."), []),
    ("near miss: a time in another language than the node's does not count",
     line("fi", "type: callback, prompt: We will call you within 2 hours."), [At("H209", 11, 3)]),
    # A day the line names by its hours is a time; a day with no tie to them is not.
    ("en the next weekday", line("en", "type: callback, prompt: We will call you back on the next weekday."), []),
    ("sv nästa dag vi har öppet", line("sv", "type: voicemail, prompt: Vi ringer upp dig nästa dag vi har öppet."), []),
    ("sv nästa öppetdag", line("sv", "type: voicemail, prompt: Vi ringer upp dig nästa öppetdag."), []),
    ("sv klockan tolv", line("sv", "type: callback, prompt: Vi ringer dig i morgon före klockan tolv."), []),
    ("en next opening day", line("en", "type: voicemail, prompt: We will call you back on the next opening day."), []),
    ("fi seuraavana aukiolopäivänä", line("fi", "type: voicemail, prompt: Soitamme seuraavana aukiolopäivänä."), []),
    ("es el próximo día que abramos",
     line("es", "type: callback, prompt: Le llamaremos el próximo día que abramos."), []),
    ("near miss: sv a day with no tie to the hours", line("sv", "type: voicemail, prompt: Vi ringer upp dig en dag."),
     [At("H209", 11, 3)]),
    # The prompt is what callers hear: a promise that names no time is no fault when the prompt names one.
    ("a promise that names no time, the prompt names one",
     line("en", "type: callback, promise: shortly, prompt: We will call you back between 8 am and 6 pm."), []),
    ("near miss: neither the promise nor the prompt names a time",
     line("en", "type: callback, promise: shortly, prompt: We will call you back."), [At("H209", 11, 44)]),
    ("near miss: an unreachable callback is S102's", line("en", "type: callback").replace(
        '"1": {label: Callback, goto: end}', '"1": {label: Callback, goto: advisor}'), []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_callback_no_time(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="H209")) == expected


def test_message() -> None:
    (finding,) = lint(line("fi", "type: callback, prompt: Soitamme pian."), select="H209")
    assert finding.message == 'callback "end" does not tell callers when to expect an answer (its prompt names no time)'
    assert 'promise: "kahden tunnin kuluessa"' in finding.help


def test_spanish_promises_are_read_and_an_unread_language_is_not_judged() -> None:
    """Before: `language: es` was read as English, and "en 30 minutos" named "no time"."""
    text = """
    language: es
    entry: cb
    nodes:
      cb: {type: callback, confirmation: sms, prompt: "Gracias. Le devolveremos la llamada en 30 minutos."}
    """
    assert lint(text, select="H209") == []
    assert [f.code for f in lint(text.replace("en 30 minutos", "lo antes posible"), select="H209")] == ["H209"]
    assert lint(text.replace("language: es", "language: de").replace("en 30 minutos", "bald"), select="H209") == []


def test_a_callback_behind_a_choice_of_language_is_read_in_that_language() -> None:
    """Nothing declares `language: es`: callers chose "Español" on the way, so "en 30 minutos" is a time."""
    text = """
    language: en
    entry: main
    nodes:
      main:
        prompt: For a callback, press 1. Para español, oprima nueve.
        options:
          "1": {label: Callback, goto: cb}
          "9": {label: Español, goto: es_cb}
      cb: {type: callback, confirmation: sms, prompt: "We will call you back within 30 minutes."}
      es_cb: {type: callback, confirmation: sms, prompt: "Le devolveremos la llamada en 30 minutos."}
    """
    assert lint(text, select="H209") == []
    near_miss = text.replace("en 30 minutos", "lo antes posible")
    assert [f.node_id for f in lint(near_miss, select="H209")] == ["es_cb"]


# Issue 30, pattern 1/H209: the kinds of time a promise names besides "within N units".
NAMES_A_TIME = [
    ("en", "within the first two hours of the next business day"),  # a window from a known start
    ("en", "within the first hour after we open"),
    ("en", "the next business morning"),  # a part of a known day
    ("en", "we check the line each morning"),
    ("en", "by 10 on the next morning"),  # a bare hour as a deadline
    ("en", "at a time you choose in the text"),  # a time the caller picks
    ("es", "durante las primeras dos horas del siguiente día hábil"),
    ("es", "en las dos primeras horas después de abrir"),
    ("es", "entre las 9 y las 12"),
    ("es", "antes de las 12"),
    ("sv", "inom den första timmen"),
    ("sv", "nästa morgon"),
    ("fi", "seuraavana aamuna"),
    ("fi", "aamulla kello 7–10"),  # the word "klo" stands for
    ("en", "at a time chosen by text"),  # a time the caller picks, said in the passive
    ("en", "on the next day we are open"),  # a day the line's own hours name
    ("en", "on the next working day the office is open"),
    ("en", "usually within the hour"),  # one unit said without a number
    ("en", "in about 15 minutes"),
    ("en", "within three to five working days"),  # a range of numbers
    ("en", "on the same day"),
    ("sv", "mellan klockan 8 och 10"),  # the word "kl." stands for
    ("sv", "Vi har öppet vardagar 8–16. Vi ringer upp dig före klockan 12 i morgon"),
    ("es", "Atendemos de lunes a viernes. Le llamaremos mañana por la tarde"),
    ("en", "We'll call you back on Monday between 9 and 12"),  # a day named in a promise, not in hours
    # A day named by its kind (corpus-n, a blind judge: "the next office day is a time a caller can plan around").
    ("fi", "Soitamme sinulle seuraavana toimistopäivänä"),
    ("fi", "Vastaamme seuraavana työpäivänä"),
    ("sv", "Vi ringer upp dig nästa kontorsdag"),
    ("en", "We will call you back on the next office day"),
]
NAMES_NO_TIME = [
    ("en", "as soon as we can"),
    ("en", "in the order received, up to 10 digits long"),  # near miss: a number that is no hour
    ("en", "during office hours"),
    ("es", "en las horas de oficina"),
    ("es", "lo antes posible"),
    ("sv", "så snart vi kan"),
    ("fi", "mahdollisimman pian"),
    ("fi", "kello on paljon, soitamme pian"),  # near miss: "kello" with no hour
    ("en", "when we are open"),  # near miss: no day named
    ("en", "we are open the next day"),
    # Near miss: the opening hours are no promise of when the caller hears back (a planted defect).
    ("sv", "Kundtjänst har öppet vardagar klockan 8–16. Lämna ett meddelande så återkommer vi"),
    ("es", "Nuestros especialistas atienden de lunes a viernes de 9 a 7. Hemos registrado su solicitud"),
    ("en", "Our lines are open Monday to Friday, 8 am to 6 pm. We will call you back"),
    ("fi", "Palvelemme arkisin klo 8–16. Soitamme sinulle takaisin"),
]


@pytest.mark.parametrize("language, promise", NAMES_A_TIME)
def test_promises_that_name_a_time(language: str, promise: str) -> None:
    assert lint(line(language, f"type: callback, prompt: '{promise}.'"), select="H209") == []


@pytest.mark.parametrize("language, promise", NAMES_NO_TIME)
def test_promises_that_name_no_time(language: str, promise: str) -> None:
    assert codes_at(lint(line(language, f"type: callback, prompt: '{promise}.'"), select="H209")) == [At("H209", 11, 3)]


# Issue 30: a warning only where no word speaks of time; a time said in words ivrcheck does not
# read as one (paraphrases a designer might write) is an info that names the word.
UNREAD_TIMES = [
    ("en", "One of the team will phone you back before the end of the afternoon", "before"),
    ("en", "We listen to messages at half past eight each weekday and return every call by lunchtime", "weekday"),
    ("sv", "Vi ringer upp dig senast inom en timme när vi har öppet, annars under förmiddagen nästa vardag", "timme"),
    ("sv", "Vi hör av oss under nästkommande arbetsdag", "arbetsdag"),
    ("fi", "Soitamme sinulle takaisin vielä saman iltapäivän aikana", "iltapäivän"),
    ("fi", "Palaamme asiaan aamupäivän mittaan", "aamupäivän"),
    ("es", "Le devolveremos la llamada a lo largo de la tarde", "tarde"),
    ("es", "Un gestor le llamará durante la próxima jornada laborable", "laborable"),
    ("es", "Le llamaremos en cuanto abramos", "abramos"),  # the hours were just given: opening is a time
    ("en", "We will ring you back when we open", "we open"),
    # Issue 30 (corpus-n, a blind judge: "before the lesson is exactly the deadline an absence message needs").
    ("en", "Leave a message and we will pass it on to your teacher before the lesson", "before"),
    ("sv", "Lämna ett meddelande så får läraren det före lektionen", "före"),
    ("fi", "Jätä viesti, niin opettaja saa sen ennen oppituntia", "ennen"),
    ("es", "Deje un mensaje y su profesor lo tendrá antes de la clase", "antes de"),
]
SURELY_NO_TIME = [
    ("en", "Thanks, a member of the team will give you a ring"),
    ("sv", "Tack, vi återkommer till dig"),
    ("fi", "Kiitos, asiantuntija ottaa sinuun yhteyttä"),
    ("es", "Gracias, un gestor se pondrá en contacto con usted"),
    # Near miss: the opening hours in figures are the hours, not a time of answer.
    ("sv", "Vi har öppet vardagar klockan 8–16. Vi återkommer till dig"),
    # Near miss: "as soon as possible" says "antes" but names no deadline.
    ("es", "Gracias, le llamaremos lo antes posible"),
]


@pytest.mark.parametrize("language, prompt, word", UNREAD_TIMES)
def test_an_unread_time_is_an_info_naming_the_word(language: str, prompt: str, word: str) -> None:
    (finding,) = lint(line(language, f"type: callback, prompt: '{prompt}.'"), select="H209")
    assert finding.severity is Severity.INFO
    assert f'"{word}"' in finding.message


@pytest.mark.parametrize("language, prompt", SURELY_NO_TIME)
def test_a_prompt_with_no_word_of_time_is_a_warning(language: str, prompt: str) -> None:
    (finding,) = lint(line(language, f"type: callback, prompt: '{prompt}.'"), select="H209")
    assert finding.severity is Severity.WARNING


def test_a_promise_that_speaks_of_time_unread_is_an_info() -> None:
    """A designer's `promise:` in words not read as a time ("once the post has been sorted in the morning") is not
    called wrong; one with no word of time at all ("shortly") still is."""
    (info,) = lint(line("en", "type: callback, promise: once the post has been sorted in the morning"), select="H209")
    assert info.severity is Severity.INFO
    (warning,) = lint(line("en", "type: callback, promise: shortly"), select="H209")
    assert warning.severity is Severity.WARNING


@pytest.mark.parametrize("language, prompt", [
    ("en", "Thanks, open our app to follow your request; an agent will call you back"),
    ("fi", "Kiitos, avaa sovellus seurataksesi pyyntöä; asiantuntija soittaa sinulle"),
    ("es", "Gracias, abra la app para seguir su solicitud; un gestor le llamará"),
])
def test_opening_an_app_is_no_word_of_time(language: str, prompt: str) -> None:
    """Near misses: "open the app" is no opening time, so the callback still names no time: a warning."""
    (finding,) = lint(line(language, f"type: callback, prompt: '{prompt}.'"), select="H209")
    assert finding.severity is Severity.WARNING


def test_a_word_that_only_begins_like_a_unit_is_no_word_of_time() -> None:
    """Near miss: "tunnistaudu" (identify yourself) begins like "tunni" (hour) but names no time."""
    text = line("fi", "type: callback, prompt: 'Tunnistaudu pankkitunnuksilla, niin asiantuntija soittaa sinulle.'")
    (finding,) = lint(text, select="H209")
    assert finding.severity is Severity.WARNING


RECEIPTS = [
    ("en", "Describe the fault and the address. It goes straight to the engineers; "
           "you get a text message once it is logged."),
    ("fi", "Kerro osoite ja vika. Ilmoitus välitetään asentajille, ja saat tekstiviestin, kun se on kirjattu."),
    ("sv", "Berätta adressen och felet. Anmälan går direkt till montörerna "
           "och du får ett sms när den är registrerad."),
    ("es", "Diga la dirección y la avería. Pasa directo a los técnicos y le mandamos un SMS al recibir el aviso."),
]


@pytest.mark.parametrize("language, prompt", RECEIPTS)
def test_a_voicemail_that_promises_a_written_receipt_only_informs(language: str, prompt: str) -> None:
    """A fault report that sends a text once logged owes no reply, so no time: info naming the receipt."""
    (finding,) = lint(line(language, f"type: voicemail, prompt: '{prompt}'"), select="H209")
    assert finding.severity is Severity.INFO and "written receipt" in finding.message


@pytest.mark.parametrize("language, prompt", RECEIPTS)
def test_a_callback_that_sends_a_text_still_owes_a_time(language: str, prompt: str) -> None:
    """Defect kept: a callback promises a call; a text on booking does not say when it comes."""
    found = lint(line(language, f"type: callback, prompt: '{prompt}'"), select="H209")
    assert found and found[0].severity is not Severity.INFO


@pytest.mark.parametrize("language, prompt", RECEIPTS)
def test_near_miss_a_voicemail_that_sends_nothing_in_writing_is_still_reported(language: str, prompt: str) -> None:
    """The prompt names a text, but the node sends none (`confirmation: none`): no receipt is promised by the line."""
    text = line(language, f"type: voicemail, prompt: '{prompt}'").replace("confirmation: sms", "confirmation: none")
    found = lint(text, select="H209")
    assert found and "written receipt" not in found[0].message
