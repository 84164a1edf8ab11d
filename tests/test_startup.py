"""`ivrcheck check` loads only what checking needs: a pre-commit hook pays every import on every commit.

Diagrams, other output formats, platform importers, the diff, and whatever commands are added
beside `check` (editors' servers, reports) are imported by the commands that use them. A new
top-level module or third-party package that `check` starts importing fails here: make it lazy,
or add it below with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

#: The steps a check runs (docs/architecture.md), and the shared modules below them.
CHECK_STEPS = {"__init__", "__main__", "cli", "engine", "cache", "findings", "nesting", "config", "didyoumean",
               "fileio", "discover", "profiles", "records", "model", "language", "load", "importers", "reading",
               "graph", "callers",
               "rules", "suppress", "policy", "score", "report", "lazy",
               # every number read from a file or config goes through the one reader; every finding
               # carries its fix when it has one (issue 26), so both belong to a check
               "numbers", "fixes",
               # the files the command line names, found and checked below the CLI (issue 29)
               "workspace",
               # UTF-16 is told apart when a file is read; the --jobs pool module (multiprocessing loads lazily)
               "encoding", "workers"}
#: Modules of those steps that only other commands or other inputs need.
NOT_FOR_CHECK = ("ivrcheck.importers.", "ivrcheck.render", "ivrcheck.callers.diff", "ivrcheck.callers.git",
                 "ivrcheck.report.ci", "ivrcheck.report.clarity", "ivrcheck.report.handover",
                 "ivrcheck.report.menu_yaml", "ivrcheck.load.json_schema",
                 # the other commands' modules: `main` builds only the command it runs
                 *(f"ivrcheck.cli.{m}" for m in ("diff", "importing", "render", "report", "rule", "schema",
                                                  "score", "servers", "settings", "tasks", "traffic")))
#: Third-party packages a check may load: the floor's three, and the language readers (rapidfuzz
#: only when two labels are spelled alike; Voikko only where it is installed).
LIBRARIES = {"networkx", "yaml", "typer", "click", "rapidfuzz", "snowballstemmer", "Stemmer", "libvoikko",
             "_yaml"}

PROBE = """
import json, os, sys
sys.argv = ["ivrcheck", "check", "--no-cache", "--fail-on", "never", "-q", sys.argv[1]]
done = os._exit
def leave(code):
    print(json.dumps(sorted(sys.modules)), file=sys.__stderr__)
    done(code)
