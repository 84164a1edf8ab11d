"""Property tests over generated phone lines and mutated example files (the fuzz harness).

`python -m pytest` runs a few hundred cases; `python -m pytest -m fuzz` runs the same
properties over 10,000 (docs/fuzzing.md). Properties:

- no exception escapes the checker, whatever the input;
- every finding's position lies inside its file, counting lines and characters as editors do;
- the score is 0-100 and its parts add up to it;
- every output format parses (JSON, SARIF, JUnit XML, GitLab JSON, GitHub commands, text);
- for valid generated lines, the metrics agree with a brute-force reference computed here.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from collections import deque
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ivrcheck.engine import check_text
from ivrcheck.findings import FileResult
from ivrcheck.report import FORMATS

pytestmark = pytest.mark.fuzz
#: `-m fuzz` (tests/conftest.py sets IVRCHECK_FUZZ) runs 10,000 cases in all; a plain run 360.
SCALE = 30 if os.environ.get("IVRCHECK_FUZZ") == "1" else 1

MENUS = Path(__file__).resolve().parent.parent / "menus"
EXAMPLES = [p.read_text(encoding="utf-8") for p in sorted(MENUS.glob("*.ivr.yaml"))]
KEYS = ["1", "2", "3", "4", "5", "0", "*", "#"]
def fuzz(examples: int) -> settings:
    """Hypothesis settings for a property: no deadline (the first case pays for imports)."""
    return settings(max_examples=examples, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def phone_lines(draw: st.DrawFn) -> tuple[str, dict]:
    """A valid line: menus, messages, inputs, branches on hours, agents, callbacks, hang-ups, cycles."""
    count = draw(st.integers(2, 14))
    ids = [f"n{i}" for i in range(count)]
    kinds = ["menu"] + [draw(st.sampled_from(["menu", "menu", "message", "agent", "callback", "hangup",
                                              "input", "branch", "voicemail", "self_service"]))
                        for _ in ids[1:]]
    hours = draw(st.booleans())
    lines = ["name: Generated", "language: " + draw(st.sampled_from(["en", "fi"])), "entry: n0"]
    if draw(st.booleans()):
        lines.append("defaults: {timeout: %d, retries: %d, on_timeout: repeat, on_invalid: repeat}"
                     % (draw(st.integers(0, 30)), draw(st.integers(0, 6))))
    if hours:
        lines.append('hours:\n  office: {mon-fri: "08:00-17:00", sat: "22:00-06:00"}')
    lines.append("nodes:")
    spec: dict[str, dict] = {}
    for node_id, kind in zip(ids, kinds):
        target = st.sampled_from(ids)
        if kind == "menu":
            keys = draw(st.lists(st.sampled_from(KEYS), min_size=0, max_size=5, unique=True))
            options = {k: draw(target) for k in keys}
            spec[node_id] = {"kind": kind, "options": options}
            prompt = " ".join(f"For topic {k}, press {k}." for k in keys) or "Hello."
            lines += [f"  {node_id}:", f"    prompt: {json.dumps(prompt)}", "    options:" if keys else "    options: {}"]
            lines += [f'      "{k}": {{label: {json.dumps(f"Topic {node_id} {k}")}, goto: {t}}}' for k, t in options.items()]
            if draw(st.booleans()):
                lines.append(f"    after_retries: {draw(target)}")
        elif kind in ("message", "input", "self_service"):
            nxt = draw(st.one_of(st.none(), target)) if kind != "input" else draw(target)
            spec[node_id] = {"kind": kind, "next": nxt}
            extra = f", next: {nxt}" if nxt else ""
            lines.append(f"  {node_id}: {{type: {kind}, prompt: Information {node_id}.{extra}}}")
        elif kind == "branch":
            open_, closed = draw(target), draw(target)
            spec[node_id] = {"kind": kind, "cases": (open_, closed)}
            schedule = "hours: office, " if hours else ""
            on = "hours" if hours else "data"
            lines.append(f"  {node_id}: {{type: branch, on: {on}, {schedule}cases: {{open: {open_}, closed: {closed}}}}}")
        elif kind == "agent":
            spec[node_id] = {"kind": kind}
            extra = ", hours: office, closed: " + draw(target) if hours and draw(st.booleans()) else ""
            lines.append(f"  {node_id}: {{type: agent, queue: q{extra}}}")
        else:
            spec[node_id] = {"kind": kind}
            lines.append(f"  {node_id}: {{type: {kind}}}")
    return "\n".join(lines) + "\n", spec


def mutated(text: str, edits: list[tuple[int, int, str]]) -> str:
    """The text with each (position, deleted length, inserted text) edit applied in turn."""
    for position, length, insert in edits:
        at = position % (len(text) + 1)
        text = text[:at] + insert + text[at + length:]
    return text


EDIT = st.tuples(st.integers(0, 10_000), st.integers(0, 8),
                 st.one_of(st.text(max_size=6), st.sampled_from(["\n", "  ", "{", "}", "[", "]", ":", '"', "'", "#",
                                                                 "*", "&a", "*a", "\t", "- ", "\u2028", "\x85", "\r"])))


def assert_sane(text: str, result: FileResult) -> None:
    """Positions inside the file as editors count them, score 0-100, every format parses."""
    lines = re.split(r"\r\n|\r|\n", text)  # as editors count lines: not NEL or U+2028
    for finding in result.findings:
        assert 1 <= finding.span.line <= len(lines), (finding, len(lines))
        assert 1 <= finding.span.column <= len(lines[finding.span.line - 1]) + 1, finding
    if result.score is not None:
        assert 0 <= result.score <= 100
        assert sum(result.breakdown.values()) == result.score
    for name, formatter in FORMATS.items():
        out = formatter([result], False)
        if name in ("json", "sarif", "gitlab"):
            json.loads(out, parse_constant=lambda c: pytest.fail(f"{c} in {name}"))
        elif name == "junit":
            ET.fromstring(out.encode("utf-8"))
        elif name == "github":
            assert all(line.startswith("::") for line in out.splitlines()[:-1]), out
        else:
            assert len(out.splitlines()) == len(result.findings) + 1


def reference_depth(spec: dict[str, dict], state: str) -> int:
    """Brute force: BFS over key presses from n0 through routing, the deepest reachable menu, plus one."""
    best = {"n0": 0}
    queue = deque(["n0"])
    while queue:  # 0-1 BFS: routing edges cost nothing, options one press
        node = queue.popleft()
        item = spec[node]
        steps: list[tuple[str, int]] = [(t, 1) for t in item.get("options", {}).values()]
        if item["kind"] in ("message", "input", "self_service") and item.get("next"):
            steps.append((item["next"], 0))
        if item["kind"] == "branch":
            steps += [(t, 0) for t in item["cases"]]
        for target, cost in steps:
            if target not in best or best[node] + cost < best[target]:
                best[target] = best[node] + cost
                queue.appendleft(target) if cost == 0 else queue.append(target)
    menus = [best[n] for n, item in spec.items() if item["kind"] == "menu" and n in best]
    return max(menus) + 1 if menus else 0


@fuzz(150 * SCALE)
@given(phone_lines())
def test_generated_lines_never_crash_and_their_metrics_match_a_brute_force_count(case: tuple[str, dict]) -> None:
    text, spec = case
    result = check_text(text)
    assert_sane(text, result)
    assert result.score is not None, [f.text for f in result.findings]
    hours = any(item["kind"] == "branch" for item in spec.values()) and "hours:" in text
    if not hours:  # with schedules the open state follows the `open` case only
        assert result.metrics["depth"] == reference_depth(spec, "open")


@fuzz(150 * SCALE)
@given(st.sampled_from(range(len(EXAMPLES))), st.lists(EDIT, min_size=1, max_size=4))
def test_mutated_examples_never_crash_and_stay_positioned(example: int, edits: list) -> None:
    text = mutated(EXAMPLES[example], edits)
    assert_sane(text, check_text(text))


@fuzz(60 * SCALE + (100 if SCALE > 1 else 0))
@given(st.text(max_size=300))
def test_any_text_at_all_is_findings_not_an_exception(text: str) -> None:
    assert_sane(text, check_text(text))
