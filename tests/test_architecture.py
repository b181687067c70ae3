"""The layout holds: no import cycles, test tooling apart, routes and spec in step, small modules.

These tests guard the wiring itself, so a mistake in it turns red here instead of running quietly
(a route outside the gate, a product that needs a lazy import to load).
"""

from __future__ import annotations

import ast
import graphlib
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import grimp
import pytest
from flask import Blueprint

from tonn_mock.app import create_app
from tonn_mock.backend import Catalog, Product
from tonn_mock.core.settings import Settings
from tonn_mock.gateway.gate import UnspecifiedRoute, api_operations
from tonn_mock.products import catalog
from tonn_openapi import load_spec

MOCK_SOURCE = Path(__file__).resolve().parents[1] / "mock_server"
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options"}
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def import_cycle(package: str) -> tuple[str, ...] | None:
    """One import cycle among ``package``'s modules (run-time imports), or ``None``."""
    graph = grimp.build_graph(package, exclude_type_checking_imports=True, cache_dir=None)
    dependencies = {module: graph.find_modules_directly_imported_by(module) for module in graph.modules}
    try:
        graphlib.TopologicalSorter(dependencies).prepare()
    except graphlib.CycleError as cycle:
        return tuple(cycle.args[1])
    return None


def test_tonn_mock_has_no_import_cycle() -> None:
    assert import_cycle("tonn_mock") is None


def test_the_cycle_check_finds_a_planted_cycle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "planted"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "backend.py").write_text("from planted import notifications\n")
    (package / "notifications.py").write_text("from planted.products import mastering\n")
    (package / "products").mkdir()
    (package / "products" / "__init__.py").write_text("")
    (package / "products" / "mastering.py").write_text("import planted.backend\n")
    monkeypatch.syspath_prepend(str(tmp_path))

    cycle = import_cycle("planted")

    assert cycle is not None
    assert {"planted.backend", "planted.notifications", "planted.products.mastering"} <= set(cycle)


def test_only_the_testing_package_imports_the_generated_client() -> None:
    graph = grimp.build_graph("tonn_mock", "tonn_client", cache_dir=None)
    importers = {
        importer
        for module in graph.find_descendants("tonn_client") | {"tonn_client"}
        for importer in graph.find_modules_that_directly_import(module)
        if importer.startswith("tonn_mock.")
    }
    assert importers and all(importer.startswith("tonn_mock.testing.") for importer in importers), importers


def spec_operations() -> set[tuple[str, str]]:
    spec = load_spec()
    return {
        (method, path) for path, item in spec["paths"].items() for method in item if method in HTTP_METHODS
    }


def test_every_spec_operation_has_a_route_and_every_product_route_is_in_the_spec() -> None:
    app = create_app(Settings(rate_limit_enabled=False))
    assert set(api_operations(app, catalog())) == spec_operations()


@pytest.mark.parametrize(("method", "path"), sorted(spec_operations()))
def test_every_operation_runs_behind_the_gate(method: str, path: str) -> None:
    client = create_app(Settings(rate_limit_enabled=False)).test_client()
    concrete = path.replace("{", "").replace("}", "")  # any value for a path parameter
    response = client.open(concrete, method=method.upper())
    assert response.status_code == 401, response.get_data(as_text=True)
    assert response.get_json()["error"] is True


def test_a_route_added_without_the_spec_stops_the_app_from_building() -> None:
    rogue = Blueprint("rogue", __name__)
    rogue.add_url_rule("/karaoke", "karaoke", lambda: "", methods=["POST"])
    products = Catalog([*catalog().products, Product(name="karaoke", blueprint=rogue)])

    with pytest.raises(UnspecifiedRoute, match="POST /karaoke"):
        create_app(Settings(), catalog=products)


def test_every_product_is_registered_once() -> None:
    registered = {product.name for product in catalog().products}
    packages = {path.parent.name for path in (MOCK_SOURCE / "products").glob("*/__init__.py")}
    assert registered == packages


def hand_written_modules() -> Iterator[Path]:
    yield from sorted(MOCK_SOURCE.rglob("*.py"))


@pytest.mark.parametrize(
    "module", list(hand_written_modules()), ids=lambda p: str(p.relative_to(MOCK_SOURCE))
)
def test_modules_and_functions_stay_small(module: Path) -> None:
    source = module.read_text()
    assert source.count("\n") <= MAX_MODULE_LINES
    long_functions = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long_functions


def test_loading_the_pytest_plugin_stays_cheap() -> None:
    code = textwrap.dedent(
        """
        import sys
        import tonn_mock.testing.pytest_plugin
        heavy = sorted(m for m in ("flask", "numpy", "scipy", "tonn_client") if m in sys.modules)
        print(",".join(heavy))
        """
    )

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
