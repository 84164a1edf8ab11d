"""A counts file (readers/aggregate.py) reads its numbers with the one number reader: a cell that is
no whole number is a skipped row with its place, never a crash further on."""

from __future__ import annotations

import io

from ivrcheck.traffic.events import Skipped
from ivrcheck.traffic.readers import aggregate

HEADER = "state,node,event,key,calls\n"


def rows(text: str) -> tuple[list[tuple], Skipped]:
    skipped = Skipped()
    return list(aggregate.read(io.StringIO(HEADER + text), "counts.csv", skipped)), skipped


def test_good_rows_are_read_and_bad_numbers_skipped_with_their_line() -> None:
    read, skipped = rows("open,,calls,,120\nopen,main,key,1,²\nopen,,to_person,abc,3\n"
                         "open,,to_person,nan,3\nopen,main,key,1,1e999\nopen,,to_person,42,7\n")
    assert read == [("open", "", "calls", "", 120), ("open", "", "to_person", "42", 7)]
    assert sum(skipped.values()) == 4 and skipped.first["not a state,node,event,key,calls row"] == "counts.csv:3"


def test_near_miss_a_key_column_of_letters_is_fine_where_it_is_a_key() -> None:
    read, skipped = rows("open,main,key,#,5\n")
    assert read == [("open", "main", "key", "#", 5)] and not skipped


def test_a_log_time_float_reads_but_no_clock_writes_is_an_unreadable_time() -> None:
    from ivrcheck.traffic.events import seconds
    from ivrcheck.traffic.readers import plain

    assert [seconds(t) for t in ("nan", "inf", "1e999", "1733578000", "1733578000000")] == [
        None, None, None, 1733578000.0, 1733578000.0]
    skipped = Skipped()
    log = "call_id,time,node,event,key\nc1,nan,main,key,1\nc1,1733578000,main,key,1\n"
    events = list(plain.read(io.StringIO(log), "calls.csv", skipped))
    assert len(events) == 1 and skipped["unreadable time"] == 1
