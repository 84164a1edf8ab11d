"""What a change to a menu does to its callers: option and node changes, metric, score and finding deltas.

Two versions of one phone line are compared as a reviewer would read them: options added,
removed, renumbered (the same label on another key) or relabelled (another label on the
same key); targets changed; nodes added or removed; then the metrics callers feel (depth,
key presses and seconds to a person in every state, weighted time, task success), the
clarity score, and the findings that are new or fixed (matched by code, node and state: a
reworded message is the same finding). A change regresses, in any state, when the score
falls; a person gets further away (more key presses or seconds); fewer callers reach one;
zero-out coverage falls (a `0` removed); a person is now reached only after errors; a callback
or voicemail is removed; the closed state loses its person; task success falls; or a new
error appears. Each regression is named in every output (`--fail-on-regression`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Protocol

from ivrcheck.findings import FileResult, Finding, Severity
from ivrcheck.graph import LineAnalysis
from ivrcheck.model import Menu, Node, Option

#: Metrics compared, in the order reports show them; the first four also per schedule state.
STATE_METRICS = ("steps_to_human", "seconds_to_human", "expected_seconds_to_human", "fallback_seconds_to_human")
METRICS = ("depth", *STATE_METRICS, "worst_seconds_to_human", "expected_seconds", "share_to_human", "menus",
           "options", "max_options", "zero_out_coverage", "task_success_rate", "cost_to_person", "max_call_cost")
#: Metrics where a larger value is worse for callers (for marking regressions in reports).
WORSE_WHEN_HIGHER = frozenset({"depth", *STATE_METRICS, "worst_seconds_to_human", "expected_seconds",
                               "max_options", "cost_to_person", "max_call_cost"})
_TARGET_FIELDS = ("next", "on_timeout", "on_invalid", "after_retries", "closed", "default")


class Version(Protocol):
    """One version of a phone line as the engine checked it (engine.Inspection)."""

    result: FileResult
    menu: Menu | None
    line: LineAnalysis | None


@dataclass(frozen=True)
class Change:
    """One difference a reviewer reads: kind, node, key, and the old and new value."""

    kind: str  # option-added, option-removed, option-renumbered, option-relabelled, target-changed,
    #            node-added, node-removed, node-retyped, prompt-changed, task-fixed, task-broken
    node: str
    key: str | None = None
    old: str | None = None
    new: str | None = None

    def text(self) -> str:
        key = f' "{self.key}"' if self.key is not None else ""
        return {
            "option-added": f'{self.node}: option{key} added ({self.new})',
            "option-removed": f'{self.node}: option{key} removed ({self.old})',
            "option-renumbered": f'{self.node}: "{self.new}" moved from key "{self.old}" to{key}',
            "option-relabelled": f'{self.node}: option{key} relabelled "{self.old}" -> "{self.new}"',
            "target-changed": f'{self.node}:{key} now leads to "{self.new}" (was "{self.old}")',
            "node-added": f'node "{self.node}" added ({self.new})',
            "node-removed": f'node "{self.node}" removed ({self.old})',
            "node-retyped": f'node "{self.node}" is now a {self.new} (was a {self.old})',
            "prompt-changed": f'{self.node}: prompt reworded',
            "option-moved": f'option "{self.new}" moved from {self.old} to {self.node} "{self.key}"',
            "task-fixed": f'task "{self.node}" now predicted to succeed',
            "task-broken": f'task "{self.node}" now predicted to fail',
        }[self.kind]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "node": self.node, "key": self.key, "old": self.old, "new": self.new,
                "text": self.text()}


@dataclass(frozen=True)
class Diff:
    """Everything that changed between two versions of one file."""

    path: str
    changes: list[Change]
    metrics: dict[str, dict[str, Any]]
    score: dict[str, int | None]
    new_findings: list[Finding]
    fixed_findings: list[Finding]
    #: Why the change counts as a regression (empty when it does not).
    regressions: list[str] = field(default_factory=list)

    def changed_metrics(self) -> dict[str, dict[str, Any]]:
        return {name: pair for name, pair in self.metrics.items() if pair["old"] != pair["new"]}

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "metrics": self.metrics, "score": self.score,
                "findings": {"new": [f.to_dict() for f in self.new_findings],
                             "fixed": [f.to_dict() for f in self.fixed_findings]},
                "changes": [c.to_dict() for c in self.changes], "regressions": self.regressions}


def compare(old: Version | None, new: Version, path: str | None = None) -> Diff:
    """The difference from `old` (None: the file is new) to `new`."""
    old_menu = old.menu if old is not None else None
    changes = _node_changes(old_menu, new.menu) + _task_changes(old, new)
    old_metrics = _flat(old.result.metrics if old is not None else None)
    new_metrics = _flat(new.result.metrics)
    names = [n for n in dict.fromkeys([*old_metrics, *new_metrics])]
    metrics = {n: {"old": old_metrics.get(n), "new": new_metrics.get(n)} for n in names}
    score = {"old": old.result.score if old is not None else None, "new": new.result.score}
    before, after = (old.result.findings if old is not None else ()), new.result.findings
    new_findings = _minus(after, before)
    return Diff(path or new.result.path, changes, metrics, score, new_findings, _minus(before, after),
                _regressions(metrics, score) + _caller_regressions(old.result.metrics if old else None,
                                                                   new.result.metrics, new_findings, changes))


def _flat(metrics: dict[str, Any] | None) -> dict[str, Any]:
    """The compared metrics, with each state's as `closed.steps_to_human`."""
    if metrics is None:
        return {}
    flat = {name: metrics.get(name) for name in METRICS if name in metrics}
    for state, values in (metrics.get("by_state") or {}).items():
        if state != "open":
            flat.update({f"{state}.{name}": values.get(name) for name in STATE_METRICS if name in values})
    return flat


