"""Write the JSON twin of every language data file (ivrcheck/language/*.yaml -> *.json), and each lexicon's index.

Run after editing a language's YAML or the code that reads lexicon terms (labels.py, lexicon.py,
morph.py): python scripts/gen_language_data.py
The twins and the stored indexes (lexicon-XX.index.json) make start-up fast
(ivrcheck/language/data.py, index.py); tests/test_language.py fails while one is missing or stale.
"""

from __future__ import annotations

import os
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
    # Indexes are stored as Snowball reads the terms: with Voikko installed, a run builds its own.
    os.environ["IVRCHECK_NO_VOIKKO"] = "1"
    from ivrcheck.language import load_language
    from ivrcheck.language.index import file_name, index_text
    from ivrcheck.language.lexicon import read_data

    for path in sorted(FOLDER.glob("lexicon-*.yaml")):
        code = path.stem.removeprefix("lexicon-")
        stored = FOLDER / file_name(code)
        text = index_text(load_language(code).label_words, read_data(code))
        if not stored.exists() or stored.read_text(encoding="utf-8") != text:
            stored.write_text(text, encoding="utf-8")
            print(f"wrote {stored.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
