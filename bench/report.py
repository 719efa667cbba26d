"""The bench's performance targets and its report (bench/results/bench.md)."""

from __future__ import annotations

from typing import Any

from bench.site import INFORMATION_PAGE

# The performance targets, each on its host: (host, figure key, how it is compared, limit, label). A ratio is ours
# over the naive embed's median on the same host; an absolute figure is ours alone.
TARGETS = (
    ("ghpages", "calculator_page_bytes", "ratio", 0.75, "bytes, cold"),
    ("ghpages", "ready_cold_ms", "ratio", 0.65, "ready, cold"),
    ("ghpages", "ready_return_ms", "ratio", 0.30, "ready, return visit"),
    ("none", "calculator_page_bytes", "ratio", 1.0, "bytes, cold"),
    ("precompressed", "calculator_page_bytes", "ratio", 0.65, "bytes, cold"),
    ("precompressed", "ready_cold_ms", "ratio", 0.55, "ready, cold"),
    ("precompressed", "ready_return_ms", "ratio", 0.25, "ready, return visit"),
    ("precompressed", "ready_return_ms", "absolute", 500.0, "ready, return visit, absolute (ms)"),
    ("precompressed", "long_tasks_api_cold_ms", "absolute", 50.0, "long tasks during boot (ms, sum, Long Tasks API)"),
    (
        "precompressed",
        "blocking_cold_ms",
        "absolute",
        50.0,
        "main-thread blocks during boot (ms, sum of heartbeat gaps > 50 ms)",
    ),
)
LIGHTHOUSE_TARGET = ("ghpages", "calculator-mobile", 95)
FIGURES = (
    ("Ready, cold cache (ms)", "ready_cold_ms"),
    ("Ready, return visit (ms)", "ready_return_ms"),
    ("Main-thread long tasks during boot (ms, sum of blocks > 50 ms)", "blocking_cold_ms"),
    ("Same, as the Long Tasks API reports it (ms)", "long_tasks_api_cold_ms"),
    ("Main-thread long tasks during a return visit (ms)", "blocking_return_ms"),
    ("Input change to result shown (ms)", "input_to_result_ms"),
    ("Calculator page, bytes transferred (cold)", "calculator_page_bytes"),
    ("Calculator page, bytes transferred (return visit)", "return_visit_bytes"),
)


def ratio(ours: float, naive: float) -> float:
    return round(ours / naive, 3) if naive else float("inf")


def row(host: str, figure: str, kind: str, value: Any, *, target: Any, met: bool) -> dict[str, Any]:
    return {"host": host, "figure": figure, "kind": kind, "value": value, "target": target, "met": met}


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target with the figure measured for it, on the hosts measured."""
    rows = []
    for host, key, kind, limit, label in TARGETS:
        if host in results["hosts"]:
            figures = results["hosts"][host]
            value = figures["ratios"][key] if kind == "ratio" else figures["ours"][key]["median"]
            rows.append(row(host, label, kind, value, target=limit, met=value <= limit))
    host, name, minimum = LIGHTHOUSE_TARGET
    score = results.get("lighthouse_performance", {}).get(host, {}).get(name)
    if score is not None:
        rows.append(row(host, f"Lighthouse performance, {name}", "score", score, target=minimum, met=score >= minimum))
    answers = bool(results.get("offline", {}).get("answers"))
    rows.append(row("precompressed", "offline after one visit", "yes/no", answers, target=True, met=answers))
    return rows


def _shown(row: dict[str, Any]) -> tuple[str, str]:
    """A target row's value and target, as the report shows them."""
    value, kind, target = row["value"], row["kind"], row["target"]
    if kind == "ratio":
        return f"{value:.3f}×", f"≤ {target:.2f}×"
    if kind == "absolute":
        return f"{value:.0f}", f"≤ {target:.0f}"
    if kind == "score":
        return f"{value}", f"≥ {target}"
    return ("answers" if value else "does not answer"), "answers"


def _targets_table(results: dict[str, Any]) -> list[str]:
    lines = ["### Targets (ratios: ours / the naive embed on the same host)", ""]
    lines += ["| host | figure | ours | target | met |", "|---|---|---|---|---|"]
    for target in results.get("targets", []):
        shown, limit = _shown(target)
        met = "met" if target["met"] else "**no**"
        lines.append(f"| {target['host']} | {target['figure']} | {shown} | {limit} | {met} |")
    return [*lines, ""]


def _spread(figure: dict[str, float]) -> str:
    return f"{figure['median']:.0f} ({figure['min']:.0f}–{figure['max']:.0f})"


def _host_extras(figures: dict[str, Any]) -> list[str]:
    """The rows only some hosts have: the return visit without the snapshot, the disk cache, the information page."""
    lines = []
    if "ready_return_without_snapshot_ms" in figures["ours"]:
        without = figures["ours"]["ready_return_without_snapshot_ms"]
        cut = 100 * (1 - figures["ours"]["ready_return_ms"]["median"] / without["median"])
        lines.append(
            f"| Ours, return visit without the memory snapshot (ms) | {_spread(without)} | | snapshot cuts {cut:.0f} % |"
        )
    starts = figures["ours"]["return_visit_starts"]
    lines.append(
        f"| Our return visits that started from the memory snapshot | {starts.count('snapshot')} of {len(starts)} | | |"
    )
    if "disk_cache_cold_bytes" in figures:
        disk = figures["disk_cache_cold_bytes"]
        lines.append(
            f"| Calculator page, bytes transferred (cold, one visit in a profile with a disk cache) "
            f"| {disk['ours']:.0f} | {disk['naive']:.0f} | {ratio(disk['ours'], disk['naive']):.2f} |"
        )
    if "information_page" in figures:
        info = figures["information_page"]
        lines += [
            f"| Information page ({INFORMATION_PAGE}), bytes transferred | {info['bytes']['median']:.0f} | | |",
            f"| Runtime requests from the information page | {info['runtime_requests']} | | |",
        ]
    return lines


def _host_table(host: str, figures: dict[str, Any]) -> list[str]:
    lines = [f"### Host: {host}", "", "| | ours | naive | ours/naive |", "|---|---|---|---|"]
    for label, key in FIGURES:
        ours, naive = figures["ours"][key], figures["naive"][key]
        lines.append(f"| {label} | {_spread(ours)} | {_spread(naive)} | {figures['ratios'][key]:.2f} |")
    return [*lines, *_host_extras(figures), ""]


def markdown(results: dict[str, Any]) -> str:
    lines = [
        f"Chromium {results['chromium']}, {results['network']} for all responses together, {results['runs']} runs "
        "after a warm-up; median (min–max). Both pages on the same server, host by host, in one run.",
        "",
        *_targets_table(results),
    ]
    for host, figures in results["hosts"].items():
        lines += _host_table(host, figures)
    offline = results["offline"]
    if offline["answers"]:
        found = f"answers, ready in {offline['ready_ms']:.0f} ms, shows {offline['shown']}"
    else:
        found = f"does not answer ({offline.get('error', '')})"
    lines.append(f"Offline after one visit (server stopped, HTTP cache emptied): {found}")
    for host, scores in results.get("lighthouse_performance", {}).items():
        shown = ", ".join(f"{name} {score}" for name, score in scores.items())
        lines += ["", f"Lighthouse performance ({host} host, unthrottled server, Lighthouse's own throttling): {shown}"]
    return "\n".join(lines)
