"""The one journey (callers/journey.py): the score and the metrics read it, in one vocabulary."""

from __future__ import annotations

from pathlib import Path

from ivrcheck import callers, graph
from ivrcheck.config import Config
from ivrcheck.engine import check_file
from ivrcheck.findings import FileResult
from ivrcheck.reading import menu_text
from tests.conftest import check

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> FileResult:
    return check_file(FIXTURES / f"{name}.ivr.yaml", Config(), f"{name}.ivr.yaml")


def part(result: FileResult, name: str) -> dict[str, float]:
    """Points per measure of one score part."""
    assert result.clarity is not None
    details = next(p for p in result.clarity.details if p.name == name)
    return {m.name: m.points for m in details.measures}


def explained(result: FileResult) -> str:
    assert result.clarity is not None
    return "\n".join(f"{m.name}: {m.value}" for p in result.clarity.details for m in p.measures)


def assert_facts_are_the_metrics(result: FileResult) -> None:
    """Each state's journey the score read gives exactly the metrics the JSON output holds."""
    assert result.clarity is not None and result.clarity.facts is not None and result.metrics is not None
    states = {j.state: j.metrics() for j in result.clarity.facts.states}
    by_state = result.metrics.get("by_state") or {"open": result.metrics}
    for state, values in states.items():
        assert {k: by_state[state][k] for k in values} == values, state


def test_the_flawed_twin_scores_at_least_15_below_the_good_line() -> None:
    good, flawed = fixture("insurer-good"), fixture("insurer-flawed")
    assert good.score is not None and flawed.score is not None
    assert good.score - flawed.score >= 15, (good.score, flawed.score)
    assert_facts_are_the_metrics(good)
    assert_facts_are_the_metrics(flawed)


def test_each_planted_defect_moves_its_own_measure() -> None:
    good, flawed = part(fixture("insurer-good"), "human_access"), part(fixture("insurer-flawed"), "human_access")
    assert flawed["zero-out coverage (open)"] == 0 < good["zero-out coverage (open)"]
    assert flawed["people reached by choosing (open)"] < good["people reached by choosing (open)"]
    assert flawed["reaching a person (closed)"] < good["reaching a person (closed)"]
    text = explained(fixture("insurer-flawed"))
    assert "1 of 2 only after errors (claims_team)" in text


def test_a_silent_callers_trap_caps_like_a_key_trap() -> None:
    result = fixture("insurer-flawed")
    assert result.clarity is not None and result.clarity.cap is not None
    assert "callers who press nothing are trapped" in result.clarity.cap.reason
    assert result.score is not None and result.score <= 50
    robust = next(p for p in result.clarity.details if p.name == "robustness")
    assert robust.raw <= 25 / 3


LOOP = """
entry: main
nodes:
  main:
    prompt: For sales, press 1. To speak to an agent, press 0.
    options:
      "1": {label: Sales, goto: sales}
      "0": {label: Agent, goto: agent}
    on_timeout: repeat
    on_invalid: repeat
    after_retries: {after}
  sales: {type: self_service}
  agent: {type: agent}
  bye: {type: hangup}
"""


def test_a_silent_trap_costs_robustness_and_its_near_miss_does_not() -> None:
    trapped, kept = check(LOOP.replace("{after}", "main")), check(LOOP.replace("{after}", "agent"))
    assert trapped.breakdown is not None and kept.breakdown is not None
    assert trapped.breakdown["robustness"] <= 9 < kept.breakdown["robustness"]
    assert kept.clarity is not None and kept.clarity.cap is None


ZERO_TO = """
entry: main
nodes:
  main:
    prompt: For billing, press 1. To {what}, press 0.
    options:
      "1": {label: Billing, goto: billing}
      "0": {label: Zero, goto: zero}
    on_timeout: repeat
    on_invalid: repeat
    after_retries: zero
  billing: {type: self_service}
  zero: {node}
"""


def zero_to(what: str, node: str) -> str:
    """A one-menu line whose "0" (announced) leads to `node`."""
    return ZERO_TO.replace("{what}", what).replace("{node}", node)


