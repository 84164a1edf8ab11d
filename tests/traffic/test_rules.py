"""The U7xx traffic findings: each fires on its defect and stays quiet on the near miss."""

from __future__ import annotations

from ivrcheck import traffic
from ivrcheck.traffic import rules


def _log(tmp_path, rows: list[tuple[str, ...]]) -> list:
    lines = ["call_id,time,node,event,key"]
    for number, (call, *steps) in enumerate(rows):
        for at, step in enumerate(steps):
            node, event, key = (step.split(":") + ["", ""])[:3]
            lines.append(f"{call},{number * 100 + at},{node},{event},{key}")
    path = tmp_path / "calls.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [path]


def _main_calls(keys: dict[str, int], lost: dict[str, int] | None = None) -> list[tuple[str, ...]]:
    rows = []
    for key, n in keys.items():
        rows += [(f"k{key}-{i}", "main:enter", f"main:key:{key}", ":end") for i in range(n)]
    for event, n in (lost or {}).items():
        rows += [(f"{event}-{i}", "main:enter", f"main:{event}", ":hangup") for i in range(n)]
    return rows


def _codes(acme, tmp_path, rows) -> list[tuple[str, str]]:
    seen = traffic.read(acme.menu, _log(tmp_path, rows))
    return [(f.code, f.message) for f in rules.run(acme.menu, acme.line, seen)]


def test_rarely_used_option(acme, tmp_path) -> None:
    found = _codes(acme, tmp_path, _main_calls({"1": 250, "2": 150, "3": 2, "0": 20}))
    assert [m for c, m in found if c == "U701"] == [
        'option "3" (Loans and mortgages) in "main" was chosen by 0.5% of callers (2 of 422), under 1%']


def test_rarely_used_option_near_misses(acme, tmp_path) -> None:
    assert not [c for c, _ in _codes(acme, tmp_path, _main_calls({"1": 250, "2": 150, "3": 6, "0": 20})) if c == "U701"]
    # too few callers to judge, and 0 is never a candidate to remove
    assert not [c for c, _ in _codes(acme, tmp_path, _main_calls({"1": 100, "2": 50, "3": 1})) if c == "U701"]


def test_confusion_hot_spot_and_its_near_miss(acme, tmp_path) -> None:
    hot = _codes(acme, tmp_path, _main_calls({"1": 60, "2": 10, "0": 10}, {"timeout": 15, "invalid": 5}))
    assert [m for c, m in hot if c == "U702"] == [
        '30% of the 100 callers in "main" got lost (15% timed out, 5% pressed a wrong key, 10% pressed 0, '
        '20% hung up), over 25%']
    calm = _codes(acme, tmp_path, _main_calls({"1": 70, "2": 10, "0": 10}, {"timeout": 10}))
    assert not [c for c, _ in calm if c == "U702"]  # 20% lost (10% time out and hang up, 10% press 0)


def test_observed_popular_late_and_its_near_miss(acme, tmp_path) -> None:
    late = _codes(acme, tmp_path, _main_calls({"1": 10, "2": 20, "3": 90}))
    assert [c for c, _ in late if c == "U703"] == ["U703"]
    first = _codes(acme, tmp_path, _main_calls({"1": 90, "2": 20, "3": 10}))
    assert not [c for c, _ in first if c == "U703"]


def test_undesigned_path_and_its_near_miss(acme, tmp_path) -> None:
    rows = [(f"d{i}", "main:enter", "billing_v2:enter", ":end") for i in range(12)]
    rows += [(f"k{i}", "main:enter", "main:key:7", ":end") for i in range(12)]
    found = [m for c, m in _codes(acme, tmp_path, rows) if c == "U704"]
    assert found == ['12 calls left "main" in production a way the design lacks: callers pressed "7", which it '
                     'does not offer', 'the logs name "billing_v2" 12 times; the design has no such node']
    few = [(f"d{i}", "main:enter", "billing_v2:enter", ":end") for i in range(9)]
    assert not [c for c, _ in _codes(acme, tmp_path, few) if c == "U704"]
