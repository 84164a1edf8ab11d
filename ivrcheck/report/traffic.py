"""`ivrcheck traffic` output: per menu and option, per state, what callers did; drift; findings."""

from __future__ import annotations

import json
from typing import Any, Sequence

from ivrcheck.findings import Finding
from ivrcheck.traffic.observed import ALL, StateTraffic, Traffic, to_dict


def as_json(traffic: Traffic, findings: Sequence[Finding] = (), compare: dict[str, Any] | None = None) -> str:
    data = to_dict(traffic)
    data["findings"] = [f.to_dict() for f in findings]
    if compare is not None:
        data["predicted_vs_observed"] = compare
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def text(traffic: Traffic, findings: Sequence[Finding] = (), compare: dict[str, Any] | None = None) -> str:
    lines = [f"{traffic.path}: {traffic.all.calls} calls, {traffic.records} records from {len(traffic.logs)} "
             f"log{'' if len(traffic.logs) == 1 else 's'}"]
    lines += [f"  {note}" for note in traffic.skipped.describe()]
    states = [s for name, s in traffic.states.items() if name != ALL]
    for state in (states if len(states) > 1 else [traffic.all]):
        lines += _state(state, traffic, len(states) > 1)
    if traffic.unknown:
        names = ", ".join(f'"{n}" ({c})' for n, c in traffic.unknown.most_common(8))
        lines.append(f"  in the logs but not in the design: {names}")
    if compare:
        lines += _compare(compare)
    lines += [f"{f.path}:{f.span.line}:{f.span.column}: {f.code} {f.message}" for f in findings]
    return "\n".join(lines) + "\n"


def _state(state: StateTraffic, traffic: Traffic, named: bool) -> list[str]:
    head = f"[{state.state} hours] " if named else ""
    median = state.person_seconds()
    lines = [f"  {head}{state.calls} calls; {state.reached_person} reached a person"
             + (f" (median {median:.0f} s, 90% within {state.person_seconds(0.9):.0f} s)" if median is not None else "")]
    for menu in state.menus.values():
        if not menu.visits:
            continue
        lines.append(f"  {menu.menu}: {menu.visits} callers; timeout {menu.rate(menu.timeouts):.0%}, invalid "
                     f"{menu.rate(menu.invalids):.0%}, pressed 0 {menu.rate(menu.zero_outs):.0%}, hung up "
                     f"{menu.rate(menu.hangups):.0%}")
        for option in menu.options:
            if option.designed and option.target in (None, "repeat", "back") and not option.chosen:
                continue
            what = option.label or option.target or "not in the design"
            flag = "" if option.designed else "  <- not in the design"
            flag = flag or ("  <- nobody chose it" if not option.chosen else "")
            lines.append(f"    {option.key:>2} {what:<28} {option.share:6.1%}  ({option.chosen}){flag}")
    for (source, to), calls in state.undesigned.most_common(8):
        lines.append(f"  not in the design: {source} -> {to} ({calls} calls)")
    return lines


def _compare(compare: dict[str, Any]) -> list[str]:
    lines = ["  predicted against observed:"]
    for menu in compare["weights"]:
        pairs = ", ".join(f"{r['key']} {r['predicted']:.0%} -> {r['observed']:.0%}" for r in menu["options"])
        lines.append(f"    weights of {menu['menu']}: {pairs} (mean error {menu['mean_absolute_error']:.1%})")
    for task in compare["tasks"]:
        if task["observed_path_share"] is not None:
            lines.append(f"    task \"{task['task']}\": {task['observed_path_share']:.0%} of callers take the "
                         f"predicted path ({' '.join(s['key'] for s in task['steps'])})")
    for state, row in compare["seconds_to_person"].items():
        if row["observed_median"] is not None and row["predicted_fastest"] is not None:
            lines.append(f"    {state}: to a person predicted {row['predicted_fastest']:.0f} s at best, observed "
                         f"median {row['observed_median']:.0f} s ({row['error']:+.0f} s)")
    return lines


FORMATS = {"text": text, "json": as_json}
