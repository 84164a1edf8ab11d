"""`ivrcheck rule`: a page for every rule and every F code, and the list of them all."""

from __future__ import annotations

import re
from importlib import resources

from ivrcheck.didyoumean import suggest
from ivrcheck.load.codes import LOAD_CODES
from ivrcheck.rules import ALL_RULES, lookup
from ivrcheck.rules.base import summary
from ivrcheck.traffic import rules as traffic_rules


def listing() -> str:
    """One line a rule, then one line a load problem."""
    lines = [f"{r.CODE}  {r.NAME:<28} {r.SEVERITY.value:<8} {summary(r)}" for r in (*ALL_RULES, *traffic_rules.RULES)]
    lines += [f"{c.code}  {c.name:<28} {c.severity.value:<8} {c.summary}" for c in LOAD_CODES.values()]
    return "\n".join(lines)


def explain(code: str) -> str | None:
    """The page of a rule or F code, by code or name; None when nothing is called that."""
    rule = lookup(code) or traffic_rules.lookup(code)
    if rule is not None:
        return f"# {rule.CODE} {rule.NAME} ({rule.SEVERITY.value})\n\n{(rule.__doc__ or '').strip()}"
    found = next((c for c in LOAD_CODES.values() if code.upper() == c.code or code.lower() == c.name), None)
    if found is None:
        return None
    return f"# {found.code} {found.name} ({found.severity.value})\n\n{_load_section(found.code)}"


def did_you_mean(code: str) -> str:
    every = (*ALL_RULES, *traffic_rules.RULES)
    names = [r.CODE for r in every] + [r.NAME for r in every]
    names += [*LOAD_CODES, *(c.name for c in LOAD_CODES.values())]
    return suggest(code, names)


def _load_section(code: str) -> str:
    """The `## F0xx` section of the load-errors page that ships with the package."""
    page = resources.files("ivrcheck.load").joinpath("errors.md").read_text(encoding="utf-8")
    match = re.search(rf"^## {code}\s*\n(.*?)(?=^## |\Z)", page, re.MULTILINE | re.DOTALL)
    return match.group(1).strip() if match else LOAD_CODES[code].summary
