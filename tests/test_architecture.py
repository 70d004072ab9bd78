"""The shape between the project's packages: imports point one way (docs/architecture.md).

Every import counts, including those inside functions and the dotted names given to
``import_module``; tests, migrations and the benchmarks are left aside.
"""

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = sorted(
    path.name
    for path in ROOT.iterdir()
    if (path / "__init__.py").exists() and path.name not in {"tests", "bench"}
)
#: Content apps: the editorial base must not even name them in a string.
CONTENT_APPS = {"events", "library", "navigation", "newsroom", "publications", "research", "staff"}
MAX_LINES = 400
DOTTED = re.compile(r"^([a-z_]+)\.[A-Za-z_][\w.]*$")


def modules(package):
    for path in sorted((ROOT / package).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def imported_packages(path):
    """The project packages a module imports, and those it names in dotted strings."""
    tree = ast.parse(path.read_text(), filename=str(path))
    imported, named = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            imported.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "import_module":
            if node.args and isinstance(node.args[0], ast.Constant):
                imported.add(str(node.args[0].value).split(".")[0])
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            match = DOTTED.match(node.value)
            if match:
                named.add(match.group(1))
    return imported & set(PACKAGES), named & set(PACKAGES)


def package_graph():
    imports, strings = defaultdict(set), defaultdict(set)
    for package in PACKAGES:
        for path in modules(package):
            found, named = imported_packages(path)
            imports[package] |= found - {package}
            strings[package] |= named - {package}
    return imports, strings


IMPORTS, STRINGS = package_graph()


def test_no_import_cycle_between_packages():
    def reaches(start, goal, seen):
        for nxt in IMPORTS[start]:
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    cycles = sorted(p for p in PACKAGES if reaches(p, p, {p}))
    assert cycles == [], f"packages on an import cycle: {cycles}"


def test_widely_used_packages_import_none_of_their_users():
    for package in PACKAGES:
        users = {other for other in PACKAGES if package in IMPORTS[other]}
        if len(users) >= 3:
            assert not IMPORTS[package] & users, (package, sorted(IMPORTS[package] & users))


def test_core_imports_no_project_package():
    assert IMPORTS["core"] == set()


def test_the_editorial_base_knows_no_content_app():
    assert IMPORTS["editorial"] <= {"core"}
    assert not STRINGS["editorial"] & CONTENT_APPS, sorted(STRINGS["editorial"] & CONTENT_APPS)


@pytest.mark.parametrize("package", PACKAGES)
def test_modules_stay_short(package):
    long = {
        str(path.relative_to(ROOT)): count
        for path in modules(package)
        if (count := path.read_text().count("\n")) > MAX_LINES
    }
    assert long == {}
