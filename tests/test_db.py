"""The data choke point: names and parameters checked, results keyed on the data version."""

import os
import time

import pytest

from compliance import db, settings
from tests.conftest import d

SCOPE = {"state": [], "group": None, "instrument": [], "year_from": None, "year_to": None, "as_of": d("2020-01-01")}


@pytest.mark.parametrize("name", ["../etc/passwd", "states_list; drop", "Report_delays", "no_such_query", ""])
def test_query_names_are_checked(name, shipped):
    with pytest.raises(db.QueryError):
        db.query(name)


def test_unused_and_missing_parameters_are_refused(shipped):
    with pytest.raises(db.QueryError, match="does not take"):
        db.query("states_list", iso3="PAK")
    with pytest.raises(db.QueryError, match="needs"):
        db.query("state_instruments")


def test_parameters_are_bound_never_spliced(fixture_data):
    fixture_data(states=[{"iso3": "AAA", "name": "Avalon"}])
    hostile = "AAA') or 1=1 --"
    assert db.query("state_instruments", iso3=hostile, as_of=d("2020-01-01"))["standing"].eq("no action recorded").all()
    assert db.query("report_delays", {**SCOPE, "state": [hostile]}).empty


def test_every_sql_file_runs_on_empty_tables(fixture_data):
    fixture_data()
    extra = {
        "state_instruments": {"iso3": "AAA", "as_of": d("2020-01-01")},
        "whole_table": {"table_name": "states"},
        "upr_recommendation_list": {"words": ["torture"], "issue": None},
    }
    names = sorted(p.stem for p in settings.SQL_DIR.glob("*.sql"))
    assert len(names) > 20
    for name in names:
        frame = db.query(name, SCOPE, **extra.get(name, {}))
        assert frame is not None, name
        first_line = (settings.SQL_DIR / f"{name}.sql").read_text().splitlines()[0]
        assert first_line.startswith("-- one row"), f"{name}.sql must say its grain on its first line"


def test_new_data_is_seen_without_restart(fixture_data):
    folder = fixture_data(states=[{"iso3": "AAA", "name": "Avalon"}])
    assert db.query("states_list").iso3.tolist() == ["AAA"]
    time.sleep(db.VERSION_TTL + 0.05)
    from tests.conftest import write_fixture

    write_fixture(folder, states=[{"iso3": "AAA", "name": "Avalon"}, {"iso3": "BBB", "name": "Brigadoon"}])
    assert db.query("states_list").iso3.tolist() == ["AAA", "BBB"]


def test_data_folder_is_one_setting(tmp_path, monkeypatch):
    monkeypatch.setenv(settings.ENV_VAR, str(tmp_path))
    assert settings.data_dir() == tmp_path.resolve()
    monkeypatch.delenv(settings.ENV_VAR)
    assert settings.data_dir() == settings.DEFAULT_DATA_DIR
    assert os.path.isabs(settings.DEFAULT_DATA_DIR)
