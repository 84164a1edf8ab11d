"""Amazon Connect: flow language, API and Terraform wrappers, the legacy export, positions and pointers."""

from __future__ import annotations

import json

from ivrcheck.importers import connect
from ivrcheck.model import NodeType
from tests.importers.cloud_helpers import checked, codes, goto, imported, keys


def test_documented_flow_maps_menus_queues_hours_and_opaque_steps() -> None:
    menu, findings = imported("connect", "documented.json")
    assert menu.name == "Harbour Bank main line" and menu.entry.ref == "check-hours"
    assert keys(menu, "main-menu") == ["1", "2", "0", "*"]
    main = menu.nodes["main-menu"]
    assert (main.timeout, main.on_timeout.ref, main.on_invalid.ref) == (6.0, "advisor-queue", "retry-loop")
    assert goto(menu, "main-menu", "1") == "cards-queue"  # through the pass-through UpdateContactTargetQueue
    assert menu.nodes["cards-queue"].queue == "Cards" and menu.nodes["advisor-queue"].queue == "General"
    assert menu.nodes["check-hours"].on == "hours" and menu.nodes["account-number"].type is NodeType.INPUT
    assert menu.nodes["balance-lambda"].type is NodeType.BRANCH
    assert sorted(f.node_id for f in findings if f.code == "F020") == ["balance-lambda", "voicemail-flow"]
    lam = next(f for f in findings if f.node_id == "balance-lambda")
    assert lam.span.pointer == "/Actions/7" and lam.span.line == 47


def test_documented_flow_metrics() -> None:
    result = checked("connect", "documented.json")
    assert result.metrics["steps_to_human"] == 1 and result.metrics["zero_out_coverage"] == 1.0
    assert "S102" not in codes(result)  # the queue-full route is not left dangling


def test_terraform_template_with_unquoted_placeholders_is_read() -> None:
    result = checked("connect", "defects.json.tftpl")
    found = {(f.code, f.span.line) for f in result.findings}
    assert ("S101", 17) in found and ("P402", 5) in found and ("P401", 17) in found
    assert ("F020", 18) in found  # "10" is no single key
    assert "F018" not in codes(result)
    menu, _ = imported("connect", "defects.json.tftpl")
    assert menu.nodes["menu"].timeout is None  # ${input_timeout} is not a number


def test_api_wrapped_content_points_into_the_outer_file() -> None:
    menu, findings = imported("connect", "lex-api-wrapped.json")
    assert menu.name == "Gold tier main menu"
    lex = menu.nodes["lex_menu_2aa9aa64"]
    assert [o.kind for o in lex.options] == ["speech"] * 4 and keys(menu, "lex_menu_2aa9aa64")[0] == "Sales"
    assert "$.Queue.ARN" in menu.nodes["queue_aa9770dc"].queue
    module = next(f for f in findings if f.node_id == "module_cc183a4f")
    assert module.span.pointer.startswith("/ContactFlow/Content/Actions/")
    raw = (imported.__globals__["FIXTURES"] / "connect" / "lex-api-wrapped.json").read_text().splitlines()
    assert raw[module.span.line - 1][module.span.column - 1:].startswith('{\\"Identifier\\": \\"cc183a4f')


def test_legacy_modules_export() -> None:
    menu, _ = imported("connect", "legacy-modules.json")
    assert menu.name == "Reception (legacy export)" and keys(menu, "a3") == ["1", "2"]
    assert menu.nodes["a5"].type is NodeType.AGENT and menu.nodes["a5"].queue == "Reception"
    assert menu.nodes["a2"].on == "hours" and menu.nodes["a6"].next.ref == "a3"
    assert checked("connect", "legacy-modules.json").metrics["steps_to_human"] == 1


def test_several_flows_need_an_entry() -> None:
    flow = {"StartAction": "a", "Actions": [{"Identifier": "a", "Type": "DisconnectParticipant"}]}
    state = json.dumps({"resources": [{"name": n, "instances": [{"attributes": {"name": n, "content": json.dumps(flow)}}]}
                                      for n in ("main", "after_hours")]})
    menu, findings = connect.read(state, "terraform.tfstate", None)
    assert menu is None and findings[0].code == "F021" and "after_hours" in findings[0].help
    menu, findings = connect.read(state, "terraform.tfstate", "after_hours")
    assert menu is not None and menu.nodes["a"].type is NodeType.HANGUP


