"""Fixtures for the browser tests; the helpers live in browser_helpers.py."""

from apache_server import apache_subpath_url  # noqa: F401 - the sub-path site under Apache (tests/nginx/ too)
from axe_helpers import axe_context  # noqa: F401 - a context that lets the axe script in
from browser_helpers import base_url, browser, context, page, playwright, site  # noqa: F401 - fixtures for pytest
from embedding_helpers import urls  # noqa: F401 - the site and a host page on another origin (issue 33)
from nginx_server import nginx_url  # noqa: F401 - the site under nginx with hosting/nginx/ (tests/nginx/ too)
