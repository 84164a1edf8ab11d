"""FreeSWITCH IVR menu XML: menus, actions, entries, defaults, findings and positions."""

from __future__ import annotations

import textwrap

from ivrcheck.importers import freeswitch
from ivrcheck.reading import menu_text
from ivrcheck.model import NodeType
from tests.importers.helpers import check, codes, keys, load, loaded, metrics

DEMO = "freeswitch/demo_ivr.xml"
CLINIC = "freeswitch/clinic-ivr.conf.xml"


def read(xml: str, entry: str | None = None):
    return menu_text(textwrap.dedent(xml).lstrip(), "ivr.xml", entry=entry)


def test_demo_ivr_starts_at_the_menu_no_other_menu_leads_to():
    menu = loaded(DEMO)
    assert menu.entry.ref == "demo_ivr"
    assert {m.id for m in menu.menus()} == {"demo_ivr", "demo_ivr_submenu"}
    assert keys(menu, "demo_ivr") == {
        "1": "demo_ivr:1", "2": "demo_ivr:2", "3": "demo_ivr:3", "4": "demo_ivr:4", "5": "demo_ivr:5",
        "6": "demo_ivr_submenu", "9": "repeat", "extension": "demo_ivr:/^(10[01][0-9])$/"}
    assert keys(menu, "demo_ivr_submenu") == {"*": "demo_ivr"}


def test_demo_ivr_reaches_no_person_a_conference_room_and_dialled_extensions_are_not_people():
    menu, findings = load(DEMO)
    conference, echo = menu.nodes["demo_ivr:1"], menu.nodes["demo_ivr:2"]
    assert (conference.type, conference.human) == (NodeType.TRANSFER, False)
    assert any(f.node_id == "demo_ivr:1" and "conference room" in f.message for f in findings)
    # What answers dialplan extension 9196 (an echo test) is the dialplan's business: unknown, never a guess.
    assert echo.type is NodeType.TRANSFER and echo.person_unknown
    extension = next(o for o in menu.nodes["demo_ivr"].options if o.kind == "extension")
    assert extension.digits == 4 and not menu.nodes[extension.target.ref].human


def test_demo_ivr_reads_timeouts_retries_and_exit():
    menu = loaded(DEMO)
    main = menu.nodes["demo_ivr"]
    assert (main.timeout, main.retries, main.on_timeout.ref, main.on_invalid.ref) == (10.0, 3, "repeat", "repeat")
    assert menu.nodes[main.after_retries.ref].type is NodeType.HANGUP
    assert menu.nodes["demo_ivr_submenu"].timeout == 15.0


def test_demo_ivr_metrics():
    found = metrics(loaded(DEMO))
    assert (found["depth"], found["steps_to_human"], found["menus"], found["options"], found["max_options"]) == \
        (2, None, 2, 9, 8)
    assert found["zero_out_coverage"] == 0.0


def test_demo_ivr_findings_point_into_the_xml():
    result = check(DEMO)
    # the submenu's only choice is "*" back to the top: a closing menu, so its goodbye after
    # failures cuts no task short (R503 page); the main menu's still does
    assert codes(result, "R503") == [(3, 3)]
    assert codes(result, "H203") == [(3, 3), (28, 3)]
    assert (4, 9) in codes(result, "F020")  # the phrase macro greeting: a recording, words unknown
    assert (19, 46) in codes(result, "F020")  # transfer 9196: what answers is in the dialplan
    assert not codes(result, "P401")


def test_clinic_reads_text_to_speech_prompts_and_derives_labels():
    menu = loaded(CLINIC)
    main = menu.nodes["clinic_main"]
    assert main.prompt.startswith("Thank you for calling Riverside Clinic")
    labels = {o.key: o.label for o in main.options}
    assert labels["1"] == "Appointments" and labels["3"] == "Clinic nurses"
    assert menu.nodes[main.after_retries.ref].type is NodeType.TRANSFER  # exec-on-max-failures
    assert main.retries == 2
    assert keys(menu, "clinic_nurses")["*"] == "back"


def test_clinic_defects_are_found():
    result = check(CLINIC)
    assert codes(result, "S109") == [(24, 37)]  # key 2 bound twice
    assert codes(result, "S101") == [(33, 48)]  # `ivr clinic_prescriptions`: no such menu
    assert codes(result, "H203") == [(30, 5)]
    assert codes(result, "R503") == [(30, 5)]
    assert codes(result, "P401") == [(27, 39), (28, 37)]  # star and dial-by-extension are never offered


