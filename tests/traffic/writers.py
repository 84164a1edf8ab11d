"""Writers that put generated calls into each platform's log shape (docs/traffic.md cites each shape)."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timezone

from tests.traffic.simulate import Step


def iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def plain_csv(calls: list[tuple[str, list[Step]]], header: bool = True) -> str:
    """The documented plain CSV, every call's rows interleaved in time order as a live log would be."""
    rows = sorted(((s.time, call, s) for call, steps in calls for s in steps), key=lambda r: (r[0], r[1]))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(["call_id", "time", "node", "event", "key"])
    for time, call, step in rows:
        writer.writerow([call, iso(time), step.node, step.kind, step.key])
    return out.getvalue()
