"""The offline tree test: predicted paths on the example menus (checked by hand) and the kinds of failure."""

import textwrap
from pathlib import Path

import pytest

from ivrcheck.callers.scent import DEFAULT_SCENT as word_scent
from ivrcheck.callers.tasks import band, predict, success_rate
from ivrcheck.engine import inspect_file, inspect_text
from ivrcheck.language import load_language
from tests.conftest import MENUS


def predictions(name: str):
    found = inspect_file(MENUS / f"{name}.ivr.yaml")
    return {p.task.say: p for p in predict(found.menu, found.line)}


def inline(text: str):
    found = inspect_text(textwrap.dedent(text).lstrip("\n"))
    return predict(found.menu, found.line)


def test_acme_tasks_take_the_paths_a_person_would() -> None:
    got = predictions("acme-bank")
    lost = got["I lost my card"]
    # "For cards, press 1." (8 words) then "To report a lost or stolen card, press 1." (9 words) at 150 wpm.
    assert (lost.path, lost.presses, lost.seconds) == (("main", "cards", "card_blocked"), ("1", "1"), 6.8)
    assert lost.success and lost.direct and lost.misleading is None
    assert got["I want a mortgage"].presses == ("3", "2")
    assert got["My new card came and I need to activate it"].path[-1] == "activate_card"
    assert got["Has my payment to the landlord gone through"].presses == ("2", "1")
    assert got["How much is left to pay on my loan"].path == ("main", "loans", "loan_account", "loan_balance")
    assert got["I need to talk to someone"].presses == ("0",)
    assert success_rate(list(got.values())) == 1.0


def test_finnish_tasks_are_read_in_finnish() -> None:
    got = predictions("energia")
    assert got["Talossa on vika, sähköt eivät toimi"].path == ("paavalikko", "viat", "vikapaivystys")
    assert got["Haluan tehdä muuttoilmoituksen"].presses == ("3", "2")
    assert all(p.counts for p in got.values())


def test_closed_hours_task_is_walked_in_the_closed_state() -> None:
    message = predictions("clinic-hours")["I want to leave a message for the clinic"]
    assert message.state == "closed" and message.path == ("greeting", "after_hours", "voicemail")


def test_moved_out_caller_is_misled_by_billing_in_the_main_menu() -> None:
    """'bill' matches "Billing" better than 'moved' matches "Moving home", but the final bill is under moving."""
    astray = predictions("wording-defects")["I moved out and got a bill for my old flat"]
    assert not astray.success and astray.end == "bill_info"
    assert (astray.misleading.menu, astray.misleading.key, astray.misleading.label) == ("main", "1", "Billing")
    assert astray.best_seconds == 23.2  # welcome, "Press 2 if you are moving home", "For billing, press 2."


def test_unreachable_task_is_reported_as_such() -> None:
    (task,) = predictions("bad-everything").values()
    assert task.risk == "unreachable" and not task.success


MENU = """
entry: main
nodes:
  main:
    prompt: {prompt}
    options:
{options}
  payments: {{type: self_service}}
  statements: {{type: self_service}}
  advisor: {{type: agent}}
  help_menu:
    prompt: For opening hours, press 1. To go back, press star.
    options:
      "1": {{label: Opening hours, goto: hours}}
      "*": {{label: Main menu, goto: main}}
  hours: {{type: message, prompt: Nine to five., next: main}}
tasks:
  - say: {say}
    expect: {expect}
"""


def menu(options: dict[str, str], say: str, expect: str) -> str:
    lines = "\n".join(f'      "{k}": {{label: {label}, goto: {target}}}'
                      for k, (label, target) in options.items())
    prompt = " ".join(f"For {label}, press {k}." for k, (label, _) in options.items())
    return MENU.format(prompt=prompt, options=lines, say=say, expect=expect)


def test_a_tie_between_the_right_option_and_a_wrong_one_is_a_risk() -> None:
    (p,) = inline(menu({"1": ("Card payments", "statements"), "2": ("Card statements", "payments")},
                       "my card", "payments"))
    assert p.risk == "tie" and not p.counts
    assert p.misleading.key == "1"  # offered first, so taken on the tie