def test_clinic_commented_out_menu_is_ignored_and_scripts_are_opaque():
    menu = loaded(CLINIC)
    assert "old_main" not in menu.nodes
    script = menu.nodes["clinic_main:2"]
    assert script.type is NodeType.SELF_SERVICE and script.next.ref == "clinic_main"
    opaque = [f.message for f in load(CLINIC)[1] if f.code == "F020"]
    assert any("lua results_lookup.lua" in m for m in opaque)
    assert any("${nurse_ext}" in m for m in opaque)


def test_several_root_menus_need_an_entry():
    xml = """
        <include>
          <menu name="day"><entry action="menu-exit" digits="1"/></menu>
          <menu name="night"><entry action="menu-exit" digits="1"/></menu>
        </include>
    """
    menu, findings = read(xml)
    assert menu is None
    assert [(f.code, f.span.line) for f in findings] == [("F021", 1)]
    assert "day, night" in findings[0].message
    menu, findings = read(xml, entry="night")
    assert menu is not None and menu.entry.ref == "night"
    menu, findings = read(xml, entry="evening")
    assert menu is None and "use one of: day, night" in findings[0].help


def test_malformed_xml_is_f018_with_position():
    menu, findings = read("""
        <include>
          <menu name="main">
            <entry action="menu-exit" digits="1">
          </menu>
        </include>
    """)
    assert menu is None
    assert [(f.code, f.span.line, f.span.column) for f in findings] == [("F018", 4, 5)]


def test_a_file_without_menus_is_f019():
    menu, findings = menu_text("<include><menu/></include>", "x.xml", source_format="freeswitch")
    assert menu is None and [f.code for f in findings] == ["F019"]


def test_detect_only_claims_ivr_menus():
    assert freeswitch.detect('<include><menu name="a"><entry action="menu-top" digits="1"/></menu></include>', "a.xml")
    assert not freeswitch.detect("<vxml><menu id='a'/></vxml>", "a.vxml")
    assert not freeswitch.detect("entry: main\nnodes: {}\n", "a.yaml")


PHRASES = "freeswitch/phrases-regex.xml"


def test_a_regex_no_keypad_can_send_is_left_out_with_a_note():
    menu, findings = load(PHRASES)
    extension = next(o for o in menu.nodes["harbour_main"].options if o.kind == "extension")
    assert extension.target.ref == "harbour_main:/^(3[0-9][0-9])$/"  # the /d entry is not among the choices
    assert any(f.code == "F020" and "/d" in f.message for f in findings)


def test_a_regex_with_backslash_d_is_kept():
    from ivrcheck.importers.freeswitch import _keyable

    assert _keyable(r"/^(\d{4})$/") and _keyable("/^(10[01][0-9])$/") and _keyable("/^(/d)$|^(9)$/")
    assert not _keyable("/^(/d{extn_length})$/")


def test_who_a_bridge_reaches():
    menu = loaded(PHRASES)
    assert menu.nodes["harbour_main:0"].human  # a user of the directory
    assert not menu.nodes["harbour_main:1"].human  # a conference room
    assert menu.nodes["harbour_main:2"].person_unknown  # a bare number outside: unknown, never a guess
    assert not menu.nodes["harbour_main:/^(3[0-9][0-9])$/"].human  # any extension of a range
    assert metrics(menu)["steps_to_human"] == 1


def test_phrase_macros_in_the_file_give_the_prompt_its_words():
    menu, findings = load(PHRASES)
    assert menu.nodes["harbour_main"].prompt.startswith("To join the harbour conference, press 1.")
    assert "P401" not in menu.nodes["harbour_main"].ignore
    assert "P401" in menu.nodes["harbour_hours"].ignore  # its macro plays a file: words unknown
    assert any(f.node_id == "harbour_hours" and "recording" in f.message for f in findings)


def test_an_unclear_start_lists_the_menus_nothing_leads_to_first():
    xml = ('<include><menu name="night" greet-long="say:x"><entry action="menu-top" digits="1"/></menu>'
           '<menu name="day" greet-long="say:y"><entry action="menu-sub" digits="1" param="day_sub"/></menu>'
           '<menu name="day_sub" greet-long="say:z"><entry action="menu-back" digits="*"/></menu></include>')
    from ivrcheck.importers import freeswitch

    menu, findings = freeswitch.read(xml, "ivr.xml", None)
    assert menu is None
    assert "best guess first: night, day (no other menu leads to it)" in findings[0].message
