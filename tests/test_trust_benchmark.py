"""benchmarks/trust.py counts precision on good lines and recall of planted defects as documented."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("trust_benchmark", ROOT / "benchmarks" / "trust.py")
trust = importlib.util.module_from_spec(_spec)
sys.modules["trust_benchmark"] = trust  # dataclasses look their module up by name
_spec.loader.exec_module(trust)

LINE = textwrap.dedent("""\
    name: Tiny
    language: en
    entry: main
    nodes:
      main:
        prompt: For sales, press 1. To speak to someone, press 0.
        on_timeout: repeat
        on_invalid: repeat
        options:
          "1": {label: Sales, goto: sales}
          "0": {label: Speak to someone, goto: agent}
      sales: {type: message, prompt: Our shop is open daily., next: main}
      agent: {type: agent}
    """)


def _corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "dev").mkdir(parents=True)
    (root / "dev" / "tiny-en.ivr.yaml").write_text(LINE)
    flawed = LINE.replace('      "0": {label: Speak to someone, goto: agent}\n', "")
    (root / "dev" / "tiny-en--flawed.ivr.yaml").write_text(flawed)
    (root / "PLANTED-x.yaml").write_text(yaml.safe_dump(
        {"tiny-en--flawed.ivr.yaml": [{"node": "main", "defect": "no way to a person"}]}))
    return root


def test_a_planted_defect_judged_true_counts_as_found_and_a_good_line_false_alarm_lowers_precision(
        tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    paths = trust.corpus_files("dev", root)
    seen = trust.run(paths, root)
    flawed = [s for s in seen if trust.is_flawed(s.file)]
    assert flawed, "removing the only way to a person must be reported"
    judged = {flawed[0].file: {flawed[0].key: trust.Verdict("true", defect=0)}}
    good = [s for s in seen if not trust.is_flawed(s.file)]
    if good:
        judged[good[0].file] = {good[0].key: trust.Verdict("false")}
    lines, overall = trust.precision_table(seen, judged)
    assert overall.true == 0 and overall.findings == len(good)
    _, found, total = trust.recall_table(seen, judged, trust.load_planted(root),
                                         [trust.relative(p, root) for p in paths])
    assert (found, total) == (1, 1)


def test_unjudged_findings_are_never_counted_true_and_get_a_skeleton(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    seen = trust.run(trust.corpus_files("dev", root), root)
    _, overall = trust.precision_table(seen, {})
    assert overall.true == 0 and overall.unjudged == overall.findings
    skeleton = yaml.safe_load(trust.skeleton(seen, {}))
    assert all(entry["verdict"] is None for entries in skeleton.values() for entry in entries)
    _, found, total = trust.recall_table(seen, {}, trust.load_planted(root), ["dev/tiny-en--flawed.ivr.yaml"])
    assert (found, total) == (0, 1)
