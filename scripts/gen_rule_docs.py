"""Regenerate docs/rules/*.md and docs/rules/README.md from the rule docstrings."""

from __future__ import annotations

import sys
from pathlib import Path

from ivrcheck.rules import ALL_RULES
from ivrcheck.rules.base import summary
from ivrcheck.rules.pages import page

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "rules"
#: The F-code page ships inside the package (for `ivrcheck rule F013`); docs/ gets a copy.
LOAD_ERRORS = ROOT / "ivrcheck" / "load" / "errors.md"


def expected() -> dict[Path, str]:
    """Every generated file and its content."""
    files = {DOCS / f"{rule.CODE}.md": page(rule) for rule in ALL_RULES}
    rows = "\n".join(f"| [{r.CODE}]({r.CODE}.md) | {r.NAME} | {r.SEVERITY.value} | {summary(r)} |" for r in ALL_RULES)
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
