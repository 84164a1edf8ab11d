"""The language layer: reading prompts (where keys are offered), timing speech, comparing labels."""

import json
import zlib
from pathlib import Path

import pytest

from ivrcheck.language import EXTENSION, load_language
from ivrcheck.language import data as language_data
from ivrcheck.language.timing import syllables
from tests.conftest import check

EN = load_language("en")
FI = load_language("fi")


def keys(language, prompt: str) -> list[tuple[str, bool]]:
    """(key, key_first) of every offer, in order."""
    return [(o.key, o.key_first) for o in language.offers(prompt)]


@pytest.mark.parametrize("prompt, expected", [
    ("For cards, press 1. For loans, press two. To hear this again, press star.",
     [("1", False), ("2", False), ("*", False)]),
    ("Press the pound key to go back. Dial 0 for the operator.", [("#", True), ("0", True)]),
    ("To speak to an advisor, select option 9, or say advisor.", [("9", False)]),
    ("Press 1 for billing, press 2 for payments.", [("1", True), ("2", True)]),
    ("For cards press 1, for loans press 2.", [("1", False), ("2", False)]),
    ("Press 1, if you are moving home.", [("1", True)]),
    ("Press 0 at any time to reach an agent.", [("0", True)]),
    ("Enter your four digit PIN. Choose one of the following. In an emergency, dial 112.", []),
    ("For a payment extension, press 3.", [("3", False)]),
    ("Press 1 for cards, or 2 for loans.", [("1", True), ("2", True)]),
    ("Press 1 for cards, 2 for loans, or 3 for mortgages.", [("1", True), ("2", True), ("3", True)]),
    ("Enter your PIN, then press 1 or 2.", [("1", False)]),
    ("If you know your party's extension, dial it now.", [(EXTENSION, False)]),
    ("To reach a colleague, enter the four digit extension.", [(EXTENSION, False)]),
])
def test_english_offers(prompt: str, expected: list[tuple[str, bool]]) -> None:
    assert keys(EN, prompt) == expected


@pytest.mark.parametrize("prompt, expected", [
    ("Laskutusasioissa paina 1. Sopimusasioissa valitse kaksi. Toista valikko painamalla tähteä.",
     [("1", False), ("2", False), ("*", False)]),
    ("Paina ykköstä, jos asiasi koskee laskutusta. Paina 2 sopimusasioissa.", [("1", True), ("2", True)]),
    ("Päävalikkoon paina risuaitaa. Asiakaspalvelijalle valitse numero nolla.", [("#", False), ("0", False)]),
    ("Näppäile 3 muuttoasioissa.", [("3", True)]),
    ("Valitse yksi seuraavista vaihtoehdoista. Hätätilanteessa soita 112.", []),
    ("Jos tiedät henkilön alanumeron, näppäile se nyt.", [(EXTENSION, False)]),
    ("Asiakaspalvelijalle paina 0 tai sano asiakaspalvelu.", [("0", False)]),
    ("Paina 1 laskutusasioissa, 2 sopimusasioissa tai 0 asiakaspalveluun.", [("1", True), ("2", True), ("0", True)]),
])
def test_finnish_offers(prompt: str, expected: list[tuple[str, bool]]) -> None:
    assert keys(FI, prompt) == expected


@pytest.mark.parametrize("language, prompt, expected", [
    ("fi", "Laskut: 1. Muutokset: 2. Asiakaspalvelija: nolla. Toista: tähti.",
     [("1", False), ("2", False), ("0", False), ("*", False)]),
    ("sv", "Felparkeringsavgift, betala eller bestrida: 1. Handläggare – 0.", [("1", False), ("0", False)]),
    ("en", "1: Cards. 2 – Loans. Back to the main menu: star.", [("1", True), ("2", True), ("*", False)]),
    ("es", "Saldo y movimientos: 1. Hablar con un asesor: 0.", [("1", False), ("0", False)]),
    # Near misses: times, ranges and a number to call are not keys offered as a list.
    ("en", "We are open from 8:30. Opening hours: 9 to 5. Emergencies: 112.", []),
    ("fi", "Aukioloajat: 9-16. Klo 8:00 alkaen.", []),
    ("sv", "Vi betjänar vardagar kl. 8–16.15. Öppet 9–5.", []),
])
def test_a_key_listed_after_its_function_without_a_verb_is_an_offer(language: str, prompt: str,
                                                                  expected: list[tuple[str, bool]]) -> None:
    """Compact prompts ("Laskut: 1.") offer keys by their shape, in every language read."""
    assert keys(load_language(language), prompt) == expected


