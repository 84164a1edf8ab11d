"""Twilio Studio: a gather and the split that reads its digits become one menu."""

from __future__ import annotations

import json

from ivrcheck.importers import studio
from ivrcheck.model import NodeType
from tests.importers.cloud_helpers import checked, codes, goto, imported, keys


def test_documented_flow_reads_gather_and_split() -> None:
    menu, findings = imported("studio", "documented.json")
    assert menu.name == "Lakeside Dental" and menu.entry.ref == "greeting"
    assert keys(menu, "main_menu") == ["9", "1", "2", "3", "0", "*", "reception"]  # as written, not sorted
    assert goto(menu, "main_menu", "2") == goto(menu, "main_menu", "3") == "billing"  # matches_any_of "2,3"
    assert next(o for o in menu.nodes["main_menu"].options if o.key == "reception").kind == "speech"
    assert menu.nodes["reception"].type is NodeType.TRANSFER and menu.nodes["reception"].human
    assert menu.nodes["bookings"].type is NodeType.AGENT and menu.nodes["billing"].queue == "Billing"
    assert "split_main" not in menu.nodes and findings == []


def test_documented_flow_metrics() -> None:
    result = checked("studio", "documented.json")
    assert result.metrics["steps_to_human"] == 1 and result.metrics["options"] == 7
    assert "S102" not in codes(result)


def test_defects() -> None:
    result = checked("studio", "defects.json")
    found = {(f.code, f.node_id) for f in result.findings}
    assert {("S101", "menu"), ("H201", "menu"), ("P402", "menu"), ("F020", "lookup")} <= found
    menu, _ = imported("studio", "defects.json")
    assert menu.nodes["menu"].on_invalid.ref == "end_call"  # a noMatch with no next ends the call
    assert "P401" in menu.nodes["recorded_menu"].ignore


def test_api_resource_with_definition_as_a_string() -> None:
    menu, findings = imported("studio", "flex-demo-api.json")
    assert keys(menu, "mainmenu") == ["1", "2"] and menu.nodes["toflex"].type is NodeType.BRANCH
    assert findings[0].span.pointer.startswith("/definition/states/")


def test_trigger_without_calls() -> None:
    text = '{"initial_state": "T", "states": [{"name": "T", "type": "trigger", "transitions": [{"event": "incomingMessage"}]}]}'
    menu, findings = studio.read(text, "f.json", None)
    assert menu is None and findings[0].code == "F019"


def test_a_gather_whose_digits_go_to_a_function_is_an_entry_field() -> None:
    """Studio hands the digits of a Gather to the widget its keypress transition names; a Function is no menu."""
    menu, findings = imported("studio", "gather-function.json")
    rating = menu.nodes["rating"]
    assert rating.type is NodeType.INPUT and rating.next.ref == "store_rating" and rating.digits == 1
    assert [n.id for n in menu.menus()] == ["choose"]
    assert not any(f.node_id == "rating" and f.code == "F020" for f in findings)


def test_the_older_export_with_sids_and_no_initial_state_is_read() -> None:
    """InitialState/Gather/Branch/SayPlay widgets whose transitions name widget SIDs."""
    menu, _ = imported("studio", "legacy-export.json")
    assert menu.entry.ref == "welcome_menu" and keys(menu, "welcome_menu") == ["1", "0"]
    assert goto(menu, "welcome_menu", "1") == "hours" and menu.nodes["hours"].next.ref == "welcome_menu"
    assert menu.nodes["shop_queue"].type is NodeType.AGENT
    result = checked("studio", "legacy-export.json")
    assert not [c for c in codes(result) if c.startswith("F")] and result.metrics["steps_to_human"] == 1


def test_connect_call_to_a_conference_or_a_computed_number_is_not_a_person() -> None:
    flow = {"initial_state": "Trigger", "states": [
        {"name": "Trigger", "type": "trigger", "transitions": [{"event": "incomingCall", "next": "room"}]},
        {"name": "room", "type": "connect-call-to", "properties": {"noun": "conference", "to": "weekly"},
         "transitions": [{"event": "callCompleted", "next": "dyn"}]},
        {"name": "dyn", "type": "connect-call-to", "properties": {"noun": "number", "to": "{{flow.variables.n}}"},
         "transitions": [{"event": "callCompleted"}]}]}
    menu, findings = studio.read(json.dumps(flow), "f.json", None)
    assert menu.nodes["room"].human is False and menu.nodes["dyn"].person_unknown  # a computed number: unknown
    assert {f.node_id for f in findings if f.code == "F020"} == {"room", "dyn"}


def test_an_unconnected_incoming_call_answers_no_calls() -> None:
    flow = {"initial_state": "Trigger", "states": [
        {"name": "Trigger", "type": "trigger", "transitions": [{"event": "incomingMessage", "next": "bye"},
                                                                {"event": "incomingCall"}]},
        {"name": "bye", "type": "say-play", "properties": {"say": "Bye."}, "transitions": [{"event": "audioComplete"}]}]}
    menu, findings = studio.read(json.dumps(flow), "f.json", None)
    assert menu is None and [f.code for f in findings] == ["F019"] and "incomingCall" in findings[0].message
