"""The import command: every malformed input refused with file:row:column and no file touched; safe writes."""

from __future__ import annotations

import csv
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance import build, curation, release
from tests.conftest import DATA_ROOT, ROOT, SHIPPED

EXAMPLE = ROOT / "examples" / "pakistan-cat-2017"
PROBLEM = r"^.+:\d+:[^:]+: .+$"


@pytest.fixture(scope="module")
def base_root(tmp_path_factory) -> Path:
    """A data root holding a copy of the shipped release as its current one (sources linked, not copied)."""
    root = tmp_path_factory.mktemp("root")
    shutil.copytree(SHIPPED, root / release.RELEASES / SHIPPED.name)
    shutil.copy2(DATA_ROOT / release.POINTER, root / release.POINTER)
    (root / "sources").symlink_to(DATA_ROOT / "sources")
    return root


@pytest.fixture
def root(base_root, tmp_path) -> Path:
    target = tmp_path / "root"
    shutil.copytree(base_root, target, symlinks=True)
    return target


def fingerprint(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "sources" not in p.parts and p.name != ".lock"
    }


def review(**overrides) -> dict:
    base = pd.read_csv(EXAMPLE / "reviews.csv", dtype=str, keep_default_na=False).iloc[0].to_dict()
    base.update(review_id="CAT-99-PAK", session="99", start_date="2020-01-10", end_date="2020-01-11")
    return {**base, **overrides}


