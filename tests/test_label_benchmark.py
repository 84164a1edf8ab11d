"""The label benchmark: its pair files are well formed and its runner judges pairs through the real rule."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from ivrcheck.engine import check_text

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("labels_benchmark", ROOT / "benchmarks" / "labels.py")
labels = importlib.util.module_from_spec(_spec)
sys.modules["labels_benchmark"] = labels
_spec.loader.exec_module(labels)

PAIR_FILES = sorted(labels.DATA.glob("*.yaml"))
MENU_FIELDS = {"menu", "domain", "basis", "source", "split", "pairs"}
PAIR_FIELDS = {"a", "b", "confusable", "kind", "why"}


def test_there_is_a_pair_file_per_language():
    assert {path.stem for path in PAIR_FILES} == {"en", "fi"}


@pytest.mark.parametrize("path", PAIR_FILES, ids=lambda p: p.name)
def test_every_menu_and_pair_has_exactly_the_documented_fields(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["language"] == path.stem
    for menu in data["menus"]:
        assert set(menu) == MENU_FIELDS, menu["menu"]
        assert menu["split"] in labels.HALVES
        assert menu["basis"] in ("example", "described", "styled")
        assert menu["source"], menu["menu"]
        for pair in menu["pairs"]:
            assert set(pair) == PAIR_FIELDS, pair
            assert isinstance(pair["confusable"], bool), pair
            assert isinstance(pair["a"], str) and isinstance(pair["b"], str) and pair["a"] != pair["b"], pair
            assert pair["why"].strip(), pair


def test_a_pairs_kind_agrees_with_its_judgement():
    for pair in labels.load_pairs():
        kinds = labels.CONFUSABLE_KINDS if pair.confusable else labels.DISTINCT_KINDS
        assert pair.kind in kinds, pair


def test_menu_ids_are_unique_so_no_menu_spans_both_halves():
    menus = Counter(menu["menu"] for path in PAIR_FILES
                    for menu in yaml.safe_load(path.read_text(encoding="utf-8"))["menus"])
    assert [name for name, n in menus.items() if n > 1] == []


def test_no_pair_appears_twice_in_a_language():
    seen = Counter((p.language, frozenset((p.a.casefold(), p.b.casefold()))) for p in labels.load_pairs())
    assert [key for key, n in seen.items() if n > 1] == []


@pytest.mark.parametrize("language", ["en", "fi"])
def test_each_language_has_enough_pairs_and_both_halves_of_similar_size(language):
    pairs = [p for p in labels.load_pairs() if p.language == language]
    assert len(pairs) >= 150
    halves = Counter(p.split for p in pairs)
    assert set(halves) == {"dev", "test"}
    assert abs(halves["dev"] - halves["test"]) <= len(pairs) * 0.1
    for half in labels.HALVES:
        mine = [p for p in pairs if p.split == half]
        assert 0.3 <= sum(p.confusable for p in mine) / len(mine) <= 0.6


def test_the_runner_judges_ten_pairs_with_l301():
    pairs = labels.load_pairs()[:10]
    outcomes = labels.run(pairs, rules=("L301",))
    assert [o.pair for o in outcomes] == pairs
    score = labels.Score.of(outcomes)
    assert score.tp + score.fp + score.fn + score.tn == 10


def test_the_built_menu_reaches_the_rule_so_a_known_confusion_fires():
    pair = labels.Pair("en", "sample", "test", "dev", "Your bill", "Payments", True, "overlap", "paying a bill fits both")
    near_miss = labels.Pair("en", "sample", "test", "dev", "Cards", "Loans and mortgages", False, "distinct", "apart")
    fired = {o.pair.b: o.fired for o in labels.run([pair, near_miss], rules=("L301",))}
    assert fired == {"Payments": True, "Loans and mortgages": False}


@pytest.mark.parametrize("pair", labels.load_pairs()[:5] + [p for p in labels.load_pairs() if p.language == "fi"][:5],
                         ids=lambda p: f"{p.a}/{p.b}")
def test_built_menus_load_without_errors(pair):
    for text in (labels.l301_menu(pair), labels.p406_menu(pair)):
        codes = {f.code for f in check_text(text).findings}
        assert not {c for c in codes if c.startswith("F")}, text


def test_prompts_speak_the_pairs_language():
    en = labels.Pair("en", "m", "s", "dev", "Cards", "PIN reminder", False, "distinct", "x")
    fi = labels.Pair("fi", "m", "s", "dev", "Laskutus", "Muutto", False, "distinct", "x")
    assert "For cards, press 1. For PIN reminder, press 2." in labels.l301_menu(en)
    assert "Laskutus, paina 1. Muutto, paina 2." in labels.l301_menu(fi)
    # P406's menu announces one label on key 1 while the option there carries the other.
    p406 = labels.p406_menu(en)
    assert "For cards, press 1." in p406 and 'label: "PIN reminder"' in p406 and 'label: "Cards"' not in p406


def test_errors_never_list_test_half_pairs(capsys):
    labels.main(["--half", "test", "--errors"])
    out = capsys.readouterr().out
    listed = out.split("Misjudged pairs, dev half only")[1]
    test_menus = {p.menu for p in labels.load_pairs() if p.split == "test"}
    assert not any(f" {menu}:" in listed for menu in test_menus)
    assert "P406: not registered" in out or "P406  en" in out


def test_p406_is_scored_the_other_way_round_from_l301():
    same = labels.Pair("en", "m", "s", "dev", "Top up", "Add credit", True, "synonym", "same task")
    apart = labels.Pair("en", "m", "s", "dev", "Renew your policy", "Cancel your policy", False, "shared-word", "x")
    outcomes = [labels.Outcome(same, "P406", fired=True), labels.Outcome(apart, "P406", fired=True),
                labels.Outcome(same, "L301", fired=True), labels.Outcome(apart, "L301", fired=True)]
    assert labels.Score.of(outcomes[:2]) == labels.Score(tp=1, fp=1, fn=0, tn=0)
    assert labels.Score.of(outcomes[2:]) == labels.Score(tp=1, fp=1, fn=0, tn=0)
    assert [o.expected for o in outcomes] == [False, True, True, False]


_cv_spec = importlib.util.spec_from_file_location("labels_cv_benchmark", ROOT / "benchmarks" / "labels_cv.py")
labels_cv = importlib.util.module_from_spec(_cv_spec)
_cv_spec.loader.exec_module(labels_cv)


def test_cross_validation_folds_split_by_menu_and_hold_out_only_the_folds_own_words():
    dev = [p for p in labels.load_pairs() if p.split == "dev"]
    folds = labels_cv.folds(dev, 5)
    assert sorted(len(f) for f in folds)[0] > 0 and sum(map(len, folds)) == len(dev)
    homes = {}
    for number, fold in enumerate(folds):
        for pair in fold:
            assert homes.setdefault((pair.language, pair.menu), number) == number  # a menu lives in one fold
    from ivrcheck.language import load_language

    words = load_language("en").label_words
    held = labels_cv.vocabulary(words, ["Burst pipe"])
    data, dropped = labels_cv.ablated(words, held, labels_cv.vocabulary(words, ["Pay your bill"]))
    kept = {t for g in data["groups"] for t in g["terms"]}
    assert dropped > 0 and "burst pipe" not in kept and "bill" in kept  # a word the other folds use stays
    data, dropped = labels_cv.ablated(words, held, labels_cv.vocabulary(words, ["Burst pipe"]))
    assert dropped == 0  # near miss: the other folds use it too
