"""H204 zero-misused: 0 bound to something other than a person."""

import pytest

from ivrcheck.findings import Severity

from tests.conftest import At, codes_at, lint

MISUSED = """
entry: main
nodes:
  main:
    prompt: For an advisor, press 1. For more, press 0.
    options:
      "1": {label: Advisor, goto: advisor}
      "0": {label: More, goto: more}
  more: {type: message, prompt: Nothing more., next: main}
  advisor: {type: agent}
"""

CASES = [
    ("0 to a message", MISUSED, [At("H204", 7, 7)]),
    ("0 to a person", MISUSED.replace('"0": {label: More, goto: more}', '"0": {label: Advisor, goto: advisor}'), []),
    ("near miss: 0 to a message that connects to a person counts as a person", MISUSED.replace(
        "next: main}", "next: advisor}"), []),
    ("near miss: 0 to an hours branch whose open case is a person", MISUSED.replace(
        "goto: more}", "goto: route}") + '  route: {type: branch, on: hours, hours: office, cases: {open: advisor, closed: cb}}\n'
        "  cb: {type: callback}\nhours: {office: {mon-fri: \"09:00-17:00\"}}\n", []),
    ("0 to a transfer nobody answers", MISUSED.replace("goto: more}", "goto: out}") + "  out: {type: transfer, human: false}\n",
     [At("H204", 7, 7)]),
    ("near miss: 0 to a hand-off of unknown answerer", MISUSED.replace("goto: more}", "goto: out}")
     + "  out: {type: transfer, human: unknown}\n", []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_zero_misused(text: str, expected: list[At]) -> None:
    assert codes_at(lint(text, select="H204")) == expected


def test_message_names_the_menu_and_where_zero_leads_instead() -> None:
    (finding,) = lint(MISUSED, select="H204")
    assert finding.message == '"0" in menu "main" leads to "more", not to a person'
    (repeat,) = lint(MISUSED.replace("goto: more}", "goto: repeat}"), select="H204")
    assert "leads to this menu again" in repeat.message


NIGHT = """
entry: start
defaults: {timeout: 6, retries: 2, on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
hours:
  office: {mon-fri: "08:00-17:00"}
nodes:
  start: {type: branch, on: hours, hours: office, cases: {open: main, closed: night}}
  main:
    prompt: For claims, press 1. To speak to an advisor, press 0.
    options:
      "1": {label: Claims, goto: claims}
      "0": {label: Speak to an advisor, goto: advisor}
  night:
    prompt: We are closed. For your claim status, press 1. To book a callback, press 0.
    options:
      "1": {label: Claim status, goto: status}
      "0": {label: Book a callback, goto: ZERO}
  status: {type: self_service}
  claims: {type: agent, queue: claims, hours: office, closed: callback}
  advisor: {type: agent, queue: general, hours: office, closed: callback}
  callback: {type: callback, confirmation: sms}
  voicemail: {type: voicemail, confirmation: sms}
"""


@pytest.mark.parametrize("zero", ["callback", "voicemail", "advisor"])
def test_zero_to_a_callback_when_no_person_works_passes_h203_and_h204(zero: str) -> None:
    """Outside hours `0` may book a callback or leave a voicemail, directly or through the agent's `closed:`."""
    assert [f.code for f in lint(NIGHT.replace("ZERO", zero)) if f.code in ("H203", "H204")] == []


def test_zero_to_a_callback_in_a_menu_callers_meet_while_open_is_still_misused() -> None:
    text = NIGHT.replace("ZERO", "callback").replace('"0": {label: Speak to an advisor, goto: advisor}',
                                                      '"0": {label: Book a callback, goto: callback}')
    (finding,) = lint(text, select="H204")
    assert finding.node_id == "main" and finding.state == "open"


def test_a_closed_menu_met_in_open_hours_only_through_a_back_link_is_not_misused() -> None:
    """The night menu's status message says `next: back`; in open hours the graph lets a caller who
    heard it from the main menu "return" to the night menu as well. Its 0 to a callback is right."""
    text = NIGHT.replace("ZERO", "callback").replace(
        '"1": {label: Claims, goto: claims}', '"1": {label: Claims, goto: claims}\n      "2": {label: Status, goto: news}').replace(
        '"1": {label: Claim status, goto: status}', '"1": {label: Claim status, goto: news}') + \
        "  news: {type: message, prompt: No delays today., next: back}\n"
    assert lint(text, select="H204") == []


def test_a_main_menu_that_is_also_met_after_hours_is_still_misused_in_open_hours() -> None:
    """Near miss: the menu callers meet first in open hours is no after-hours menu, even when a
    closed person's route lands in it too: its 0 must reach a person then."""
    text = NIGHT.replace("ZERO", "callback").replace(
        '"0": {label: Speak to an advisor, goto: advisor}', '"0": {label: Book a callback, goto: callback}').replace(
        "closed: callback}\n  callback:", "closed: main}\n  callback:")
    found = lint(text, select="H204")
    assert [(f.node_id, f.state) for f in found] == [("main", "open")]


# Issue 30, pattern 1: 0 -> an hours branch -> "hold, or press 1 for a callback" is the way to a
# person; advising to "bind 0 to an agent and move this option" would harm callers.
HOLD_BEHIND_BRANCH = """
entry: main
defaults: {on_timeout: repeat, on_invalid: repeat}
hours: {service: {mon-fri: "08:00-20:00"}}
nodes:
  main:
    prompt: For billing, press 1. To speak with an agent, press 0.
    options:
      "1": {label: Billing, goto: bills}
      "0": {label: Speak with an agent, goto: agent_hours}
  bills: {type: self_service, next: main}
  agent_hours: {type: branch, on: hours, hours: service, cases: {open: hold, closed: night}}
  hold:
    prompt: Please stay on the line for the next agent, or press 1 for a callback within 30 minutes.
    on_timeout: agent
    options:
      "1": {label: Callback, goto: callback}
  agent: {type: agent, hours: service, closed: night}
  night:
    prompt: We are closed. To leave a message, press 1.
    options:
      "1": {label: Message, goto: voicemail}
  voicemail: {type: voicemail}
  callback: {type: callback, promise: within 30 minutes}
"""


def test_0_to_a_hold_or_callback_menu_is_the_way_to_a_person() -> None:
    assert lint(HOLD_BEHIND_BRANCH, select="H204") == []
    assert [f for f in lint(HOLD_BEHIND_BRANCH, select="H203") if f.severity.value != "info"] == []


def test_a_hold_menu_that_never_says_to_wait_is_no_way_to_a_person() -> None:
    """Near miss: the same wiring, but the prompt never tells callers to stay on the line."""
    silent = HOLD_BEHIND_BRANCH.replace("Please stay on the line for the next agent, or press 1",
                                        "Press 1")
    assert codes_at(lint(silent, select="H204")) == [At("H204", 9, 7)]


# Issue 30: a hold menu behind 0 is the way to a person whatever words it uses to say "wait".
# Read phrases pass; a prompt that speaks of waiting in words not read is an info; one with no
# word of waiting at all stays a warning (callers who do not know to wait hang up).
HOLD_PHRASES = [
    ("en", "Keep holding for the next adviser, or press 1 for a callback."),
    ("en", "All our advisers are busy. Please hold, or press 1 and we will call you back."),
    ("en", "Don't hang up: the next adviser will answer. Or press 1 for a callback."),
    ("sv", "Alla handläggare är upptagna. Håll kvar så svarar vi, eller tryck 1 så ringer vi upp."),
    ("sv", "Vänta kvar i linjen, eller tryck 1 för att bli uppringd."),
    ("sv", "Lägg inte på, du kopplas strax. Tryck 1 om du vill bli uppringd."),
    ("fi", "Kaikki asiantuntijamme palvelevat muita. Pysy linjoilla, tai paina 1, niin soitamme."),
    ("fi", "Älä sulje puhelinta, vastaamme pian. Takaisinsoittoa varten paina 1."),
    ("fi", "Jää jonoon tai paina 1, niin soitamme sinulle."),
    ("es", "Permanezca a la espera y le atenderemos, o pulse 1 para que le llamemos."),
    ("es", "No cuelgue, enseguida le atendemos. Para que le llamemos, pulse 1."),
]
HOLD_UNREAD = [
    ("en", "You are in the queue for the next adviser. Or press 1 for a callback.", "queue"),
    ("sv", "Du står i kö till nästa handläggare. Tryck 1 för att bli uppringd.", "kö"),
    ("fi", "Olet jonossa seuraavalle asiantuntijalle. Paina 1, niin soitamme.", "jonossa"),
    ("es", "Su llamada está en cola. Pulse 1 para que le llamemos.", "cola"),
]
HOLD_SILENT = [
    ("en", "Press 1 for a callback within 30 minutes."),
    ("sv", "Tryck 1 för att bli uppringd inom en timme."),
    ("fi", "Paina 1, niin soitamme tunnin kuluessa."),
    ("es", "Pulse 1 para que le llamemos en 30 minutos."),
]


def _hold_line(language: str, prompt: str) -> str:
    return HOLD_BEHIND_BRANCH.replace("entry: main", f"language: {language}\nentry: main").replace(
        "Please stay on the line for the next agent, or press 1 for a callback within 30 minutes.", prompt)


@pytest.mark.parametrize("language, prompt", HOLD_PHRASES)
def test_hold_menus_said_many_ways_are_the_way_to_a_person(language: str, prompt: str) -> None:
    text = _hold_line(language, prompt)
    assert lint(text, select="H204") == []
    assert [f.node_id for f in lint(text, select="H203") if f.severity is not Severity.INFO] == []


@pytest.mark.parametrize("language, prompt, word", HOLD_UNREAD)
def test_a_hold_menu_in_words_not_read_is_an_info(language: str, prompt: str, word: str) -> None:
    (h204,) = lint(_hold_line(language, prompt), select="H204")
    assert h204.severity is Severity.INFO and f'"{word}"' in h204.message
    assert [f.node_id for f in lint(_hold_line(language, prompt), select="H203")
            if f.severity is not Severity.INFO] == []


@pytest.mark.parametrize("language, prompt", HOLD_SILENT)
def test_a_hold_menu_with_no_word_of_waiting_stays_a_warning(language: str, prompt: str) -> None:
    (h204,) = lint(_hold_line(language, prompt), select="H204")
    assert h204.severity is Severity.WARNING and h204.state == "open"


def test_outside_hours_0_to_a_closed_menu_with_a_message_is_right_but_not_a_message_back() -> None:
    """Outside hours a 0 through an hours branch into the closed menu with "to leave a message, press
    1" is the right design; near miss: a 0 that plays the opening hours and returns to the same menu."""
    silent = _hold_line("en", "Press 1 for a callback within 30 minutes.")
    assert [f.state for f in lint(silent, select="H204")] == ["open"]
    back = HOLD_BEHIND_BRANCH.replace('"0": {label: Speak with an agent, goto: agent_hours}',
                                      '"0": {label: Speak with an agent, goto: hours_info}').replace(
        "  bills:", "  hours_info: {type: message, prompt: We are open 8 to 8., next: main}\n  bills:")
    assert [f.state for f in lint(back, select="H204")] == [None]


@pytest.mark.parametrize("language, prompt", [
    ("fi", "Olemme suljettu, palvelemme vuorokauden ympäri verkossa. Paina 1, niin soitamme."),
    ("es", "Puede consultarlo en línea. Pulse 1 para que le llamemos."),
    ("sv", "Se turlistan på webben. Tryck 1 för att bli uppringd."),
])
def test_words_that_only_look_like_waiting_leave_a_silent_hold_menu_a_warning(language: str, prompt: str) -> None:
    """Near misses: "suljettu" (closed), "vuorokauden" (24 hours), "en línea" (online), "turlistan"
    (timetable) say nothing of waiting."""
    (h204,) = lint(_hold_line(language, prompt), select="H204")
    assert h204.severity is Severity.WARNING
