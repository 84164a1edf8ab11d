"""S1xx structure rules."""

from ivrcheck.rules.structure import dead_end

RULES: tuple = (dead_end,)