def test_mentions_maps_each_key_to_its_matches() -> None:
    found = EN.mentions("For cards, press 1. Again: for cards, press one.")
    assert [m.group() for m in found["1"]] == ["press 1", "press one"]


def test_an_offer_knows_where_its_clause_starts_and_when_a_caller_can_act() -> None:
    prompt = "Welcome to Acme. For cards, press 1. Press 0 to speak to an advisor."
    cards, advisor = EN.offers(prompt)
    assert prompt[cards.start:cards.ready] == "For cards, press 1"
    assert prompt[advisor.start:advisor.ready] == "Press 0 to speak to an advisor"


def test_english_is_timed_in_words_with_digit_strings_read_digit_by_digit() -> None:
    assert EN.seconds("For cards, press 1.") == pytest.approx(4 / 150 * 60)
    assert EN.seconds("Call 0800 123.") == pytest.approx(8 / 150 * 60)
    assert EN.with_rate(160).seconds("one two three four") == pytest.approx(4 / 160 * 60)
    assert EN.with_rate(None) is EN


@pytest.mark.parametrize("word, count", [
    ("laskutus", 3), ("asiakaspalvelijalle", 9), ("vaihtoehdot", 4), ("uudelleen", 3),
    ("korkea", 3), ("tieto", 2), ("kotienergian", 6), ("tähteä", 3), ("*", 2), ("112", 6),
])
def test_finnish_syllables(word: str, count: int) -> None:
    assert syllables(word) == count


def test_finnish_is_timed_in_syllables() -> None:
    assert FI.seconds("Laskutusasioissa paina 1.") == pytest.approx((7 + 2 + 2) / 4.5)
    assert FI.with_rate(5.5).seconds("paina 1") == pytest.approx(4 / 5.5)


def test_seconds_until_uses_the_position_of_the_offer() -> None:
    function_first = "For cards, press 1. To speak to an advisor, press 0. To hear these options again, press star."
    heard = "For cards, press 1. To speak to an advisor, press 0"
    assert EN.seconds_until(function_first, "0") == pytest.approx(EN.seconds(heard))
    key_first = "Press 0 to speak to an advisor. Press 1 for cards."
    assert EN.seconds_until(key_first, "0") == pytest.approx(EN.seconds("Press 0 to speak to an advisor"))
    assert EN.seconds_until(key_first, "5") == pytest.approx(EN.seconds(key_first))
    assert EN.seconds_until(None, "1") == 0.0


def test_seconds_to_human_follows_the_offer_in_finnish() -> None:
    result = check("""
        language: fi
        entry: main
        nodes:
          main:
            prompt: Laskutusasioissa paina 1. Asiakaspalvelijalle paina 0. Toista valikko painamalla tähteä.
            options:
              "1": {label: Laskutus, goto: billing}
              "0": {label: Asiakaspalvelija, goto: advisor}
              "*": {label: Toista, goto: repeat}
          billing: {type: self_service}
          advisor: {type: agent}
        """)
    # "Laskutusasioissa paina 1. Asiakaspalvelijalle paina 0": (7 + 2 + 2) + (9 + 2 + 2) syllables
    assert result.metrics["seconds_to_human"] == pytest.approx(24 / 4.5, abs=0.1)


