"""./dev serve's watcher (build_scripts/watch.py): which change needs which rebuild, bursts of saves, and a failed
rebuild that leaves the served site as it was. Nothing is built here (the builder is replaced); the browser test
tests/browser/test_reload.py builds and reloads for real."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts import build_site, watch
from build_scripts.watch import classify


@pytest.mark.parametrize(
    "changed",
    [
        ["docs/steun.md"],
        ["docs_includes/woordenlijst.md"],
        ["site_overrides/calculator.html"],
        ["site_overrides/assets/stylesheets/site.css"],
        ["mkdocs.yml"],
        ["build_scripts/voorbeelden.toml"],
        ["build_scripts/markers.py"],
        ["aanbieder.toml"],
    ],
)
def test_pages_templates_and_provider_rebuild_the_pages_only(root: Path, changed: list[str]) -> None:
    assert classify([root / name for name in changed], root, environ={}) == "pages"


@pytest.mark.parametrize(
    "changed",
    [
        ["calculator/engine.py"],
        ["calculator/data/parameters.toml"],
        ["calculator/data/bronnen.toml", "docs/index.md"],
        ["build_scripts/trim_stdlib.mjs"],
        ["calculator/teksten.py", "docs/index.md"],
        ["docs/index.md", "calculator/data/parameters.toml", "calculator/steun.py"],
        ["frontend/render.mjs"],
        ["frontend/calculator.css"],
        ["pyproject.toml"],
    ],
)
def test_the_package_its_data_or_the_frontend_rebuild_the_runtime_too(root: Path, changed: list[str]) -> None:
    assert classify([root / name for name in changed], root, environ={}) == "full"


@pytest.mark.parametrize(
    "changed",
    [
        [],
        ["README.md"],
        ["tests/unit/test_cases.py"],
        ["calculator/__pycache__/engine.cpython-312.pyc"],
        ["docs/.steun.md.swp"],
        ["docs/steun.md~"],
        ["site/index.html"],
    ],
)
def test_other_files_rebuild_nothing(root: Path, changed: list[str]) -> None:
    assert classify([root / name for name in changed], root, environ={}) is None


def test_the_provider_file_is_the_one_kmo_aanbieder_names(root: Path) -> None:
    environ = {"KMO_AANBIEDER": "examples/voorbeeld.toml"}
    assert classify([root / "examples" / "voorbeeld.toml"], root, environ=environ) == "pages"
    assert classify([root / "aanbieder.toml"], root, environ=environ) is None
    outside = Path("/elders/mijn-aanbieder.toml")
    assert classify([outside], root, environ={"KMO_AANBIEDER": str(outside)}) == "pages"


def test_the_folder_the_provider_file_names_rebuilds_the_pages(tmp_path: Path) -> None:
    (tmp_path / "aanbieder.toml").write_text('naam = "X"\ninhoud = "eigen"\n', encoding="utf-8")
    assert classify([tmp_path / "eigen" / "diensten.md"], tmp_path, environ={}) == "pages"
    assert classify([tmp_path / "ander" / "diensten.md"], tmp_path, environ={}) is None
    assert tmp_path / "eigen" in watch.watched_paths(tmp_path, environ={})


class Recorder:
    """Stands in for watch.Builder: records the rebuilds asked for, and fails when told to."""

    def __init__(self) -> None:
        self.kinds: list[str] = []
        self.fail = False

    def build(self, kind: str) -> float:
        self.kinds.append(kind)
        if self.fail:
            raise RuntimeError("mkdocs: a broken page")
        return 0.0


def project(tmp_path: Path) -> tuple[Path, watch.Watcher, Recorder, list[int]]:
    for name in ("docs/index.md", "calculator/data/parameters.toml", "calculator/engine.py", "mkdocs.yml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("eerste versie\n", encoding="utf-8")
    rebuilt: list[int] = []
    watcher = watch.Watcher(tmp_path, on_rebuilt=lambda: rebuilt.append(1), interval=0.05, quiet=0.2, environ={})
    recorder = Recorder()
    watcher.builder = recorder  # type: ignore[assignment]
    return tmp_path, watcher, recorder, rebuilt


def step(watcher: watch.Watcher) -> None:
    """One turn of the watcher's loop."""
    changed = watcher.poll()
    if changed:
        watcher.rebuild(changed)


def test_a_page_change_rebuilds_the_pages_and_a_data_change_everything(tmp_path: Path) -> None:
    root, watcher, recorder, rebuilt = project(tmp_path)
    step(watcher)
    assert recorder.kinds == []  # nothing changed yet
    (root / "docs/index.md").write_text("tweede versie\n", encoding="utf-8")
    step(watcher)
    assert recorder.kinds == ["pages"]
    (root / "calculator/data/parameters.toml").write_text("tweede versie\n", encoding="utf-8")
    step(watcher)
    assert recorder.kinds == ["pages", "full"]
    (root / "README.md").write_text("niet gewatcht\n", encoding="utf-8")
    step(watcher)
    assert recorder.kinds == ["pages", "full"]
    assert rebuilt == [1, 1]


def test_a_new_provider_file_is_noticed(tmp_path: Path) -> None:
    root, watcher, recorder, _ = project(tmp_path)
    (root / "aanbieder.toml").write_text('naam = "Voorbeeld"\n', encoding="utf-8")
    step(watcher)
    assert recorder.kinds == ["pages"]


def test_a_burst_of_saves_makes_one_rebuild(tmp_path: Path) -> None:
    root, watcher, recorder, _ = project(tmp_path)
    (root / "docs/index.md").write_text("tweede versie\n", encoding="utf-8")
    (root / "docs/nieuw.md").write_text("nieuw\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("tweede versie\n", encoding="utf-8")
    step(watcher)
    step(watcher)
    assert recorder.kinds == ["pages"]


def test_a_failed_rebuild_reloads_nothing_and_the_watcher_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, watcher, recorder, rebuilt = project(tmp_path)
    recorder.fail = True
    (root / "docs/index.md").write_text("kapot\n", encoding="utf-8")
    step(watcher)
    assert recorder.kinds == ["pages"]
    assert rebuilt == []
    assert "mkdocs: a broken page" in capsys.readouterr().err
    recorder.fail = False
    (root / "docs/index.md").write_text("hersteld\n", encoding="utf-8")
    step(watcher)
    assert recorder.kinds == ["pages", "pages"]
    assert rebuilt == [1]


def test_a_failed_build_keeps_the_served_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real builder writes into build/site-next and swaps only after success."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("oude site", encoding="utf-8")
    builder = watch.Builder(tmp_path)
    builder.runtime_current = True

    def broken_pages(**_: object) -> None:
        builder.next_dir.mkdir(parents=True)
        (builder.next_dir / "index.html").write_text("half", encoding="utf-8")
        raise RuntimeError("mkdocs failed")

    monkeypatch.setattr(build_site, "runtime_folder", lambda: "0-abc")
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    (wheels / "kmo_calculator-1.0-py3-none-any.whl").write_bytes(b"PK")
    monkeypatch.setattr(build_site, "WHEELS", wheels)
    monkeypatch.setattr(build_site, "build_pages", broken_pages)
    with pytest.raises(RuntimeError):
        builder.build("pages")
    assert (site / "index.html").read_text(encoding="utf-8") == "oude site"
