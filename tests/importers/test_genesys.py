"""Genesys Archy YAML: menus, choices, task actions, refs and placeholders map onto the model."""

from __future__ import annotations

from ivrcheck.importers import genesys
from ivrcheck.reading import menu_text
from ivrcheck.model import NodeType
from tests.importers.cloud_helpers import FIXTURES, checked, codes, goto, imported, keys


def test_documented_flow_maps_every_construct() -> None:
    menu, findings = imported("genesys", "documented.yaml")
    assert menu.name == "Northwind Support" and menu.language == "en"
    assert menu.entry.ref == "initial_greeting"
    assert menu.nodes["initial_greeting"].next.ref == "startup"
    main = menu.nodes["main_menu"]
    assert keys(menu, "main_menu") == ["0", "1", "2", "3", "*"]
    assert (main.timeout, main.retries) == (6.0, 2)  # flow defaults; the menu's noValue keeps them
    assert main.after_retries.ref == goto(menu, "main_menu", "0")  # defaultChildMenuRef
    assert menu.nodes[goto(menu, "main_menu", "1")].type is NodeType.MENU  # menuSubMenu
    assert goto(menu, "orders_menu", "9") == "back" and goto(menu, "main_menu", "*") == "repeat"
    assert next(o for o in main.options if o.key == "2").say == ("billing", "invoice")
    hours = menu.nodes["startup_office_hours"]
    assert (hours.on, hours.hours) == ("hours", "Office")
    assert [v for v, _ in hours.cases] == ["open", "closed", "holiday"]
    assert dict(hours.cases)["open"].ref == "main_menu"  # an unhandled output falls through to the next action
    vip = menu.nodes["identify_is_vip"]
    assert [v for v, _ in vip.cases] == ["yes", "no"]  # YAML 1.1 booleans as written keys
    assert menu.nodes["callback_offer_offer_twice"].on == "data"
    assert {f.code for f in findings} == {"F020"}


def test_documented_flow_metrics_and_findings() -> None:
    result = checked("genesys", "documented.yaml")
    assert result.metrics["steps_to_human"] == 1 and result.metrics["menus"] == 2
    assert result.metrics["zero_out_coverage"] == 1.0
    assert "S102" not in codes(result)  # tasks run by callTask are not left behind unreachable


def test_defects_are_reported_with_positions_in_the_export() -> None:
    result = checked("genesys", "defects.yaml")
    found = {(f.code, f.span.line) for f in result.findings}
    assert ("S101", 19) in found  # targetMenuRef to a menu that does not exist
    assert ("R506", 31) in found  # a speech-only choice
    assert {("F020", 20), ("F020", 45), ("F020", 47)} <= found
    menu, _ = imported("genesys", "defects.yaml")
    # A number the export names as a team's ("Reception") is a person; a flow hand-off is unknown, never "no person".
    assert menu.nodes["reception"].human is True and menu.nodes["payments"].person_unknown
    assert not any(f.code == "H201" for f in result.findings)
    assert keys(menu, "main") == ["2", "1", "5", "Ask a question"]  # written out of key order
    assert "P401" in menu.nodes["recorded"].ignore  # a recorded prompt silences the prompt rules


def test_real_blueprint_with_placeholders_and_expression_prompt() -> None:
    menu, findings = imported("genesys", "dr-fallback.yaml")
    assert menu.nodes["initial_greeting"].prompt is None  # `tts: {{ivr_initial_greeting}}` stays opaque
    assert menu.nodes["main_menu"].prompt.startswith("Main menu. For home insurance, press 1.")
    assert keys(menu, "main_menu") == ["1", "2", "7", "3", "4"]
    hours = menu.nodes["startup_task_evaluate_schedule_group"]
    assert hours.hours == "ToScheduleGroup(NOT_SET)"
    assert menu.nodes[dict(hours.cases)["emergency"].ref].type is NodeType.VOICEMAIL
    result = checked("genesys", "dr-fallback.yaml")
    assert result.metrics["steps_to_human"] == 1 and "F018" not in codes(result)


def test_entry_override_and_unknown_entry() -> None:
    menu, _ = imported("genesys", "documented.yaml", entry="tracking")
    assert menu.entry.ref == "tracking"
    text = (imported.__globals__["FIXTURES"] / "genesys" / "documented.yaml").read_text()
    menu, findings = menu_text(text, "x.yaml", entry="trackin")
    assert menu is None and findings[0].code == "F021" and "tracking" in findings[0].help


def test_broken_yaml_is_an_export_syntax_finding() -> None:
    menu, findings = genesys.read("inboundCall:\n  name: [broken\n", "x.yaml", None)
    assert menu is None and findings[0].code == "F018" and findings[0].span.line >= 2


