"""H211 wait-hangs-up: a queue that cuts callers off after a long wait."""

from tests.conftest import At, codes_at, lint


def menu(advisor: str, extra: str = "") -> str:
    return f"""
    entry: main
    defaults: {{on_timeout: repeat, on_invalid: repeat, after_retries: advisor}}
    nodes:
      main:
        prompt: To speak to an advisor, press 0.
        options:
          "0": {{label: Advisor, goto: advisor}}
      advisor: {{type: agent, {advisor}}}
      {extra}
    """


def test_max_wait_without_overflow_cuts_the_call() -> None:
    (finding,) = lint(menu("max_wait: 600"), select="H211")
    assert codes_at([finding]) == [At("H211", 8, 26)]
    assert finding.message == 'callers who wait 600 s at "advisor" are cut off'


def test_an_overflow_that_says_goodbye_and_hangs_up() -> None:
    (finding,) = lint(menu("max_wait: 600, overflow: busy",
                           "busy: {type: message, prompt: Call again later., next: bye}\n      bye: {type: hangup}"),
                      select="H211")
    assert 'sent to "busy", which hangs up' in finding.message


def test_an_overflow_to_a_callback_passes() -> None:
    assert not lint(menu("max_wait: 600, overflow: cb", "cb: {type: callback, confirmation: sms}"), select="H211")


def test_a_queue_without_max_wait_is_not_judged() -> None:
    assert not lint(menu("queue: general"), select="H211")


def test_an_overflow_target_is_reachable_and_checked() -> None:
    findings = lint(menu("max_wait: 600, overflow: nowhere"))
    assert "S101" in {f.code for f in findings}
    assert "S102" not in {f.code for f in lint(menu("max_wait: 600, overflow: cb", "cb: {type: callback}"))}


def test_an_overflow_that_registers_the_callers_report_before_ending_only_informs() -> None:
    """Issue 30 (trust corpus, a blind judge: "after 15 minutes the outage is registered automatically
    with an SMS report number; a sensible overflow"): the errand is done before the call ends."""
    extra = ('report: {type: self_service, changes: true, confirmation: sms, prompt: We have registered your '
             'outage report and will text you its number., next: bye}\n      bye: {type: hangup}')
    (finding,) = lint(menu("max_wait: 900, overflow: report", extra), select="H211")
    assert finding.severity.value == "info" and 'after "report" has done the caller\'s errand' in finding.message


def test_an_overflow_through_a_lookup_that_changes_nothing_still_warns() -> None:
    """Near miss: a self-service step that only reads something out (changes: false) does no errand."""
    extra = ('status: {type: self_service, changes: false, prompt: Your order is on its way., next: bye}\n'
             '      bye: {type: hangup}')
    (finding,) = lint(menu("max_wait: 900, overflow: status", extra), select="H211")
    assert finding.severity.value == "warning"
