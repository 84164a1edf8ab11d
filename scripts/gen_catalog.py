"""Write ivrcheck/config/catalog.json, the rules' codes, names and settings as config validates them.

Run after adding a rule or changing a rule's settings: python scripts/gen_catalog.py
A run whose results are all kept reads the table instead of importing the rules
(ivrcheck/config/catalog.py); tests/test_catalog_table.py fails while it is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ivrcheck import rules  # noqa: E402
from ivrcheck.config.catalog import FILE, table_text  # noqa: E402

TARGET = ROOT / "ivrcheck" / "config" / FILE


def main() -> int:
    text = table_text(rules.catalog())
    if not TARGET.exists() or TARGET.read_text(encoding="utf-8") != text:
        TARGET.write_text(text, encoding="utf-8")
        print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
