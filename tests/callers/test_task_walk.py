"""The tree test's walk past what asks no choice of the caller: a choice of language, automatic steps, 0 for a person."""

import textwrap

from ivrcheck.callers.tasks import predict
from ivrcheck.engine import inspect_text

LANGUAGES = """
entry: kieli
language: fi
nodes:
  kieli:
    prompt: Tervetuloa. Suomeksi, paina 1. På svenska, tryck 2. For English, press 3.
    on_timeout: fi_paa
    options:
      "1": {label: Suomeksi, goto: fi_paa, language: fi}
      "2": {label: På svenska, goto: sv_huvud, language: sv}
      "3": {label: In English, goto: en_main, language: en}
  fi_paa:
    prompt: Reseptien uusimiseen, paina 1. Hammashoitolaan, paina 2.
    options:
      "1": {label: Reseptien uusiminen, goto: fi_resepti}
      "2": {label: Hammashoitola, goto: fi_suu}
  sv_huvud:
    language: sv
    prompt: För förnyelse av recept, tryck 1. För tandvården, tryck 2.
    options:
      "1": {label: Förnyelse av recept, goto: sv_recept}
      "2": {label: Tandvården, goto: sv_tand}
  en_main:
    language: en
    prompt: To renew a prescription, press 1. For the dental clinic, press 2.
    options:
      "1": {label: Renew a prescription, goto: en_renew}
      "2": {label: Dental clinic, goto: en_dental}
  fi_resepti: {type: self_service}
  fi_suu: {type: agent}
  sv_recept: {type: self_service}
  sv_tand: {type: agent}
  en_renew: {type: self_service}
  en_dental: {type: agent}
tasks:
  - say: Jag vill förnya mitt recept
    expect: sv_recept
  - say: I need to renew my prescription
    expect: en_renew
  - say: Verenpainelääkkeen resepti pitää uusia
    expect: fi_resepti
"""


def walks(text: str) -> dict:
    found = inspect_text(textwrap.dedent(text).lstrip("\n"))
    return {p.task.say: p for p in predict(found.menu, found.line)}


def test_a_caller_presses_the_key_for_their_own_language() -> None:
    got = walks(LANGUAGES)
    assert got["Jag vill förnya mitt recept"].presses == ("2", "1")
    assert got["I need to renew my prescription"].presses == ("3", "1")
    assert all(p.counts and p.direct for p in got.values())


def test_a_caller_of_the_lines_language_waits_when_the_choice_defaults_to_it() -> None:
    """Near miss: the Finnish caller has no key of their own in a menu without "Suomeksi", so they wait
    (the Swedish menu's "9" back to Finnish keeps the Finnish menu a place callers can choose)."""
    text = LANGUAGES.replace('      "1": {label: Suomeksi, goto: fi_paa, language: fi}\n', "").replace(
        '      "2": {label: Tandvården, goto: sv_tand}\n',
        '      "2": {label: Tandvården, goto: sv_tand}\n      "9": {label: Suomeksi, goto: fi_paa, language: fi}\n')
    got = walks(text)
    finnish = got["Verenpainelääkkeen resepti pitää uusia"]
    assert finnish.presses == ("wait", "1") and finnish.counts


def test_options_for_other_languages_never_tempt_a_caller() -> None:
    got = walks(LANGUAGES.replace("on_timeout: fi_paa", "on_timeout: en_main"))
    assert got["Verenpainelääkkeen resepti pitää uusia"].presses == ("1", "1")


AUTOMATIC = """
entry: phone
nodes:
  phone:
    type: input
    prompt: Please key in your phone number.
    next: check
  check:
    type: self_service
    prompt: One moment while I check for problems in your area.
{changes}    next: main
  main:
    prompt: For internet problems, press 1. For billing, press 2.
    options:
      "1": {{label: Internet problems, goto: internet}}
      "2": {{label: Billing, goto: billing}}
  internet: {{type: agent}}
  billing: {{type: agent}}
tasks:
  - say: my internet is down
    expect: internet
"""


def test_an_automatic_step_before_any_choice_is_passed_through() -> None:
    (task,) = walks(AUTOMATIC.format(changes="")).values()
    assert task.path == ("phone", "check", "main", "internet") and task.counts


def test_a_step_that_only_tells_is_passed_through_after_a_choice() -> None:
    text = AUTOMATIC.format(changes="    changes: false\n").replace("entry: phone", "entry: start").replace("nodes:\n", (
        "nodes:\n  start:\n    prompt: For your account, press 1.\n"
        "    options:\n      \"1\": {label: Your account, goto: phone}\n"), 1)
    (task,) = walks(text.replace("say: my internet is down", "say: my internet account is down")).values()
    assert task.path[-2:] == ("main", "internet") and task.counts


def test_a_step_that_changes_something_ends_the_walk_after_a_choice() -> None:
    """Near miss: a payment the caller chose is where the call is handled, not a step on the way."""
    text = AUTOMATIC.format(changes="    changes: true\n").replace("entry: phone", "entry: start").replace("nodes:\n", (
        "nodes:\n  start:\n    prompt: For your account, press 1.\n"
        "    options:\n      \"1\": {label: Your account, goto: phone}\n"), 1)
    (task,) = walks(text.replace("say: my internet is down", "say: my internet account is down")).values()
    assert task.end == "check" and not task.success


