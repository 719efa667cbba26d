"""The nginx fixture lives in tests/browser/nginx_server.py, shared with the browser test that runs under nginx."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "browser"))

from apache_server import apache_url  # noqa: F401 - a fixture, re-exported for pytest
from nginx_server import nginx_url  # noqa: F401 - a fixture, re-exported for pytest
