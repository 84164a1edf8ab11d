"""The JSON format: the SPEC §5 shape, straight from FileResult.to_dict()."""

from __future__ import annotations

import json
from typing import Sequence

from ivrcheck.findings import FileResult


def format(results: Sequence[FileResult], color: bool = False) -> str:
    return json.dumps({"files": [r.to_dict() for r in results]}, indent=2, ensure_ascii=False) + "\n"
