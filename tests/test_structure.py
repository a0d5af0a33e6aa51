"""The code stays small enough to hold in one's head: modules, functions, and the layering between them."""

import ast
import re

import pytest

from tests.conftest import ROOT

MODULES = sorted((ROOT / "compliance").rglob("*.py"))
# Lower layers first: a module may import its own layer or lower ones, never a higher one.
LAYERS = [
    {"settings", "storage", "values", "text", "rules", "countries", "schema", "untc", "labels", "coverage"},
    {"release", "publish", "sources", "build", "calendars", "changelog"},
    {"db", "catalog", "export", "curation", "templates"},
    {"filters", "limits", "charts", "ui", "server", "hosting", "__main__"},
]


def _functions(path):
    tree = ast.parse(path.read_text())
    return [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_over_400_lines(path):
    assert len(path.read_text().splitlines()) <= 400


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_function_over_60_lines_and_a_long_one_says_why(path):
    for fn in _functions(path):
        length = fn.end_lineno - fn.lineno + 1
        assert length <= 60, f"{fn.name} is {length} lines"
        if length > 40:
            assert "Long:" in (ast.get_docstring(fn) or ""), f"{fn.name} is {length} lines and says not why"


def _layer(module: str) -> int:
    if module == "compliance":
        return 0  # the package's own (empty) __init__
    top = module.split(".")[1]
    return next(i for i, names in enumerate(LAYERS) if top in names)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_nothing_imports_upward(path):
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    own = _layer(module)
    imported = set(re.findall(r"^\s*from compliance(?:\.(\w+))? import (\w+)", path.read_text(), re.M))
    for sub, name in imported:
        target = sub or name
        assert _layer(f"compliance.{target}") <= own, f"{module} imports compliance.{target} from a higher layer"


def test_each_committee_instrument_pair_and_the_table_list_are_written_once():
    from compliance import rules

    files = [*MODULES, *(ROOT / "sql").rglob("*.sql"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"]
    texts = {p: p.read_text() for p in files}
    for inst in rules.INSTRUMENTS:
        if not inst.committee or inst.committee == inst.code:
            continue
        a, b = (rf"['\"]{re.escape(x)}['\"]" for x in (inst.committee, inst.code))
        pair = re.compile(rf"{a}[^\n]*{b}|{b}[^\n]*{a}")
        found = [p.name for p, t in texts.items() if pair.search(t)]
        assert found == ["rules.py"], (inst.code, found)
    # the table list is the schema's; the catalog describes each of those tables, and only those
    from compliance import catalog, schema

    assert sorted(catalog.DESCRIBED) == sorted(schema.TABLES)
    assert [p.name for p, t in texts.items() if '"ratification_checks": {' in t] == ["schema.py"]
