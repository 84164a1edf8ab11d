"""Per schedule state: calls are counted in the state the log names, or the one their route shows."""

from __future__ import annotations

from ivrcheck import engine, traffic
from tests.traffic.conftest import ROOT
from tests.traffic.simulate import calls
from tests.traffic.writers import plain_csv

CLINIC = ROOT / "menus" / "clinic-hours.ivr.yaml"
OPEN = {"main": {"1": 0.6, "2": 0.3, "0": 0.1}}
CLOSED = {"after_hours": {"1": 0.5, "2": 0.2, "0": 0.3}}


def test_each_state_gets_its_own_calls_from_the_route_they_took(tmp_path) -> None:
    clinic = engine.inspect_file(CLINIC)
    day, day_truth = calls(clinic.menu, OPEN, 600, seed=1, hangup=0.0, state="open")
    night, night_truth = calls(clinic.menu, CLOSED, 400, seed=2, hangup=0.0, state="closed")
    night = [(f"n{call}", steps) for call, steps in night]
    log = tmp_path / "calls.csv"
    log.write_text(plain_csv(day + night), encoding="utf-8")
    seen = traffic.read(clinic.menu, [log])
    assert (seen.states["open"].calls, seen.states["closed"].calls, seen.all.calls) == (600, 400, 1000)
    assert set(seen.states["open"].menus) == {"main"} and set(seen.states["closed"].menus) == {"after_hours"}
    opened = seen.states["open"].menus["main"]
    assert {o.key: o.chosen for o in opened.options if o.chosen} == dict(day_truth.keys["main"])
    closed = seen.states["closed"].menus["after_hours"]
    assert {o.key: o.chosen for o in closed.options if o.chosen} == dict(night_truth.keys["after_hours"])


def test_a_state_the_log_names_wins(tmp_path) -> None:
    clinic = engine.inspect_file(CLINIC)
    log = tmp_path / "calls.csv"
    log.write_text("call_id,time,node,event,key\n"
                   "a,1,,state,closed\na,2,main,enter,\na,3,main,key,1\na,9,,hangup,\n", encoding="utf-8")
    seen = traffic.read(clinic.menu, [log])
    assert seen.states["closed"].menus["main"].option("1").chosen == 1 and "open" not in seen.states
