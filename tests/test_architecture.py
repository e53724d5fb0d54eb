"""The import rules of the design: the engine never imports pygame, layers point one way."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GAME = Path(__file__).parent.parent / "game"

# module prefix -> imports it must not make (prefix match on the imported module)
FORBIDDEN = {
    "game.engine": ["pygame", "pygame_gui", "game.frontends", "game.tools", "game.cli", "platformdirs", "rich"],
    "game.frontends.terminal": ["pygame", "pygame_gui", "game.tools", "game.cli"],
    "game.frontends.gui": ["game.tools", "game.frontends.kiosk", "game.cli"],
    "game.frontends.kiosk": ["game.tools", "game.cli"],
    "game.tools": ["pygame", "pygame_gui", "game.frontends", "game.cli"],
    "game.classroom": ["pygame", "pygame_gui", "game.frontends", "game.tools", "game.cli"],
}
# Inside the engine, these third-party libraries belong to exactly one module each.
ONLY_IN = {"transitions": {"game.engine.machine"}, "yaml": {"game.engine.yamlfile"}}


def _modules():
    for path in sorted(GAME.rglob("*.py")):
        parts = path.relative_to(GAME.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path


def _imports(name: str, path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append(module)
            found.extend(f"{module}.{alias.name}" for alias in node.names)
    return found


MODULES = list(_modules())


@pytest.mark.parametrize("name, path", MODULES, ids=[n for n, _ in MODULES])
def test_a_module_imports_only_what_its_layer_allows(name, path):
    imports = _imports(name, path)
    for layer, forbidden in FORBIDDEN.items():
        if name == layer or name.startswith(layer + "."):
            bad = [i for i in imports if any(i == f or i.startswith(f + ".") for f in forbidden)]
            assert not bad, f"{name} imports {bad}"
    if name.startswith("game.engine"):
        for library, owners in ONLY_IN.items():
            if any(i == library or i.startswith(library + ".") for i in imports):
                assert name in owners, f"only {owners} may import {library}; {name} does"


def test_nothing_imports_the_cli():
    for name, path in MODULES:
        if name not in ("game.cli", "game.__main__"):
            assert not any(i == "game.cli" or i.startswith("game.cli.") for i in _imports(name, path)), name


def test_outside_the_engine_code_imports_only_the_engine_public_names():
    import game.engine

    public = set(game.engine.__all__)
    for name, path in MODULES:
        if name.startswith("game.engine"):
            continue
        for imported in _imports(name, path):
            if imported.startswith("game.engine."):
                rest = imported[len("game.engine."):]
                assert rest in public, f"{name} reaches into game.engine internals: {imported}"


def test_the_checker_really_sees_imports():
    imports = _imports("game.engine.machine", GAME / "engine" / "machine.py")
    assert "transitions" in imports and "game.engine.model.Story" in imports
