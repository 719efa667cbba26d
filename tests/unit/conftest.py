"""Fixtures for the rules tests; the helpers live in rules_helpers.py (a unique module name for every test folder)."""

from rules_helpers import rules  # noqa: F401 - a fixture, re-exported for pytest
