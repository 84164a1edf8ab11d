"""R509 no-text-alternative: a consumer line declares a way to use it without hearing or speech."""

import pytest

from tests.conftest import At, codes_at, lint


def menu(line: str) -> str:
    return f"""
    entry: main
    line: {line}
    defaults: {{on_timeout: repeat, on_invalid: repeat, after_retries: advisor}}
    nodes:
      main:
        prompt: To speak to an advisor, press 0.
        options:
          "0": {{label: Advisor, goto: advisor}}
      advisor: {{type: agent}}
    """


def test_a_consumer_line_with_none() -> None:
    (finding,) = lint(menu("{consumers: true}"), select="R509")
    assert codes_at([finding]) == [At("R509", 2, 1)]
    assert finding.message == "the line serves consumers but declares no way to use it without hearing or speech"


def test_one_alternative_passes() -> None:
    assert not lint(menu("{consumers: true, text_alternative: [chat]}"), select="R509")


def test_a_line_not_for_consumers_stays_quiet() -> None:
    assert not lint(menu("{consumers: false}"), select="R509")


def test_the_accepted_setting_narrows_what_counts() -> None:
    (finding,) = lint(menu("{consumers: true, text_alternative: [email]}"), select="R509",
                      rules={"R509": {"accepted": ["rtt", "relay"]}})
    assert "(email does not count here)" in finding.message


@pytest.mark.parametrize("country, severity", [("NZ", "info"), ("ZA", "info"), ("US", "info"), ("FI", "warning"),
                                               ("SE", "warning"), ("ES", "warning"), ("", "warning")])
def test_the_eaa_binds_lines_in_the_eu(country: str, severity: str) -> None:
    """Before: a warning on a New Zealand nurse line ("a service decision rather than a fault in the menu")."""
    where = f", country: {country}" if country else ""
    text = f"""
        entry: main
        line: {{consumers: true{where}}}
        defaults: {{on_timeout: repeat, on_invalid: repeat, after_retries: advisor}}
        nodes:
          main:
            prompt: To speak to an advisor, press 0.
            options:
              "0": {{label: Advisor, goto: advisor}}
          advisor: {{type: agent}}
        """
    assert [f.severity.value for f in lint(text, select="R509")] == [severity]
