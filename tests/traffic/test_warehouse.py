"""The warehouse path: warehouse.sql in DuckDB over the per-call log gives the counts the streaming reader makes."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from ivrcheck import traffic
from tests.traffic.conftest import ACME_SHARES
from tests.traffic.simulate import calls
from tests.traffic.writers import plain_csv

duckdb = pytest.importorskip("duckdb", reason="the warehouse test needs duckdb (pip install -e '.[warehouse]')")


def test_the_sql_counts_equal_the_streaming_counts(tmp_path, acme) -> None:
    log = tmp_path / "calls.csv"
    generated, _ = calls(acme.menu, ACME_SHARES, 2000)
    text = plain_csv(generated)
    # The warehouse view takes epoch seconds: rewrite the ISO times the writer used.
    rows = list(csv.reader(text.splitlines()))
    with log.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(rows[0])
        for row in rows[1:]:
            writer.writerow([row[0], traffic.events.seconds(row[1]), *row[2:]])
    query = resources.files("ivrcheck.traffic").joinpath("warehouse.sql").read_text(encoding="utf-8")
    counts = tmp_path / "counts.csv"
    with duckdb.connect() as db:
        db.execute(f"CREATE VIEW traffic_events AS SELECT * FROM read_csv('{log}', header = true, all_varchar = true)")
        db.execute(f"COPY ({query}) TO '{counts}' (HEADER)")
    streamed = traffic.read(acme.menu, [log]).all
    counted = traffic.read(acme.menu, [counts]).all  # detected as the aggregate by its header
    assert counted.calls == streamed.calls == 2000
    for menu_id, seen in streamed.menus.items():
        other = counted.menus[menu_id]
        assert (other.visits, other.timeouts, other.hangups, other.lost) == \
            (seen.visits, seen.timeouts, seen.hangups, seen.lost), menu_id
        assert [(o.key, o.chosen) for o in other.options] == [(o.key, o.chosen) for o in seen.options], menu_id
    assert counted.to_person == streamed.to_person
