"""Regenerate docs/rules/*.md and docs/rules/README.md from the rule docstrings."""

from __future__ import annotations

import sys
from pathlib import Path

from ivrcheck.rules import ALL_RULES
from ivrcheck.rules.base import summary
from ivrcheck.rules.docstring import page
from ivrcheck.traffic import rules as traffic_rules

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "rules"
#: The F-code page ships inside the package (for `ivrcheck rule F013`); docs/ gets a copy.
LOAD_ERRORS = ROOT / "ivrcheck" / "load" / "errors.md"


def expected() -> dict[Path, str]:
    """Every generated file and its content."""
    files = {DOCS / f"{rule.CODE}.md": page(rule) for rule in ALL_RULES}
    files |= {DOCS / f"{rule.CODE}.md": traffic_page(rule) for rule in traffic_rules.RULES}
    every = (*ALL_RULES, *traffic_rules.RULES)
    rows = "\n".join(f"| [{r.CODE}]({r.CODE}.md) | {r.NAME} | {r.SEVERITY.value} | {summary(r)} |" for r in every)
    files[DOCS / "README.md"] = (
        "# Rules\n\nEvery rule ivrcheck runs, with its default severity. `ivrcheck rule CODE` prints a page "
        "in the terminal. Problems found while loading a file have F codes: see [../load-errors.md](../load-errors.md).\n\n"
        "| code | name | severity | checks |\n|---|---|---|---|\n" + rows + "\n"
    )
    files[ROOT / "docs" / "load-errors.md"] = (
        LOAD_ERRORS.read_text(encoding="utf-8").rstrip("\n")
        + "\n\n<!-- Copied from ivrcheck/load/errors.md by scripts/gen_rule_docs.py; edit that file instead. -->\n"
    )
    return files


def traffic_page(rule) -> str:
    """A U7xx page: run by `ivrcheck traffic` on call logs, so not silenced from `.ivrcheck.yaml`."""
    body = (rule.__doc__ or "").strip().split("\n", 1)[1].strip()
    settings = ", ".join(f"`{k}` = {v!r}" for k, v in rule.SETTINGS.items()) or "none"
    return (
        f"# {rule.CODE} {rule.NAME}\n\n{summary(rule)}\n\n"
        f"Default severity: **{rule.SEVERITY.value}**. Settings: {settings}. A traffic finding: "
        f"`ivrcheck traffic` runs it on call logs ([../traffic.md](../traffic.md)); `--select`/`--ignore` in a "
        f"config do not name it.\n\n{body}\n\n"
        f"<!-- Generated from ivrcheck/traffic/rules by scripts/gen_rule_docs.py; edit the rule's docstring instead. -->\n"
    )


def main() -> int:
    DOCS.mkdir(parents=True, exist_ok=True)
    for path, text in expected().items():
        path.write_text(text, encoding="utf-8")
    for stale in DOCS.glob("*.md"):  # docs/load-errors.md is outside DOCS, so never removed here
        if stale not in expected():
            stale.unlink()
    print(f"wrote {len(expected())} pages to {DOCS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
