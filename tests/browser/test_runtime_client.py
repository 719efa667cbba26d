"""The runtime client taking over a worker that calculator-boot.mjs started in the page's <head> (a return visit).

A stand-in worker (an EventTarget with postMessage) replaces Pyodide, so what is checked is the hand-over itself: the
messages kept before it are handled in order, as if they arrived now, an error kept before it is a start failure, and
questions go to the taken-over worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

TAKE_OVER = """async ([module, kept]) => {
  const { RuntimeClient } = await import(module);
  const events = [];
  const sent = [];
  const worker = new EventTarget();
  worker.postMessage = (message) => {
    sent.push(message.type);
    setTimeout(() => worker.dispatchEvent(new MessageEvent("message", { data: { type: "answer", id: message.id, answer: { ok: true } } })));
  };
  worker.terminate = () => events.push("terminated");
  const early = { worker, release: () => ({ messages: kept.messages, errors: kept.errors }) };
  const client = new RuntimeClient("unused.mjs", { startTimeout: 60000, answerTimeout: 60000 }, {
    progress: (percent) => events.push("progress " + percent),
    ready: (restored) => events.push("ready " + restored),
    failed: (kind, detail) => events.push("failed " + kind + " " + detail),
  });
  client.start(early);
  events.push("started");
  if (client.ready) events.push("answer " + JSON.stringify(await client.ask("evaluate", {})));
  client.stop();
  return { events, sent };
}"""


def runtime_module(site: Path, base_url: str) -> str:
    (folder,) = (site / "assets" / "rekenmodule").iterdir()
    return f"{base_url}assets/rekenmodule/{folder.name}/runtime-client.mjs"


def take_over(page: Page, site: Path, base_url: str, messages: list[Any], errors: list[str]) -> dict[str, Any]:
    page.goto(base_url)
    result: dict[str, Any] = page.evaluate(
        TAKE_OVER, [runtime_module(site, base_url), {"messages": messages, "errors": errors}]
    )
    return result


def test_kept_messages_are_handled_in_order_and_questions_go_to_the_taken_worker(
    page: Page, site: Path, base_url: str
) -> None:
    kept = [
        {"type": "progress", "percent": 40},
        {"type": "progress", "percent": 90},
        {"type": "ready", "restored": True},
    ]
    result = take_over(page, site, base_url, kept, [])
    assert result["events"] == [
        "progress 40",
        "progress 90",
        "ready true",
        "started",
        'answer {"ok":true}',
        "terminated",
    ]
    assert result["sent"] == ["evaluate"]


def test_a_worker_still_starting_is_taken_over_without_its_ready(page: Page, site: Path, base_url: str) -> None:
    result = take_over(page, site, base_url, [{"type": "progress", "percent": 5}], [])
    assert result["events"] == ["progress 5", "started", "terminated"]
    assert result["sent"] == []


@pytest.mark.parametrize(
    ("messages", "errors"),
    [
        ([], ["SyntaxError in the worker script"]),
        ([{"type": "error", "message": "SyntaxError in the worker script"}], []),
    ],
)
def test_a_failure_kept_before_the_take_over_is_a_start_failure(
    page: Page, site: Path, base_url: str, messages: list[Any], errors: list[str]
) -> None:
    result = take_over(page, site, base_url, [*messages, {"type": "ready", "restored": False}], errors)
    assert result["events"] == ["terminated", "failed start SyntaxError in the worker script", "started"]
    assert result["sent"] == []