def test_configured_rate_reaches_seconds_to_human() -> None:
    text = """
        entry: main
        nodes:
          main:
            prompt: To speak to an advisor, press 0.
            options:
              "0": {label: Advisor, goto: advisor}
          advisor: {type: agent}
        """
    assert check(text).metrics["seconds_to_human"] == pytest.approx(7 / 150 * 60, abs=0.1)
    assert check(text, speaking_rate={"en": 210}).metrics["seconds_to_human"] == pytest.approx(2.0, abs=0.1)


def test_seconds_before_offers() -> None:
    assert EN.seconds_before_offers("Welcome to Acme Bank. For cards, press 1.") == pytest.approx(4 / 150 * 60)
    assert EN.seconds_before_offers("Welcome to Acme Bank.") is None


def test_unknown_languages_fall_back_to_english_and_regions_are_dropped() -> None:
    assert load_language("de").code == "en"
    assert load_language("sv-FI").code == "sv"
    assert load_language("fi-FI") is FI


def test_offer_examples_follow_the_language() -> None:
    assert EN.offer_example("Billing", "1") == "For billing, press 1."
    assert EN.offer_example("Repeat these options", "*") == "To repeat these options, press star."
    assert EN.offer_example("ATM services", "2") == "For ATM services, press 2."
    assert FI.offer_example("Laskutus", "#") == "Laskutus, paina risuaitaa."


@pytest.mark.parametrize("language, label, vague", [
    (EN, "Other enquiries", True), (EN, "All other questions", True), (EN, "Account information", False),
    (FI, "Muut asiat", True), (FI, "Muissa asioissa", True), (FI, "Muuttoasiat", False), (FI, "Asiakaspalvelu", False),
])
def test_vague_labels(language, label: str, vague: bool) -> None:
    assert language.label_words.is_vague(label) is vague


def test_finnish_person_words_are_whole_words_not_compound_parts() -> None:
    assert FI.label_words.in_group("Asiakaspalvelijalle", "human")
    assert not FI.label_words.in_group("Henkilöasiakkaat", "human")
    assert not EN.label_words.in_group("Apply for a mortgage", "human")


PARALLEL = [  # prompts of the example menus and their Finnish translations
    ("Welcome to Acme Bank. For cards, press 1. For payments and transfers, press 2. For loans and mortgages, "
     "press 3. To speak to an advisor, press 0. To hear these options again, press star.",
     "Tervetuloa Acme Pankkiin. Korttiasioissa paina 1. Maksuissa ja tilisiirroissa paina 2. Laina-asioissa "
     "paina 3. Asiakaspalvelijalle paina 0. Kuullaksesi vaihtoehdot uudelleen paina tähteä."),
    ("To report a lost or stolen card, press 1. To activate a new card, press 2. To go back to the main menu, "
     "press hash.",
     "Kadonneen tai varastetun kortin ilmoitat painamalla 1. Uuden kortin aktivoit painamalla 2. Päävalikkoon "
     "pääset painamalla risuaitaa."),
    ("Your card is now blocked and a new one is on its way.", "Korttisi on nyt suljettu, ja uusi kortti on tulossa."),
    ("Riverside Health Clinic is closed. In an emergency, hang up and call the emergency number. To book a "
     "callback for when we open, press 1. To leave a message, press 2.",
     "Terveysasema on suljettu. Hätätilanteessa katkaise puhelu ja soita hätänumeroon. Jos haluat "
     "takaisinsoiton aukeamisen jälkeen, paina 1. Jos haluat jättää viestin, paina 2."),
]


def test_finnish_rate_matches_the_english_rate() -> None:
    """docs/languages.md: at 4.5 syllables a second, Finnish prompts take a little longer than English ones."""
    english = sum(EN.seconds(e) for e, _ in PARALLEL)
    finnish = sum(FI.seconds(f) for _, f in PARALLEL)
    assert 1.0 < finnish / english < 1.1


SV = load_language("sv")