ZERO = """
entry: main
nodes:
  main:
    prompt: For opening hours, press 1. To speak with the pharmacy staff, press 0.
    options:
      "1": {label: Opening hours, goto: hours}
      "0": {label: Pharmacy staff, goto: staff}
  hours: {type: message, prompt: We are open nine to five., next: main}
  staff: {type: agent}
tasks:
  - say: Can I take ibuprofen with my new antibiotic
    expect: staff
"""


def test_a_caller_who_finds_no_scent_presses_0_for_a_person() -> None:
    (task,) = walks(ZERO).values()
    assert task.presses == ("0",) and task.success and task.risk is None


def test_a_caller_gives_up_where_0_is_no_person_and_reports_the_seconds_spent() -> None:
    (task,) = walks(ZERO.replace("staff: {type: agent}", "staff: {type: self_service}")).values()
    assert task.end is None and task.risk == "no scent"
    assert task.seconds > 0  # they heard the menu out before hanging up


READY = """
entry: welcome
nodes:
  welcome:
    prompt: To refill a prescription, press 1. To check on a prescription you've already ordered, press 2.
    options:
      "1": {{label: Refill a prescription, goto: refill}}
      "2": {{label: Check on a prescription, goto: status{say}}}
  refill: {{type: self_service}}
  status: {{type: self_service}}
tasks:
  - say: Is my prescription ready yet
    expect: status
"""


def test_of_options_that_tempt_alike_the_one_meeting_more_of_the_errand_wins() -> None:
    """"ready" (a `say:` phrase) and "prescription" (the label) together beat "prescription" alone."""
    (task,) = walks(READY.format(say=", say: [ready]")).values()
    assert task.presses == ("2",) and task.counts


def test_without_more_of_the_errand_the_best_phrase_decides() -> None:
    """Near miss: without "ready", "Refill a prescription" names the caller's one known word best."""
    (task,) = walks(READY.format(say="")).values()
    assert task.presses == ("1",) and not task.success


def test_a_phrase_the_caller_says_meets_a_label_word_by_word() -> None:
    """"my internet is down" is one known phrase; its word "internet" still meets "Internet problems"."""
    (task,) = walks(AUTOMATIC.format(changes="")).values()
    assert task.presses == ("1",)


ACCIDENT = """
entry: main
nodes:
  main:
    prompt: To report an accident with your car, press 1. To speak to someone, press 0.
    options:
      "1": {label: Report a car accident, goto: claims}
      "0": {label: Speak to someone, goto: agent}
  claims: {type: self_service}
  agent: {type: agent}
tasks:
  - say: Someone hit my car
    expect: claims
  - say: Someone to talk to about my car
    expect: agent
"""


def test_the_person_who_opens_a_callers_story_is_no_request_for_a_person() -> None:
    got = walks(ACCIDENT)
    assert got["Someone hit my car"].presses == ("1",)


def test_a_caller_who_asks_for_someone_still_asks_for_a_person() -> None:
    """Near miss: "someone to talk to" asks for one."""
    assert walks(ACCIDENT)["Someone to talk to about my car"].presses == ("0",)


def test_a_choice_of_language_is_recognised_without_language_fields() -> None:
    """"På svenska" and "In English" choose a language by their labels alone (language/choices.py)."""
    text = LANGUAGES
    for code in ("fi", "sv", "en"):
        text = text.replace(f", language: {code}}}", "}")
    got = walks(text)
    assert got["Jag vill förnya mitt recept"].presses == ("2", "1")
    assert got["I need to renew my prescription"].presses == ("3", "1")


RAIL = """
entry: main
nodes:
  main:
    prompt: >
      For live train times, press 1. To claim for a delayed train, press 2.
      For lost property, press 3.
    options:
      "1": {{label: Live train times, goto: live}}
      "2": {{label: Claim for a delay, goto: delay}}
      "3": {{label: Lost property, goto: lost}}
  live: {{type: message, prompt: Trains are running normally., next: bye}}
  bye: {{type: hangup}}
  delay: {{type: agent}}
  lost: {{type: voicemail}}
tasks:
  - say: {say}
    expect: {expect}
"""


def test_a_word_every_option_of_a_menu_shares_points_at_none_of_them() -> None:
    """"train" is in options 1 and 2 alike: the caller weighs "left my rucksack", which only lost property meets."""
    (task,) = walks(RAIL.format(say="I left my rucksack on the train last night", expect="lost")).values()
    assert task.presses == ("3",) and task.counts


def test_a_shared_word_still_leads_where_no_other_word_tempts() -> None:
    """Near miss: with nothing but "train" to go on, the shared word still tempts (the options tie)."""
    (task,) = walks(RAIL.format(say="a question about a train", expect="delay")).values()
    assert task.presses and task.presses[0] in ("1", "2") and task.risk == "tie"


