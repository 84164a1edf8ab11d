"""H2xx human access rules."""

RULES: tuple = ()
