"""The language data files, read fast.

Each data file beside this package (`en.yaml`, `lexicon-fi.yaml` ...) is written by people
and ships with a `.json` twin holding the same data already parsed, which
`scripts/gen_language_data.py` writes and a test keeps equal. Parsing the YAML costs about
75 ms on a run over the example menus (the lexicons are some 45 KB each); the JSON reads in
about a millisecond. The twin records the CRC-32 of the YAML it was made from, so a YAML
file edited in place, or a language added by hand without a twin, is read as YAML and never
from stale JSON.
"""

from __future__ import annotations

import json
import zlib
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

#: What a twin holds besides the data: the YAML's checksum, to tell a stale twin.
CHECKSUM = "yaml_crc32"


def read(name: str, folder: Traversable | None = None) -> Any:
    """The parsed contents of the data file `name` (e.g. "lexicon-en.yaml"); OSError when missing."""
    folder = folder or resources.files(__package__)
    source = folder.joinpath(name).read_bytes()
    try:
        twin = json.loads(folder.joinpath(_twin(name)).read_bytes())
    except (OSError, ValueError):
        twin = None
    if isinstance(twin, dict) and twin.get(CHECKSUM) == zlib.crc32(source) and "data" in twin:
        return twin["data"]
    return parse(source)


def parse(source: bytes) -> Any:
    """The YAML itself, as the twins are made from it."""
    import yaml

    return yaml.load(source.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def twin_text(name: str, source: bytes) -> str:
    """The JSON twin of a data file, as scripts/gen_language_data.py writes it.

    Refuses data JSON cannot hold as it is (keys that are not strings, dates): reading the
    twin must give exactly what reading the YAML gives.
    """
    data = parse(source)
    if json.loads(json.dumps(data)) != data:
        raise ValueError(f"{name}: holds values JSON cannot keep as they are (non-string keys, dates)")
    return json.dumps({CHECKSUM: zlib.crc32(source), "data": data}, ensure_ascii=False, separators=(",", ":")) + "\n"


def _twin(name: str) -> str:
    return name.rsplit(".", 1)[0] + ".json"
