"""Paths shared by the nginx tests (the fixture is in tests/browser/nginx_server.py)."""

from nginx_server import CONFIG, ROOT, SITE

__all__ = ["CONFIG", "ROOT", "SITE"]
