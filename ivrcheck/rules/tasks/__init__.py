"""T6xx task rules: what callers come for (`tasks:`, `weight:`) and whether the menus serve it."""

from ivrcheck.rules.tasks import popular_option_late, task_astray, task_unreachable

RULES: tuple = (task_unreachable, task_astray, popular_option_late)
