"""`--write-weights` writes observed shares as `weight:` and keeps every comment and the order."""

from __future__ import annotations

import textwrap

from typer.testing import CliRunner

from ivrcheck import engine
from ivrcheck.cli import app
from tests.traffic.conftest import FIXTURES

MENU = textwrap.dedent("""\
    # Harbour Clinic: weights below come from last year's logs
    entry: main
    nodes:
      main:
        prompt: For bookings, press 1. For results, press 2. For anything else, press 0.
        options:
          "1": {label: Bookings, goto: bookings, weight: 0.2}   # guessed
          "2":
            label: Results
            # results go to the nurses
            goto: results
          "0": {label: Reception, goto: reception}
          "*": {label: Repeat, goto: repeat}
      bookings: {type: agent, queue: bookings}
      results: {type: agent, queue: nurses}
      reception: {type: agent, queue: reception}
    """)

LOG = "call_id,time,node,event,key\n" + "".join(
    f"c{i},{i * 60},main,enter,\nc{i},{i * 60 + 5},main,key,{key}\nc{i},{i * 60 + 30},,agent,\n"
    for i, key in enumerate(["1"] * 6 + ["2"] * 3 + ["0"]))


def test_shares_are_written_with_comments_and_order_kept(tmp_path) -> None:
    menu, log = tmp_path / "clinic.ivr.yaml", tmp_path / "calls.csv"
    menu.write_text(MENU, encoding="utf-8")
    log.write_text(LOG, encoding="utf-8")
    result = CliRunner().invoke(app, ["traffic", str(log), "--line", str(menu), "--write-weights"])
    assert result.exit_code == 0, result.output
    text = menu.read_text(encoding="utf-8")
    assert '"1": {label: Bookings, goto: bookings, weight: 0.6}   # guessed' in text
    assert '      "2":\n        weight: 0.3\n        label: Results\n        # results go to the nurses\n' in text
    assert '"0": {label: Reception, goto: reception, weight: 0.1}' in text
    assert '"*": {label: Repeat, goto: repeat}' in text  # repeat carries no weight
    assert text.replace(", weight: 0.1", "").replace("        weight: 0.3\n", "").replace(
        "weight: 0.6", "weight: 0.2") == MENU  # nothing else changed
    options = engine.inspect_file(menu).menu.nodes["main"].options
    assert [(o.key, o.weight) for o in options] == [("1", 0.6), ("2", 0.3), ("0", 0.1), ("*", None)]


def test_an_export_is_not_edited(tmp_path) -> None:
    export = tmp_path / "flow.json"
    original = (FIXTURES / "studio" / "documented.json").read_text(encoding="utf-8")
    export.write_text(original, encoding="utf-8")
    log = tmp_path / "calls.csv"
    log.write_text("call_id,time,node,event,key\na,1,main_menu,enter,\na,2,main_menu,key,1\na,3,,end,\n",
                   encoding="utf-8")
    result = CliRunner().invoke(app, ["traffic", str(log), "--line", str(export), "--write-weights"])
    assert result.exit_code == 2 and "ivrcheck import" in result.output
    assert export.read_text(encoding="utf-8") == original