def _regressions(metrics: dict[str, dict[str, Any]], score: dict[str, int | None]) -> list[str]:
    found = []
    if score["old"] is not None and (score["new"] is None or score["new"] < score["old"]):
        found.append(f"clarity score falls from {score['old']} to {score['new']}")
    for name in ("cost_to_person", "max_call_cost"):
        old, new = metrics.get(name, {}).get("old"), metrics.get(name, {}).get("new")
        if old is not None and new is not None and new > old:
            found.append(f"a call costs the caller more: {name} {old} -> {new}")
    for name, pair in metrics.items():
        if name.split(".")[-1] not in ("steps_to_human", "seconds_to_human"):
            continue
        old, new = pair["old"], pair["new"]
        if old is not None and (new is None or new > old):
            where = f" ({name.split('.')[0]} hours)" if "." in name else ""
            found.append(f"a person is further away{where}: {name.split('.')[-1]} {old} -> {new}")
    return found


def _caller_regressions(old: dict[str, Any] | None, new: dict[str, Any] | None, new_findings: list[Finding],
                        changes: list[Change]) -> list[str]:
    """What callers lose, read off each state's journey metrics (callers/journey.py)."""
    if old is None or new is None:
        return []
    found: list[str] = []
    before, after = _states(old), _states(new)
    for state in (s for s in after if s in before):
        where = f" ({state} hours)" if len(after) > 1 else ""
        found += [f"{what}{where}" for what in _state_regressions(before[state], after[state], state)]
    found += [f"{c.old} removed: node \"{c.node}\"" for c in changes
              if c.kind == "node-removed" and c.old in ("callback", "voicemail")]
    was, now = old.get("task_success_rate"), new.get("task_success_rate")
    if was is not None and now is not None and now < was:
        found.append(f"task success down: {was:.0%} -> {now:.0%}")
    errors = [f for f in new_findings if f.severity is Severity.ERROR]
    if errors:
        found.append("new error" + ("s" if len(errors) > 1 else "") + ": "
                     + ", ".join(f"{f.code} at {f.node_id or 'the line'}" for f in errors[:5]))
    return found