def test_malformed_json_has_line_column_and_pointer() -> None:
    menu, findings = connect.read('{"StartAction": "a",\n "Actions": [\n  {"Identifier": "a",}\n ]}', "f.json", None)
    assert menu is None
    (f,) = findings
    assert (f.code, f.span.line, f.span.column, f.span.pointer) == ("F018", 3, 22, "/Actions/0")
    assert "trailing comma" in f.message


def test_not_a_flow_is_a_structure_finding() -> None:
    menu, findings = connect.read('{"StartAction": "x", "Other": []}', "f.json", None)
    assert menu is None and findings[0].code == "F019"


def test_legacy_loop_module_keeps_its_looping_and_complete_branches() -> None:
    """Connect's Loop block follows Looping the set number of times, then Complete (a menu re-played, then a queue)."""
    menu, _ = imported("connect", "legacy-loop.json")
    loop = menu.nodes["replay"]
    assert loop.type is NodeType.BRANCH and dict((v, t.ref) for v, t in loop.cases) == {
        "again": "greet-menu", "done": "to-queue"}
    result = checked("connect", "legacy-loop.json")
    assert "F005" not in codes(result) and result.metrics["fallback_to_human"] is True


def test_a_phone_call_takes_the_voice_case_of_a_channel_compare() -> None:
    """The chat/task route straight to a queue is no 0-key way to a person for a caller on the phone."""
    menu, findings = imported("connect", "channel-compare.json")
    assert menu.entry.ref == "repairs-menu" and "which-channel" not in menu.nodes
    assert checked("connect", "channel-compare.json").metrics["steps_to_human"] == 1
    assert any(f.code == "F020" and "VOICE" in f.message for f in findings)


def test_a_channel_compare_without_a_voice_case_takes_the_no_match_route() -> None:
    flow = {"StartAction": "c", "Actions": [
        {"Identifier": "c", "Type": "Compare", "Parameters": {"ComparisonValue": "$.Channel"},
         "Transitions": {"NextAction": "q", "Conditions": [
             {"NextAction": "q", "Condition": {"Operator": "Equals", "Operands": ["CHAT"]}}],
             "Errors": [{"NextAction": "m", "ErrorType": "NoMatchingCondition"}]}},
        {"Identifier": "q", "Type": "TransferContactToQueue", "Parameters": {}, "Transitions": {}},
        {"Identifier": "m", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}]}
    menu, _ = connect.read(json.dumps(flow), "f.json", None)
    assert menu.entry.ref == "m"


def test_a_queue_set_to_an_agent_is_that_agents_queue() -> None:
    flow = {"StartAction": "set", "Actions": [
        {"Identifier": "set", "Type": "UpdateContactTargetQueue", "Parameters": {"AgentId": "$.Attributes.Owner"},
         "Transitions": {"NextAction": "go"}},
        {"Identifier": "go", "Type": "TransferContactToQueue", "Parameters": {}, "Transitions": {}}]}
    menu, findings = connect.read(json.dumps(flow), "f.json", None)
    assert menu.nodes["go"].type is NodeType.AGENT and menu.nodes["go"].queue == "agent $.Attributes.Owner"
    assert any(f.node_id == "go" and "depends on the path or on data" in f.message for f in findings)


def test_a_start_action_naming_no_action_is_said_as_such() -> None:
    flow = {"Version": "2019-10-30", "StartAction": "welcom", "Actions": [
        {"Identifier": "welcome", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}]}
    menu, findings = connect.read(json.dumps(flow), "flow.json", None)
    assert menu is None and findings[0].code == "F021"
    assert 'start action "welcom" names no action' in findings[0].message and '"welcome"' in findings[0].help


def test_an_entry_naming_no_action_is_still_said_as_the_command_line_s() -> None:
    flow = {"Version": "2019-10-30", "StartAction": "welcome", "Actions": [
        {"Identifier": "welcome", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}]}
    menu, findings = connect.read(json.dumps(flow), "flow.json", "welcom")
    assert menu is None and findings[0].message.startswith('--entry "welcom" names no action')
