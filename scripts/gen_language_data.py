"""Write the JSON twin of every language data file (ivrcheck/language/*.yaml -> *.json).

Run after editing a language's YAML: python scripts/gen_language_data.py
The twins make start-up fast (ivrcheck/language/data.py); tests/test_language.py fails
while one is missing or stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ivrcheck.language.data import twin_text

FOLDER = ROOT / "ivrcheck" / "language"


def main() -> int:
    for path in sorted(FOLDER.glob("*.yaml")):
        twin = path.with_suffix(".json")
        text = twin_text(path.name, path.read_bytes())
        if not twin.exists() or twin.read_text(encoding="utf-8") != text:
            twin.write_text(text, encoding="utf-8")
            print(f"wrote {twin.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
