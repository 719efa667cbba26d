"""Glossary terms marked at their first use on a page, and only there.

Markdown's ``abbr`` extension marks every occurrence of a term: a page that says "steunplafond" six times shows six
dotted lines and six identical explanations. ``first_use`` instead wraps the first occurrence of each term in the
page's running text in ``<abbr title="...">``, and leaves the later ones as plain words.

Running text excludes what a reader does not read as a sentence, or what an ``<abbr>`` would break: headings,
admonition and table-of-contents syntax, fenced and inline code, HTML tags and comments, link addresses, attribute
lists (``{ #id }``), footnote definitions and text already inside an ``<abbr>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

# Spans of a Markdown page where a term must not be marked, in the order they are tried.
_PROTECTED = re.compile(
    r"""
      ^[ \t]*(?:```|~~~).*?^[ \t]*(?:```|~~~)[ \t]*$   # fenced code block
    | ^[ \t]*\#.*?$                                  # heading
    | ^[ \t]*!!!.*?$                                 # admonition title line
    | ^\[\^[^\]]+\]:.*?$                             # footnote definition
    | ^\*\[[^\]]+\]:.*?$                             # abbreviation definition
    | <abbr\b.*?</abbr>                              # already explained
    | <!--.*?-->                                     # comment
    | </?[A-Za-z][^>]*>                              # HTML tag (with its attributes)
    | `[^`\n]*`                                      # inline code
    | \]\([^)\n]*\)                                  # link address: ](...)
    | \{[^}\n]*\}                                    # attribute list: { #id .class }
    """,
    re.MULTILINE | re.DOTALL | re.VERBOSE,
)


def _open_spans(markdown: str) -> list[tuple[int, int]]:
    """The stretches of running text between the protected spans."""
    spans, start = [], 0
    for match in _PROTECTED.finditer(markdown):
        if match.start() > start:
            spans.append((start, match.start()))
        start = max(start, match.end())
    spans.append((start, len(markdown)))
    return spans


def _term_pattern(term: str) -> re.Pattern[str]:
    # A whole word: "registratienummer" is not marked inside "registratienummers", nor "VTE" inside "VTE's"; the
    # first part of a compound is ("NACE-BEL" in "NACE-BEL-code").
    return re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w'’])")


def first_use(markdown: str, terms: Iterable[tuple[str, str]]) -> str:
    """``markdown`` with the first occurrence in running text of each ``(term, explanation)`` wrapped in
    ``<abbr title="explanation">term</abbr>``. Terms are matched case-sensitively as whole words; a term that
    does not occur is left out. A longer term is placed before a shorter one it contains, so "verbonden
    onderneming" is not cut by a shorter term."""
    ordered = sorted(terms, key=lambda item: len(item[0]), reverse=True)
    for term, explanation in ordered:
        pattern = _term_pattern(term)
        for start, end in _open_spans(markdown):
            match = pattern.search(markdown, start, end)
            if match:
                tag = f'<abbr title="{escape(explanation, quote=True)}">{term}</abbr>'
                markdown = markdown[: match.start()] + tag + markdown[match.end() :]
                break
    return markdown
