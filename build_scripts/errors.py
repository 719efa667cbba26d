"""The one error of a site build: an unknown marker or figure, a wrong argument, a bad provider file. It is not
MkDocs' ``PluginError``, so the marker code runs under any Python-Markdown site generator (Zensical too); MkDocs and
Zensical both stop the build on it.
"""

from __future__ import annotations


class BuildError(Exception):
    """What is wrong in a page, the data or the provider file, in words that name the fix."""
