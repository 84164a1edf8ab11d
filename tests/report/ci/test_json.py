"""The JSON output has the SPEC §5 shape (plus the documented state extensions)."""

import json

from ivrcheck.report.ci import json as json_format
from tests.conftest import check

SPEC_METRICS = {"depth", "steps_to_human", "seconds_to_human", "fallback_to_human", "menus", "options",
                "max_options", "zero_out_coverage", "unreachable", "dead_ends"}
EXTRA_METRICS = {"fallback_seconds_to_human", "by_state",  # documented in docs/json.md
                 "expected_seconds", "expected_seconds_to_human", "share_to_human", "worst_seconds_to_human",
                 "weighted", "task_success_rate", "tasks",
                 # the caller's journey (callers/journey.py), the very values the score reads
                 "person", "promise", "person_hidden", "person_unknown", "people_only_after_errors", "silent_traps",
                 "unknown_prompt_share", "silence_unhandled", "wrong_key_unhandled", "dropped_after_retries"}

MENU = """
entry: main
hours:
  office: {mon-fri: "08:00-18:00"}
nodes:
  main:
    prompt: For hours, press 1. For an advisor, press 0.
    options:
      "1": {label: Hours, goto: info}
      "0": {label: Advisor, goto: advisor}
  info: {type: message, prompt: We are open eight to six.}
  advisor: {type: agent, hours: office, closed: voicemail}
  voicemail: {type: voicemail}
"""


def test_json_has_exactly_the_spec_shape() -> None:
    data = json.loads(json_format.format([check(MENU)]))
    assert set(data) == {"files"}
    (entry,) = data["files"]
    assert set(entry) == {"path", "score", "breakdown", "metrics", "findings"}
    assert isinstance(entry["score"], int)
    assert set(entry["breakdown"]) == {"navigation", "human_access", "wording", "robustness"}
    assert SPEC_METRICS <= set(entry["metrics"]) <= SPEC_METRICS | EXTRA_METRICS
    assert isinstance(entry["metrics"]["depth"], int)
    assert isinstance(entry["metrics"]["fallback_to_human"], bool)
    assert isinstance(entry["metrics"]["unreachable"], list)
    assert set(entry["metrics"]["by_state"]) == {"open", "closed"}
    assert entry["findings"], "the menu has a dead end"
    for finding in entry["findings"]:
        assert set(finding) == {"code", "name", "severity", "message", "line", "column", "node", "state"}
        assert finding["severity"] in ("error", "warning", "info")
        assert isinstance(finding["line"], int) and isinstance(finding["column"], int)
    dead_end = next(f for f in entry["findings"] if f["code"] == "S103")
    assert (dead_end["line"], dead_end["column"], dead_end["node"]) == (10, 3, "info")


def test_unloadable_file_has_null_score_and_metrics() -> None:
    data = json.loads(json_format.format([check("entry: main\n")]))
    (entry,) = data["files"]
    assert entry["score"] is None and entry["metrics"] is None and entry["breakdown"] is None
    assert entry["findings"][0]["code"] == "F005"
