"""A schedule open every hour of every day never closes: a 24-hour desk is open in the closed state too."""

import pytest

from ivrcheck.model import open_around_the_clock
from tests.conftest import lint


@pytest.mark.parametrize("schedule, expected", [
    ({"mon-sun": "00:00-24:00"}, True),
    ({"mon-sun": "00:00-24:00", "holiday": "00:00-24:00"}, True),
    ({"mon-fri": "00:00-24:00", "sat-sun": "00:00-24:00"}, True),
    ({"mon-sun": "00:00-24:00", "holiday": "closed"}, False),
    ({"mon-fri": "00:00-24:00"}, False),
    ({"mon-sun": "00:00-23:59"}, False),
    ({"mon-sun": "08:00-16:00"}, False),
    ({}, False),
])
def test_a_schedule_is_open_around_the_clock_only_when_every_day_is_whole(schedule: dict, expected: bool) -> None:
    assert open_around_the_clock(schedule) is expected


LINE = """
language: es
entry: menu
hours:
  oficina: {mon-fri: "07:30-17:30", holiday: closed}
  danos: {HOURS}
nodes:
  menu:
    prompt: Para reportar un daño, marque 1. Para hablar con un asesor, marque 0.
    options:
      "1": {label: Reportar un daño, goto: dano_asesor}
      "0": {label: Asesor, goto: asesor}
    after_retries: dano_asesor
  dano_asesor:
    type: agent
    hours: danos
    closed: reporte_auto
  reporte_auto: {type: self_service, prompt: Registramos su reporte., next: fin}
  fin: {type: hangup}
  asesor: {type: agent, hours: oficina, closed: buzon}
  buzon: {type: voicemail, prompt: Deje su mensaje; le llamamos mañana antes de las diez., promise: mañana antes de las diez}
"""


def test_a_24_hour_desk_is_no_dead_end_outside_office_hours() -> None:
    """Before: its guard `closed:` was followed in the closed state, so H205 and R503 said it hangs up."""
    always = LINE.replace("{HOURS}", '{mon-sun: "00:00-24:00"}')
    assert [f.code for f in lint(always) if f.code in ("H205", "R503")] == []


def test_near_miss_a_desk_whose_hours_close_still_hangs_up_outside_them() -> None:
    nights_off = LINE.replace("{HOURS}", '{mon-sun: "06:00-22:00"}')
    codes = {f.code for f in lint(nights_off) if f.code in ("H205", "R503")}
    assert codes == {"H205", "R503"}


def test_the_guard_of_a_24_hour_desk_is_not_unreachable() -> None:
    """Its `closed:` target is written in case the desk ever closes: never heard, and no S102."""
    always = LINE.replace("{HOURS}", '{mon-sun: "00:00-24:00"}')
    assert [f.node_id for f in lint(always, select="S102")] == []
    stray = always + "  stray: {type: message, prompt: Nobody hears this., next: fin}\n"
    assert [f.node_id for f in lint(stray, select="S102")] == ["stray"]  # near miss: a node nothing names
