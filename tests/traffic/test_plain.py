"""The plain CSV reader on a real line: generated calls with known shares come back exactly."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ivrcheck import traffic
from tests.traffic.conftest import ACME, ACME_SHARES
from tests.traffic.simulate import calls
from tests.traffic.writers import plain_csv


def test_interleaved_calls_give_their_true_counts_back(tmp_path, acme) -> None:
    generated, truth = calls(acme.menu, ACME_SHARES, 3000)
    log = tmp_path / "calls.csv"
    log.write_text(plain_csv(generated), encoding="utf-8")
    seen = traffic.read(acme.menu, [log])
    state = seen.all
    for menu_id, keys in truth.keys.items():
        assert {o.key: o.chosen for o in state.menus[menu_id].options if o.chosen} == dict(keys), menu_id
        assert state.menus[menu_id].visits == truth.visits[menu_id]
        assert state.menus[menu_id].timeouts == truth.timeouts[menu_id]
        assert state.menus[menu_id].hangups == truth.hangups[menu_id]
    main = state.menus["main"]
    assert abs(main.option("1").share - 0.5) < 0.03  # the true share, within sampling error
    assert state.reached_person == len(truth.to_person)
    assert not seen.skipped and not seen.unknown and not state.undesigned


def test_bad_rows_are_counted_not_fatal(tmp_path, acme) -> None:
    log = tmp_path / "calls.csv"
    log.write_text("call_id,time,node,event,key\n"
                   "a,2025-01-01T10:00:00Z,main,enter,\n"
                   ",2025-01-01T10:00:01Z,main,key,1\n"
                   "a,yesterday,main,key,1\n"
                   "a,2025-01-01T10:00:02Z,main,pressed,1\n"
                   "a,2025-01-01T10:00:03Z,main,key,1\n"
                   "a,2025-01-01T10:00:09Z,nowhere,enter,\n"
                   "a,2025-01-01T10:00:10Z,,hangup,\n", encoding="utf-8")
    seen = traffic.read(acme.menu, [log])
    assert seen.skipped == {"no call id": 1, "unreadable time": 1, 'unknown event "pressed"': 1}
    assert seen.skipped.first["unreadable time"].endswith("calls.csv:4")
    assert seen.unknown == {"nowhere": 1}
    assert seen.all.menus["main"].option("1").chosen == 1


def test_columns_in_another_order_follow_the_header(tmp_path, acme) -> None:
    log = tmp_path / "calls.csv"
    log.write_text("event,key,call_id,node,time\nenter,,x,main,10\nkey,2,x,main,12\nagent,,x,advisor,40\n",
                   encoding="utf-8")
    seen = traffic.read(acme.menu, [log])
    assert seen.all.menus["main"].option("2").chosen == 1
    assert seen.all.reached_person == 1


def test_memory_follows_the_calls_in_progress_not_the_log(acme) -> None:
    """The streaming claim at unit scale: 20,000 calls, with and without a record that ends them,
    never hold more than the calls in progress (20 at a time here, plus the idle window)."""
    tally = traffic.tally.Tally(acme.menu)
    most = 0

    def log(final: bool):
        nonlocal most
        for number in range(20_000):
            call, start = f"c{number}", number * 60.0
            yield (call, start, "enter", "main", "")
            yield (call, start + 5, "key", "main", "1")
            if final:
                yield (call, start + 30, "agent", "", "")
            most = max(most, len(tally._open))

    tally.feed(log(final=True))
    assert most <= 2
    tally.feed(log(final=False))  # no record ends a call: the idle sweep does (an hour = 60 calls here)
    assert most <= 60 + 4096 // 2 and tally.finish()["open"].calls == 40_000


def test_a_field_over_the_csv_limit_is_a_skipped_note_not_a_crash(tmp_path, acme) -> None:
    """Issue 23, third blind tester: an unclosed quote makes the rest of the file one field."""
    log = tmp_path / "calls.csv"
    log.write_text("call_id,time,node,event,key\nc1,1767000000,main,enter,\n"
                   'c1,1767000001,main,key,"' + "1" * 200_000 + '"\nc2,1767000002,main,enter,\n', encoding="utf-8")
    seen = traffic.read(acme.menu, [log])
    assert seen.all.menus["main"].visits == 1
    [reason] = seen.skipped
    assert reason.startswith("a CSV field longer than 131,072 characters")
    assert seen.skipped.first[reason] == f"{log}:3"


def test_a_field_just_under_the_limit_is_an_ordinary_row(tmp_path, acme) -> None:
    log = tmp_path / "calls.csv"
    log.write_text("call_id,time,node,event,key\nc1,1767000000,main,enter,\n"
                   'c1,1767000001,main,key,"' + "1" * 130_000 + '"\n', encoding="utf-8")
    seen = traffic.read(acme.menu, [log])
    assert not any("CSV field" in reason for reason in seen.skipped)


_LOG = ("call_id,time,node,event,key\r\n"
        "a,2025-01-01T10:00:00Z,main,enter,\r\na,2025-01-01T10:00:03Z,main,key,2\r\na,2025-01-01T10:00:09Z,advisor,agent,\r\n")


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-le-bom", "utf-32"])
def test_a_log_with_a_byte_order_mark_is_read_and_its_header_is_no_record(tmp_path, acme, codec: str) -> None:
    """Excel's "CSV UTF-8" starts with a BOM, PowerShell's `>` writes UTF-16 with one: the mark says how to read it."""
    log = tmp_path / "calls.csv"
    log.write_bytes(b"\xff\xfe" + _LOG.encode("utf-16-le") if codec == "utf-16-le-bom" else _LOG.encode(codec))
    for fmt in (None, "csv"):  # told by its header, and named with --log-format csv
        seen = traffic.read(acme.menu, [log], fmt)
        assert not seen.skipped, seen.skipped.describe()
        assert seen.all.menus["main"].option("2").chosen == 1 and seen.all.reached_person == 1


def test_a_log_in_utf16_without_a_mark_is_one_line_saying_to_save_it_as_utf8(tmp_path, acme) -> None:
    log = tmp_path / "calls.csv"
    log.write_bytes(_LOG.encode("utf-16-be"))
    with pytest.raises(traffic.UnknownLog, match="UTF-16 without a byte-order mark; save the file as UTF-8"):
        traffic.read(acme.menu, [log])


def test_a_log_with_old_mac_line_ends_is_read(tmp_path, acme) -> None:
    """A lone carriage return in the first line used to stop the Asterisk reader's sniffing with a csv error."""
    log = tmp_path / "calls.csv"
    log.write_bytes(_LOG.replace("\r\n", "\r").encode("utf-8"))
    seen = traffic.read(acme.menu, [log])
    assert seen.all.menus["main"].option("2").chosen == 1 and not seen.skipped


def test_a_log_that_is_no_log_in_utf16_is_exit_2_not_a_crash(tmp_path) -> None:
    """A flow export saved by PowerShell given as a log: one line, exit 2 (it was exit 3)."""
    log = tmp_path / "flow.json"
    log.write_bytes('{\r\n  "Version": "2019-10-30",\r\n  "Actions": []\r\n}\r\n'.encode("utf-16"))
    done = subprocess.run([sys.executable, "-m", "ivrcheck", "traffic", str(log), "--line", str(ACME)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and "cannot tell what log this is" in done.stderr
