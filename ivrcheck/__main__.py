"""`python -m ivrcheck` runs the command line."""

from ivrcheck.cli import main

main()
