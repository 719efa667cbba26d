"""Glossary terms marked at their first use on a page, and only there.

Markdown's ``abbr`` extension marks every occurrence of a term: a page that says "steunplafond" six times shows six
dotted lines and six identical explanations. ``first_use`` instead marks the first occurrence of each term in the
page's running text, and leaves the later ones as plain words.

A marked term works by touch, keyboard and screen reader, without JavaScript: the term is an ``<abbr>`` that takes
focus (``tabindex="0"``), so a tap on a phone or the Tab key focuses it; its explanation follows it in a
``role="tooltip"`` span that the term names with ``aria-describedby`` (a screen reader reads it as the term's
description), and the site's CSS shows that span while the term is focused or hovered. Without CSS the explanation
stands in the text, between brackets (which the CSS hides, and which are not part of the description).

Running text excludes what a reader does not read as a sentence, or what a marked term would break: headings,
admonition and table-of-contents syntax, fenced and inline code, HTML tags and comments, links (a link may not hold
an element that takes focus), attribute lists (``{ #id }``), footnote definitions, the closing sources section and
text already marked.
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
    | <span\ class="kmo-term">.*?\)</span></span>     # already explained
    | <abbr\b.*?</abbr>                              # an abbreviation written in the page
    | <a\b.*?</a>                                    # an HTML link (no focusable element inside a link)
    | <div\ class="kmo-bronnen".*?</div>             # the closing sources section
    | <!--.*?-->                                     # comment
    | </?[A-Za-z][^>]*>                              # HTML tag (with its attributes)
    | `[^`\n]*`                                      # inline code
    | \[[^\]\n]*\]\([^)\n]*\)                        # Markdown link, text and address: [...](...)
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


def marked(term: str, explanation: str, number: int) -> str:
    """One marked term: the focusable term and its explanation as a tooltip it names (see the module's docstring)."""
    tip = f"kmo-term-{number}"
    return (
        f'<span class="kmo-term"><abbr class="kmo-term__woord" tabindex="0" aria-describedby="{tip}">{term}</abbr>'
        f'<span class="kmo-term__haakje"> (</span><span class="kmo-term__uitleg" role="tooltip" id="{tip}">'
        f'{escape(explanation)}</span><span class="kmo-term__haakje">)</span></span>'
    )


def first_use(markdown: str, terms: Iterable[tuple[str, str]]) -> str:
    """``markdown`` with the first occurrence in running text of each ``(term, explanation)`` marked (:func:`marked`).
    Terms are matched case-sensitively as whole words; a term that does not occur is left out. A longer term is
    placed before a shorter one it contains, so "verbonden onderneming" is not cut by a shorter term."""
    ordered = sorted(terms, key=lambda item: len(item[0]), reverse=True)
    number = 0
    for term, explanation in ordered:
        pattern = _term_pattern(term)
        for start, end in _open_spans(markdown):
            match = pattern.search(markdown, start, end)
            if match:
                number += 1
                markdown = markdown[: match.start()] + marked(term, explanation, number) + markdown[match.end() :]
                break
    return markdown
