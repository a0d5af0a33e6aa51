"""Citable data (a version on every page and CSV, the whole dataset as one zip, the changelog) and the world map."""

import io
import shutil
import zipfile

import pandas as pd
import pytest

from compliance import build, changelog, charts, countries, db, export, release, schema
from tests.conftest import DATA_ROOT, SHIPPED
from tests.test_pages import open_page

# UN members too small for Natural Earth's 1:110m shapes: listed on the page under the map, never dropped.
NOT_DRAWN = {
    "AND", "ATG", "BHR", "BRB", "COM", "CPV", "DMA", "FSM", "GRD", "KIR", "KNA", "LCA", "LIE", "MCO", "MDV", "MHL",
    "MLT", "MUS", "NRU", "PLW", "SGP", "SMR", "STP", "SYC", "TON", "TUV", "VCT", "WSM",
}  # fmt: skip


def test_every_un_member_has_a_shape_or_is_listed():
    states = pd.read_parquet(SHIPPED / "states.parquet")
    members = states[states.un_member]
    off = set(members.iso3[[countries.numeric(c) not in charts.shape_ids() for c in members.iso3]])
    assert off == NOT_DRAWN
    named = members.rename(columns={"name": "state"})
    assert set(charts.off_map(named)) == set(named.state[named.iso3.isin(NOT_DRAWN)])
    assert countries.numeric("PAK") == "586" and "586" in charts.shape_ids()


def test_the_map_colours_not_known_grey_and_fetches_nothing():
    frame = pd.DataFrame({"iso3": ["PAK", "IND"], "state": ["Pakistan", "India"], "on_time_share": [None, 50.0]})
    spec = charts.world_map(frame, "on_time_share", "On-time share").to_dict()
    assert spec["encoding"]["color"]["value"] == charts.NOT_KNOWN_GREY
    assert "isValid" in spec["encoding"]["color"]["condition"]["test"]
    assert spec["data"]["url"] == "app/static/geo/countries-110m.json"  # served by the app, from its own origin
    looked_up = spec["datasets"][spec["transform"][0]["from"]["data"]["name"]]
    assert {"id": "586", "state": "Pakistan", "on_time_share": None} in looked_up


def test_the_version_a_page_cites_is_the_version_its_csv_carries(shipped):
    at = open_page("reporting_delays.py", state="PAK", instrument="CAT")
    version = db.version_label()
    assert version.startswith(release.manifest(SHIPPED)["made"][:10]) and version.endswith(SHIPPED.name)
    cite = " ".join(c.value for c in at.sidebar.code)
    assert f"data version {version}" in cite and "/reporting-delays?" in cite and "state=PAK" in cite
    names = [b.proto.label for b in at.get("download_button")]
    assert names  # the CSV's file name carries the same version
    assert export.file_name("x", "PAK", version=version).endswith(f"_data-{version}.csv")


def test_changing_a_curated_row_changes_the_version(tmp_path):
    curated = tmp_path / "curated"
    shutil.copytree(SHIPPED / "curated", curated)
    reviews = pd.read_csv(curated / "reviews.csv", dtype=str, keep_default_na=False)
    reviews.loc[reviews.review_id == "CAT-60-PAK", "head_title"] = "Minister for Human Rights (changed)"
    reviews.to_csv(curated / "reviews.csv", index=False)
    root = tmp_path / "root"
    root.mkdir()
    (root / "sources").symlink_to(DATA_ROOT / "sources")
    _, new_id = build.build(root, curated)
    assert new_id != SHIPPED.name
    assert db.version_label(release.resolve(root)).endswith(new_id)
    log = (root / "CHANGELOG.md").read_text()
    assert f"release {new_id}" in log and "| reviews | 0 | 587 | 587 | 0 |" in log  # the first release of that root


def test_the_changelog_counts_rows_added_and_removed(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir(), new.mkdir()
    pd.DataFrame({"a": [1, 2, 3]}).to_parquet(old / "t.parquet")
    pd.DataFrame({"a": [1, 2, 4, 5]}).to_parquet(new / "t.parquet")
    text = changelog.entry(old, new, "aaa", "bbb", "2026-12-02T00:00:00Z")
    assert "| t | 3 | 4 | 2 | 1 |" in text and "release bbb (after aaa)" in text
    changelog.record(tmp_path, text)
    changelog.record(tmp_path, text.replace("bbb", "ccc"))
    body = (tmp_path / "CHANGELOG.md").read_text()
    assert body.index("release ccc") < body.index("release bbb")  # newest first


def test_the_whole_dataset_zip_holds_every_table_and_a_dictionary():
    version = db.version_label(SHIPPED)
    zf = zipfile.ZipFile(io.BytesIO(export.dataset_zip(SHIPPED, version)))
    names = set(zf.namelist())
    for table in schema.TABLES:
        assert f"csv/{table}.csv" in names and f"parquet/{table}.parquet" in names
        rows = len(pd.read_csv(zf.open(f"csv/{table}.csv")))
        assert rows == len(pd.read_parquet(SHIPPED / f"{table}.parquet")), table
    dictionary = pd.read_csv(zf.open("data_dictionary.csv"))
    assert len(dictionary) == sum(len(c) for c in schema.TABLES.values())
    assert dictionary.label.notna().all()
    assert version in zf.read("README.txt").decode()
    assert "curated/reviews.csv" in names
    assert export.dataset_zip(SHIPPED, version) == export.dataset_zip(SHIPPED, version)  # the same bytes


@pytest.mark.parametrize("page", ["dashboard_overview.py", "compare.py", "state_profile.py"])
def test_every_page_shows_the_data_version(shipped, page):
    at = open_page(page, state=["BRA", "IND"])
    assert any(db.version_label() in c.value.replace("\\", "") for c in at.sidebar.caption)
