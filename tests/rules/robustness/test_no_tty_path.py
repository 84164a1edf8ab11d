"""R510 no-tty-path: a US consumer line declares real-time text or a relay service (Section 508)."""

from tests.conftest import At, codes_at, lint
from tests.rules.robustness.test_no_text_alternative import menu


def test_email_is_no_path_for_a_tty() -> None:
    (finding,) = lint(menu("{country: US, consumers: true, text_alternative: [email]}"), select="R510")
    assert codes_at([finding]) == [At("R510", 2, 38)]
    assert finding.message == ("a TTY user cannot use the line: it declares neither real-time text nor a relay "
                               "service (email is no path for a TTY)")


def test_rtt_or_relay_passes() -> None:
    assert not lint(menu("{country: US, consumers: true, text_alternative: [rtt]}"), select="R510")
    assert not lint(menu("{country: us, consumers: true, text_alternative: [chat, relay]}"), select="R510")


def test_another_country_is_a_near_miss_unless_the_setting_says_every_line() -> None:
    line = menu("{country: ES, consumers: true, text_alternative: [chat]}")
    assert not lint(line, select="R510")
    assert [f.code for f in lint(line, select="R510", rules={"R510": {"countries": []}})] == ["R510"]


def test_info_by_default_and_an_error_in_a_section_508_audit() -> None:
    """US lines are reachable through the 711 relay whatever they declare: the missing declaration is
    info, unless the line is audited against Section 508, where the law asks the line itself to serve a TTY."""
    text = menu("{country: US, consumers: true, text_alternative: [email]}")
    (plain,) = lint(text, select="R510")
    assert plain.severity.value == "info"
    (audited,) = lint(text, select="R510", profile=["us-508"])
    assert audited.severity.value == "error"
