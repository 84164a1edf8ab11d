"""The lexicons' indexes, stored: reading every lexicon term with the analyser took 20-40 ms per language of each run.

`scripts/gen_language_data.py` writes `lexicon-XX.index.json` beside each lexicon: the index
`lexicon.index_terms` builds from the file's groups, with a fingerprint of what it was read
from (the language's `labels:` data, the lexicon, the source of the modules that read terms,
the analyser's name) and a probe (the keys the analyser gave a sample of the terms). A run uses
the stored index only when both match what it would read with now; otherwise (an edited
lexicon, Voikko installed, another Snowball release) the index is built as before, so the
stored one changes speed, never results. tests/test_lexicon_index.py keeps the stored indexes current.

`words` below is a language's labels.LabelWords (which imports this module, so it is not named here).
"""

from __future__ import annotations

import json
import zlib
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

from ivrcheck.language.lexicon import Terms, file_groups, index_terms

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

#: The modules whose code decides how a term is read into keys.
READERS = ("labels.py", "lexicon.py", "morph.py")
#: Every so many terms of a lexicon, one is read again at start-up and compared with the stored keys.
PROBE_EVERY = 97


def stored(words: Any, data: Mapping[str, Any], folder: Traversable | None = None) -> Terms | None:
    """The stored index of `words`' lexicon, when it was made from `data` read the way `words` reads now."""
    try:
        kept = json.loads((folder or resources.files(__package__)).joinpath(file_name(words.code)).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(kept, dict) or kept.get("fingerprint") != fingerprint(words, data):
        return None
    if kept.get("stemmer") != stemmer_release():
        return None  # another Snowball release stems some words otherwise ("emergency": emergenc, emerg)
    if any(words.term_keys(term) != tuple(tuple(k) for k in keys) for term, keys in kept["probe"]):
        return None
    single = {key: set(ids) for key, ids in kept["single"].items()}
    phrases = {first: [(tuple(run), gid) for run, gid in found] for first, found in kept["phrases"].items()}
    return single, phrases


def index_text(words: Any, data: Mapping[str, Any]) -> str:
    """The stored index of a lexicon, as scripts/gen_language_data.py writes it."""
    groups = file_groups(data)
    single, phrases = index_terms(groups.values(), words.term_keys)
    terms = [term for group in groups.values() for term in group.terms]
    kept = {
        "fingerprint": fingerprint(words, data),
        "made_with": snowball_release(),
        "stemmer": stemmer_release(),
        "probe": [[term, words.term_keys(term)] for term in terms[::PROBE_EVERY]],
        "single": {key: sorted(ids) for key, ids in sorted(single.items())},
        "phrases": {first: [[list(w), gid] for w, gid in found] for first, found in sorted(phrases.items())},
    }
    return json.dumps(kept, ensure_ascii=False, separators=(",", ":")) + "\n"


def file_name(code: str) -> str:
    return f"lexicon-{code}.index.json"


def fingerprint(words: Any, data: Mapping[str, Any]) -> str:
    """What an index depends on, as one checksum: data, reading code and analyser."""
    given = json.dumps([words.code, words.stemmer, words.compounds, words.analyser.name, words.data, data],
                       sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
    checksum = zlib.crc32(given)
    folder = Path(__file__).parent
    for name in READERS:
        try:
            checksum = zlib.crc32((folder / name).read_bytes(), checksum)
        except OSError:
            return ""
    return f"{checksum:08x}"


def stemmer_release() -> str:
    """The Snowball library the stems come from, cheap enough to ask at every start-up: PyStemmer's
    C library version (what snowballstemmer uses when PyStemmer is installed, as the package requires),
    else the pure-Python snowballstemmer's release. A sampled probe alone missed a change: under
    Snowball 2.0 "emergency" stems to "emerg" (3.1: "emergenc"), no probed term moved, and the stored
    index, made under 3.1, no longer found emergencies (the lowest declared versions, in CI)."""
    try:
        import Stemmer  # noqa: PLC0415 - the C build, when installed
    except ImportError:
        from importlib import metadata

        try:
            return f"snowballstemmer {metadata.version('snowballstemmer')}"
        except metadata.PackageNotFoundError:
            return "snowballstemmer"
    return f"libstemmer {Stemmer.version()}"


def snowball_release() -> str:
    """The Snowball stemmers an index is made with (PyStemmer's when installed, which snowballstemmer
    then uses): another release may stem some words otherwise, and the start-up probe then rebuilds.
    Written into the index for the tests and the reader; not read at start-up."""
    from importlib import metadata

    found = []
    for package in ("snowballstemmer", "PyStemmer"):
        try:
            found.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            pass
    return ", ".join(found)
