"""The JSON format: the SPEC §5 shape, straight from FileResult.to_dict()."""

from __future__ import annotations

from typing import Sequence

from ivrcheck.findings import FileResult
from ivrcheck.report import jsontext


def format(results: Sequence[FileResult], color: bool = False) -> str:
    return jsontext.dumps({"files": [r.to_dict() for r in results]}) + "\n"
