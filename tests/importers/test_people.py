"""One policy for who answers a hand-off, whatever the platform (importers/common.phone_transfer): a number
the export names as a person's or a team's is a person; a bare or computed number, or another flow, is
`human: unknown` with an F020 note; never a guess, and never a wrong "no person reachable" (H201)."""

from __future__ import annotations

import json

import pytest

from ivrcheck.config import Config
from ivrcheck.engine import check_text
from ivrcheck.importers import asterisk, connect, freeswitch, genesys, studio, voicexml
from ivrcheck.importers.common import names_person
from ivrcheck.model import Menu, NodeType


def _connect(name: str, number: str) -> str:
    return json.dumps({"StartAction": name, "Actions": [
        {"Identifier": name, "Type": "TransferParticipantToThirdParty",
         "Parameters": {"ThirdPartyPhoneNumber": number}, "Transitions": {}}]})


def _studio(name: str, number: str) -> str:
    return json.dumps({"initial_state": "Trigger", "states": [
        {"name": "Trigger", "type": "trigger", "transitions": [{"event": "incomingCall", "next": name}]},
        {"name": name, "type": "connect-call-to", "properties": {"noun": "number", "to": number},
         "transitions": [{"event": "callCompleted"}]}]})


def _genesys(name: str, number: str) -> str:
    return (f"inboundCall:\n  name: Line\n  startUpRef: \"/inboundCall/tasks/task[t]\"\n  defaultLanguage: en-us\n"
            f"  tasks:\n    - task:\n        name: Start\n        refId: t\n        actions:\n"
            f"          - transferToNumber:\n              name: {name}\n              targetNumber:\n"
            f"                lit: \"{number}\"\n")


def _voicexml(name: str, number: str) -> str:
    return f'<vxml version="2.1"><form id="{name}"><transfer name="t" dest="tel:{number}"/></form></vxml>'


def _freeswitch(name: str, number: str) -> str:
    return (f'<include><menu name="{name}" greet-long="say:To be put through, press 1." timeout="5000">'
            f'<entry action="menu-exec-app" digits="1" param="bridge sofia/gateway/out/{number}"/></menu></include>')


def _asterisk(name: str, number: str) -> str:
    return f"[{name}]\nexten => s,1,Answer()\n same => n,Dial(DAHDI/g0/{number.lstrip('+')},30)\n"


PLATFORMS = {"connect": (connect, _connect), "studio": (studio, _studio), "genesys": (genesys, _genesys),
             "voicexml": (voicexml, _voicexml), "freeswitch": (freeswitch, _freeswitch),
             "asterisk": (asterisk, _asterisk)}


def _transfer(menu: Menu):
    (node,) = [n for n in menu.nodes.values() if n.type is NodeType.TRANSFER]
    return node


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_a_bare_number_is_of_unknown_answerer_with_a_note(platform: str) -> None:
    module, export = PLATFORMS[platform]
    menu, findings = module.read(export("outbound", "+15550142210"), "line", None)
    node = _transfer(menu)
    assert node.person_unknown
    assert any(f.code == "F020" and f.node_id == node.id and "human: unknown" in f.message for f in findings)


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_a_number_named_as_a_team_is_a_person(platform: str) -> None:
    module, export = PLATFORMS[platform]
    menu, findings = module.read(export("support_desk", "+15550142210"), "line", None)
    node = _transfer(menu)
    assert node.human is True and not any(f.node_id == node.id and f.code == "F020" for f in findings)


def test_no_person_is_claimed_while_a_hand_off_of_unknown_answerer_is_reachable() -> None:
    unknown = check_text(_connect("outbound", "+15550142210"), Config(), "line.json")
    assert not any(f.code == "H201" for f in unknown.findings)
    assert unknown.metrics["person_unknown"]["node"] == "outbound" and unknown.metrics["steps_to_human"] is None


def test_a_hand_off_to_another_flow_is_of_unknown_answerer() -> None:
    flow = {"StartAction": "f", "Actions": [{"Identifier": "f", "Type": "TransferToFlow",
                                             "Parameters": {"ContactFlowId": "arn:flow/other"}, "Transitions": {}}]}
    menu, findings = connect.read(json.dumps(flow), "f.json", None)
    assert menu.nodes["f"].person_unknown and any(f.code == "F020" and f.node_id == "f" for f in findings)


@pytest.mark.parametrize("name, person", [
    ("Transfer to Operator", True), ("SalesTeam", True), ("front_desk", True), ("agent-line", True),
    ("outbound", False), ("Transfer to number", False), ("Dial 5551234", False), ("", False)])
def test_what_names_a_person(name: str, person: bool) -> None:
    assert names_person(name) is person
