"""Every SQL file: its grain in words (first line) and in columns (a `-- key:` line), the key unique on the shipped
data for the whole record and narrower views (so no page counts a row twice), and a test on given rows."""

import datetime as dt
import re

import pytest

from compliance import db, filters, settings
from tests.conftest import ROOT

NAMES = sorted(p.stem for p in settings.SQL_DIR.glob("*.sql"))
KEY = re.compile(r"^-- key: (.+)$", re.M)
# Queries that take their own parameters rather than (or beside) the shared filters.
PARAMS = {
    "state_instruments": lambda scope: {"iso3": (scope["state"] or ["PAK"])[0], "as_of": scope["as_of"]},
    "upr_recommendation_list": lambda scope: {"words": [], "issue": None},
}
UNSCOPED = {"states_list", "instruments_list"}
SCOPES = [
    filters.Filters().scope(),
    filters.Filters(states=("PAK",)).scope(),
    filters.Filters(instruments=("CAT", "ICERD"), as_of=dt.date(2012, 1, 1)).scope(),
]


def key_of(name: str) -> str:
    text = (settings.SQL_DIR / f"{name}.sql").read_text()
    header = text.split("\nselect", 1)[0].split("\nwith", 1)[0]
    found = KEY.search(header)
    assert found, f"{name}.sql must name its key in a '-- key:' line of its header"
    return found.group(1).strip()


@pytest.mark.parametrize("name", NAMES)
def test_every_sql_file_names_its_key(name):
    key = key_of(name)
    assert key.startswith("(") or all(re.fullmatch(r"[a-z_0-9]+", c.strip()) for c in key.split(","))


@pytest.mark.parametrize("name", [n for n in NAMES if n != "whole_table"])
@pytest.mark.parametrize("scope", SCOPES, ids=["all", "PAK", "CAT+ICERD-2012"])
def test_the_key_is_unique_on_the_shipped_data(shipped, name, scope):
    key = key_of(name)
    params = PARAMS.get(name, lambda s: {})(scope)
    rows = db.query(name, None if name in UNSCOPED or name == "state_instruments" else scope, **params)
    if key == "(one row)":
        assert len(rows) == 1
        return
    columns = [c.strip() for c in key.split(",")]
    assert set(columns) <= set(rows.columns), f"{name}: key columns {columns} not all in {list(rows.columns)}"
    repeated = rows[rows.duplicated(subset=columns, keep=False)]
    assert repeated.empty, f"{name}: {len(repeated)} rows share a key:\n{repeated[columns].head()}"


def test_every_sql_file_has_a_given_rows_test():
    """Each query is run somewhere on a fixture of rows small enough to check its answer by hand."""
    tests = ROOT / "tests"
    given = "".join(p.read_text() for p in tests.glob("test_*.py") if "fixture_data(" in p.read_text())
    called = set(re.findall(r'db\.(?:query|count)\(\s*"(\w+)"', given))
    assert sorted(set(NAMES) - called - {"whole_table"}) == []
    assert "whole_table" in given  # run through catalog.status and the Sources page on a fixture
