"""Suppression comments: disable-line, disable/enable ranges, disable-file, unused ones reported."""

import textwrap

from tests.conftest import check

BASE = """
entry: main
nodes:
  main:
    prompt: For hours, press 1. For an advisor, press 0.
    options:
      "1": {label: Hours, goto: info}
      "0": {label: Advisor, goto: advisor}
  info: {type: message, prompt: Nine to five.}{comment}
  advisor: {type: agent}
"""


def codes(text: str) -> list[tuple[str, int]]:
    return [(f.code, f.span.line) for f in check(text).findings if f.code in ("S103", "F014", "F015")]


def test_disable_line_on_the_line_itself() -> None:
    assert codes(BASE.replace("{comment}", "  # ivrcheck: disable-line S103")) == []


def test_disable_line_on_the_line_above() -> None:
    text = BASE.replace("{comment}", "").replace("  info:", "  # ivrcheck: disable-line dead-end\n  info:")
    assert codes(text) == []


def test_without_a_directive_the_finding_stays() -> None:
    assert codes(BASE.replace("{comment}", "")) == [("S103", 8)]


def test_disable_enable_range_covers_only_its_lines() -> None:
    inside = BASE.replace("{comment}", "").replace("  info:", "  # ivrcheck: disable S103\n  info:")
    inside = inside.replace("  advisor:", "  # ivrcheck: enable S103\n  advisor:")
    assert codes(inside) == []
    after = BASE.replace("{comment}", "").replace("  main:", "  # ivrcheck: disable S103\n  # ivrcheck: enable\n  main:")
    assert ("S103", 10) in codes(after) and ("F014", 3) in codes(after)


def test_disable_file() -> None:
    text = "# ivrcheck: disable-file S103\n" + textwrap.dedent(BASE).lstrip("\n").replace("{comment}", "")
    assert codes(text) == []


def test_unused_and_unknown_suppressions_are_reported() -> None:
    text = BASE.replace("{comment}", "").replace("  advisor: {type: agent}", "  advisor: {type: agent}  # ivrcheck: disable-line S103, Z999")
    found = {f.code: f for f in check(text).findings}
    assert found["F014"].severity.value == "info"
    assert found["F014"].message == "`ivrcheck: disable-line` silences no S103 finding here"
    assert found["F015"].severity.value == "warning" and '"Z999"' in found["F015"].message


def test_a_hash_inside_a_prompt_is_not_a_directive() -> None:
    text = BASE.replace("{comment}", "").replace("Nine to five.", '"Press #ivrcheck: disable-line S103"')
    assert ("S103", 8) in codes(text)


KEY_FIRST = """
entry: main
nodes:
  main:
    prompt: |  # ivrcheck: disable-line P403
      Press 1 for billing. Press 0 for an advisor.
    options:
      "1": {label: Billing, goto: advisor}
      "0": {label: Advisor, goto: advisor}
  advisor: {type: agent}
"""


def test_a_directive_on_a_block_scalar_header_line_applies() -> None:
    assert [f.code for f in check(KEY_FIRST).findings if f.code in ("P403", "F014")] == []
    plain = KEY_FIRST.replace("  # ivrcheck: disable-line P403", "")
    assert "P403" in [f.code for f in check(plain).findings]


def test_a_directive_for_a_rule_switched_off_in_this_run_is_not_unused() -> None:
    text = BASE.replace("{comment}", "  # ivrcheck: disable-line S103")
    for config in ({"ignore": ["S103"]}, {"select": ["H"]}):
        assert [f.code for f in check(text, **config).findings if f.code == "F014"] == [], config


def test_f_codes_can_be_ignored_in_config() -> None:
    text = BASE.replace("{comment}", "").replace("  advisor: {type: agent}", "  advisor: {type: agent}  # ivrcheck: disable-line R504")
    assert "F014" in [f.code for f in check(text).findings]
    assert "F014" not in [f.code for f in check(text, ignore=["F014"]).findings]