def test_a_transfer_without_human_is_no_person_in_the_score_nor_the_metrics() -> None:
    transfer = '{type: transfer, number: "+15550100"'
    unknown = check(zero_to("speak to someone", transfer + "}"))
    person = check(zero_to("speak to someone", transfer + ", human: true}"))
    assert unknown.metrics is not None and person.metrics is not None
    assert unknown.metrics["person"] is None and unknown.metrics["steps_to_human"] is None
    assert unknown.score is not None and unknown.score <= 50
    assert person.metrics["person"]["who"] == "person" and person.metrics["person"]["keys"] == ["0"]
    assert "a person in 1 key press (0)" in explained(person)
    assert_facts_are_the_metrics(unknown)
    assert_facts_are_the_metrics(person)


def test_a_voicemail_is_a_promise_not_a_person() -> None:
    result = check(zero_to("leave a message", "{type: voicemail}"))
    assert result.metrics is not None and result.metrics["person"] is None
    assert result.metrics["promise"]["who"] == "voicemail"
    assert "a voicemail (a person later) in 1 key press (0)" in explained(result)
    assert result.score is not None and result.score <= 50  # no person: the cap holds


RECORDED = """
entry: main
nodes:
  main:
    recording: main-menu.wav
    seconds: {seconds}
    options:
      "1": {label: Billing, goto: billing}
      "0": {label: Agent, goto: agent}
    on_timeout: repeat
    on_invalid: repeat
    after_retries: agent
  billing: {type: self_service}
  agent: {type: agent}
"""


def test_a_recording_whose_words_are_unknown_is_not_scored_as_silence() -> None:
    result = check(RECORDED.replace("{seconds}", "12"))
    assert result.clarity is not None and result.clarity.cap is None, result.clarity.cap
    way = result.metrics["person"]
    assert way["unknown"] == 1 and way["seconds"] == 12.0
    assert result.metrics["unknown_prompt_share"] == 1.0
    assert "choices in prompts whose words are unknown" in explained(result)
    assert "1 prompt with unknown words not judged" in explained(result)
    assert not any(f.code == "P401" for f in result.findings), [f.text for f in result.findings]


def test_a_known_prompt_that_does_not_offer_the_key_still_caps() -> None:
    text = RECORDED.replace("    recording: main-menu.wav\n    seconds: {seconds}\n",
                            "    prompt: Welcome. Please choose.\n")
    result = check(text)
    assert result.clarity is not None and result.clarity.cap is not None
    assert "no person can be reached by any announced key" in result.clarity.cap.reason
    assert sum(1 for f in result.findings if f.code == "P401") == 2  # known words: "never announced" holds


def test_a_language_ivrcheck_does_not_read_is_unknown_not_silent() -> None:
    text = "language: xx\n" + RECORDED.replace("    recording: main-menu.wav\n    seconds: {seconds}\n",
                                               "    prompt: Tervetuloa. Valitse.\n")
    result = check(text)
    assert result.clarity is not None and result.clarity.cap is None
    assert result.metrics is not None and result.metrics["unknown_prompt_share"] == 1.0


def test_the_journey_is_built_once_per_line() -> None:
    menu, _ = menu_text(RECORDED.replace("{seconds}", "3"), "menu.ivr.yaml")
    assert menu is not None
    line = graph.analyse(menu)
    assert callers.journeys(line) is callers.journeys(line)


def test_the_report_says_what_the_score_says() -> None:
    from ivrcheck.engine import inspect_file
    from ivrcheck.report.handover import markdown
    from ivrcheck.report.handover import headline, line_reports

    inspection = inspect_file(FIXTURES / "insurer-flawed.ivr.yaml")
    closed = "no announced key; only by a key the prompts never offer"
    assert f"reaching a person (closed): {closed}" in explained(inspection.result)
    assert closed in markdown.format([inspection])
    (report,) = line_reports([inspection])
    assert "Outside hours, a caller reaches a person only by a key the prompts never offer." in headline(report)


BEHIND_INPUT = """
entry: account
nodes:
  account:
    type: input
    prompt: Please enter your account number.
    digits: 6
    next: main
    on_timeout: repeat
    on_invalid: repeat
    after_retries: agent
  main:
    prompt: For billing, press 1. For faults, press 2. For moving home, press 3. To speak to an agent, press 0.
    options:
      "1": {label: Billing, goto: billing, weight: 0.5}
      "2": {label: Faults, goto: faults, weight: 0.3}
      "3": {label: Moving home, goto: moving}
      "0": {label: Agent, goto: agent}
    on_timeout: repeat
    on_invalid: repeat
    after_retries: agent
  billing: {type: self_service}
  faults: {type: self_service}
  moving: {type: self_service}
  agent: {type: agent}
"""


