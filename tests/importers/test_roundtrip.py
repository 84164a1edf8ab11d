"""import -> YAML -> check gives the findings that checking the export gives, and the registry detects formats."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from typer.testing import CliRunner

from ivrcheck import engine, importers
from ivrcheck.config import Config
from ivrcheck.cli import app
from tests.importers.cloud_helpers import FIXTURES

ALL = sorted(p.relative_to(FIXTURES).as_posix() for p in FIXTURES.glob("*/*") if p.name != "README.md")
#: The real-export regression set too (those its platform does not refuse).
REAL = FIXTURES.parent.parent / "import" / "real"
_REFUSED = {name for name, facts in yaml.safe_load((REAL / "FACTS.yaml").read_text(encoding="utf-8")).items()
            if facts.get("refused")}
ALL += sorted(f"../../import/real/{p.relative_to(REAL).as_posix()}" for p in REAL.glob("*/*")
              if p.relative_to(REAL).as_posix() not in _REFUSED)
#: Fixtures whose format does not say where calls start.
ENTRIES = {"asterisk/acme-support.conf": "from-trunk"}
_POSITION = re.compile(r"(previously defined )?at line \d+, column \d+")


def _rule_findings(result) -> set[tuple]:
    """Rule findings without positions: a message that names another line names it in its own file."""
    return {(f.code, f.node_id, _POSITION.sub("at <position>", f.message), f.state)
            for f in result.findings if not f.code.startswith("F")}


@pytest.mark.parametrize("name", ALL)
def test_round_trip_keeps_every_rule_finding(name: str, tmp_path) -> None:
    out = tmp_path / "out.ivr.yaml"
    entry = ENTRIES.get(name)
    run = CliRunner().invoke(app, ["import", str(FIXTURES / name), "-o", str(out), *(["--entry", entry] if entry else [])])
    assert run.exit_code == 0, run.output
    original = engine.check_file(FIXTURES / name, Config(entry=entry))
    again = engine.check_file(out)
    assert not [f for f in again.findings if f.code.startswith("F") and f.code != "F020"]
    assert _rule_findings(again) == _rule_findings(original)
    assert again.metrics == original.metrics
    assert (again.score, again.breakdown) == (original.score, original.breakdown)


@pytest.mark.parametrize("name", ALL)
def test_each_fixture_is_detected_as_its_format(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    assert importers.detect(text, name).NAME == name.split("/")[-2]


def test_our_own_menus_are_not_taken_for_an_export() -> None:
    for path in (FIXTURES.parent.parent.parent / "menus").glob("*.ivr.yaml"):
        assert importers.detect(path.read_text(encoding="utf-8"), str(path)) is None


def test_import_of_an_unknown_format_is_a_usage_error(tmp_path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"hello": 1}')
    run = CliRunner().invoke(app, ["import", str(path)])
    assert run.exit_code == 2 and "--from" in run.output


def test_import_of_a_broken_export_exits_1(tmp_path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"StartAction": "a", "Actions": [')
    run = CliRunner().invoke(app, ["import", str(path), "--from", "connect"])
    assert run.exit_code == 1 and "F018" in run.output


#: Per format, a flow whose menu plays a recording (a fixture, or a few lines written here).
RECORDED = {
    "connect": json.dumps({"StartAction": "m", "Actions": [
        {"Identifier": "m", "Type": "GetParticipantInput", "Parameters": {"PromptId": "arn:aws:connect:x:prompt/p"},
         "Transitions": {"Conditions": [{"NextAction": "h", "Condition": {"Operator": "Equals", "Operands": ["1"]}}]}},
        {"Identifier": "h", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}]}),
    "voicexml": '<vxml version="2.1"><menu id="m"><prompt><audio src="m.wav"/></prompt>'
                '<choice dtmf="1" next="#m"/></menu></vxml>',
    "freeswitch": "freeswitch/demo_ivr.xml", "asterisk": "asterisk/demo.conf",
    "genesys": "genesys/defects.yaml", "studio": "studio/defects.json"}


@pytest.mark.parametrize("fmt", sorted(RECORDED))
def test_every_importer_marks_a_prompt_of_unknown_words_the_same_way(fmt: str) -> None:
    from ivrcheck.importers.common import PROMPT_RULES
    from ivrcheck.reading import menu_text

    given = RECORDED[fmt]
    text = given if given.lstrip().startswith(("{", "<")) else (FIXTURES / given).read_text(encoding="utf-8")
    menu, findings = menu_text(text, f"x.{fmt}", source_format=fmt)
    marked = [n for n in menu.nodes.values() if PROMPT_RULES <= n.ignore]
    assert marked and all(n.prompt is None and n.words_unknown for n in marked)
    notes = {f.node_id for f in findings if f.code == "F020" and "so its words cannot be checked" in f.message}
    assert {n.id for n in marked} <= notes
