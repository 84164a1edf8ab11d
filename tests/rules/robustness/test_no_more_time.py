"""R508 no-more-time: a timed answer warns the caller and gives more time (Section 508)."""

from tests.conftest import At, codes_at, lint


def menu(handling: str, line: str = "line: {country: US}") -> str:
    return f"""
    entry: main
    {line}
    nodes:
      main:
        type: input
        prompt: Enter your account number.
        digits: 8
        timeout: 5
        on_invalid: repeat
        after_retries: advisor
        next: advisor
        {handling}
      bye: {{type: hangup}}
      advisor: {{type: agent}}
      still_there: {{type: message, prompt: Take your time. I will ask again., next: main}}
    """


def test_silence_hangs_up() -> None:
    (finding,) = lint(menu("on_timeout: bye"), select="R508")
    assert codes_at([finding]) == [At("R508", 12, 17)]
    assert finding.message == ('a caller who has not answered input "main" within 5 s is moved on to "bye" '
                               "without a warning or more time")


def test_asking_again_passes_directly_or_through_a_warning() -> None:
    assert not lint(menu("on_timeout: repeat"), select="R508")
    assert not lint(menu("on_timeout: still_there"), select="R508")


def test_no_retry_left_is_no_more_time() -> None:
    (finding,) = lint(menu("on_timeout: repeat\n        retries: 0"), select="R508")
    assert "retries: 0" in finding.message


def test_a_person_on_silence_is_a_near_miss_and_unaudited_lines_stay_quiet() -> None:
    assert not lint(menu("on_timeout: advisor"), select="R508")
    assert not lint(menu("on_timeout: bye", line=""), select="R508")
