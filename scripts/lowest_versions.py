"""Print pip pins of the lowest versions pyproject.toml allows, for the extras named on the command line.

CI installs these once beside the newest releases, so the range ivrcheck declares is the range
it is tested on (`python scripts/lowest_versions.py test > lowest.txt; pip install -c lowest.txt ...`).
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

_FLOOR = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:>=\s*([0-9][^,;\s]*))?")


def floors(requirements: list[str]) -> list[str]:
    """`name==lowest` for each requirement with a `>=` floor; unbounded ones are left to pip."""
    pins = []
    for requirement in requirements:
        match = _FLOOR.match(requirement)
        if match and match.group(2):
            pins.append(f"{match.group(1)}=={match.group(2)}")
    return pins


def main(extras: list[str]) -> None:
    project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())["project"]
    requirements = list(project["dependencies"])
    for extra in extras:
        requirements += project["optional-dependencies"][extra]
    print("\n".join(floors(requirements)))


if __name__ == "__main__":
    main(sys.argv[1:])
