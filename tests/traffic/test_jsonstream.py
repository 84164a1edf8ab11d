"""Reading JSON logs record by record: JSON lines, arrays across chunk boundaries, broken input, gzip."""

from __future__ import annotations

import gzip
import io
import json

from ivrcheck import traffic
from ivrcheck.traffic.readers import jsonstream


def test_an_array_is_read_item_by_item_across_chunks() -> None:
    items = [{"n": i, "pad": "x" * 300} for i in range(1000)]  # about 300 KiB: several chunks
    found = list(jsonstream.records(io.StringIO(json.dumps({"meta": {}, "steps": items})), "s.json"))
    assert [r["n"] for r, _ in found] == list(range(1000)) and found[-1][1] == "s.json: item 1000"


def test_json_lines_with_a_broken_line_go_on() -> None:
    text = '{"a": 1}\n{"a": \n\n{"a": 3}\n'
    assert list(jsonstream.records(io.StringIO(text), "l.json")) == [({"a": 1}, "l.json:1"), (None, "l.json:2"),
                                                                    ({"a": 3}, "l.json:4")]


def test_a_truncated_export_is_counted_and_the_rest_kept(tmp_path, acme) -> None:
    steps = [{"execution_sid": f"FN{i}", "date_created": i, "transitioned_from": "Trigger",
              "transitioned_to": "main", "name": "incomingCall"} for i in range(50)]
    text = json.dumps({"steps": steps})
    log = tmp_path / "steps.json"
    log.write_text(text[: len(text) - 40], encoding="utf-8")  # cut inside the last step
    seen = traffic.read(acme.menu, [log])
    assert seen.all.menus["main"].visits == 49
    assert list(seen.skipped) == ["not JSON where a record should start; the rest of the file was not read"]


def test_gzip_logs_are_read(tmp_path, acme) -> None:
    log = tmp_path / "calls.csv.gz"
    with gzip.open(log, "wt", encoding="utf-8") as out:
        out.write("call_id,time,node,event,key\na,1,main,enter,\na,2,main,key,2\na,3,,end,\n")
    assert traffic.read(acme.menu, [log]).all.menus["main"].option("2").chosen == 1
