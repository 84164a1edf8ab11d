"""ivrcheck: validate phone menus (IVRs) before callers meet them.

The pipeline runs one way:

    load (YAML text -> model) -> graph (networkx + analysis per schedule state)
    -> rules (findings) -> score (clarity 0-100) -> report / render -> cli
"""

__version__ = "0.1.0"
