"""Each platform's reader on a real imported line: generated logs in the platform's documented shape,
with known true shares, give those shares back (the counts exactly, the shares within rounding)."""

from __future__ import annotations

import json

import pytest

from ivrcheck import traffic
from tests.traffic import writers
from tests.traffic.conftest import inspect
from tests.traffic.simulate import calls


def _menus(menu) -> set[str]:
    return {n.id for n in menu.nodes.values() if n.is_menu}


CASES = {
    "connect-flow-log": ("connect/documented.json", {"main-menu": {"1": 0.55, "2": 0.3, "0": 0.15}},
                         lambda g, m: writers.connect_flow_log(g, _menus(m)), "log.json", 0.05),
    "studio": ("studio/documented.json", {"main_menu": {"9": 0.1, "1": 0.5, "2": 0.3, "0": 0.1}},
               lambda g, m: writers.studio_steps(g), "steps.json", 0.05),
    "freeswitch": ("freeswitch/demo_ivr.xml", {"demo_ivr": {"1": 0.4, "2": 0.3, "6": 0.2, "5": 0.1},
                                               "demo_ivr_submenu": {"*": 1.0}},
                   lambda g, m: writers.freeswitch_cdrs(g, _menus(m)), "cdr.json", 0.0),
    "asterisk-cel": ("asterisk/demo.conf", {"demo,s,7": {"2": 0.6, "#": 0.4}},
                     lambda g, m: writers.asterisk_cel(g), "Master.csv", 0.0),
    "genesys": ("genesys/documented.yaml", {"main_menu": {"0": 0.2, "1": 0.5, "3": 0.3},
                                            "orders_menu": {"1": 0.7, "2": 0.2, "0": 0.1}},
                lambda g, m: writers.genesys_details(g, {}), "details.json", 0.0),
}


@pytest.mark.parametrize("fmt", sorted(CASES))
def test_generated_logs_give_the_true_shares_back(tmp_path, fmt: str) -> None:
    fixture, shares, write, filename, timeout = CASES[fmt]
    line = inspect(fixture)
    generated, truth = calls(line.menu, shares, 1500, timeout=timeout, hangup=0.0)
    log = tmp_path / filename
    log.write_text(write(generated, line.menu), encoding="utf-8")
    seen = traffic.read(line.menu, [log])  # the format is detected from the content
    assert not seen.skipped, seen.skipped.describe()
    for menu_id, keys in truth.keys.items():
        observed = seen.all.menus[menu_id]
        assert {o.key: o.chosen for o in observed.options if o.chosen} == dict(keys), (fmt, menu_id)
        assert observed.visits == truth.visits[menu_id]
        if timeout:
            assert observed.timeouts == truth.timeouts[menu_id]
        for key, true_share in shares[menu_id].items():  # known true shares, within sampling error
            assert abs(observed.option(key).share - true_share) < 0.04, (fmt, menu_id, key)
    assert not seen.all.undesigned, seen.all.undesigned


