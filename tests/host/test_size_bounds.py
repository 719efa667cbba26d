"""Size bounds a reader can hold in mind: no Python file over 400 lines and no function over 50 lines, in the
package, the site build and the benchmark."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

FOLDERS = ("calculator", "build_scripts", "bench")
MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 50


def _python_files(root: Path) -> list[Path]:
    files = sorted(path for folder in FOLDERS for path in (root / folder).rglob("*.py"))
    assert len(files) > 20  # the walk found the code
    return files


def test_no_python_file_is_over_400_lines(root: Path) -> None:
    too_long = {}
    for path in _python_files(root):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_FILE_LINES:
            too_long[str(path.relative_to(root))] = lines
    assert too_long == {}


@pytest.mark.parametrize("folder", FOLDERS)
def test_no_function_is_over_50_lines(root: Path, folder: str) -> None:
    too_long = {}
    for path in _python_files(root):
        if path.relative_to(root).parts[0] != folder:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                assert node.end_lineno is not None
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long[f"{path.relative_to(root)}:{node.lineno} {node.name}"] = length
    assert too_long == {}
