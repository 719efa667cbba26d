"""Plain language, as a prospect reads it: each message on one page, short sentences, and a glossary term
explained at its first use on a page only."""

from __future__ import annotations

import html
import re
from pathlib import Path

from site_helpers import content_pages, full_sentences, glossary_at_today, sentences, words

LONGEST_AVERAGE = 16  # words per sentence, on every content page
REPEATED = 12  # a sentence this long (in words) says a message, and a message stands on one page


def test_no_sentence_of_twelve_words_or_more_stands_on_two_pages(site: Path) -> None:
    """A message is written once and linked from the other pages (or kept in one include)."""
    where: dict[str, set[str]] = {}
    for name, path in content_pages(site).items():
        for sentence in sentences(path, shared=False):
            if len(words(sentence)) >= REPEATED:
                where.setdefault(sentence, set()).add(name)
    twice = {sentence: sorted(names) for sentence, names in where.items() if len(names) > 1}
    assert not twice, "\n".join(f"{names}: {sentence}" for sentence, names in twice.items())


def average_sentence_length(path: Path) -> float:
    found = full_sentences(path)
    assert found, f"{path}: no sentence found"
    return sum(len(words(sentence)) for sentence in found) / len(found)


def test_every_content_page_averages_sixteen_words_a_sentence_or_fewer(site: Path) -> None:
    averages = {name: round(average_sentence_length(path), 1) for name, path in content_pages(site).items()}
    too_long = {name: average for name, average in averages.items() if average > LONGEST_AVERAGE}
    assert not too_long, f"average words per sentence above {LONGEST_AVERAGE}: {too_long} (all: {averages})"


def test_the_measure_counts_sentences_not_list_entries(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text(
        "<nav><p>Menu met veel woorden die niet tellen.</p></nav><article><h1>Een titel telt niet</h1>"
        "<p>Een zin van vijf woorden. En nog een zin!</p><ul><li>Pentesting (advies)</li>"
        "<li>Een opsomming die een zin is.</li></ul><table><tr><td>Een cel telt niet.</td></tr></table>"
        '<p>Met een noot<sup id="fnref:1"><a href="#fn:1">1</a></sup> erin.</p>'
        '<div class="footnote"><ol><li><p>Een bron telt niet mee als zin.</p></li></ol></div></article>',
        encoding="utf-8",
    )
    assert full_sentences(page) == [
        "Een zin van vijf woorden.",
        "En nog een zin!",
        "Een opsomming die een zin is.",
        "Met een noot erin.",
    ]
    assert average_sentence_length(page) == (5 + 4 + 6 + 4) / 4


# A marked term (build_scripts/afkortingen.py): the group is its explanation.
MARKED_START = r'<span class="kmo-term"><abbr class="kmo-term__woord" tabindex="0" aria-describedby="kmo-term-\d+">'
MARKED_END = (
    r'</abbr><span class="kmo-term__haakje"> \(</span><span class="kmo-term__uitleg" role="tooltip" id="kmo-term-\d+">'
    r'(.*?)</span><span class="kmo-term__haakje">\)</span></span>'
)

TOOLTIP = r'<span class="kmo-term__uitleg".*?</span>'


def _running_html(path: Path) -> str:
    """The article's HTML without headings, links and the sources section: where a term's first use is looked for."""
    source = path.read_text(encoding="utf-8")
    article = source[source.index("<article") : source.index("</article>")]
    article = re.sub(r"<(h[1-6])\b.*?</\1>", " ", article, flags=re.DOTALL)
    article = re.sub(r'<div class="kmo-bronnen">.*?</div>', " ", article, flags=re.DOTALL)
    article = re.sub(r"<a\b.*?</a>", " ", article, flags=re.DOTALL)  # a link holds no focusable term (HTML)
    return re.sub(r"<(script|style|svg|form)\b.*?</\1>", " ", article, flags=re.DOTALL)


def test_a_term_is_explained_at_its_first_use_on_a_page_and_only_there(site: Path) -> None:
    terms = dict(glossary_at_today())
    checked = 0
    for name, path in content_pages(site).items():
        # The glossary itself shows every explanation; the calculator's questions are written in
        # site_overrides/calculator.html, not in Markdown, and explain their terms in their hints.
        if name in {"woordenlijst.md", "rekenmodule.md"}:
            continue
        running = _running_html(path)
        for term, explanation in terms.items():
            marked = re.findall(rf"{MARKED_START}{re.escape(term)}{MARKED_END}", running, flags=re.DOTALL)
            assert len(marked) <= 1, f"{name}: {term} marked {len(marked)} times"
            # The text with the marked use as a sentinel: the first use of the term must be that one.
            text = re.sub(rf"{MARKED_START}{re.escape(term)}{MARKED_END}", "\x00", running, count=1, flags=re.DOTALL)
            text = re.sub(TOOLTIP, " ", text, flags=re.DOTALL)  # the other terms' explanations are not running text
            text = html.unescape(re.sub(r"<[^>]+>", " ", text))
            first = re.search(rf"(?<![\w-])(?:{re.escape(term)}(?![\w'’])|\x00)", text)
            if first is None:
                continue
            assert first.group(0) == "\x00", f"{name}: the first use of '{term}' is not explained"
            assert html.unescape(marked[0]) == explanation, f"{name}: {term}"
            checked += 1
    assert checked >= 20
