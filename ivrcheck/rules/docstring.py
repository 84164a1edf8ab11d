"""A rule's docstring read as its page: the sections, Markdown for docs/rules/, and the examples a test runs."""

from __future__ import annotations

import re

from ivrcheck.rules.base import Rule, summary

SECTIONS = ("What it checks", "Why it matters", "Example", "Use instead", "Settings")
_YAML_BLOCK = re.compile(r"```yaml\n(.*?)```", re.DOTALL)


def sections(rule: Rule) -> dict[str, str]:
    """The `## Heading` sections of a rule docstring, heading -> body."""
    text = (rule.__doc__ or "").strip()
    parts = re.split(r"^## +(.+?)\s*$", text, flags=re.MULTILINE)
    return {heading.strip(): body.strip() for heading, body in zip(parts[1::2], parts[2::2])}


def yaml_example(rule: Rule, heading: str) -> str | None:
    """The first YAML block of a section ("Example" or "Use instead")."""
    match = _YAML_BLOCK.search(sections(rule).get(heading, ""))
    return match.group(1) if match else None


def page(rule: Rule) -> str:
    """The Markdown page for docs/rules/CODE.md."""
    body = (rule.__doc__ or "").strip().split("\n", 1)[1].strip() if "\n" in (rule.__doc__ or "").strip() else ""
    settings = ", ".join(f"`{k}` = {v!r}" for k, v in rule.SETTINGS.items()) or "none"
    return (
        f"# {rule.CODE} {rule.NAME}\n\n"
        f"{summary(rule)}\n\n"
        f"Default severity: **{rule.SEVERITY.value}**. Settings: {settings}. "
        f"Silence it for one node with `ignore: [{rule.CODE}]`, or everywhere with `ignore: [{rule.CODE}]` "
        f"in `.ivrcheck.yaml`.\n\n"
        f"{body}\n\n"
        f"<!-- Generated from ivrcheck/rules by scripts/gen_rule_docs.py; edit the rule's docstring instead. -->\n"
    )
