"""docs/architecture.md's four recipes stay true: every place a recipe touches is where the page says.

Each recipe ends with a `Touches:` paragraph of backticked paths, some with placeholders
(`<family>`, `<name>` ...) and some naming the registry to add to (`NAMES`). A path must
match at least one file of its kind, a registry must be defined in its file, and every
thing already added must be in all the places its recipe names, so a move or a rename that
forgets the page (or a module that skips its registry) fails here.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from ivrcheck import importers, language
from ivrcheck.lazy import LazyModules
from ivrcheck.report import FORMATS
from ivrcheck.rules import ALL_RULES

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "architecture.md"
RECIPES = ("A new rule", "A new importer", "A new output format", "A new language")
#: One touch point: a backticked path, optionally followed by its registry, "(`NAMES`)".
_POINT = re.compile(r"`([^`\s]+)`(?:\s*\(`(\w+)`\))?")


def recipe(title: str) -> str:
    text = PAGE.read_text(encoding="utf-8")
    found = re.search(rf"^### {re.escape(title)}\n(.*?)(?=^#{{2,3}} |\Z)", text, re.MULTILINE | re.DOTALL)
    assert found, f"docs/architecture.md has no recipe '{title}'"
    return found.group(1)


def touch_points(title: str) -> list[tuple[str, str | None]]:
    """(path, registry or None) of the recipe's `Touches:` paragraph."""
    paragraph = re.search(r"^Touches: (.*?)(?:\n\n|\Z)", recipe(title), re.MULTILINE | re.DOTALL)
    assert paragraph, f"the recipe '{title}' lists no touch points (a `Touches:` paragraph)"
    return [(m.group(1), m.group(2)) for m in _POINT.finditer(paragraph.group(1)) if "/" in m.group(1)]


def defines(path: Path, name: str) -> bool:
    """Whether a Python module assigns `name` at its top level, or a YAML file has it as a top-level key."""
    if path.suffix == ".yaml":
        return name in (yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            return True
    return False


@pytest.mark.parametrize("title", RECIPES)
def test_every_touch_point_of_a_recipe_is_where_the_page_says(title: str) -> None:
    points = touch_points(title)
    assert len(points) >= 3, f"'{title}': too few touch points read: {points}"
    for path, registry in points:
        matches = sorted(ROOT.glob(re.sub(r"<\w+>", "*", path.rstrip("/"))))
        assert matches, f"'{title}' names {path}, and nothing in the repository is there"
        if registry:
            lacking = [str(m.relative_to(ROOT)) for m in matches if not defines(m, registry)]
            assert not lacking, f"'{title}': {lacking} define no {registry}"


def test_every_ci_format_module_is_registered() -> None:
    modules = {f"ivrcheck.report.ci.{p.stem}" for p in (ROOT / "ivrcheck" / "report" / "ci").glob("*.py")
               if p.stem != "__init__"}
    assert isinstance(FORMATS, LazyModules)
    registered = {FORMATS.module(name).__name__ for name in FORMATS}
    assert modules <= registered, f"in report/ci/ but not in FORMATS: {sorted(modules - registered)}"
    for name in FORMATS:
        assert callable(FORMATS[name]), f"FORMATS[{name!r}] has no format function"


def test_every_importer_is_in_each_place_its_recipe_names() -> None:
    for name in importers.NAMES:
        for path in (f"ivrcheck/importers/{name}.py", f"docs/importers/{name}.md",
                     f"tests/importers/fixtures/{name}", f"tests/importers/test_{name}.py"):
            assert (ROOT / path).exists(), f"importer {name}: {path} is missing"


def test_every_rule_is_in_each_place_its_recipe_names() -> None:
    for rule in ALL_RULES:
        family, module = rule.__name__.split(".")[-2:]
        for path in (f"ivrcheck/rules/{family}/{module}.py", f"tests/rules/{family}/test_{module}.py",
                     f"docs/rules/{rule.CODE}.md"):
            assert (ROOT / path).exists(), f"rule {rule.CODE}: {path} is missing"


def test_every_language_is_in_each_place_its_recipe_names() -> None:
    folder = ROOT / "ivrcheck" / "language"
    named = yaml.safe_load((folder / "names.yaml").read_text(encoding="utf-8"))["languages"]
    for code in language.available():
        for path in (folder / f"{code}.json", folder / f"lexicon-{code}.yaml"):
            assert path.exists(), f"language {code}: {path.relative_to(ROOT)} is missing"
        assert code in named, f"language {code}: names.yaml does not name it"


def test_no_recipe_touches_the_cli_and_its_help_reads_their_registries() -> None:
    from ivrcheck.cli.options import LISTS

    for title in RECIPES:
        assert not [path for path, _ in touch_points(title) if path.startswith("ivrcheck/cli")], title
    assert LISTS["formats"]() == list(FORMATS)
    assert LISTS["platforms"]() == [importers.BY_NAME[name].TITLE for name in importers.NAMES]
