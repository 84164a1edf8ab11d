"""Fixes as data: `check --fix` on every example menu and on broken copies reaches a fixed point,
changes only the text its fixes name, keeps every comment, and a safe fix never lowers the score."""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ivrcheck import engine, fixes
from ivrcheck.cli import app
from ivrcheck.findings import Edit

MENUS = Path(__file__).resolve().parent.parent / "menus"
EXAMPLES = sorted(MENUS.glob("*.ivr.yaml"))


def broken(text: str) -> str:
    """An example with the defects the fixes are for: no error routes (`on_timeout`, `on_invalid`,
    `after_retries`), "0" missing from the first menus that have one, and the person's option no
    longer announced in one prompt."""
    text = re.sub(r"(?m)^ +(on_timeout|on_invalid|after_retries): [^\n]*\n", "", text)
    text = re.sub(r"(?m)^( +)(on_timeout|on_invalid): \w+, ", r"\1", text)
    text = re.sub(r", after_retries: \w+\}", "}", text)
    text = re.sub(r"(?m)^ +\"0\": \{[^\n]*\n", "", text, count=2)
    return text.replace(" To speak to an advisor, press 0.", "", 1)


def cases() -> list[tuple[str, str]]:
    found = [(p.name, p.read_text(encoding="utf-8")) for p in EXAMPLES]
    return found + [(f"broken-{name}", broken(text)) for name, text in found if broken(text) != text]


def run_fix(path: Path, *flags: str) -> str:
    result = CliRunner().invoke(app, ["check", "--fix", *flags, "--quiet", str(path)])
    assert result.exit_code in (0, 1), result.output
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name,text", cases(), ids=[c[0] for c in cases()])
@pytest.mark.parametrize("flags", [(), ("--unsafe-fixes",)], ids=["safe", "unsafe"])
def test_fix_reaches_a_fixed_point_and_keeps_comments(tmp_path: Path, name: str, text: str, flags: tuple) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    before = engine.check_file(path)
    first = run_fix(path, *flags)
    assert run_fix(path, *flags) == first, "a second run changed the file again"
    after = engine.check_file(path)
    assert after.findings is not None and not [f for f in after.findings if f.fix and (f.fix.safe or flags)]
    if not flags:
        assert after.score >= before.score
        # Safe fixes only add: every line of the file (comments too) is still there, in order.
        kept = _kept_lines(text, first)
        assert kept == text.splitlines() or all("prompt" in t or t.startswith(" ") for t in kept)
    comments = [line.strip() for line in text.splitlines() if line.lstrip().startswith("#")]
    assert [c for c in comments if c in first] == comments


def _kept_lines(old: str, new: str) -> list[str]:
    """The old lines that the new text still has unchanged, in order."""
    matcher = difflib.SequenceMatcher(a=old.splitlines(), b=new.splitlines(), autojunk=False)
    return [line for tag, a0, a1, _, _ in matcher.get_opcodes() if tag == "equal" for line in old.splitlines()[a0:a1]]


def test_fixes_change_only_what_they_name(tmp_path: Path) -> None:
    text = broken((MENUS / "acme-bank.ivr.yaml").read_text(encoding="utf-8"))
    result = engine.check_text(text, display="acme.ivr.yaml")
    chosen = fixes.chosen(result.findings)
    assert {"R501", "R502", "R503", "H203"} <= {f.code for f in result.findings if f.fix}
    new, applied = fixes.apply(text, chosen)
    touched = {line for fix in applied for e in fix.edits for line in range(e.line, e.end_line + 1)}
    matcher = difflib.SequenceMatcher(a=text.splitlines(), b=new.splitlines(), autojunk=False)
    for tag, a0, a1, _, _ in matcher.get_opcodes():
        if tag != "equal":
            assert set(range(a0 + 1, max(a1, a0 + 1) + 1)) & touched, (tag, a0, a1)


def test_h203_binds_zero_to_the_lines_person_with_its_label() -> None:
    text = broken((MENUS / "acme-bank.ivr.yaml").read_text(encoding="utf-8"))
    result = engine.check_text(text, display="acme.ivr.yaml")
    zero = [f for f in result.findings if f.code == "H203"]
    assert zero and all(f.fix is not None and f.fix.safe for f in zero)
    new, _ = fixes.apply(text, [zero[0].fix])
    assert '"0": {label: Speak to an advisor, goto: advisor}' in new
    assert "H203" not in {f.code for f in engine.check_text(new, display="acme.ivr.yaml").findings
                          if f.node_id == zero[0].node_id}


def test_no_fix_where_the_result_is_not_certain() -> None:
    # No menu of this line sends "0" to a person: which person, and what to call them, is a guess.
    result = engine.check_file(MENUS / "bad-everything.ivr.yaml")
    assert [f for f in result.findings if f.code == "H203"]
    assert all(f.fix is None for f in result.findings if f.code == "H203")
    # A flow-style node has no line to add a field on.
    flow = engine.check_text("""\
name: t
language: en
entry: main
nodes:
  main: {prompt: "For help, press 0.", options: {"0": {label: Help, goto: desk}}}
  desk: {type: agent}
""")
    assert [f for f in flow.findings if f.code == "R501"] and all(f.fix is None for f in flow.findings)


def test_unsafe_fix_deletes_the_unreachable_node_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "bad.ivr.yaml"
    shutil.copy(MENUS / "bad-everything.ivr.yaml", path)
    safe = run_fix(path)
    assert "  survey:" in safe
    unsafe = run_fix(path, "--unsafe-fixes")
    assert "  survey:" not in unsafe and "  goodbye: {type: hangup}" in unsafe


