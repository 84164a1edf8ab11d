"""What a call costs the caller: the seconds spent in the line and in a declared queue, at the line's tariff.

Only a line that declares `line.tariff` has a cost. Each way is priced as

    (seconds in the line + the declared queue seconds) x per_minute / 60

where the queue seconds are the `expected_wait` of the person the way ends at, counted only
when `charged_while_queueing`. Two kinds of way: each task of `tasks:` (the seconds the tree
test predicts a first-time caller takes), and the fastest way to each person. The seconds in
the line come from the caller metrics (callers.metrics) and the graph's fastest ways, so this
module is the one place to re-point when the caller model changes.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, Mapping

from ivrcheck.graph import OPEN, LineAnalysis
from ivrcheck.graph.analysis import is_live_human
from ivrcheck.model import Node, Tariff
from ivrcheck.records import record


@record(slots=True)
class Cost:
    """One way through the line, priced."""

    #: "task" or "person".
    kind: str
    #: The task's words, or the person's node id.
    what: str
    line_seconds: float
    queue_seconds: float
    #: The seconds the caller pays for: the line's, and the queue's when queueing is charged.
    charged_seconds: float
    amount: float


def _price(tariff: Tariff, kind: str, what: str, line_seconds: float, person: Node | None) -> Cost:
    queue = float(person.expected_wait or 0.0) if person is not None else 0.0
    charged = line_seconds + (queue if tariff.charged_while_queueing else 0.0)
    return Cost(kind, what, round(line_seconds, 1), round(queue, 1), round(charged, 1),
                round(charged * tariff.per_minute / 60, 2))


def _person(node: Node | None) -> Node | None:
    return node if node is not None and is_live_human(node, OPEN) else None


def costs(line: LineAnalysis, metrics: Mapping[str, Any]) -> list[Cost]:
    """Every task, then the fastest way to each person, priced; empty without a tariff."""
    menu = line.menu
    tariff = menu.line.tariff if menu.line is not None else None
    if tariff is None:
        return []
    found: list[Cost] = []
    expects = {task.say: task.expects for task in menu.tasks}
    for task in metrics.get("tasks", []):
        if task.get("seconds") is None:
            continue
        people = [p for t in expects.get(task["say"], ()) if (p := _person(menu.nodes.get(t.ref))) is not None]
        person = max(people, key=lambda p: p.expected_wait or 0.0, default=None)
        found.append(_price(tariff, "task", task["say"], float(task["seconds"]), person))
    reached = line.costs_from_entry(OPEN)
    for node in menu.nodes.values():
        if _person(node) is not None and node.id in reached:
            found.append(_price(tariff, "person", node.id, reached[node.id][1], node))
    return found


def metrics(line: LineAnalysis, caller_metrics: Mapping[str, Any]) -> dict[str, Any]:
    """The `call_cost` metrics (and two figures `diff` compares); empty without a tariff."""
    found = costs(line, caller_metrics)
    info = line.menu.line
    if not found or info is None or info.tariff is None:
        return {}
    tariff = info.tariff
    people = [c for c in found if c.kind == "person"]
    return {
        "call_cost": {
            "currency": tariff.currency, "per_minute": tariff.per_minute, "basic_rate": tariff.basic_rate,
            "charged_while_queueing": tariff.charged_while_queueing,
            "answer_target_seconds": info.answer_target_seconds,
            "ways": [asdict(c) for c in found],
        },
        "cost_to_person": min((c.amount for c in people), default=None),
        "max_call_cost": max(c.amount for c in found),
    }


def summary(metrics: Mapping[str, Any]) -> str | None:
    """One line for `score`: the cheapest way to a person and the dearest way, queueing called out."""
    cost = metrics.get("call_cost")
    if not cost:
        return None
    unit = cost["currency"]
    queue = "queueing charged" if cost["charged_while_queueing"] else "queueing free"
    person = metrics.get("cost_to_person")
    reach = f"to a person {person:.2f} {unit}" if person is not None else "no person reached"
    late = [w for w in cost["ways"] if w["kind"] == "person" and cost["answer_target_seconds"] is not None
            and w["queue_seconds"] > cost["answer_target_seconds"]]
    target = (f"; {len(late)} queue{'s' if len(late) != 1 else ''} declared slower than the "
              f"{cost['answer_target_seconds']:g} s answer target") if late else ""
    return (f"cost: {cost['per_minute']:g} {unit} a minute, {queue}; {reach}, at most {metrics['max_call_cost']:.2f} "
            f"{unit} a call{target}")
