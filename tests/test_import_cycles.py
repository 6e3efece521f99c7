"""No import cycle in the package, hidden or not: every `import` and `from ... import` of an
`alerts` module is read from the source (those inside functions included), and neither the
modules nor the packages (`alerts.rules`, `alerts.knowledge`...) may import each other in a
circle. A cycle hidden by an import inside a function still ties the two parts together:
neither can be read, tested or loaded without the other."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "alerts"


def modules(root: Path = PACKAGE) -> dict[str, Path]:
    """Every module of the package by its dotted name (a package by its own name)."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imported(name: str, path: Path, known: Iterable[str]) -> set[str]:
    """The package's modules that the module imports, anywhere in its source. `from a.b import
    c` names the module a.b.c when there is one, else a.b; a relative import is resolved."""
    known = set(known)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                targets.add(_nearest(alias.name, known))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                targets.add(full if full in known else _nearest(base, known))
    targets.discard("")
    targets.discard(name)
    return targets


def _nearest(dotted: str, known: set[str]) -> str:
    """The longest prefix of a dotted name that is a module of the package ('' if none)."""
    parts = dotted.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in known:
            return candidate
        parts.pop()
    return ""


def unit(name: str, known: Iterable[str]) -> str:
    """The part a module belongs to: its sub-package below `alerts` (alerts.rules for
    alerts.rules.model), or the module itself for a module directly under `alerts`."""
    parts = name.split(".")
    if len(parts) >= 2 and ".".join(parts[:2]) in known and any(
            k.startswith(".".join(parts[:2]) + ".") for k in known):
        return ".".join(parts[:2])
    return name


def cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    known = modules(root)
    return {name: imported(name, path, known) for name, path in known.items()}


def package_graph(graph: Mapping[str, Iterable[str]]) -> dict[str, set[str]]:
    known = set(graph)
    parts: dict[str, set[str]] = {}
    for name, targets in graph.items():
        mine = unit(name, known)
        parts.setdefault(mine, set()).update(
            other for other in (unit(t, known) for t in targets) if other != mine)
    return parts


def _explain(found: list[list[str]], graph: Mapping[str, Iterable[str]]) -> str:
    lines = []
    for component in found:
        members = set(component)
        ties = [f"{a} -> {b}" for a in component for b in sorted(graph.get(a, ()))
                if b in members]
        lines.append(f"{' <-> '.join(component)}: {'; '.join(ties)}")
    return ("import cycles (move the shared piece into a module both can import, or pass it "
            "in):\n" + "\n".join(lines))


def test_no_module_imports_itself_in_a_circle() -> None:
    graph = import_graph()
    found = cycles(graph)
    assert not found, _explain(found, graph)


def test_no_package_imports_another_that_imports_it_back() -> None:
    graph = package_graph(import_graph())
    found = cycles(graph)
    assert not found, _explain(found, graph)


# -- the checker itself, on a small package written for it ------------------------------------

def _write(root: Path, files: Mapping[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "alerts"


def test_a_cycle_hidden_inside_a_function_is_found(tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "alerts/__init__.py": "",
        "alerts/a.py": "from alerts.b import x\n",
        "alerts/b.py": "def x():\n    from alerts import a\n    return a\n",
        "alerts/c.py": "import alerts.a\n",
    })
    graph = import_graph(root)
    assert cycles(graph) == [["alerts.a", "alerts.b"]]
    assert "alerts.a -> alerts.b" in _explain(cycles(graph), graph)


def test_packages_that_import_each_other_are_a_cycle_even_without_a_module_cycle(
        tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "alerts/__init__.py": "",
        "alerts/rules/__init__.py": "",
        "alerts/rules/context.py": "def f():\n    from alerts.knowledge.gaps import g\n",
        "alerts/rules/model.py": "",
        "alerts/knowledge/__init__.py": "",
        "alerts/knowledge/gaps.py": "",
        "alerts/knowledge/user.py": "from ..rules.model import Rule\n",
    })
    graph = import_graph(root)
    assert cycles(graph) == []
    assert cycles(package_graph(graph)) == [["alerts.knowledge", "alerts.rules"]]


def test_a_package_importing_its_own_modules_is_no_cycle(tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "alerts/__init__.py": "",
        "alerts/state/__init__.py": "from alerts.state.store import Store\n",
        "alerts/state/db.py": "",
        "alerts/state/store.py": "from alerts.state.db import Database\nfrom . import db\n",
        "alerts/cli.py": "from alerts.state import Store\n",
    })
    graph = import_graph(root)
    assert graph["alerts.state.store"] == {"alerts.state.db"}
    assert cycles(graph) == [] and cycles(package_graph(graph)) == []
