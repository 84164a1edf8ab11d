"""A key, a Connect action Identifier or a Studio widget name written twice is an F019 naming both places."""

from __future__ import annotations

import json

from ivrcheck.importers.jsondoc import parse
from ivrcheck.reading import menu_text


def connect(*actions: dict, start: str = "a0", extra: str = "") -> str:
    return '{"Version": "2019-10-30", ' + extra + f'"StartAction": "{start}", "Actions": {json.dumps(list(actions))}}}'


def message(ident: str, text: str = "Goodbye.") -> dict:
    return {"Identifier": ident, "Type": "MessageParticipant", "Parameters": {"Text": text},
            "Transitions": {"NextAction": "end"}}


END = {"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}


def studio(*names: str) -> str:
    states = [{"name": "Trigger", "type": "trigger", "transitions": [{"event": "incomingCall", "next": names[0]}],
               "properties": {}}]
    states += [{"name": n, "type": "say-play", "transitions": [{"event": "audioComplete"}], "properties": {"say": "Hi"}}
               for n in names]
    return json.dumps({"states": states, "initial_state": "Trigger"})


def f019(text: str, name: str) -> list[str]:
    menu, findings = menu_text(text, name)
    return [f"{f.span.line}:{f.span.column} {f.message}" for f in findings if f.code == "F019"]


def test_a_json_key_written_twice_names_both_places():
    text = connect(message("a0"), END, extra='"StartAction": "end",\n')
    found = f019(text, "flow.json")
    assert found == ['2:16 the key "StartAction" is written twice in the Amazon Connect flow (JSON) '
                     "(first at line 1, column 42, again here)"]
    assert menu_text(text, "flow.json")[0] is None


def test_the_same_key_in_two_objects_is_no_repeat():
    text = connect(message("a0"), END)
    menu, findings = menu_text(text, "flow.json")
    assert menu is not None and not [f for f in findings if f.code.startswith("F01")]
    doc, _ = parse('{"a": {"k": 1}, "b": {"k": 2}, "c": [{"k": 1}, {"k": 2}]}')
    assert doc is not None and doc.duplicates == []


def test_the_parser_records_repeats_in_nested_objects_and_keeps_the_last():
    doc, _ = parse('{"a": {"k": 1, "k": 2}}')
    assert doc is not None and doc.value == {"a": {"k": 2}}
    assert doc.duplicates == [("/a/k", 12, 20)]


def test_a_repeat_inside_an_embedded_flow_is_placed_in_the_file():
    inner = connect(message("a0"), END, extra='"Version": "x", ')
    text = json.dumps({"Name": "wrapped", "Content": inner})
    (found,) = f019(text, "wrapped.json")
    assert found.startswith("1:") and '"Version" is written twice' in found
    column = int(found.split()[0].split(":")[1])
    assert text[column - 1:column + 4] in ('"x", ', '\\"x\\"')


def test_a_connect_identifier_written_twice():
    found = f019(connect(message("a0"), message("a0", "Other."), END), "flow.json")
    assert len(found) == 1 and 'the action Identifier "a0" is written twice' in found[0]
    assert "first at line 1, column 60" in found[0]


def test_studio_widget_names_written_twice():
    found = f019(studio("hello", "hello"), "flow.json")
    assert len(found) == 1 and 'the widget name "hello" is written twice' in found[0]
    menu, findings = menu_text(studio("hello", "bye"), "flow.json")
    assert menu is not None and not any(f.code == "F019" for f in findings)
