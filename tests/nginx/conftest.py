"""The nginx and Apache fixtures live in tests/browser/ (nginx_server.py, apache_server.py), shared with the browser
tests that run under them."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "browser"))

from apache_server import apache_subpath_url, apache_url  # noqa: F401 - fixtures, re-exported for pytest
from nginx_server import nginx_url  # noqa: F401 - a fixture, re-exported for pytest