def test_connect_contact_records_give_the_seconds_to_a_person(tmp_path) -> None:
    line = inspect("connect/documented.json")
    generated, truth = calls(line.menu, CASES["connect-flow-log"][1], 500, hangup=0.0, timeout=0.0)
    log = tmp_path / "ctr.json"
    log.write_text(writers.connect_ctr(generated, "Cards"), encoding="utf-8")
    seen = traffic.read(line.menu, [log])
    assert seen.all.reached_person == len(truth.to_person)
    assert seen.all.person_seconds() == sorted(round(s) for s in truth.to_person)[(len(truth.to_person) - 1) // 2]


def test_a_broken_record_is_counted_and_the_rest_is_read(tmp_path) -> None:
    line = inspect("studio/documented.json")
    log = tmp_path / "steps.json"
    log.write_text('{"steps": [{"execution_sid": "FN1", "date_created": "2025-01-01T10:00:00Z", '
                   '"transitioned_from": "Trigger", "transitioned_to": "main_menu", "name": "incomingCall"},'
                   '{"execution_sid": "FN1", "transitioned_to": "billing"},'
                   '{"execution_sid": "FN1", "date_created": "2025-01-01T10:00:09Z", "name": "match", '
                   '"transitioned_from": "split_main", "transitioned_to": "billing"}]}', encoding="utf-8")
    seen = traffic.read(line.menu, [log])
    assert seen.skipped == {"a step without execution_sid, date_created or transitioned_to": 1}
    assert seen.skipped.first[next(iter(seen.skipped))].endswith("item 2")
    assert seen.all.menus["main_menu"].option("2").chosen == 1


def test_asterisk_queue_log_and_cdr(tmp_path, acme) -> None:
    """queue_log: queue visits, abandons and waits; cdr_csv: where each call ended, and a person."""
    queue_log = tmp_path / "queue_log"
    queue_log.write_text(
        "1767000000|NONE|NONE|NONE|QUEUESTART|\n"
        "1767000010|1767000000.1|general|NONE|ENTERQUEUE||5550101|1\n"
        "1767000040|1767000000.1|general|PJSIP/201|CONNECT|30|1767000010.2|4\n"
        "1767000011|1767000000.2|general|NONE|ENTERQUEUE||5550102|2\n"
        "1767000095|1767000000.2|general|NONE|ABANDON|2|2|84\n"
        "1767000100|1767000000.3|mortgages|NONE|ENTERQUEUE||5550103|1\n"
        "1767000112|1767000000.3|mortgages|PJSIP/301|CONNECT|12|1767000100.4|3\n", encoding="utf-8")
    seen = traffic.read(acme.menu, [queue_log])
    assert seen.all.calls == 3 and seen.all.reached_person == 2
    assert sorted(seen.all.to_person.elements()) == [12, 30]  # from entering the queue to a person
    assert not seen.unknown

    line = inspect("asterisk/demo.conf")
    cdr = tmp_path / "Master.csv"
    cdr.write_text(
        '"","5550101","2","demo","""Ann"" <5550101>","PJSIP/trunk-1","","BackGround","demo-moreinfo",'
        '"2026-01-05 09:00:00","2026-01-05 09:00:01","2026-01-05 09:01:00",60,59,"ANSWERED","DOCUMENTATION",'
        '"1767603600.1",""\n'
        '"","5550102","#","demo","""Bo"" <5550102>","PJSIP/trunk-2","","Hangup","",'
        '"2026-01-05 09:02:00","2026-01-05 09:02:01","2026-01-05 09:02:30",30,29,"ANSWERED","DOCUMENTATION",'
        '"1767603720.2",""\n'
        '"","5550103","600","demo","""Cy"" <5550103>","PJSIP/trunk-3","PJSIP/201","Dial","PJSIP/201",'
        '"2026-01-05 09:03:00","2026-01-05 09:03:20","2026-01-05 09:05:00",120,100,"ANSWERED","DOCUMENTATION",'
        '"1767603780.3",""\n', encoding="utf-8")
    seen = traffic.read(line.menu, [cdr])
    assert not seen.skipped and not seen.unknown  # "#" is the node the importer spelt "demo,hash,1"
    assert seen.all.calls == 3 and list(seen.all.to_person.elements()) == [20]


def test_a_block_the_importer_folds_away_is_no_drift(tmp_path) -> None:
    """A Set attributes block between the menu and its queue: the design joins them directly."""
    line = inspect("connect/documented.json")
    rows = []
    for number in range(20):
        call = f"c{number}"
        rows += [{"ContactId": call, "Timestamp": number * 60 + 1, "ContactFlowModuleType": "GetUserInput",
                  "Identifier": "main-menu", "Results": "1"},
                 {"ContactId": call, "Timestamp": number * 60 + 2, "ContactFlowModuleType": "SetAttributes",
                  "Identifier": "tag-card-callers"},
                 {"ContactId": call, "Timestamp": number * 60 + 3, "ContactFlowModuleType": "Transfer",
                  "Identifier": "cards-queue"}]
    rows += [{"ContactId": "x", "Timestamp": 5000, "ContactFlowModuleType": "PlayPrompt", "Identifier": "main-menu-v2"}]
    log = tmp_path / "flow.json"
    log.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    seen = traffic.read(line.menu, [log])
    assert seen.all.menus["main-menu"].option("1").chosen == 20
    assert dict(seen.unknown) == {"main-menu-v2": 1} and not seen.all.undesigned
