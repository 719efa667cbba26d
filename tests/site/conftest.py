"""Fixtures for the site tests; the helpers live in site_helpers.py."""

from site_helpers import pages, site  # noqa: F401 - fixtures, re-exported for pytest
