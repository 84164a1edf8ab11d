"""The package keeps its layout honest: no module imports a later step of the pipeline, and no cycles.

The pipeline runs model -> load (and language) -> importers -> reading -> graph -> callers (and
traffic) -> rules -> policy (and suppress, score, fixes) -> report/render -> engine (and treetest, workspace, fixloop,
jobsummary) -> cli (and lsp,
mcp). A step may use the steps before it, never one after it; findings, config and the small shared
helpers (lazy, nesting, ...) sit below everything. Imports inside functions and under TYPE_CHECKING
count too: a lazy import is still an arrow. No two packages import each other.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parent.parent / "ivrcheck"

#: Layer of each top-level module or package of ivrcheck: a module may import its own layer or lower.
LAYERS = {
    "findings": 0, "encoding": 0, "workers": 0, "nesting": 0, "numbers": 0, "config": 0, "didyoumean": 0, "fileio": 0, "discover": 0, "profiles": 0,
    "lazy": 0, "records": 0,
    "model": 1,
    "language": 2, "load": 2,  # load/ is the lower reader: our YAML, and what every reader shares
    "importers": 3,  # platform exports, built with load's pieces
    "reading": 4,  # picks load or an importer for a text, and reads phone lines
    "graph": 5,
    "callers": 6, "traffic": 6,
    "rules": 7,
    "suppress": 8, "policy": 8, "score": 8, "fixes": 8,
    "report": 9, "render": 9,
    "engine": 10, "treetest": 10, "cache": 10, "workspace": 10, "fixloop": 10, "jobsummary": 10,
    "cli": 11, "lsp": 11, "mcp": 11, "__main__": 11, "__init__": 0,
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every ivrcheck module this file imports, at any depth of its code."""
    found = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("ivrcheck")}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            if base.startswith("ivrcheck"):
                found.add(base)
                found |= {f"{base}.{a.name}" for a in node.names}
    return found


def top(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def all_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def known(module: str, names: set[str]) -> str | None:
    """The module an imported name belongs to (a name imported from a package is the package)."""
    while module and module not in names:
        module = module.rpartition(".")[0]
    return module or None


def test_every_top_level_module_has_a_layer() -> None:
    missing = {top(module_name(p)) for p in all_files()} - set(LAYERS)
    assert not missing, f"add these to LAYERS: {missing}"


def test_no_module_imports_a_later_step() -> None:
    names = {module_name(p) for p in all_files()}
    upward = []
    for path in all_files():
        source = module_name(path)
        for target in filter(None, (known(t, names) for t in imports(path))):
            if LAYERS[top(target)] > LAYERS[top(source)]:
                upward.append(f"{source} imports {target}")
    assert not upward, "\n".join(upward)


def test_no_import_cycles() -> None:
    names = {module_name(p) for p in all_files()}
    graph = nx.DiGraph()
    for path in all_files():
        source = module_name(path)
        for target in imports(path):
            owner = known(target, names)
            # A package's __init__ re-exports its modules; that is no cycle with them.
            if owner and owner != source and not source.startswith(owner + ".") and not owner.startswith(source + "."):
                graph.add_edge(source, owner)
    cycles = [c for c in nx.simple_cycles(graph) if len(c) > 1]
    assert not cycles, cycles[:5]


def test_no_two_packages_import_each_other() -> None:
    names = {module_name(p) for p in all_files()}
    arrows = {(top(module_name(path)), top(owner)) for path in all_files()
              for owner in filter(None, (known(t, names) for t in imports(path)))}
    mutual = sorted(sorted(pair) for pair in arrows if pair[0] < pair[1] and pair[::-1] in arrows)
    assert not mutual, f"packages that import each other: {mutual}"