def write_input(folder: Path, **tables: list[dict] | str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        path = folder / f"{name}.csv"
        if isinstance(rows, bytes):
            path.write_bytes(rows)
        elif isinstance(rows, str):
            path.write_text(rows, encoding="utf-8")
        else:
            pd.DataFrame(rows).to_csv(path, index=False, quoting=csv.QUOTE_ALL)
    return folder


def refused(root: Path, path: Path, **kw) -> list[str]:
    before = fingerprint(root)
    with pytest.raises(curation.ImportRefused) as err:
        curation.run_import(path, root, **kw)
    assert fingerprint(root) == before, "a refused import changed a file"
    messages = [str(p) for p in err.value.problems]
    assert messages
    for m in messages:
        assert pd.Series([m]).str.match(PROBLEM).all(), m
    return messages


DELEGATE = {"review_id": "CAT-99-PAK", "name": "A. Person", "title": "Minister", "institution": "Ministry",
            "institution_type": "", "is_head": "true", "source": "https://example.org/a", "quote": "led by A. Person"}  # fmt: skip
STAKEHOLDER = {"review_id": "CAT-99-PAK", "stakeholder": "NCHR", "stakeholder_type": "nhri",
               "participation": "absent_noted_by_committee", "source": "CAT/C/PAK/CO/1", "quote": "regrets the absence"}  # fmt: skip
CASE = {"review_id": "CAT-99-PAK", "case_label": "A case", "violation_type": "torture", "incident_date": "2019-05",
        "victims_count": "at least 3", "alleged_perpetrator": "police", "outcome": "none", "case_kind": "named_case",
        "source": "https://example.org/c", "quote": "no one was charged"}  # fmt: skip
REPORT = {"iso3": "PAK", "instrument": "CAT", "cycle": "2", "symbol": "CAT/C/PAK/2", "due_date": "2021-05",
          "submitted_date": "2022-03-01", "submitted_precision": "day", "status": "submitted", "status_as_of": "2022-03-01",
          "years_late_stated": "", "source": "CAT/C/PAK/2", "quote": "received on 1 March 2022"}  # fmt: skip

# (case id, tables, expected file, expected row, expected column)
MALFORMED = [
    ("missing column", {"reviews": [{k: v for k, v in review().items() if k != "source"}]}, "reviews.csv", 1, "source"),
    ("unknown column", {"reviews": [{**review(), "colour": "red"}]}, "reviews.csv", 1, "colour"),
    ("empty review_id", {"reviews": [review(review_id="")]}, "reviews.csv", 2, "review_id"),
    ("bad session", {"reviews": [review(session="sixty")]}, "reviews.csv", 2, "session"),
    ("bad start date", {"reviews": [review(start_date="18/04/2017")]}, "reviews.csv", 2, "start_date"),
    ("impossible date", {"reviews": [review(start_date="2017-02-30")]}, "reviews.csv", 2, "start_date"),
    ("carriage return in a date", {"reviews": [review(start_date="\r0")]}, "reviews.csv", 2, "start_date"),
    ("month as day", {"reviews": [review(end_date="2017-04")]}, "reviews.csv", 2, "end_date"),
    ("end before start", {"reviews": [review(end_date="2020-01-09")]}, "reviews.csv", 2, "end_date"),
    ("submitted after review", {"reviews": [review(submitted_date="2020-02")]}, "reviews.csv", 2, "submitted_date"),
    ("unknown state", {"reviews": [review(iso3="XXX", review_id="CAT-99-XXX")]}, "reviews.csv", 2, "iso3"),
    ("lowercase iso3", {"reviews": [review(iso3="pak")]}, "reviews.csv", 2, "iso3"),
    ("unknown body", {"reviews": [review(body="CAT2")]}, "reviews.csv", 2, "body"),
    ("a body that reviews no reports", {"reviews": [review(body="SPT")]}, "reviews.csv", 2, "body"),
    ("an instrument where the body goes", {"reviews": [{**review(), "instrument": "CAT"}]}, "reviews.csv", 1, "instrument"),
    ("id not body-session-iso3", {"reviews": [review(review_id="CAT-98-PAK")]}, "reviews.csv", 2, "review_id"),
    ("duplicate review ids", {"reviews": [review(), review()]}, "reviews.csv", 3, "review_id"),
    ("missing source", {"reviews": [review(source="")]}, "reviews.csv", 2, "source"),
    ("source not a url", {"reviews": [review(source="my notes")]}, "reviews.csv", 2, "source"),
    ("missing quote", {"reviews": [review(quote="")]}, "reviews.csv", 2, "quote"),
    ("quote too long", {"reviews": [review(quote="x" * 1001)]}, "reviews.csv", 2, "quote"),
    ("title too long", {"reviews": [review(head_title="y" * 501)]}, "reviews.csv", 2, "head_title"),
    ("formula in name", {"reviews": [review(head_name='=HYPERLINK("http://evil","click")')]}, "reviews.csv", 2, "head_name"),
    ("plus formula", {"reviews": [review(head_title="+cmd|' /C calc'!A0")]}, "reviews.csv", 2, "head_title"),
    ("at formula", {"reviews": [review(quote="@SUM(1+1)*cmd")]}, "reviews.csv", 2, "quote"),
    ("script tag", {"reviews": [review(head_name="<script>alert(1)</script>")]}, "reviews.csv", 2, "head_name"),
    ("img tag", {"reviews": [review(quote="<img src=x onerror=alert(1)>")]}, "reviews.csv", 2, "quote"),
    ("size not a number", {"reviews": [review(delegation_size="many")]}, "reviews.csv", 2, "delegation_size"),
    ("late not a number", {"reviews": [review(years_late_stated="very")]}, "reviews.csv", 2, "years_late_stated"),
    ("dangling review_id", {"delegation": [{**DELEGATE, "review_id": "CAT-99-ZZZ"}]}, "delegation.csv", 2, "review_id"),
    ("is_head not boolean", {"reviews": [review()], "delegation": [{**DELEGATE, "is_head": "yes"}]}, "delegation.csv", 2, "is_head"),
    ("bad institution type", {"reviews": [review()], "delegation": [{**DELEGATE, "name": "", "institution_type": "army"}]}, "delegation.csv", 2, "institution_type"),
    ("type without institution", {"reviews": [review()], "delegation": [{**DELEGATE, "institution": "", "institution_type": "nhri"}]}, "delegation.csv", 2, "institution"),
    ("markdown link", {"reviews": [review(head_title="[Minister](http://evil.example)")]}, "reviews.csv", 2, "head_title"),
    ("markdown image", {"reviews": [review(quote="see ![x](http://evil.example/p.png)")]}, "reviews.csv", 2, "quote"),
    ("reference link", {"reviews": [review(quote="the [report][1] says")]}, "reviews.csv", 2, "quote"),
    ("angle autolink", {"reviews": [review(quote="at <http://evil.example>")]}, "reviews.csv", 2, "quote"),
    ("fullwidth script", {"reviews": [review(head_name="＜script＞alert(1)＜/script＞")]}, "reviews.csv", 2, "head_name"),
    ("formula behind zero-width", {"reviews": [review(head_name='\u200b=HYPERLINK("http://evil")')]}, "reviews.csv", 2, "head_name"),
    ("fullwidth formula", {"reviews": [review(head_name="＝1+1")]}, "reviews.csv", 2, "head_name"),
    ("direction override", {"reviews": [review(quote="abc\u202edcba")]}, "reviews.csv", 2, "quote"),
    ("no name nor institution", {"reviews": [review()], "delegation": [{**DELEGATE, "name": "", "institution": ""}]}, "delegation.csv", 2, "name"),
    ("duplicate delegate row", {"reviews": [review()], "delegation": [DELEGATE, DELEGATE]}, "delegation.csv", 3, "-"),
    ("bad stakeholder type", {"reviews": [review()], "stakeholders": [{**STAKEHOLDER, "stakeholder_type": "army"}]}, "stakeholders.csv", 2, "stakeholder_type"),
    ("bad participation", {"reviews": [review()], "stakeholders": [{**STAKEHOLDER, "participation": "absent"}]}, "stakeholders.csv", 2, "participation"),
    ("stakeholder without source", {"reviews": [review()], "stakeholders": [{**STAKEHOLDER, "source": ""}]}, "stakeholders.csv", 2, "source"),
    ("bad outcome", {"reviews": [review()], "cases": [{**CASE, "outcome": "acquitted"}]}, "cases.csv", 2, "outcome"),
    ("bad violation", {"reviews": [review()], "cases": [{**CASE, "violation_type": "theft"}]}, "cases.csv", 2, "violation_type"),
    ("victims not a number", {"reviews": [review()], "cases": [{**CASE, "victims_count": "some"}]}, "cases.csv", 2, "victims_count"),
    ("incident date nonsense", {"reviews": [review()], "cases": [{**CASE, "incident_date": "last spring"}]}, "cases.csv", 2, "incident_date"),
    ("report bad status", {"reports": [{**REPORT, "status": "late"}]}, "reports.csv", 2, "status"),
    ("report precision mismatch", {"reports": [{**REPORT, "submitted_precision": "month"}]}, "reports.csv", 2, "submitted_precision"),
    ("report bad due date", {"reports": [{**REPORT, "due_date": "May 2021"}]}, "reports.csv", 2, "due_date"),
    ("due before in force", {"reports": [{**REPORT, "cycle": "1", "due_date": "2010-07-01"}]}, "reports.csv", 2, "due_date"),
    ("unsubmitted with date", {"reports": [{**REPORT, "status": "not_submitted"}]}, "reports.csv", 2, "submitted_date"),
    ("duplicate report", {"reports": [REPORT, REPORT]}, "reports.csv", 3, "cycle"),
    ("report cycle not number", {"reports": [{**REPORT, "cycle": "second"}]}, "reports.csv", 2, "cycle"),
    ("empty file", {"reviews": ""}, "reviews.csv", 1, "-"),
    ("header only", {"reviews": ",".join(curation.TEMPLATE["reviews"]) + "\n"}, "reviews.csv", 1, "-"),
    ("wrong encoding", {"reviews": (",".join(curation.TEMPLATE["reviews"]) + "\nCAT-99-PAK,PAK,CAT,99,,,,,,,,C\xf4te,,,CAT/C/X,q\n").encode("latin-1")}, "reviews.csv", 2, "-"),
    ("unknown file", {"review": [review()]}, "review.csv", 0, "-"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "tables", "file", "row", "column"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_input_is_refused_and_nothing_changes(root, tmp_path, case, tables, file, row, column):
    messages = refused(root, write_input(tmp_path / "in", **tables))
    assert any(m.startswith(f"{file}:{row}:{column}: ") for m in messages), messages


def test_many_problems_are_reported_at_once(root, tmp_path):
    tables = {
        "reviews": [review(start_date="bad", source="", iso3="pak")],
        "cases": [{**CASE, "outcome": "x", "review_id": "NOPE"}],
    }
    messages = refused(root, write_input(tmp_path / "in", **tables))
    assert len(messages) >= 5


def test_a_100000_row_file_is_refused_with_its_row(root, tmp_path):
    rows = [{**STAKEHOLDER, "stakeholder": f"NGO {i}"} for i in range(100_000)]
    messages = refused(root, write_input(tmp_path / "in", reviews=[review()], stakeholders=rows))
    assert any(m.startswith(f"stakeholders.csv:{curation.MAX_ROWS + 2}:-: more than") for m in messages)


def test_xlsx_problems_name_the_sheet(root, tmp_path):
    path = tmp_path / "in.xlsx"
    with pd.ExcelWriter(path, engine="openpyxl") as xl:
        pd.DataFrame([review(start_date="someday")]).to_excel(xl, sheet_name="reviews", index=False)
    messages = refused(root, path)
    assert "in.xlsx[reviews]:2:start_date: not a date as YYYY-MM-DD" in messages


def test_not_a_workbook(root, tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"not a zip")
    assert refused(root, path) == ["fake.xlsx:0:-: not a readable .xlsx workbook (BadZipFile)"]


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    value=st.text(min_size=1, max_size=20).filter(
        lambda v: v.strip() and not __import__("re").fullmatch(r"\d{4}-\d{2}-\d{2}", v.strip())
    )
)
def test_any_non_date_start_is_refused(root, tmp_path_factory, value):
    folder = write_input(tmp_path_factory.mktemp("h"), reviews=[review(start_date=value)])
    messages = refused(root, folder)
    assert any(m.startswith("reviews.csv:2:start_date") for m in messages), messages


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    prefix=st.sampled_from(["=", "+", "-", "@"]),
    rest=st.text(max_size=30),
    column=st.sampled_from(["head_name", "head_title", "quote", "report_symbol"]),
)
def test_any_formula_text_is_refused(root, tmp_path_factory, prefix, rest, column):
    folder = write_input(tmp_path_factory.mktemp("h"), reviews=[review(**{column: prefix + rest})])
    messages = refused(root, folder)
    assert any(m.startswith(f"reviews.csv:2:{column}") for m in messages), messages


@settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(code=st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3))
def test_any_unknown_state_is_refused(root, tmp_path_factory, code):
    import pyarrow.parquet as pq

    known = set(pq.read_table(SHIPPED / "states.parquet").column("iso3").to_pylist())
    if code in known:
        return
    folder = write_input(tmp_path_factory.mktemp("h"), reviews=[review(iso3=code, review_id=f"CAT-99-{code}")])
    assert any(m.startswith("reviews.csv:2:iso3") for m in refused(root, folder))


