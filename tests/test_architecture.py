"""The import rules of the design: the engine never imports pygame, layers point one way, no cycles."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GAME = Path(__file__).parent.parent / "game"

# module prefix -> imports it must not make (prefix match on the imported module)
FORBIDDEN = {
    "game.engine": ["pygame", "pygame_gui", "game.frontends", "game.tools", "game.cli", "platformdirs", "rich"],
    "game.frontends.terminal": ["pygame", "pygame_gui", "game.tools", "game.cli"],
    "game.frontends.shell": ["game.frontends.gui", "game.frontends.kiosk", "game.frontends.terminal", "game.tools",
                             "game.cli"],
    "game.frontends.gui": ["game.tools", "game.frontends.kiosk", "game.cli"],
    "game.frontends.kiosk": ["game.tools", "game.frontends.gui", "game.cli"],
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


def _import_graph() -> dict[str, set[str]]:
    """Module -> the modules of game/ it imports anywhere in its text (inside functions and TYPE_CHECKING too)."""
    names = {name for name, _ in MODULES}
    return {name: {i for i in _imports(name, path) if i in names and i != name} for name, path in MODULES}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or round a loop (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in sorted(graph[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_no_modules_of_the_game_import_each_other_in_a_cycle_even_inside_functions():
    assert _cycles(_import_graph()) == []


def test_the_cycle_finder_finds_a_loop_through_three_modules():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_the_checker_sees_imports_inside_functions():
    imports = _imports("game.frontends.gui.app", GAME / "frontends" / "gui" / "app.py")
    assert "game.frontends.gui.routes" in imports  # imported inside App.routes()


def test_the_shell_serves_both_front_ends_and_the_kiosk_needs_nothing_of_the_desktop():
    graph = _import_graph()
    kiosk = {m for m in graph if m.startswith("game.frontends.kiosk")}
    assert "game.frontends.shell.host" in graph["game.frontends.kiosk.app"]
    assert "game.frontends.shell.host" in graph["game.frontends.gui.app"]
    assert not any(i.startswith("game.frontends.gui") for m in kiosk for i in graph[m])


#: The screen modules other screens may build on: base classes, not destinations.
SCREEN_BASES = {"game.frontends.gui.screens.base", "game.frontends.gui.screens.overlay",
                "game.frontends.gui.screens.menu"}


@pytest.mark.parametrize("front_end", ["gui", "kiosk"])
def test_screens_reach_each_other_by_route_name_not_by_import(front_end):
    graph = _import_graph()
    package = f"game.frontends.{front_end}.screens"
    for module, imported in graph.items():
        if not module.startswith(package + "."):
            continue
        others = {i for i in imported if i.startswith(package + ".") and i not in SCREEN_BASES}
        assert not others, f"{module} imports the screens {sorted(others)}: use host.go/open with a route name"
        assert f"game.frontends.{front_end}.app" not in imported, f"{module} imports its host's module"
