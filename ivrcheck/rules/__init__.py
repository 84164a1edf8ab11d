"""Rules step: the registry of every rule, and running the selected ones over a phone line.

`ALL_RULES` is the one table: a rule's code, name, severity, settings and score part are
constants in its module, and its family is the folder it lives in. The score, SARIF, the
docs and the registry test all read this table.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

from ivrcheck.config import CodeInfo, Config
from ivrcheck.findings import Finding, Problem, Severity
from ivrcheck.graph import LineAnalysis
from ivrcheck.load.codes import LOAD_CODES
from ivrcheck.model import Menu
from ivrcheck.rules import human, labels, prompts, robustness, structure, tasks
from ivrcheck.rules.base import Rule

#: Folder -> the code letter of its rules.
FAMILIES = {"structure": "S", "human": "H", "labels": "L", "prompts": "P", "robustness": "R", "tasks": "T"}
PARTS = ("navigation", "human_access", "wording", "robustness")

ALL_RULES: tuple[Rule, ...] = (*structure.RULES, *human.RULES, *labels.RULES, *prompts.RULES, *robustness.RULES,
                              *tasks.RULES)
BY_CODE: dict[str, Rule] = {rule.CODE: rule for rule in ALL_RULES}
BY_NAME: dict[str, Rule] = {rule.NAME: rule for rule in ALL_RULES}


def family(rule: Rule) -> str:
    """The folder a rule lives in: structure, human, labels, prompts, robustness or tasks."""
    return rule.__name__.split(".")[-2]


def reads_words(rule: Rule) -> bool:
    """Whether a rule judges what prompts and labels say: the wording rules, and those that declare
    `READS_WORDS = True` (H209 reads time promises). Their findings on a node in a language
    ivrcheck has no words for are dropped; L307 says which nodes those are."""
    return bool(getattr(rule, "READS_WORDS", rule.PART == "wording"))


def lookup(code_or_name: str) -> Rule | None:
    """A rule by code (`S103`, case-insensitive) or name (`dead-end`)."""
    return BY_CODE.get(code_or_name.upper()) or BY_NAME.get(code_or_name.lower())


def catalog() -> list[CodeInfo]:
    """Every rule and F code as the plain data config validates names against."""
    return [*(CodeInfo(r.CODE, r.NAME, r.SETTINGS) for r in ALL_RULES),
            *(CodeInfo(c.code, c.name, {}, is_rule=False) for c in LOAD_CODES.values())]


def selected(config: Config) -> list[Rule]:
    """The rules a config switches on, in registry order."""
    return [rule for rule in ALL_RULES if config.selects(rule.CODE)]


def run(menu: Menu, line: LineAnalysis, config: Config,
        wanted: Callable[[str], bool] | None = None) -> Iterator[Finding]:
    """Run the rules `wanted` (by code; every rule the config selects when not given) and stamp every
    problem they find into a finding at the rule's severity. Which of them a file reports, and at which
    severity, is the policy's to decide (policy.py); a rule's finding on a node in a language ivrcheck
    has no words for is no finding at all (`reads_words`)."""
    for rule in ALL_RULES if wanted is not None else selected(config):
        if wanted is not None and not wanted(rule.CODE):
            continue
        judges = reads_words(rule)
        for problem, times in _once(rule.check(menu, line, config.settings_for(rule.CODE, rule.SETTINGS))):
            node = menu.nodes.get(problem.node_id) if problem.node_id else None
            if node is not None and judges and line.unread(node):
                continue
            repeated = f" ({times:,} times at this place)" if times > 1 else ""
            yield Finding(
                path=(node.source if node is not None else None) or menu.path, code=rule.CODE, name=rule.NAME,
                severity=problem.severity or rule.SEVERITY,
                message=problem.message + repeated + _how_reached(line, problem),
                help=problem.help, span=problem.span, node_id=problem.node_id, state=problem.state,
            )


def _once(problems: Iterable[Problem]) -> Iterator[tuple[Problem, int]]:
    """Each distinct problem once, in the order found, with how many times the rule found it.

    An export can bind one key thousands of times at one place (an Amazon Connect condition's
    `Operands`): a rule that judges each option finds the same problem at the same span each time.
    Counted here, it is one finding that says how many, not thousands that the policy, the fixes
    and the sort would each go through before the sort dropped the repeats (issue 23)."""
    counts: dict[tuple, list] = {}
    for problem in problems:
        key = (problem.span.line, problem.span.column, problem.node_id, problem.message, problem.help,
               problem.state, problem.severity)
        seen = counts.get(key)
        if seen is None:
            counts[key] = [problem, 1]
        else:
            seen[1] += 1
    return ((problem, times) for problem, times in counts.values())


def _how_reached(line: LineAnalysis, problem: Problem) -> str:
    """For a finding that holds in one state only: how callers reach its node in that state,
    when that differs from the open state (the route is often the real cause)."""
    if problem.state is None or problem.node_id is None or problem.state not in line.states:
        return ""
    route = line.states[problem.state].route(problem.node_id)
    if route is None or len(route) < 2 or route == line.open.route(problem.node_id):
        return ""
    shown = " -> ".join(f'"{n}"' for n in route)
    return f" (in the {problem.state} state callers reach it through {shown})"


__all__ = ["ALL_RULES", "BY_CODE", "BY_NAME", "FAMILIES", "PARTS", "Rule", "Severity", "catalog", "family",
           "lookup", "run", "selected"]