def pakistan_numbers(root: Path) -> dict:
    con = duckdb.connect()
    for p in release.resolve(root).glob("*.parquet"):
        con.read_parquet(str(p)).create_view(p.stem)
    q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
    return {
        "report": q(
            "select due_date, submitted_date, submitted_precision, status, submitted_source from reports where iso3='PAK' and instrument='CAT' and cycle=1"
        ),
        "review": q("select * exclude (delegation_size_source) from reviews where review_id='CAT-60-PAK'"),
        "delegation": sorted(q("select * from delegation where review_id='CAT-60-PAK'"), key=str),
        "absent": sorted(
            q(
                "select stakeholder, stakeholder_type from stakeholders where review_id='CAT-60-PAK' and participation='absent_noted_by_committee'"
            )
        ),
        "cases": sorted(
            q("select case_label, outcome, victims_count, victims_qualifier from cases where review_id='CAT-60-PAK'"),
            key=str,
        ),
        "evidence": sorted(q("select * from evidence where review_id='CAT-60-PAK'"), key=str),
    }


def test_example_into_an_empty_curated_set_reproduces_pakistan(tmp_path):
    root = tmp_path / "plain"  # a plain data folder (no releases yet): its Parquet and curated/ side by side
    shutil.copytree(SHIPPED, root)
    (root / "sources").symlink_to(DATA_ROOT / "sources")
    for p in (root / "curated").glob("*.csv"):
        p.write_text(p.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    result = curation.run_import(EXAMPLE, root)
    assert release.current_id(root) == result.release
    assert result.added["reviews"] == 1 and result.added["cases"] == 6
    assert pakistan_numbers(root) == pakistan_numbers(SHIPPED)


def test_example_is_the_review_exactly_as_curated(tmp_path):
    from compliance import templates

    templates.export_reviews(SHIPPED, {"CAT-60-PAK"}, tmp_path)
    for p in EXAMPLE.glob("*.csv"):
        assert (tmp_path / p.name).read_bytes() == p.read_bytes(), p.name
    for sheet, frame in pd.read_excel(
        EXAMPLE / "review.xlsx", sheet_name=None, dtype=str, keep_default_na=False
    ).items():
        assert frame.equals(pd.read_csv(EXAMPLE / f"{sheet}.csv", dtype=str, keep_default_na=False)), sheet


def test_import_twice_adds_nothing_and_a_change_needs_replace(root, tmp_path):
    assert not any(curation.run_import(EXAMPLE, root).added.values())  # already shipped
    before = fingerprint(root)
    changed = tmp_path / "changed"
    shutil.copytree(EXAMPLE, changed)
    text = (
        (changed / "reviews.csv")
        .read_text(encoding="utf-8")
        .replace("Minister for Human Rights,10,", "Minister for Human Rights,11,")
    )
    (changed / "reviews.csv").write_text(text, encoding="utf-8")
    messages = refused(root, changed)
    assert messages == [
        "reviews.csv:2:review_id: CAT-60-PAK exists with different values (delegation_size: '10' -> '11'); use --replace to change it"
    ]
    assert fingerprint(root) == before
    result = curation.run_import(changed, root, replace=True)
    assert result.changes == ["CAT-60-PAK: delegation_size: '10' -> '11'"]
    assert release.current_id(root) == result.release != SHIPPED.name
    # The previous release is still on disk, whole, and one command makes it current again.
    assert {r["id"] for r in release.history(root)} == {SHIPPED.name, result.release}
    assert release.rollback(root) == SHIPPED.name
    assert fingerprint(root)["CURRENT"] == before["CURRENT"]


def test_dry_run_writes_nothing(root, tmp_path):
    folder = write_input(tmp_path / "in", reviews=[review()], delegation=[DELEGATE])
    before = fingerprint(root)
    result = curation.run_import(folder, root, dry_run=True)
    assert result.added["reviews"] == 1 and result.added["delegation"] == 1
    assert fingerprint(root) == before


def test_new_review_is_added_and_built(root, tmp_path):
    folder = write_input(
        tmp_path / "in", reviews=[review()], delegation=[DELEGATE], stakeholders=[STAKEHOLDER], cases=[CASE]
    )
    curation.run_import(folder, root)
    assert pakistan_numbers(root)["review"] == pakistan_numbers(SHIPPED)["review"]
    con = duckdb.connect()
    got = con.execute(
        "select delegation_size, head_name from read_parquet($p) where review_id = 'CAT-99-PAK'",
        {"p": str(release.resolve(root) / "reviews.parquet")},
    ).fetchall()
    assert got == [(10, "Kamran Michael")]


@pytest.mark.parametrize("fail_after", [0, 1, 5, 12])
def test_a_write_stopped_midway_leaves_the_previous_data_intact(root, tmp_path, monkeypatch, fail_after):
    folder = write_input(tmp_path / "in", reviews=[review()], delegation=[DELEGATE], cases=[CASE])
    before = fingerprint(root)
    written = []
    real = build.write_table

    def failing(frame, path):
        if len(written) == fail_after:
            raise OSError("injected failure between two table writes")
        written.append(path)
        real(frame, path)

    monkeypatch.setattr(build, "write_table", failing)
    with pytest.raises(OSError, match="injected"):
        curation.run_import(folder, root)
    assert fingerprint(root) == before  # nothing half-written is left behind, not even a staging folder
    assert pakistan_numbers(root) == pakistan_numbers(SHIPPED)  # still loadable
    monkeypatch.setattr(build, "write_table", real)
    assert curation.run_import(folder, root).added["reviews"] == 1  # and the next import works


def test_command_line_reports_and_exits_non_zero(root, tmp_path):
    folder = write_input(tmp_path / "in", reviews=[review(start_date="soon")])
    env = {**__import__("os").environ, "COMPLIANCE_DATA": str(root)}
    run = subprocess.run(
        [sys.executable, "-m", "compliance", "import", str(folder)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert run.returncode == 1
    assert "reviews.csv:2:start_date: not a date as YYYY-MM-DD" in run.stderr and "nothing was written" in run.stderr
    ok = subprocess.run(
        [sys.executable, "-m", "compliance", "import", str(EXAMPLE), "--dry-run"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0 and "nothing to add" in ok.stdout


def test_a_delegate_row_may_type_its_institution_and_it_counts_once(root, tmp_path):
    """'Fabrizio Petri, …, Inter-Ministerial Committee for Human Rights, other': typed on the delegate's own row."""
    person = {**DELEGATE, "name": "Fabrizio Petri", "title": "President", "is_head": "true",
              "institution": "Inter-Ministerial Committee for Human Rights", "institution_type": "other"}  # fmt: skip
    colleague = {**person, "name": "B. Colleague", "is_head": "false", "quote": "with B. Colleague"}
    own_row = {**person, "name": "", "title": "", "is_head": "false", "quote": "the Committee's delegation"}
    folder = write_input(tmp_path / "in", reviews=[review()], delegation=[person, colleague, own_row])
    result = curation.run_import(folder, root)
    assert result.added["delegation"] == 3  # the rows as given: the institution still counts once below
    con = duckdb.connect()
    for p in release.resolve(root).glob("*.parquet"):
        con.read_parquet(str(p)).create_view(p.stem)
    rows = con.execute(
        "select institution_type, count(distinct institution) from delegation"
        " where review_id = 'CAT-99-PAK' and institution_type is not null group by all"
    ).fetchall()
    assert rows == [("other", 1)]
    people = con.execute(
        "select name, institution_type from delegation where review_id = 'CAT-99-PAK' and kind = 'person' order by name"
    ).fetchall()
    assert people == [("B. Colleague", "other"), ("Fabrizio Petri", "other")]


def test_shipped_curated_text_passes_the_text_checks():
    """The checks refuse tricks, not the curated record: editorial brackets and list quotes stay importable."""
    from compliance import text

    assert not text.holds_link("Minister of Women, [title truncated in source] (introduced the report)")
    assert not text.holds_link("perpetrat[ors] (quote cut off)")
    assert text.holds_link("[x](http://evil)") and text.holds_link(
        "x ＜http://evil＞".replace("＜", "<").replace("＞", ">")
    )
    assert text.holds_markup("＜script＞") and not text.holds_markup("a < b")
    assert (
        text.looks_like_formula("\u200b\u200b=1")
        and text.looks_like_formula(" =1")
        and not text.looks_like_formula("a=1")
    )


def test_the_vocabulary_migration_keeps_every_value(tmp_path):
    """scripts/migrations/one_vocabulary.py, run on the curated files in their curators' names (rebuilt here from the
    shipped copy), gives back the shipped copy value for value: the rename changed names, never values."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "one_vocabulary", ROOT / "scripts" / "migrations" / "one_vocabulary.py"
    )
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    old = tmp_path / "old"
    old.mkdir()
    back = {v: k for k, v in migration.RENAMES.items()}
    for path in sorted((SHIPPED / "curated").glob("*.csv")):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        if path.name == "delegation.csv":
            people, bodies = frame[frame["name"] != ""], frame[frame["name"] == ""]
            people.assign(role=people.is_head.map({"true": "head", "false": "member"}), source_url=people.source)[
                ["review_id", "name", "title", "institution", "role", "source_url", "quote"]
            ].to_csv(old / "named_delegates.csv", index=False)
            bodies.rename(columns={"source": "source_url"})[
                ["review_id", "institution", "institution_type", "source_url", "quote"]
            ].to_csv(old / "delegation_institutions.csv", index=False)
            continue
        name = {v: k for k, v in migration.FILES.items()}.get(path.name, path.name)
        frame.rename(columns=back).to_csv(old / name, index=False)
    migration.main(old, tmp_path / "new")
    for path in sorted((SHIPPED / "curated").glob("*.csv")):
        shipped = pd.read_csv(path, dtype=str, keep_default_na=False)
        again = pd.read_csv(tmp_path / "new" / path.name, dtype=str, keep_default_na=False)
        key = list(shipped.columns)
        pd.testing.assert_frame_equal(
            again[key].sort_values(key).reset_index(drop=True), shipped.sort_values(key).reset_index(drop=True)
        )