SWEDISH = [  # the same prompts of the example menus, in Swedish
    "Välkommen till Acme Bank. För kort, tryck 1. För betalningar och överföringar, tryck 2. För lån och "
    "bolån, tryck 3. För att tala med en rådgivare, tryck 0. För att höra alternativen igen, tryck på stjärnan.",
    "För att spärra ett borttappat eller stulet kort, tryck 1. För att aktivera ett nytt kort, tryck 2. För att "
    "gå tillbaka till huvudmenyn, tryck på fyrkant.",
    "Ditt kort är nu spärrat och ett nytt kort är på väg.",
    "Riverside Health Clinic är stängd. I nödsituationer, lägg på och ring nödnumret. För att boka en "
    "återuppringning när vi öppnar, tryck 1. För att lämna ett meddelande, tryck 2.",
]


ES = load_language("es")

SPANISH = [  # the same prompts of the example menus, in Spanish
    "Bienvenido a Acme Bank. Para tarjetas, pulse 1. Para pagos y transferencias, pulse 2. Para préstamos e "
    "hipotecas, pulse 3. Para hablar con un asesor, pulse 0. Para escuchar estas opciones de nuevo, pulse asterisco.",
    "Para reportar una tarjeta perdida o robada, pulse 1. Para activar una tarjeta nueva, pulse 2. Para volver "
    "al menú principal, pulse almohadilla.",
    "Su tarjeta ya está bloqueada y una nueva va en camino.",
    "Riverside Health Clinic está cerrada. En caso de emergencia, cuelgue y llame al número de emergencias. Para "
    "pedir que le llamemos cuando abramos, pulse 1. Para dejar un mensaje, pulse 2.",
]


@pytest.mark.parametrize("language, prompts, low, high", [
    (SV, SWEDISH, 0.99, 1.02),   # test_swedish_rate_matches_the_english_rate in docs/languages.md
    (ES, SPANISH, 0.95, 1.02),   # test_spanish_rate_matches_the_english_rate
], ids=["test_swedish_rate_matches_the_english_rate", "test_spanish_rate_matches_the_english_rate"])
def test_rate_matches_the_english_rate(language, prompts: list[str], low: float, high: float) -> None:
    """docs/languages.md: at 150 words a minute, Swedish and Spanish prompts take about as long as the English ones."""
    english = sum(EN.seconds(e) for e, _ in PARALLEL)
    assert low < sum(language.seconds(p) for p in prompts) / english < high


@pytest.mark.parametrize("prompt, expected", [
    ("Para español, oprima nueve. Pulse 1 para pagos, o 2 para reservas.", [("9", False), ("1", True), ("2", True)]),
    ("Para hablar con un agente, marque cero. Para volver, presione la tecla almohadilla. Para repetir, "
     "pulse asterisco.", [("0", False), ("#", False), ("*", False)]),
    ("Marque 1, si desea pagar una factura. Para citas, digite el número 2.", [("1", True), ("2", False)]),
    ("Per a català, premeu 9.", [("9", False)]),
    ("Marque su número de cuatro dígitos. Si conoce la extensión, márquela ahora.", [(EXTENSION, False)]),
    ("Para el menú anterior, pulse el gato. Para citas, oprima numeral.", [("#", False), ("#", False)]),
    # US Spanish names # "la tecla de número"; a number asked for is still no key.
    ("Para el menú principal, oprima la tecla de número. Marque su número de cuenta.", [("#", False)]),
])
def test_spanish_offers(prompt: str, expected: list[tuple[str, bool]]) -> None:
    assert keys(ES, prompt) == expected


def test_spanish_help_texts_are_spanish() -> None:
    assert ES.offer_example("Pagos", "1") == "Para pagos, pulse 1."
    assert ES.offer_example("Hablar con un agente", "0") == "Para hablar con un agente, pulse 0."
    assert ES.offer_example("Volver", "*") == "Para volver, pulse asterisco."


@pytest.mark.parametrize("prompt, expected", [
    ("För fakturor, tryck 1. Tryck två för bokningar. För att höra alternativen igen, tryck på stjärnan.",
     [("1", False), ("2", True), ("*", False)]),
    ("På svenska, tryck nio. Till huvudmenyn, tryck på fyrkanten. Välj ett av följande.", [("9", False), ("#", False)]),
    ("Tryck 1, om du vill betala en faktura.", [("1", True)]),
    ("Ange ditt sexsiffriga kundnummer. Om du vet anknytningen, slå den nu.", [(EXTENSION, False)]),
])
def test_swedish_offers(prompt: str, expected: list[tuple[str, bool]]) -> None:
    assert keys(SV, prompt) == expected


