"""The memory snapshot's packed form (frontend/calculator-runtime.mjs): only the 4 KiB blocks that are not all zero are
stored, and unpacking gives back the very same bytes, or refuses a damaged snapshot whole.

A real snapshot goes through the same two functions in tests/host/test_pyodide_unit.py (the unit tests run in a
runtime restored from a packed and unpacked snapshot) and in tests/browser/test_offline.py (return visits).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

# A snapshot-like array: zero blocks, a run of blocks, single bytes at block edges, a short last block.
ROUND_TRIP = """async ([module, length, marks]) => {
  const { packSnapshot, unpackSnapshot } = await import(module);
  const snapshot = new Uint8Array(length);
  for (const [at, value] of marks) snapshot[at] = value;
  const packed = packSnapshot(snapshot);
  const back = unpackSnapshot(packed);
  let same = back.length === snapshot.length;
  for (let i = 0; same && i < snapshot.length; i += 1) same = back[i] === snapshot[i];
  return { packed: packed.length, same, length: back.length };
}"""

DAMAGED = """async ([module, change]) => {
  const { packSnapshot, unpackSnapshot } = await import(module);
  const snapshot = new Uint8Array(64 * 1024 + 5);
  snapshot[0] = 1; snapshot[5000] = 2; snapshot[40000] = 3; snapshot[64 * 1024 + 4] = 4;
  let packed = packSnapshot(snapshot);
  const words = new DataView(packed.buffer);
  if (change === "cut") packed = packed.subarray(0, packed.length - 1);
  if (change === "longer") { const longer = new Uint8Array(packed.length + 1); longer.set(packed); packed = longer; }
  if (change === "magic") words.setUint32(0, 0, true);
  if (change === "overlap") words.setUint32(4 * 6, 0, true);  // the second run starts where the first does
  if (change === "header") packed = packed.subarray(0, 12);
  if (change === "none") return { length: unpackSnapshot(packed).length };
  try {
    unpackSnapshot(packed);
    return { error: null };
  } catch (error) {
    return { error: String(error.message) };
  }
}"""


def runtime_module(site: Path, base_url: str) -> str:
    (folder,) = (site / "assets" / "rekenmodule").iterdir()
    return f"{base_url}assets/rekenmodule/{folder.name}/calculator-runtime.mjs"


def round_trip(page: Page, site: Path, base_url: str, length: int, marks: list[tuple[int, int]]) -> dict[str, Any]:
    page.goto(base_url)
    result: dict[str, Any] = page.evaluate(ROUND_TRIP, [runtime_module(site, base_url), length, marks])
    return result


def test_a_packed_snapshot_holds_only_its_blocks_that_are_not_zero_and_unpacks_to_the_same_bytes(
    page: Page, site: Path, base_url: str
) -> None:
    block = 4096
    length = 300 * block + 123  # the last block is short
    marks = [(0, 7), (block - 1, 1), (block, 2), (10 * block + 5, 255), (11 * block, 9), (200 * block, 3)]
    marks += [(length - 1, 42)]
    result = round_trip(page, site, base_url, length, marks)
    assert result["same"]
    assert result["length"] == length
    # Blocks 0, 1, 10, 11, 200 and the short last one are kept, in four runs: 16 bytes of header, 8 per run, the data.
    data = 5 * block + 123
    assert result["packed"] == 16 + 8 * 4 + data


def test_an_all_zero_snapshot_packs_to_its_header(page: Page, site: Path, base_url: str) -> None:
    result = round_trip(page, site, base_url, 5 * 4096, [])
    assert result == {"packed": 16, "same": True, "length": 5 * 4096}


@pytest.mark.parametrize("change", ["cut", "longer", "magic", "overlap", "header"])
def test_a_damaged_packed_snapshot_is_refused(page: Page, site: Path, base_url: str, change: str) -> None:
    page.goto(base_url)
    module = runtime_module(site, base_url)
    assert page.evaluate(DAMAGED, [module, "none"]) == {"length": 64 * 1024 + 5}
    result = page.evaluate(DAMAGED, [module, change])
    assert result["error"], result
    assert result["error"].startswith("the stored memory snapshot is damaged"), result
