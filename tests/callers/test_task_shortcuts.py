"""Per-task shortcuts against the whole-line computations they replace, on tangled random lines.

A line with many tasks reads each task's worst time (`timing.Worst`), fastest way
(`LineAnalysis.costs_from_entry`) and forward ways (`Analysis.leading_to`) off indexes made
once per state; on any line, with any goals, they must give what a whole walk or search gives.
"""

import random

import pytest

from ivrcheck.callers import timing
from ivrcheck.callers.tasks import _best_seconds
from ivrcheck.engine import inspect_text
from ivrcheck.graph.build import CHOICE, ROUTING
from ivrcheck.graph.walks import upstream

def upstream_by_scan(out, goals: set[str], follows) -> set[str]:
    """The reference: predecessor lists of the edges `follows` accepts, made afresh from the successor lists."""
    into: dict[str, list[str]] = {}
    for source, edges in out.items():
        for target, attrs in edges:
            if follows(source, target, attrs):
                into.setdefault(target, []).append(source)
    return upstream(into, goals)


KINDS = ["menu", "menu", "menu", "message", "agent", "self_service", "branch", "input", "hangup"]


def tangled(rng: random.Random) -> str:
    """A line whose options, messages and branches lead anywhere, loops and back edges included."""
    ids = [f"n{i}" for i in range(rng.randint(3, 25))]
    kinds = {i: rng.choice(KINDS) for i in ids}
    kinds["n0"] = rng.choice(["menu", "message"])
    hours = rng.random() < 0.4
    out = ["entry: n0"] + (['hours:\n  office: {mon-fri: "08:00-18:00"}'] if hours else []) + ["nodes:"]
    for i in ids:
        kind, anywhere = kinds[i], rng.choice(ids)
        if kind == "menu":
            keys = rng.sample("1234567890*#", rng.randint(1, 5))
            prompt = " ".join(f"For thing {i} {key}, press {key}." for key in keys if key.isdigit())
            out += [f"  {i}:", f"    prompt: {prompt or 'Choose.'}", "    options:"]
            for key in keys:
                weight = f", weight: {rng.choice([0.1, 0.3, 0.5, 0])}" if rng.random() < 0.2 else ""
                out.append(f'      "{key}": {{label: "Label {i} {key}", goto: {rng.choice(ids + ["repeat"])}{weight}}}')
        elif kind == "message":
            out.append(f"  {i}: {{type: message, prompt: Words about {i}., next: {anywhere}}}")
        elif kind == "input":
            out.append(f"  {i}: {{type: input, prompt: Enter digits., digits: 4, next: {anywhere}}}")
        elif kind == "branch":
            out.append(f"  {i}: {{type: branch, on: data, cases: {{vip: {anywhere}}}, default: {rng.choice(ids)}}}")
        elif kind == "agent":
            closed = f", hours: office, closed: {anywhere}" if hours and rng.random() < 0.5 else ""
            out.append(f"  {i}: {{type: agent{closed}}}")
        elif kind == "self_service":
            out.append(f"  {i}: {{type: self_service{f', next: {anywhere}' if rng.random() < 0.5 else ''}}}")
        else:
            out.append(f"  {i}: {{type: hangup}}")
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("first", range(0, 300, 100))
def test_shortcuts_give_what_whole_walks_give(first: int) -> None:
    forward = CHOICE | ROUTING
    for seed in range(first, first + 100):
        rng = random.Random(seed)
        line = inspect_text(tangled(rng)).line
        assert line is not None
        for state, analysis in line.states.items():
            worst = timing.Worst(line, analysis, {})
            for size in (1, 2, 3, 1, 2, 3, 1, 2):
                goals = frozenset(rng.sample(sorted(analysis.nodes), min(size, len(analysis.nodes))))
                assert worst(goals) == timing.journey(line, analysis, goals).worst, (seed, state, goals)
                assert _best_seconds(line, state, tuple(goals)) == line.fastest_to(state, goals)[1]
                assert analysis.leading_to(goals) == upstream_by_scan(
                    analysis.out, set(goals), lambda s, t, a: a["kind"] in forward
                    and analysis.steps.get(t, -1) >= analysis.steps.get(s, 1 << 30))
            # The state's shared predecessor lists give what lists made afresh from its successors give.
            for goal in sorted(analysis.nodes):
                assert analysis.reaching(goal) == upstream_by_scan(analysis.out, {goal}, lambda s, t, a: True)