os._exit = leave
from ivrcheck.cli import main
main()
"""


def imported_by_check(target: str = "menus/", cwd: Path = ROOT) -> list[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    finished = subprocess.run([sys.executable, "-c", PROBE, target], cwd=cwd, capture_output=True, text=True,
                              timeout=300, env=env)
    return json.loads(finished.stderr.strip().splitlines()[-1])


def test_check_imports_only_what_checking_needs() -> None:
    modules = imported_by_check()
    assert "ivrcheck.engine" in modules and "ivrcheck.rules" in modules  # the probe did run a check
    ours = [m for m in modules if m == "ivrcheck" or m.startswith("ivrcheck.")]
    assert sorted({m.split(".")[1] for m in ours if "." in m} - CHECK_STEPS) == []
    assert [m for m in ours if m.startswith(NOT_FOR_CHECK)] == []
    # A package's own helpers (typer's, networkx's) show as their private top-level names.
    outside = {m.split(".")[0] for m in modules} - set(sys.stdlib_module_names) - {"ivrcheck"}
    floor = {m.split(".")[0] for m in _floor_modules()}
    extra = sorted(m for m in outside - floor - LIBRARIES if not m.startswith(("_cython", "__editable__")))
    assert extra == []
    # The example menus compare a few spellings (sounds.ratio, in Python) and read a pyproject.toml.
    assert "rapidfuzz" not in modules and "tomllib" in modules


def test_a_check_outside_any_pyproject_does_not_load_a_toml_reader(tmp_path: Path) -> None:
    """tomllib compiles its patterns when imported: a repository without a pyproject.toml does not pay it."""
    (tmp_path / ".git").mkdir()  # the config search stops at the repository's root
    shutil.copy(ROOT / "menus" / "acme-bank.ivr.yaml", tmp_path)
    modules = imported_by_check("acme-bank.ivr.yaml", tmp_path)
    assert "ivrcheck.engine" in modules and "tomllib" not in modules


def _floor_modules() -> list[str]:
    code = "import json, sys, networkx, yaml, typer; print(json.dumps(sorted(sys.modules)))"
    return json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300).stdout)


def test_a_command_runs_from_an_app_of_that_command_alone_with_the_same_help_and_errors() -> None:
    """`main` builds only the command it runs (Typer reads every command's options first)."""
    from typer.testing import CliRunner

    from ivrcheck.cli import COMMANDS, app, app_for

    names = [name for name, _ in COMMANDS]
    assert "check" in names and len(names) > 5
    runner = CliRunner()
    for name in names:
        one = app_for([name, "--help"])
        assert len(one.registered_commands) == 1
        for args in ([name, "--help"], [name, "--no-such-option"]):
            assert runner.invoke(one, args).output == runner.invoke(app, args).output, args
    for args in ([], ["--help"], ["--version"], ["chekc", "menus/"]):
        assert app_for(args) is app


GC_PROBE = """
import gc, json, os, sys
sys.argv = ["ivrcheck", "check", "--no-cache", "--fail-on", "never", "-q", "menus/"]
during_import = []
def seen(phase, info):
    rules = sys.modules.get("ivrcheck.rules")
    if phase == "start" and "networkx" in sys.modules and not hasattr(rules, "run"):
        during_import.append(sorted(m for m in ("networkx", "ivrcheck.graph", "ivrcheck.rules") if m in sys.modules))
gc.callbacks.append(seen)
done = os._exit
def leave(code):
    loaded = [m in sys.modules for m in ("networkx", "ivrcheck.rules", "ivrcheck.graph")]
    print(json.dumps([during_import, loaded]), file=sys.__stderr__)
    done(code)
os._exit = leave
from ivrcheck.cli import main
main()
"""


def test_the_pipeline_is_imported_with_the_collector_paused() -> None:
    """The rules, the graph and networkx load with the cyclic collector off (the engine imports them
    when it checks the first line, inside `_gc_paused`): collecting among objects that live as long as
    the process was about 10 ms of a pre-commit run."""
    finished = subprocess.run([sys.executable, "-c", GC_PROBE], cwd=ROOT, capture_output=True, text=True, timeout=300)
    during_import, loaded = json.loads(finished.stderr.strip().splitlines()[-1])
    assert loaded == [True, True, True]  # the probe did check a line
    assert during_import == []  # no collection once networkx began to load, until the rules were in


KEPT_PROBE = PROBE.replace('"--no-cache"', '"--cache-dir", sys.argv[2]')


def test_a_run_whose_lines_are_all_kept_imports_no_rules_graph_or_networkx(tmp_path: Path) -> None:
    """What a pre-commit hook meets from its second commit on: the results read back from the cache,
    the config checked against the stored catalog (config/catalog.py), and no pipeline imported."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    env.pop("IVRCHECK_NO_CACHE", None)  # tests/conftest.py turns the cache off for every other test
    runs = [subprocess.run([sys.executable, "-c", KEPT_PROBE, "menus/", str(tmp_path)], cwd=ROOT, capture_output=True,
                           text=True, timeout=300, env=env) for _ in range(2)]
    first, second = (json.loads(run.stderr.strip().splitlines()[-1]) for run in runs)
    assert "networkx" in first and "ivrcheck.rules" in first  # the first run checked the lines
    assert [m for m in second if m == "networkx" or m.startswith(("ivrcheck.rules", "ivrcheck.graph",
                                                                   "ivrcheck.callers", "ivrcheck.reading",
                                                                   "ivrcheck.load.menu"))] == []
    assert "ivrcheck.score" in second and "ivrcheck.engine" in second  # the kept results were read
