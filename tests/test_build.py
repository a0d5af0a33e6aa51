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


def test_ratifications_since_2015_from_the_2026_pages(con):
    got = one(
        con,
        "select action_date, in_force_date from ratifications where iso3 = 'PAK' and instrument = 'OP-CRC-AC'",
    )
    assert got == (d("2016-11-17"), d("2016-12-17"))
    singapore = one(
        con,
        "select r.action_date, r.in_force_date, p.due_date from ratifications as r "
        "join reports as p using (iso3, instrument) where iso3 = 'SGP' and instrument = 'ICERD' and p.cycle = 1",
    )
    assert singapore == (d("2017-11-27"), d("2017-12-27"), d("2018-12-27"))
    assert one(con, "select count(*) from ratifications where action_date > $d", d=d("2015-03-09"))[0] >= 250


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


def csv_party_count(untc_no: str) -> int:
    """Participants with an action date in the CSV copy of the 2026 pages: a second reading, not the build's."""
    path = DATA_ROOT / "sources" / "untc-chapter-iv-2026-02" / "un_hr_ratifications.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        return sum(1 for row in csv.DictReader(fh) if row["mtdsg_no"] == untc_no and row["action_date"].strip())


def untc_2015_party_count(untc_no: str) -> int:
    """Participants with a ratification/accession/succession date in the raw 2015 UNTC file."""
    path = DATA_ROOT / "sources" / "untc-chapter-iv-2015" / "treaties" / f"{untc_no.replace('IV-', '4-')}.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    return sum(1 for row in rows[1:] if row and row[0] != "Participant" and row[-1].strip())


@pytest.mark.parametrize("inst", rules.INSTRUMENTS, ids=lambda i: i.code)
def test_parties_as_at_2026_equal_the_pages_participants_with_an_action_date(con, inst):
    # The CSV leaves out the participants that denounced an instrument (the pages bracket their dates).
    got = one(
        con,
        "select count(*) from ratifications where instrument = $i and action_date is not null and not denounced",
        i=inst.code,
    )
    assert got[0] == csv_party_count(inst.untc_no)


def test_2015_and_2026_dates_agree_for_every_cat_party_in_both(con):
    rows = con.execute(
        "select participant, action_date, action_date_2015 from ratifications "
        "where instrument = 'CAT' and action_date_2015 is not null"
    ).fetchall()
    assert len(rows) == untc_2015_party_count("IV-9")  # every 2015 party was matched to its 2026 row
    assert [r for r in rows if r[1] != r[2]] == []


def test_every_disagreement_between_ratification_sources_is_listed(con):
    listed = one(con, "select count(*) from ratification_checks where finding = 'action date differs'")[0]
    differing = one(con, "select count(*) from ratifications where date_disagrees_2015")[0]
    assert listed >= differing >= 1  # Iraq ICERD: 1970-02-13 on the 2026 page, 1970-01-14 in 2015
    historical = con.execute("select distinct participant from ratification_checks where historical").fetchall()
    assert {"German Democratic Republic", "Czechoslovakia"} <= {r[0] for r in historical}


def test_complaint_procedures_read_from_the_declarations(con):
    def accepted(iso3, article):
        return one(
            con,
            "select accepted, quote from complaint_acceptance where iso3 = $s and committee = 'CAT' and article = $a",
            s=iso3,
            a=article,
        )

    algeria = accepted("DZA", "art. 22")
    assert algeria[0] and "pursuant to article 22" in algeria[1]
    assert accepted("PAK", "art. 22") == (False, None)
    opt_out = one(
        con,
        "select text from treaty_texts where iso3 = 'PAK' and instrument = 'CAT' and text like '%Article 28%'",
    )
    assert "does not recognize the competence of the Committee provided for in Article 20" in opt_out[0]
    withdrawal = one(
        con,
        "select text_date, text from treaty_texts where iso3 = 'PAK' and instrument = 'CAT' and kind = 'withdrawal'",
    )
    assert withdrawal[0] == d("2011-09-20") and "articles 3, 4, 6, 12, 13 and 16" in withdrawal[1]
    objecting = one(
        con, "select count(distinct participant) from treaty_texts where about_iso3 = 'PAK' and instrument = 'CAT'"
    )
    assert 18 <= objecting[0] <= 25


def test_every_curated_review_names_a_reports_row_with_that_review(con):
    missing = con.execute(
        "select v.review_id from reviews as v join instruments as i using (instrument) "
        "where i.reporting and v.report_symbol is not null "
        "and v.review_id not in (select review_id from reports where review_id is not null)"
    ).fetchall()
    assert missing == []


def test_periodic_due_dates_are_never_derived(con):
    assert one(con, "select count(*) from reports where cycle <> 1 and due_date is not null") == (0,)


def test_what_a_reports_existence_proves_is_said_with_its_reason(con):
    reviewed = one(
        con,
        "select submitted_latest, submitted_basis from reports where review_id = 'CERD-113-PAK'",
    )
    assert reviewed == (d("2024-08-08"), "submitted before 2024-08-08: reviewed then")
    earlier = one(con, "select submitted_basis from reports where iso3 = 'PAK' and instrument = 'ICERD' and cycle = 1")
    assert earlier[0] == "submitted: the periodic 24-26 report exists (CERD/C/PAK/24-26)"
    # a proof never gives a day: only the latest it can be
    assert one(
        con, "select count(*) from reports where submitted_basis <> 'stated' and submitted_date is not null"
    ) == (0,)


def test_share_of_initial_reports_with_a_known_status_rises(con):
    known, total = one(con, "select count(*) filter (where status <> 'unknown'), count(*) from reports where cycle = 1")
    assert known / total > 81 / 1747


def test_statuses_naming_no_report_stay_state_level(con):
    path = SHIPPED / "curated" / "report_statuses.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        unnamed = sum(1 for row in csv.DictReader(fh) if not row["cycle"].strip() and not row["symbol"].strip())
    assert unnamed >= 50
    # a row gets a cycle only from the number its source states, in its cycle or its symbol (CAT/C/ITA/5-6)
    nulls = one(con, "select count(*) from report_statuses where cycle is null")[0]
    assert (
        unnamed
        <= nulls
        == one(con, "select count(*) from report_statuses where cycle_text is null and cycle is null")[0]
    )
    # none of them became a report of its own
    assert one(con, "select count(*) from reports where cycle is null and symbol is null") == (0,)


@pytest.mark.parametrize("table", ["delegation", "stakeholders", "cases", "evidence", "reviews"])
def test_every_curated_row_has_a_source(con, table):
    assert one(con, "select count(*) from query_table($t) where source is null or trim(source) = ''", t=table) == (0,)


def test_every_known_report_status_has_a_source(con):
    missing = one(
        con,
        "select count(*) from reports where status = 'submitted' and submitted_source is null and source is null "
        "or status = 'not_submitted' and unsubmitted_source is null",
    )
    assert missing == (0,)


def test_unknown_status_is_never_given_a_submission(con):
    assert one(con, "select count(*) from reports where status = 'unknown' and submitted_date is not null") == (0,)


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