def test_a_weighted_menu_behind_an_input_splits_callers_as_its_weights_say() -> None:
    from ivrcheck.callers.order import shares

    menu, _ = menu_text(BEHIND_INPUT, "menu.ivr.yaml")
    assert menu is not None
    line = graph.analyse(menu)
    tasks = callers.journeys(line)["open"].tasks
    assert {t.key: round(t.share, 3) for t in tasks} == {"1": 0.5, "2": 0.3, "3": 0.2}
    assert {k: round(v, 3) for k, v in shares(menu.nodes["main"]).items()} == {"1": 0.5, "2": 0.3, "3": 0.2}


def test_the_journey_says_what_a_silent_or_mistaken_caller_meets() -> None:
    plain = LOOP.replace("    on_timeout: repeat\n    on_invalid: repeat\n", "").replace("{after}", "bye")
    result = check(plain)
    assert result.metrics is not None
    assert result.metrics["silence_unhandled"] == result.metrics["wrong_key_unhandled"] == ["main"]
    assert result.metrics["dropped_after_retries"] == ["main"]
    robust = part(result, "robustness")
    assert robust["menus that handle silence"] == robust["menus that handle a wrong key"] == 0
    assert robust["menus that keep callers after errors"] == 0
    kept = check(LOOP.replace("{after}", "agent"))
    assert kept.metrics is not None and kept.metrics["dropped_after_retries"] == []


def test_an_after_hours_state_with_no_person_nor_promise_costs_human_access_clearly() -> None:
    good = (FIXTURES / "insurer-good.ivr.yaml").read_text(encoding="utf-8")
    closed = good.replace("      closed: after_hours\n", "      closed: goodbye\n") + (
        "  goodbye:\n    type: hangup\n    prompt: We are closed. Please call again during office hours.\n")
    before, after = check(good), check(closed)
    assert before.breakdown is not None and after.breakdown is not None
    assert after.breakdown["human_access"] <= before.breakdown["human_access"] - 5
    assert after.metrics is not None
    assert after.metrics["by_state"]["closed"]["person"] is None
    assert after.metrics["by_state"]["closed"]["promise"] is None
    assert "reaching a person (closed): no person by any key" in explained(after)


def test_an_imported_line_of_recorded_prompts_is_not_capped_for_keys_nobody_could_read(tmp_path: Path) -> None:
    # A recorded greeting, and a key that bridges to a user of the directory (a person). (FreeSWITCH's own
    # demo IVR no longer serves: its key 1 joins a conference room, which is no person.)
    path = tmp_path / "ivr.xml"
    path.write_text('<include><menu name="main" greet-long="ivr/ivr-welcome.wav" timeout="5000">'
                    '<entry action="menu-exec-app" digits="1" param="transfer 9196 XML default"/>'
                    '<entry action="menu-exec-app" digits="0" param="bridge user/1000@${domain_name}"/>'
                    '</menu></include>', encoding="utf-8")
    result = check_file(path, Config(), "ivr.xml")
    assert result.clarity is not None and result.metrics is not None
    assert result.clarity.cap is None or "announced" not in result.clarity.cap.reason
    assert result.metrics["person"]["unknown"] >= 1 and result.metrics["unknown_prompt_share"] > 0
    assert not any(f.code == "P401" for f in result.findings)
    assert_facts_are_the_metrics(result)


def test_the_times_and_the_tasks_split_a_plain_menu_alike() -> None:
    plain = BEHIND_INPUT.replace(", weight: 0.5", "").replace(", weight: 0.3", "")
    menu, _ = menu_text(plain, "menu.ivr.yaml")
    assert menu is not None
    line = graph.analyse(menu)
    journey = callers.journeys(line)["open"]
    assert {t.key: round(t.share, 3) for t in journey.tasks} == {"1": 0.25, "2": 0.25, "3": 0.25}
    assert journey.times["share_to_human"] == 0.25  # the quarter who press 0: the same split
