"""The site build writes no Dutch of its own outside build_scripts/siteteksten.py, as the package keeps its
sentences in calculator/teksten.py; and the MkDocs hooks stay a thin dispatcher."""

from __future__ import annotations

import ast
import re
from pathlib import Path

SENTENCE = re.compile(r"\b(?:uw|u|de|het|een|niet|van|voor)\b.*\b(?:uw|u|de|het|een|niet|van|voor)\b", re.I)
DUTCH_WORDS = re.compile(r"\b(?:Steun|Voorbeeld|Zoeken|Bronnen|Telefoon|Registratienummer|onderneming|dagen)\b")


def _docstring_ids(tree: ast.AST) -> set[int]:
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }


def _strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = _docstring_ids(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_no_dutch_outside_the_builds_text_module(root: Path) -> None:
    checked = 0
    for path in sorted((root / "build_scripts").glob("*.py")):
        if path.name == "siteteksten.py":
            continue
        for line, text in _strings(path):
            assert not SENTENCE.search(text), f"{path.name} line {line}: {text!r}"
            assert not DUTCH_WORDS.search(text), f"{path.name} line {line}: {text!r}"
        checked += 1
    assert checked >= 10


def test_the_hooks_are_a_thin_dispatcher_without_module_state(root: Path) -> None:
    hooks = root / "build_scripts" / "mkdocs_hooks.py"
    assert len(hooks.read_text(encoding="utf-8").splitlines()) <= 250
    tree = ast.parse(hooks.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            value = node.value
            assert isinstance(value, ast.Constant), f"line {node.lineno}: module-level state in the hooks"
