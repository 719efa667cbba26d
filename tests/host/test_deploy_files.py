"""The deploy files in the repository: the GitHub Pages workflow builds with the README's production command (the
lean build: only what building needs), publishes what that build writes, runs every morning in Brussels and publishes
nothing when the build fails; the sources workflow runs the watch on the sources every week."""

from __future__ import annotations

import re
import shlex
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from build_scripts import build_site

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
SOURCES_WORKFLOW = ROOT / ".github" / "workflows" / "bronnen.yml"
ASSIGNMENT = re.compile(r"^([A-Z_][A-Z0-9_]*)=(.*)$")


def readme_build_command() -> tuple[dict[str, str], str]:
    """The environment and command of the README's production build ("Before going live")."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Before going live", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, "the README's 'Before going live' has no sh block"
    (line,) = [line for line in block.group(1).splitlines() if "./dev build" in line]
    words = shlex.split(line)
    environment = {}
    while words and (found := ASSIGNMENT.match(words[0])):
        environment[found.group(1)] = found.group(2)
        words.pop(0)
    return environment, shlex.join(words)


def workflow(path: Path = WORKFLOW) -> dict[Any, Any]:
    loaded: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


def triggers(path: Path) -> dict[str, Any]:
    loaded = workflow(path)
    found: dict[str, Any] = loaded["on" if "on" in loaded else True]  # YAML 1.1 reads the key `on` as true
    return found


def workflow_steps(path: Path = WORKFLOW) -> list[dict[str, Any]]:
    return [step for job in workflow(path)["jobs"].values() for step in job.get("steps", [])]


def crons(path: Path) -> list[list[str]]:
    return [entry["cron"].split() for entry in triggers(path).get("schedule", [])]


def test_the_pages_workflow_builds_with_the_readme_production_command() -> None:
    environment, command = readme_build_command()
    assert command == "./dev build --lean"
    assert environment["KMO_PRODUCTIE"] == "1"
    (build,) = [step for step in workflow_steps() if "./dev" in step.get("run", "")]
    assert build["run"].strip() == command
    assert set(build["env"]) == set(environment)
    assert str(build["env"]["KMO_PRODUCTIE"]) == environment["KMO_PRODUCTIE"]
    # The public address comes from the repository's settings, never from a value typed in the workflow.
    assert re.fullmatch(r"\$\{\{ (vars|secrets)\.SITE_URL \}\}", build["env"]["SITE_URL"])


def test_the_pages_workflow_publishes_the_built_site() -> None:
    steps = workflow_steps()
    (upload,) = [step for step in steps if str(step.get("uses", "")).startswith("actions/upload-pages-artifact@")]
    assert Path(upload["with"]["path"]).name == build_site.SITE.name
    assert steps.index(upload) > next(i for i, step in enumerate(steps) if "./dev" in step.get("run", ""))
    assert any(str(step.get("uses", "")).startswith("actions/deploy-pages@") for step in steps)


def test_the_pages_workflow_rebuilds_every_morning_in_brussels() -> None:
    assert "push" in triggers(WORKFLOW), "a push still publishes at once"
    (daily,) = crons(WORKFLOW)
    minute, hour, day, month, weekday = daily
    assert (day, month, weekday) == ("*", "*", "*"), "every day"
    for when in (datetime(2026, 1, 15), datetime(2026, 7, 15)):  # winter and summer time
        run = when.replace(hour=int(hour), minute=int(minute), tzinfo=ZoneInfo("UTC"))
        in_brussels = run.astimezone(ZoneInfo("Europe/Brussels"))
        assert in_brussels.date() == run.date(), "the day built for is the day in Brussels"
        assert 3 <= in_brussels.hour < 7, f"early morning in Brussels, not {in_brussels:%H:%M}"


def test_a_failed_build_publishes_nothing() -> None:
    jobs = workflow()["jobs"]
    assert jobs["deploy"]["needs"] == "build"
    for job in jobs.values():
        assert "if" not in job, "deploy runs only after a build that succeeded"
        assert not job.get("continue-on-error")
        assert not any(step.get("continue-on-error") for step in job.get("steps", []))


def test_the_deploy_build_installs_only_what_building_needs() -> None:
    installed = " ".join(step.get("run", "") for step in workflow_steps())
    for tool in ("chromium", "java", "jre", "nginx", "playwright"):
        assert tool not in installed, tool
    pins = {}
    for name in ("dev", "build"):
        text = (ROOT / "requirements" / f"{name}.txt").read_text(encoding="utf-8")
        pins[name] = {line.split("==")[0].lower().replace("_", "-"): line for line in text.splitlines() if "==" in line}
    assert pins["build"].items() <= pins["dev"].items(), "the build's pins are the development pins"
    for test_only in ("playwright", "pytest", "mypy", "ruff", "hypothesis"):
        assert test_only not in pins["build"], test_only


def test_the_sources_workflow_watches_every_week_and_changes_nothing() -> None:
    (weekly,) = crons(SOURCES_WORKFLOW)
    assert weekly[2:4] == ["*", "*"]
    assert weekly[4] != "*", "one day a week"
    assert workflow(SOURCES_WORKFLOW)["permissions"] == {"contents": "read"}
    (watch,) = [step for step in workflow_steps(SOURCES_WORKFLOW) if "./dev" in step.get("run", "")]
    assert watch["run"].strip() == "./dev bronnen"