def test_other_flow_types_are_structure_findings() -> None:
    menu, findings = genesys.read("inboundChat:\n  name: Chat\n", "x.yaml", None)
    assert menu is None and findings[0].code == "F019" and "inboundChat" in findings[0].message


def test_missing_start_lists_candidates() -> None:
    text = "inboundCall:\n  name: X\n  menus:\n    - menu:\n        name: Main\n        choices: []\n"
    menu, findings = genesys.read(text, "x.yaml", None)
    assert menu is None and findings[0].code == "F021" and "Main" in findings[0].help


def test_collect_input_then_switch_on_its_variable_is_a_menu() -> None:
    """Digits stored by Collect Input and routed by a Switch on that variable are menu choices."""
    menu, _ = imported("genesys", "collect-switch.yaml")
    choice = menu.nodes["main_task_main_choice"]
    assert choice.type is NodeType.MENU and keys(menu, "main_task_main_choice") == ["1", "2", "3"]
    assert goto(menu, "main_task_main_choice", "3") == "main_task_message_box"
    assert choice.on_invalid.ref == "main_task_not_valid" and choice.on_timeout.ref == "end_call"
    result = checked("genesys", "collect-switch.yaml")
    assert result.metrics["steps_to_human"] == 1


def test_a_menu_nothing_references_is_not_the_first_menu() -> None:
    menu, _ = imported("genesys", "collect-switch.yaml")
    first = next(n for n in menu.nodes.values() if n.type is NodeType.MENU)
    assert first.id == "main_task_main_choice"
    assert checked("genesys", "collect-switch.yaml").metrics["unreachable"] == ["old_menu"]


def test_collect_input_then_a_chain_of_decisions_is_a_menu() -> None:
    menu, _ = imported("genesys", "collect-decision.yaml")
    assert keys(menu, "start_pick") == ["1", "0"] and goto(menu, "start_pick", "0") == "start_librarian"
    assert menu.nodes["start_pick"].options[1].label == "Speak to a librarian"
    assert menu.nodes["start_pick"].on_timeout.ref == "start_desk_queue"


def test_collect_input_whose_switch_tests_something_else_stays_an_input() -> None:
    text = (FIXTURES / "genesys" / "collect-switch.yaml").read_text().replace('Task.Choice == "2"', 'Flow.Vip == "2"')
    menu, _ = menu_text(text, "x.yaml")
    assert menu.nodes["main_task_main_choice"].type is NodeType.INPUT


def _tasks(count: int, action: str = "callTask", calls: int = 1) -> str:
    """A flow of `count` tasks, each saying a step and then running the next `calls` times by `action`."""
    tasks = "".join(f"    - task:\n        name: T{i}\n        refId: t{i}\n        actions:\n"
                    f"          - playAudio:\n              name: P{i}\n              audio: {{tts: step {i}}}\n"
                    + "".join(f"          - {action}:\n              name: C{i}{c}\n"
                              f"              targetTaskRef: ./tasks/task[t{i + 1}]\n"
                              for c in "ab"[:calls] if i + 1 < count)
                    for i in range(count))
    return f"inboundCall:\n  name: Tasks\n  startUpRef: ./tasks/task[t0]\n  defaultLanguage: en-us\n  tasks:\n{tasks}"


def test_tasks_calling_the_next_twice_are_refused_not_copied_without_end() -> None:
    # Each call copies the task for its own return point: 30 levels made a billion steps (issue 23).
    menu, findings = genesys.read(_tasks(30, calls=2), "tree.yaml", None)
    assert menu is None
    [f019] = [f for f in findings if f.code == "F019"]
    assert "2 times its own 88 actions" in f019.message and f019.span.line > 1


def test_a_few_levels_of_calls_twice_are_still_copied_per_return_point() -> None:
    menu, findings = genesys.read(_tasks(6, calls=2), "tree.yaml", None)
    assert menu is not None and not any(f.code == "F019" for f in findings)
    assert sum(1 for n in menu.nodes.values() if n.prompt == "step 5") == 2 ** 5


def test_calls_nested_past_the_depth_limit_are_refused_jumps_are_not() -> None:
    # A chain of 400 calls overflowed Python's stack (exit 3); a chain of jumps is built in a loop.
    _, findings = genesys.read(_tasks(400), "chain.yaml", None)
    assert [f.code for f in findings] == ["F019"] and "more than 100 deep" in findings[0].message
    menu, findings = genesys.read(_tasks(100), "chain.yaml", None)
    assert menu is not None and not any(f.code == "F019" for f in findings)
    menu, findings = genesys.read(_tasks(2000, "jumpToTask"), "jumps.yaml", None)
    assert menu is not None and sum(1 for n in menu.nodes.values() if n.prompt) == 2000
