"""The calculator page while its runtime loads: the runtime's downloads wait for the page's first paint and start
from the head start, a form filled in meanwhile is answered once the runtime is ready, and nothing on screen is
written again when it becomes ready.

Each test checks an order of events, never a duration.
"""

from __future__ import annotations

import pytest
from browser_helpers import open_calculator, renders, wait_for_answer_to, wait_until_ready
from form import answer_three_questions
from playwright.sync_api import BrowserContext, Page, Route, expect

from calculator import evaluate

pytestmark = pytest.mark.browser


WATCH_PAINTS = """
window.kmoChanges = [];
document.addEventListener('DOMContentLoaded', () => {
  const root = document.querySelector('[data-calculator]');
  window.kmoPlaceholder = root.querySelector('[data-placeholder]');
  new MutationObserver((records) => {
    for (const record of records) {
      const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
      if (node.closest('[data-status]')) continue; // the loading line says "Klaar": that one changes
      if (record.type === 'attributes' && record.attributeName.startsWith('data-')) continue; // no paint
      window.kmoChanges.push(`${record.type} ${record.attributeName || ''} on ${node.outerHTML.slice(0, 80)}`);
    }
  }).observe(root, {subtree: true, childList: true, attributes: true, characterData: true});
});
"""


def test_nothing_on_screen_is_written_again_when_the_runtime_becomes_ready(
    context: BrowserContext, base_url: str
) -> None:
    """Only the status line changes when the runtime is ready: the placeholder (the largest paint on a phone) and the
    form stay as they were painted, so the browser has nothing to paint again."""
    page = context.new_page()
    page.set_viewport_size({"width": 360, "height": 740})
    page.add_init_script(WATCH_PAINTS)
    open_calculator(page, base_url)
    page.wait_for_function("() => Number(document.querySelector('[data-results]').dataset.renders || 0) > 0")
    page.wait_for_timeout(500)  # the address is saved 300 ms after an answer
    assert page.evaluate("() => window.kmoChanges") == []
    assert page.evaluate("() => window.kmoPlaceholder.isConnected && !window.kmoPlaceholder.hidden")
    assert page.evaluate("() => location.hash") == ""


def test_the_runtime_downloads_start_after_the_first_paint(page: Page, base_url: str) -> None:
    """The runtime's preloads wait until the page has painted: started with the page, they held back its stylesheet
    on a slow line, and the page's first and largest paint came only after megabytes of runtime (an order of
    events, not a duration)."""
    open_calculator(page, base_url)
    order = page.evaluate(
        """() => {
            const paint = performance.getEntriesByName('first-contentful-paint')[0].startTime;
            return performance.getEntriesByType('resource')
                .filter((entry) => /(pyodide[.]asm[.]wasm|python_stdlib[.]zip)$/.test(entry.name))
                .map((entry) => [entry.name.split('/').pop(), entry.initiatorType, entry.startTime >= paint]);
        }"""
    )
    preloads = [entry for entry in order if entry[1] == "link"]
    assert sorted(name for name, _, _ in preloads) == ["pyodide.asm.wasm", "python_stdlib.zip"], order
    assert all(after for _, _, after in preloads), order


def test_the_head_start_preloads_the_runtime_before_the_page_script_runs(page: Page, base_url: str) -> None:
    """The preloads come from the head start (calculator-boot.mjs, an async module at the top of <head>), not from the
    page script, which runs only once the whole document is parsed: with the page script held back, the big files
    still start downloading once the page has painted, each in the form the host sends it."""
    held: list[Route] = []
    page.route("**/calculator-page.mjs", lambda route: held.append(route))  # noqa: PLW0108
    page.goto(base_url + "rekenmodule/", wait_until="commit")  # the load event waits for the page script
    page.wait_for_function(
        """() => ['pyodide.asm.wasm', 'python_stdlib.zip'].every((name) =>
            performance.getEntriesByType('resource').some((entry) =>
                entry.initiatorType === 'link' && entry.name.split('/').pop() === name))"""
    )
    assert held, "the page script was not held back"
    assert page.get_attribute("[data-calculator]", "data-worker-start") is None  # the page script has not run
    preloaded = page.evaluate(
        """() => [...document.head.querySelectorAll('link[rel=preload][as=fetch]')]
            .map((link) => link.getAttribute('href').split('/').pop()).sort()"""
    )
    assert preloaded == ["pyodide-lock.json", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"], preloaded
    for route in held:
        route.continue_()
    wait_until_ready(page)


def test_the_form_filled_in_while_loading_is_answered_when_the_runtime_is_ready(page: Page, base_url: str) -> None:
    held: list[Route] = []
    page.route("**/*.wasm", lambda route: held.append(route))  # noqa: PLW0108
    page.goto(base_url + "rekenmodule/")
    page.wait_for_function("() => document.querySelector('[data-calculator]').dataset.state === 'loading'")
    answer_three_questions(page)
    expect(page.get_by_label("Bedrag zonder btw (€)")).to_have_value("8000")
    assert page.get_attribute("[data-calculator]", "data-state") == "loading"
    assert renders(page) == 0
    page.wait_for_function("() => location.hash.includes('aanvraag=')")  # the address follows the form already
    for route in held:
        route.continue_()
    page.unroute("**/*.wasm")
    wait_until_ready(page)
    sent = wait_for_answer_to(page, "r.services[0] && r.services[0].amount === '8000'")
    assert sent == {"enterprise": {"size_category": "klein"}, "services": [{"kind": "pentest", "amount": "8000"}]}
    expect(page.locator("[data-answer='summary']")).to_have_text(evaluate(sent)["summary"]["message"])