def test_overlapping_fixes_wait_for_the_next_pass() -> None:
    from ivrcheck.findings import Fix

    one = Fix("a", (Edit(2, 1, 2, 1, "x\n"),))
    two = Fix("b", (Edit(2, 1, 2, 1, "y\n"),))
    text, applied = fixes.apply("a\nb\n", [one, two])
    assert text == "a\nx\nb\n" and applied == [one]


@st.composite
def fixable(draw) -> tuple[str, int]:
    name, text = draw(st.sampled_from([c for c in cases() if c[0].startswith("broken-")]))
    return text, draw(st.integers(min_value=0, max_value=50))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fixable())
def test_no_safe_fix_lowers_the_score(case: tuple[str, int]) -> None:
    text, pick = case
    result = engine.check_text(text, display="menu.ivr.yaml")
    safe = fixes.chosen(result.findings)
    if not safe:
        return
    fix = safe[pick % len(safe)]
    new, applied = fixes.apply(text, [fix])
    assert applied == [fix]
    after = engine.check_text(new, display="menu.ivr.yaml")
    assert after.score is not None and after.score >= result.score, fix.title


MENU = """\
name: t
language: en
entry: main
defaults: {{timeout: 5, retries: 3, on_timeout: repeat, on_invalid: repeat, after_retries: desk}}
nodes:
  main:
    prompt: {prompt}
    options:
      "1": {{label: {label}, goto: desk}}
      "0": {{label: Speak to someone, goto: desk}}
  desk: {{type: agent}}
"""


@pytest.mark.parametrize("prompt", ['To speak to someone, press 0.', '"To speak to someone, press 0."',
                                    "'To speak to someone, press 0.'", ">\n      To speak to someone,\n      press 0."])
def test_p401_announces_in_every_scalar_style(prompt: str) -> None:
    text = MENU.format(prompt=prompt, label="Opening hours")
    result = engine.check_text(text)
    (found,) = [f for f in result.findings if f.code == "P401"]
    new, _ = fixes.apply(text, [found.fix])
    import yaml

    assert yaml.safe_load(new)["nodes"]["main"]["prompt"].rstrip().endswith(
        "press 0. For opening hours, press 1."), new
    assert "P401" not in {f.code for f in engine.check_text(new).findings}


def test_p401_leaves_a_prompt_it_cannot_extend_safely() -> None:
    # A plain prompt cannot take ": " without quoting: no fix rather than a broken file.
    text = MENU.format(prompt="To speak to someone, press 0.", label="'Hours: and days'")
    found = [f for f in engine.check_text(text).findings if f.code == "P401"]
    assert found and found[0].fix is None


def test_r503_sends_callers_out_of_retries_to_the_lines_person() -> None:
    text = MENU.format(prompt="For hours, press 1. To speak to someone, press 0.", label="Hours")
    text = text.replace(", after_retries: desk}", "}")
    (found,) = [f for f in engine.check_text(text).findings if f.code == "R503"]
    new, _ = fixes.apply(text, [found.fix])
    assert "    after_retries: desk\n" in new and "R503" not in {f.code for f in engine.check_text(new).findings}


def test_fixes_are_only_for_menu_yaml() -> None:
    # An export's spans point into JSON, XML or an Archy flow: a menu-YAML line added there would break it.
    fixtures = Path(__file__).resolve().parent / "importers" / "fixtures"
    exports = [p for p in fixtures.rglob("*") if p.suffix in (".json", ".yaml", ".xml", ".conf", ".vxml")]
    assert exports and not [p for p in exports if engine.is_native(p.read_text(encoding="utf-8"), p.name)]
    assert all(engine.is_native(p.read_text(encoding="utf-8"), p.name) for p in EXAMPLES)
    assert all(f.fix is None for p in exports for f in engine.check_file(p).findings)


WEIGHTED = """\
name: t
language: en
entry: main
defaults: {timeout: 5, retries: 3, on_timeout: repeat, on_invalid: repeat, after_retries: advisor}
nodes:
  main:
    # the main menu
    prompt: >
      For new bookings, press 1. For changes to your booking, press 2.
      For opening hours, press 3. To speak to an advisor, press 0.
    options:
      "1": {label: New bookings, goto: booking, weight: 0.1}
      "2": {label: Changes to your booking, goto: advisor, weight: 0.2}
      "3": {label: Opening hours, goto: hours_info, weight: 0.6}
      "0": {label: Speak to an advisor, goto: advisor, weight: 0.1}
  hours_info: {type: message, prompt: We are open nine to five., next: main}
  booking: {type: self_service}
  advisor: {type: agent}
"""


def test_t603_offers_the_options_most_popular_first_as_an_unsafe_fix() -> None:
    import yaml

    before = engine.check_text(WEIGHTED)
    (late,) = [f for f in before.findings if f.code == "T603"]
    assert late.fix is not None and not late.fix.safe  # callers who know the old keys would press them
    new, _ = fixes.apply(WEIGHTED, [late.fix])
    menu = yaml.safe_load(new)["nodes"]["main"]
    assert menu["prompt"].startswith("For opening hours, press 1. For changes to your booking, press 2.")
    assert {k: v["label"] for k, v in menu["options"].items()} == {
        "1": "Opening hours", "2": "Changes to your booking", "3": "New bookings", "0": "Speak to an advisor"}
    assert "# the main menu" in new and "press\n" not in new
    after = engine.check_text(new)
    assert "T603" not in {f.code for f in after.findings} and after.score >= before.score


def test_t603_leaves_keys_said_in_words() -> None:
    spoken = WEIGHTED.replace("press 1.", "press one.").replace("press 2.", "press two.").replace(
        "press 3.", "press three.")
    late = [f for f in engine.check_text(spoken).findings if f.code == "T603"]
    assert late and late[0].fix is None