def test_a_line_in_several_languages_reads_offers_in_each() -> None:
    both = FI.also_reading(["fi", "sv", "en"])
    assert keys(both, "Tervetuloa. På svenska, tryck 9. For English, press 8. Neuvontaan paina 1.") == [
        ("9", False), ("8", False), ("1", False)]
    assert FI.also_reading(["fi"]) is FI


@pytest.mark.parametrize("text, language", [
    ("Tervetuloa Kotienergiaan. Laskutusasioissa paina 1.", "fi"),
    ("Välkommen. För att tala med en rådgivare, tryck noll.", "sv"),
    ("Thank you for calling. To speak to an advisor, press 0.", "en"),
    ("Kela, FPA.", None),            # names alone say nothing
    ("Call us on 0800 123 456.", "en"),  # "on" is Finnish too, but "call" and "us" are English
    ("Gracias por llamar. Para hablar con un agente, oprima cero.", "es"),
    ("Para español, pulse nueve.", "es"),
])
def test_the_language_of_a_text_is_told_by_small_words_and_numerals(text: str, language: str | None) -> None:
    from ivrcheck.language import detect

    assert detect(text) == language


@pytest.mark.parametrize("language, text, when", [
    ("en", "We will call you back within 2 working days.", "within 2 working days"),
    ("en", "Leave a message and we will call you tomorrow.", "tomorrow"),
    ("en", "We will call you back as soon as possible.", None),
    ("en", "Please hold for a minute.", None),
    ("fi", "Soitamme sinulle kolmen tunnin kuluessa.", "kolmen tunnin kuluessa"),
    ("fi", "Vastaamme viestiin viimeistään klo 16.", "klo 16"),
    ("fi", "Soitamme mahdollisimman pian.", None),
    ("sv", "Vi ringer upp dig inom 24 timmar.", "inom 24 timmar"),
    ("sv", "Vi ringer dig i morgon förmiddag.", "i morgon"),
    ("sv", "Vi ringer så snart som möjligt.", None),
    ("es", "Le devolveremos la llamada en 30 minutos.", "en 30 minutos"),
    ("es", "Le llamaremos en las próximas dos horas.", "en las próximas dos horas"),
    ("es", "Deje su mensaje y le llamaremos mañana.", "mañana"),
    ("es", "Le llamaremos antes de las 18:00.", "antes de las 18:00"),
    ("es", "Le llamaremos lo antes posible.", None),
    ("es", "Espere un momento, por favor.", None),
])
def test_time_promises_are_read_in_each_language(language: str, text: str, when: str | None) -> None:
    assert load_language(language).caller_words.says_when(text) == when


def test_every_language_data_file_ships_an_up_to_date_json_twin() -> None:
    """Start-up reads the twins; a stale one would be ignored (slow), so keep them written."""
    from ivrcheck.language.data import twin_text

    folder = Path(language_data.__file__).parent
    for source in sorted(folder.glob("*.yaml")):
        twin = source.with_suffix(".json")
        assert twin.exists(), f"run python scripts/gen_language_data.py ({twin.name} is missing)"
        assert twin.read_text(encoding="utf-8") == twin_text(source.name, source.read_bytes()), (
            f"run python scripts/gen_language_data.py ({twin.name} is stale)")


