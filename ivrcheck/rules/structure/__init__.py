"""S1xx structure rules: the menu as a graph holds together."""

from ivrcheck.rules.structure import (
    dead_end, duplicate_key, key_gap, single_option_menu, too_deep, too_many_options, trap_loop, unconventional_key,
    undefined_target, unreachable_node,
)

RULES: tuple = (
    undefined_target, unreachable_node, dead_end, trap_loop, too_deep, too_many_options, single_option_menu,
    key_gap, duplicate_key, unconventional_key,
)
