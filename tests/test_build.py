"""The shipped tables: the seed's facts, party counts against the raw UNTC files, sources on every curated row."""

import csv
import filecmp

import duckdb
import pytest

from compliance import build, release, rules
from tests.conftest import DATA_ROOT, SHIPPED, d


@pytest.fixture(scope="module")
def con():
    con = duckdb.connect()
    for path in SHIPPED.glob("*.parquet"):
        con.read_parquet(str(path)).create_view(path.stem)
    return con


def one(con, sql, **params):
    rows = con.execute(sql, params).fetchall()
    assert len(rows) == 1, rows
    return rows[0]


def test_pakistan_cat_ratification(con):
    got = one(
        con,
        "select action_date, action_type, in_force_date from ratifications where iso3 = 'PAK' and instrument = 'CAT'",
    )
    assert got == (d("2010-06-23"), "ratification", d("2010-07-23"))


def test_pakistan_cat_initial_report(con):
    got = one(
        con,
        "select due_date, submitted_date, submitted_precision, status, symbol, submitted_source "
        "from reports where iso3 = 'PAK' and instrument = 'CAT' and cycle = 1",
    )
    assert got == (d("2011-07-23"), d("2016-01-01"), "month", "submitted", "CAT/C/PAK/1", "seed:op-ed")


def test_pakistan_cat_review_and_delegation(con):
    got = one(
        con,
        "select session, start_date, end_date, delegation_size, head_name, head_title from reviews where review_id = 'CAT-60-PAK'",
    )
    assert got == (60, d("2017-04-18"), d("2017-04-19"), 10, "Kamran Michael", "Minister for Human Rights")
    head = one(con, "select name from delegation where review_id = 'CAT-60-PAK' and is_head")
    assert head == ("Kamran Michael",)


def test_pakistan_cat_absences(con):
    rows = con.execute(
        "select stakeholder_type from stakeholders where review_id = 'CAT-60-PAK' and participation = 'absent_noted_by_committee'"
    ).fetchall()
    assert sorted(r[0] for r in rows) == ["intelligence", "military", "nhri"]
    nhri = one(con, "select stakeholder from stakeholders where review_id = 'CAT-60-PAK' and stakeholder_type = 'nhri'")
    assert nhri == ("National Commission for Human Rights",)


def test_pakistan_cat_seed_cases_none_convicted(con):
    rows = con.execute(
        "select case_label, violation_type, outcome, victims_count, victims_qualifier from cases "
        "where review_id = 'CAT-60-PAK' and source = 'seed:op-ed' and violation_type <> 'other' order by case_label"
    ).fetchall()
    labels = [r[0] for r in rows]
    assert len(rows) == 4
    assert any("Zeenat Shahzadi" in x for x in labels) and any("Aftab Ahmed" in x for x in labels)
    assert any("bloggers" in x for x in labels) and any("28" in x for x in labels)
    assert all(r[2] != "convicted" for r in rows)
    assert ("at least", 28) in {(r[4], r[3]) for r in rows}
    convicted = one(con, "select count(*) from cases where review_id = 'CAT-60-PAK' and outcome = 'convicted'")
    assert convicted == (0,)


def untc_party_count(untc_no: str) -> int:
    """Participants with a ratification/accession/succession date in the raw UNTC file, counted independently."""
    path = DATA_ROOT / "sources" / "untc-chapter-iv-2015" / "treaties" / f"{untc_no.replace('IV-', '4-')}.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    return sum(1 for row in rows[1:] if row and row[0] != "Participant" and row[-1].strip())


@pytest.mark.parametrize("inst", rules.INSTRUMENTS, ids=lambda i: i.code)
def test_parties_as_of_untc_snapshot_equal_source_count(con, inst):
    got = one(
        con,
        "select count(*) from ratifications where instrument = $i and action_date is not null and as_of = $as_of",
        i=inst.code,
        as_of=build.UNTC_AS_OF,
    )
    assert got[0] == untc_party_count(inst.untc_no)


@pytest.mark.parametrize("table", ["delegation", "stakeholders", "cases", "evidence", "reviews"])
def test_every_curated_row_has_a_source(con, table):
    assert one(con, "select count(*) from query_table($t) where source is null or trim(source) = ''", t=table) == (0,)


def test_every_curated_report_row_has_a_source(con):
    assert one(con, "select count(*) from reports where status <> 'unknown' and (source is null or source = '')") == (
        0,
    )


def test_unknown_status_is_never_given_a_submission(con):
    assert one(con, "select count(*) from reports where status = 'unknown' and submitted_date is not null") == (0,)


def test_later_parties_get_a_year_and_no_invented_day(con):
    rows = con.execute(
        "select action_date, action_year, in_force_date from ratifications where as_of > $d", {"d": build.UNTC_AS_OF}
    ).fetchall()
    assert rows and all(r[0] is None and r[1] is not None and r[2] is None for r in rows)


def test_build_is_deterministic_and_shipped_release_is_current(tmp_path):
    ids = []
    for name in ("a", "b"):
        root = tmp_path / name
        root.mkdir()
        (root / "sources").symlink_to(DATA_ROOT / "sources")
        ids.append(build.build(root, SHIPPED / "curated")[1])
        folder = release.resolve(root)
        for parquet in sorted(folder.glob("*.parquet")):
            assert filecmp.cmp(parquet, SHIPPED / parquet.name, shallow=False), f"{parquet.name} is stale"
    assert ids[0] == ids[1] == release.current_id(DATA_ROOT), "run python -m compliance build"


def test_build_report_lists_unmatched_names_and_refuses_nothing():
    report = build.BuildReport()
    build.build_tables(DATA_ROOT / "sources", SHIPPED / "curated", report)
    assert report.refused == []
    assert report.unmatched == {"UPR recommending state": {"&#40;Unknown&#41;"}}
    assert "&#40;Unknown&#41;" in report.render()
