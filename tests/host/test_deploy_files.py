"""The deploy files in the repository: the GitHub Pages workflow builds with the README's production command and
publishes what that build writes."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import yaml

from build_scripts import build_site

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
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


def workflow_steps() -> list[dict[str, Any]]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_the_pages_workflow_builds_with_the_readme_production_command() -> None:
    environment, command = readme_build_command()
    assert command == "./dev build"
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
