"""Issue 22's bar on the calibration lines (benchmarks/calibration/): lines documented for keeping
callers from a person score below the median of the lines with a person one announced key away."""

from __future__ import annotations

import statistics
from pathlib import Path

from benchmarks.calibration import header
from ivrcheck.config import Config
from ivrcheck.engine import check_file

CALIBRATION = Path(__file__).resolve().parents[2] / "benchmarks" / "calibration"


def test_lines_that_keep_callers_from_a_person_score_below_the_median_of_one_key_lines() -> None:
    worst, near = [], []
    for path in sorted(CALIBRATION.glob("*.ivr.yaml")):
        result = check_file(path, Config(), path.name)
        assert result.score is not None and result.metrics is not None
        person = result.metrics["person"]
        if header(path)["class"] == "worst":
            worst.append((result.score, path.name))
            assert person is None, path.name  # the journey agrees: no announced way to a person
        elif person is not None and person["steps"] <= 1 and not person["unknown"]:
            near.append(result.score)
    assert worst and len(near) >= 3
    bar = statistics.median(near)
    assert all(score < bar for score, _ in worst), (bar, worst)