BOOKING = """
entry: ajat
language: fi
nodes:
  ajat:
    prompt: Kiireelliseen asiaan, paina 1. Kiireettömään ajanvaraukseen, paina 2. Varatun ajan perumiseen, paina 3.
    options:
      "1": {{label: Kiireellinen asia, goto: urgent}}
      "2": {{label: Kiireetön ajanvaraus, goto: book}}
      "3": {{label: {third}, goto: cancel}}
  urgent: {{type: agent}}
  book: {{type: self_service}}
  cancel: {{type: self_service}}
tasks:
  - say: Haluan varata ajan lääkärille, ei ole kiire
    expect: book
"""


def test_an_option_naming_the_task_that_excludes_the_callers_does_not_tempt_them() -> None:
    """A caller who books is not tempted by cancelling a booked time, though its prompt clause shares their words."""
    (task,) = walks(BOOKING.format(third="Ajan peruminen")).values()
    assert task.presses == ("2",) and task.success


def test_an_option_that_also_offers_a_change_still_tempts() -> None:
    """Near miss: "Change or cancel an appointment" offers a change too; the contrast alone does not rule it out."""
    from ivrcheck.callers.scent import excludes
    from ivrcheck.language import load_language

    english = load_language("en")
    assert not excludes("I want to book an appointment", ["Change or cancel an appointment"], english)
    assert excludes("I want to book a doctor", ["Cancel an appointment"], english)
    # The caller names the thing the option names ("my appointment"): no exclusion.
    assert not excludes("I can't make my appointment on Thursday", ["Cancel an appointment"], english)


def test_a_swedish_auxiliary_is_no_scent() -> None:
    """Before: "har" in "Jag har låst SIM-kortet" met "Har din telefon försvunnit" and sent the caller
    to the lost-phone menu; an auxiliary names no task in Swedish, as "is" and "need" do not in English."""
    from ivrcheck.callers.scent import unit_scent
    from ivrcheck.language import load_language

    swedish = load_language("sv")
    assert unit_scent("Jag har låst SIM-kortet", "Har din telefon försvunnit eller blivit stulen", swedish) == 0.0
    # near miss: a word of the task still tempts
    assert unit_scent("Jag har tappat min telefon", "Har din telefon försvunnit eller blivit stulen", swedish) > 0.5


SIBLINGS = """
entry: main
nodes:
  main:
    prompt: To renew your vehicle registration, press 1. For driver's licenses, press 2.
    options:
      "1": {label: Renew your car registration, goto: registration, say: [renew my car]}
      "2": {label: Driver's licenses, goto: licenses}
  registration: {type: self_service}
  licenses: {type: agent}
tasks:
  - say: SAY
    expect: EXPECT
"""


def siblings(say: str, expect: str) -> str:
    return SIBLINGS.replace("SAY", say).replace("EXPECT", expect)


def test_an_option_naming_another_thing_of_the_callers_kind_tempts_no_more_than_its_topic() -> None:
    """Before: "I renewed my license" took "Renew your car registration" on the shared "renew", though a
    car and a licence are two things of one topic (the lexicon's groups): the option is about the thing
    next to the caller's. Now the option that names the licence wins."""
    from ivrcheck.callers.scent import KIN, coverage, unit_scent
    from ivrcheck.language import load_language

    english = load_language("en")
    assert unit_scent("I renewed my license", "renew my car", english) <= KIN
    assert coverage("I renewed my license", ["renew my car"], english) == 0.5  # "renew" met, the licence not
    (task,) = walks(siblings("I renewed my license and it never came", "licenses")).values()
    assert task.presses == ("2",) and task.success


def test_near_miss_an_option_naming_the_callers_own_thing_keeps_its_scent() -> None:
    from ivrcheck.callers.scent import unit_scent
    from ivrcheck.language import load_language

    english = load_language("en")
    assert unit_scent("I want to renew my car tax", "Renew your car tax", english) == 1.0
    assert unit_scent("I want to pay my bill", "Payments", english) >= 0.8  # a case and its group, no sibling
    (task,) = walks(siblings("I want to renew my car registration", "registration")).values()
    assert task.presses == ("1",) and task.success


LEAD = """
entry: main
nodes:
  main:
    prompt: >
      If your parcel has gone missing, press 1 and we will look into it. For billing, press 2.
    options:
      "1": {label: Investigations, goto: trace}
      "2": {label: Billing, goto: bills}
  trace: {type: agent}
  bills: {type: self_service}
tasks:
  - say: my parcel has gone missing
    expect: trace
"""


def test_the_words_before_a_key_offered_first_are_its_offer_too() -> None:
    """"If your parcel has gone missing, press 1 and we will look into it": the caller hears the whole
    sentence as the offer of 1, not only the words after the key."""
    (found,) = walks(LEAD).values()
    assert found.success and found.presses == ("1",)


def test_near_miss_the_words_of_another_offer_are_not_taken() -> None:
    """The sentence before "press 2" belongs to key 1; key 2 does not gain it."""
    (found,) = walks(LEAD.replace("expect: trace", "expect: bills")).values()
    assert not found.success and found.presses == ("1",)