def test_no_matching_words_means_the_caller_gives_up() -> None:
    (p,) = inline(menu({"1": ("Payments", "payments"), "2": ("Statements", "statements")},
                       "my parcel never arrived", "payments"))
    assert (p.success, p.end, p.risk) == (False, None, "no scent")


def test_backing_out_of_a_wrong_menu_is_an_indirect_success() -> None:
    (p,) = inline(menu({"1": ("Cards", "help_menu"), "2": ("Monthly statements", "statements")},
                       "card statement", "statements"))
    assert p.success and not p.direct
    assert p.presses == ("1", "*", "2") and p.misleading.key == "1"


def test_any_of_several_expected_nodes_counts() -> None:
    (p,) = inline(menu({"1": ("Payments", "payments"), "0": ("Advisor", "advisor")},
                       "I want to make a payment", "[statements, payments]"))
    assert p.success and p.expect == ("statements", "payments")


@pytest.mark.parametrize("rate, name", [(0.49, "rethink"), (0.5, "revise"), (0.649, "revise"), (0.65, "effective")])
def test_success_rate_bands(rate: float, name: str) -> None:
    assert band(rate) == name


def test_scent_prefers_the_label_that_names_the_task() -> None:
    en = load_language("en")
    assert word_scent("I lost my card", "Lost cards", en) > word_scent("I lost my card", "Card activation", en)
    assert word_scent("I want to pay", "Payments", en) > 0  # one synonym group ("billing")
    assert word_scent("my parcel", "Payments", en) == 0.0


def test_the_example_menus_carry_tasks_and_weights() -> None:
    for name in ("acme-bank", "energia", "clinic-hours", "auto-attendant"):
        text = Path(MENUS / f"{name}.ivr.yaml").read_text(encoding="utf-8")
        assert "tasks:" in text and "weight:" in text, name


def test_tasks_command_json_shape() -> None:
    import json

    from typer.testing import CliRunner

    from ivrcheck.cli import app

    result = CliRunner().invoke(app, ["tasks", "--format", "json", str(MENUS / "wording-defects.ivr.yaml")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["success_rate"] == 0.333 and data["band"] == "rethink"
    first = data["tasks"][0]
    assert {"say", "expect", "path", "success", "direct", "key_presses", "seconds", "misleading"} <= set(first)
    assert first["misleading"] == {"menu": "main", "key": "1", "label": "Billing", "scent": 0.822}


def _web(folder: Path, count: int) -> list[Path]:
    """Files that each refer to the next and the hub; the hub and every third file declare a task."""
    def task(entry: str) -> str:
        return f"tasks:\n  - {{say: the next menu, expect: {entry}}}\n"

    (folder / "hub.ivr.yaml").write_text(
        "entry: main\n" + task("main") + "nodes:\n  main:\n    prompt: For the first, press 1.\n    options:\n"
        '      "1": {label: First, goto: "s0.ivr.yaml#m"}\n', encoding="utf-8")
    for i in range(count):
        (folder / f"s{i}.ivr.yaml").write_text(
            "entry: m\n" + (task("m") if i % 3 == 1 else "") + "nodes:\n  m:\n"
            "    prompt: For the hub, press 1. For the next, press 2.\n    options:\n"
            f'      "1": {{label: Hub, goto: "hub.ivr.yaml#main"}}\n'
            f'      "2": {{label: Next, goto: "s{(i + 1) % count}.ivr.yaml#m"}}\n', encoding="utf-8")
    (folder / "broken.ivr.yaml").write_text("nodes: [\n", encoding="utf-8")
    return sorted(folder.iterdir())


@pytest.mark.parametrize("count", [1, 7])
def test_tree_tests_of_a_web_checked_once_match_each_file_tree_tested_alone(tmp_path: Path, count: int) -> None:
    from ivrcheck.config import Config
    from ivrcheck.treetest import tree_test, tree_tests
    from ivrcheck.report import tasks as report

    paths = _web(tmp_path, count)
    together = tree_tests(paths, lambda path: Config())
    alone = [tree_test(path) for path in paths]
    for shape in (report.as_json, report.text):
        assert shape(together) == shape(alone)
    assert [t.predictions is None for t in together] == [p.name == "broken.ivr.yaml" for p in paths]
    assert sum(bool(t.predictions) for t in together) == 1 + (count + 1) // 3
