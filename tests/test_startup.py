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
paused_imports = []
def seen(phase, info):
    if phase == "start" and not getattr(gc, "started", False):
        paused_imports.append("networkx" in sys.modules)
gc.callbacks.append(seen)
enable = gc.enable
def started():  # the first call is start-up's end; the engine pauses and resumes it per line after
    if not hasattr(gc, "started"):
        gc.started = [m in sys.modules for m in ("networkx", "ivrcheck.rules", "ivrcheck.graph")]
    enable()
gc.enable = started
done = os._exit
def leave(code):
    print(json.dumps([paused_imports, getattr(gc, "started", False)]), file=sys.__stderr__)
    done(code)
os._exit = leave
from ivrcheck.cli import main
main()
"""


def test_the_pipeline_is_imported_with_the_collector_paused() -> None:
    """The rules, the graph and networkx load with the cyclic collector off (cli/process.py `started`):
    collecting among objects that live as long as the process was about 10 ms of a pre-commit run."""
    finished = subprocess.run([sys.executable, "-c", GC_PROBE], cwd=ROOT, capture_output=True, text=True, timeout=300)
    before_start, loaded_at_start = json.loads(finished.stderr.strip().splitlines()[-1])
    assert loaded_at_start == [True, True, True]
    assert before_start.count(True) == 0  # no collection once networkx began to load
