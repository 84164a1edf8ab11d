"""What the hand-over report tells an auditor, as plain values: the cover, findings by clause, what a
call costs, the accepted exceptions and the rule pages it cites (laid out by html_audit and markdown)."""

from __future__ import annotations

import datetime
import os
from typing import Any, Iterable, Mapping

from ivrcheck import __version__
from ivrcheck.config import profile_info
from ivrcheck.findings import Finding, Waiver
from ivrcheck.numbers import NotANumber, read_number
from ivrcheck.report.handover import LineReport
from ivrcheck.report.rule_pages import explain

#: Where findings of no profile are grouped when a report groups by clause.
NO_CLAUSE = "Design rules of ivrcheck (no clause of a profile)"


#: The last second of the year 9999: Python's dates end there.
_LAST_EPOCH = 253_402_300_799


def today() -> str:
    """Today, or the day SOURCE_DATE_EPOCH names (reproducible builds); ValueError, with a message for
    the user, when it is set to something else than seconds since 1970 (the specification asks a build
    to stop then rather than guess)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not epoch:
        return datetime.date.today().isoformat()
    try:
        seconds = read_number(epoch, whole=True, low=0, high=_LAST_EPOCH)
    except NotANumber as exc:
        raise ValueError(f"SOURCE_DATE_EPOCH: {exc}; set it to seconds since 1970 (up to the year 9999), "
                         "or unset it for today's date") from None
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).date().isoformat()


def cover(report: LineReport, when: str) -> list[tuple[str, str]]:
    """(label, value) rows: the line, its number and country, the date, ivrcheck's and each profile's version."""
    rows = [("Phone line", report.title), ("File", report.path)]
    info = report.menu.line if report.menu is not None else None
    if info is not None:
        rows += [(label, value) for label, value in (("Number", info.number), ("Country", info.country)) if value]
    rows += [("Checked on", when), ("ivrcheck", __version__)]
    for name in report.result.profiles:
        title, version = profile_info(name)
        rows.append(("Profile", f"{title} ({name}{', version ' + version if version else ''})"))
    if not report.result.profiles:
        rows.append(("Profile", "none: ivrcheck's own design rules"))
    return rows


def by_clause(findings: Iterable[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by the clause they enforce, the profiles' clauses first in order of appearance."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.clause or NO_CLAUSE, []).append(finding)
    return sorted(groups.items(), key=lambda item: item[0] == NO_CLAUSE)


def cost(metrics: Mapping[str, Any]) -> tuple[str, list[tuple[str, str, str, str, str]]] | None:
    """A sentence on the tariff, and a row per priced way: (way, seconds in the line, queue, charged, amount)."""
    found = metrics.get("call_cost")
    if not isinstance(found, Mapping):
        return None
    unit = found["currency"]
    queue = ("the minutes in the queue are charged" if found["charged_while_queueing"]
             else "the minutes in the queue are free")
    target = found.get("answer_target_seconds")
    head = (f"{found['per_minute']:g} {unit} a minute against {found['basic_rate']:g} for an ordinary call; {queue}"
            + (f"; answer target {target:g} s" if target is not None else "") + ".")
    rows = [(f"task: {w['what']}" if w["kind"] == "task" else f"the fastest way to {w['what']}",
             f"{w['line_seconds']:.1f} s", f"{w['queue_seconds']:.0f} s" + (" (charged)" if found["charged_while_queueing"]
                                                                              and w["queue_seconds"] else ""),
             f"{w['charged_seconds']:.1f} s", f"{w['amount']:.2f} {unit}") for w in found["ways"]]
    return head, rows


def waiver_rows(waivers: Iterable[Waiver]) -> list[tuple[str, str, str, str, str, str]]:
    """(rules, reason, by, until, where, state) for every accepted exception."""
    return [(", ".join("every rule" if c == "*" else c for c in w.codes), w.reason or "(no reason given)",
             w.by or "—", w.until or "no end", w.source,
             "expired: reported again" if w.expired else f"silences {w.silenced}") for w in waivers]


def cited_pages(findings: Iterable[Finding]) -> list[tuple[str, str]]:
    """(code, page) for every rule or F code the findings cite, in code order: the report carries them."""
    pages = []
    for code in sorted({f.code for f in findings}):
        page = explain(code)
        if page is not None:
            pages.append((code, page))
    return pages