def _states(metrics: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return metrics.get("by_state") or {"open": metrics}


def _state_regressions(old: dict[str, Any], new: dict[str, Any], state: str) -> list[str]:
    found = []
    was, now = old.get("zero_out_coverage"), new.get("zero_out_coverage")
    if was is not None and now is not None and now < was:
        found.append(f"zero-out coverage down: {was:.0%} -> {now:.0%}")
    known = old.get("people_only_after_errors") or ()
    late = [p for p in new.get("people_only_after_errors") or () if p not in known]
    if late:
        found.append("a person only after errors: " + ", ".join(late))
    if old.get("promise") and not new.get("promise"):
        found.append(f"{old['promise']['who']} removed: no announced callback or voicemail")
    person_then, person_now = old.get("person"), new.get("person")
    if person_then and person_now and person_now["seconds"] > person_then["seconds"]:
        found.append(f"time to a person up: {person_then['seconds']} s -> {person_now['seconds']} s")
    elif person_then and not person_now:
        found.append("the closed state lost its person" if state == "closed" else "no person by any announced key")
    was, now = old.get("share_to_human"), new.get("share_to_human")
    if was is not None and now is not None and now < was - 0.005:
        found.append(f"fewer callers reach a person: {was:.0%} -> {now:.0%}")
    return found


def _key(finding: Finding) -> tuple[str, str | None, str | None]:
    """What identifies a finding across versions: its code, node and state (lines move, words change)."""
    return (finding.code, finding.node_id, finding.state)


def _minus(these: tuple[Finding, ...] | list[Finding], those: tuple[Finding, ...] | list[Finding]) -> list[Finding]:
    """Findings of `these` that `those` does not have (as many times as they occur)."""
    left = Counter(_key(f) for f in those)
    found = []
    for finding in these:
        if left[_key(finding)]:
            left[_key(finding)] -= 1
        else:
            found.append(finding)
    return found


def _node_changes(old: Menu | None, new: Menu | None) -> list[Change]:
    before = dict(old.nodes) if old is not None else {}
    after = dict(new.nodes) if new is not None else {}
    changes = [Change("node-removed", n, old=before[n].type.value) for n in before if n not in after]
    for node_id, node in after.items():
        if node_id not in before:
            changes.append(Change("node-added", node_id, new=node.type.value))
            continue
        was = before[node_id]
        if was.type is not node.type:
            changes.append(Change("node-retyped", node_id, old=was.type.value, new=node.type.value))
        if " ".join((was.prompt or "").split()) != " ".join((node.prompt or "").split()):
            changes.append(Change("prompt-changed", node_id))
        changes += _option_changes(was, node)
        for name in _TARGET_FIELDS:
            a, b = getattr(was, name), getattr(node, name)
            if (a.ref if a else None) != (b.ref if b else None):
                changes.append(Change("target-changed", node_id, name, a.ref if a else None, b.ref if b else None))
    return _moves(changes)


def _moves(changes: list[Change]) -> list[Change]:
    """An option removed from one menu and added to another with the same label and target has moved."""
    removed = {c.old: c for c in changes if c.kind == "option-removed"}
    result = []
    for change in changes:
        match = removed.get(change.new) if change.kind == "option-added" else None
        if match is not None and match.node != change.node:
            result.append(Change("option-moved", change.node, change.key, f'{match.node} "{match.key}"',
                                 (change.new or "").split(" -> ")[0]))
            result.remove(match) if match in result else None
            removed.pop(change.new)
            continue
        result.append(change)
    return [c for c in result if c.kind != "option-removed" or c.old in removed]


def _option_changes(was: Node, node: Node) -> list[Change]:
    """Pair options by key and label, then by label alone (renumbered), then by key alone (relabelled)."""
    old = {o.key: o for o in was.options}
    new = {o.key: o for o in node.options}
    pairs: list[tuple[Option, Option]] = []
    for key in [k for k in old if k in new and _label(old[k]) == _label(new[k])]:
        pairs.append((old.pop(key), new.pop(key)))
    changes = []
    for key, option in list(old.items()):
        match = next((o for o in new.values() if _label(o) == _label(option) and o.label), None)
        if match is not None:
            changes.append(Change("option-renumbered", node.id, match.key, key, match.label))
            pairs.append((old.pop(key), new.pop(match.key)))
    for key in [k for k in old if k in new]:
        changes.append(Change("option-relabelled", node.id, key, old[key].label, new[key].label))
        pairs.append((old.pop(key), new.pop(key)))
    for a, b in pairs:
        if _ref(a) != _ref(b):
            changes.append(Change("target-changed", node.id, b.key, _ref(a), _ref(b)))
    changes += [Change("option-removed", node.id, k, old=f"{o.label or k} -> {_ref(o)}") for k, o in old.items()]
    changes += [Change("option-added", node.id, k, new=f"{o.label or k} -> {_ref(o)}") for k, o in new.items()]
    return changes


def _label(option: Option) -> str:
    return " ".join((option.label or "").lower().split())


def _ref(option: Option) -> str | None:
    return option.target.ref if option.target is not None else None


def _task_changes(old: Version | None, new: Version) -> list[Change]:
    """Tasks whose predicted success flips (matched by their `say:` words)."""
    before = {t["say"]: t["success"] for t in ((old.result.metrics or {}).get("tasks", []) if old else [])}
    changes = []
    for task in (new.result.metrics or {}).get("tasks", []):
        was = before.get(task["say"])
        if was is not None and was != task["success"]:
            changes.append(Change("task-fixed" if task["success"] else "task-broken", task["say"]))
    return changes