def test_a_language_file_edited_in_place_is_read_from_its_yaml_not_its_stale_twin(tmp_path: Path) -> None:
    from ivrcheck.language.data import read, twin_text

    (tmp_path / "xx.yaml").write_text("rate: {unit: wpm, value: 150}\n", encoding="utf-8")
    (tmp_path / "xx.json").write_text(twin_text("xx.yaml", b"rate: {unit: wpm, value: 120}\n"), encoding="utf-8")
    assert read("xx.yaml", tmp_path) == {"rate": {"unit": "wpm", "value": 150}}
    source = (tmp_path / "xx.yaml").read_bytes()
    (tmp_path / "xx.json").write_text(json.dumps({"yaml_crc32": zlib.crc32(source), "data": {"from": "twin"}}))
    assert read("xx.yaml", tmp_path) == {"from": "twin"}  # an up-to-date twin is what start-up reads
    (tmp_path / "xx.json").write_text("{not json", encoding="utf-8")
    assert read("xx.yaml", tmp_path)["rate"]["value"] == 150


def test_a_twin_refuses_data_json_would_change() -> None:
    from ivrcheck.language.data import twin_text

    with pytest.raises(ValueError, match="non-string keys"):
        twin_text("xx.yaml", b"keys: {1: one}\n")


@pytest.mark.parametrize("text, code", [
    ("På svenska", "sv"), ("In English", "en"), ("Ruotsiksi", "sv"), ("Englanniksi", "en"), ("Para español", "es"),
    ("En español", "es"), ("auf Deutsch", "de"), ("Jatkaaksesi suomeksi", "fi"), ("Eesti keeles", "et"),
    ("Service in English", "en"),
    ("English and Spanish", None), ("Spanish prescriptions", None), ("Ruotsin kurssit", None), ("Laskut", None),
    ("Englanti", None), ("Italia", None),  # a school subject, a country: Finnish offers say "englanniksi"
    ("", None),
])
def test_a_choice_of_language_is_told_by_a_label_naming_one_language_and_nothing_else(text: str, code) -> None:
    from ivrcheck.language.choices import chosen_language

    assert chosen_language(text) == code


def test_swedish_genom_att_trycka_announces_the_key() -> None:
    """Before: "genom att trycka 0" was not read as an offer of 0."""
    assert keys(SV, "Du når kundtjänst genom att trycka 0.") == [("0", False)]


WAITING = [
    ("en", "Otherwise, just wait and we'll put you through.", True),
    ("en", "Or keep holding for an advisor.", True),
    ("en", "Please leave a message and wait for the tone.", False),
    ("en", "While you wait, you can visit our website.", False),
    ("fi", "Muissa asioissa odota, niin sinut yhdistetään.", True),
    ("fi", "Jätä viesti, kun olet kuullut äänimerkin. Odota äänimerkkiä.", False),
    ("sv", "För allt annat, stanna kvar i linjen.", True),
    ("sv", "Eller vänta, så kopplas du till kundtjänst.", True),
    ("sv", "Tala in ditt meddelande efter tonen. Vänta på tonen.", False),
    ("es", "Para otras consultas, espere y le atenderá un agente.", True),
    ("es", "Deje su mensaje. Espere la señal.", False),
]


@pytest.mark.parametrize("code, prompt, waits", WAITING, ids=[f"{c[0]}-{c[2]}-{i}" for i, c in enumerate(WAITING)])
def test_waiting_announced_as_a_way_on_in_each_language(code: str, prompt: str, waits: bool) -> None:
    """Before: Swedish had no waiting phrases at all, and "or just wait", "odota, niin", "espere y le
    atenderá" were not read, so a menu offering one key or a wait was "one choice only" (S107)."""
    assert load_language(code).offers_waiting(prompt) is waits


@pytest.mark.parametrize("code, prompt, key", [
    ("fi", "Palaa alkuun painamalla ristikkoa.", "#"),
    ("es", "Para volver, pulse la tecla de almohadilla.", "#"),
    ("es", "Para volver, pulse el signo de número.", "#"),
    ("sv", "Tryck på fyrkantsknappen för att gå tillbaka.", "#"),
])
def test_the_hash_key_as_designers_name_it(code: str, prompt: str, key: str) -> None:
    """"ristikko" (Finnish), "la tecla de almohadilla" and "el signo de número" (Spanish) name # as often
    as the forms first listed; before, they offered nothing and the option was "never announced"."""
    assert [o.key for o in load_language(code).offers(prompt)] == [key]
