import streamlit as st

from compliance import catalog, charts, coverage, db, export, filters, ui

f = filters.current()
st.title("Sources")
st.write(
    "Every table the dashboard shows, with its rows, as-of date and source. Credit: UN Treaty Collection, OHCHR, "
    "UPR Info, and the repositories that collected them (named below). Curated rows each carry their own source "
    "and a verbatim quote; the seed is R. Omer, op-ed on Pakistan's CAT review, 2017 (`seed:op-ed`)."
)
tables = catalog.status()
frame, config = ui.display(tables)
st.dataframe(frame, column_config=config, hide_index=True)
version = db.version_label()
st.download_button(
    "Download the whole dataset (zip: every table as CSV and Parquet, the data dictionary, the curated files)",
    data=lambda: export.dataset_zip(db.release_dir(), version),
    file_name=f"treaty-compliance-data_{version}.zip",
    mime="application/zip",
    key="download_dataset",
    on_click="ignore",
)
st.caption(f"Data version {version}. What each release changed: data/CHANGELOG.md.")
ui.coverage(*coverage.EVERYTHING)

st.subheader("What is known, at a glance")
st.caption(
    "For every state party to a reporting instrument on the as-of date (for the filters above): what the record "
    "knows of it. Ratification only; a due date (the treaty's rule); a report status some source states; a "
    "review. Where most of a column is pale, conclusions about that instrument rest on few states."
)
counts = ui.chart_rows("knowledge_counts", f.scope(), "bars", limit=300)
if not ui.empty_notice(counts, "ratified reporting instruments"):
    ui.chart(
        charts.spec(charts.bars, counts, "instrument:N", "states:Q", "known_level", "Instrument", "States parties",
                    sort=list(dict.fromkeys(counts["instrument"]))),
        f"How much is known for {ui.plural(int(counts['states'].sum()), 'state-instrument pair')}, by instrument.",
    )  # fmt: skip
    matrix = ui.chart_rows(
        "knowledge_matrix", f.scope(), "state-instrument cells (choose a region or states)", limit=440
    )
    ui.chart(
        charts.spec(
            charts.heat,
            matrix,
            "instrument:N",
            "state:N",
            "known_level:N",
            "Instrument",
            "State",
            sort=list(dict.fromkeys(counts["instrument"])),
        ),
        f"The same, state by state, for {ui.plural(matrix['state'].nunique(), 'state')}.",
    )
    ui.table("knowledge_matrix", f.scope(), "knowledge", "knowledge", height=250)

st.subheader("Where ratification sources disagree")
st.caption(
    "The 2026-02-03 pages are the record. Every place the 2015 snapshot, OHCHR's 2022 status or the CSV copy of "
    "the pages says otherwise is listed, with both values; participants that map to no current state (German "
    "Democratic Republic, Czechoslovakia) are listed first."
)
ui.table("ratification_check_list", f.scope(), "ratification-checks", "checks", height=250)

st.subheader("Known gaps")
st.markdown(coverage.GAPS)

st.subheader("Download a whole table")
readable = [t for t in tables["table_name"] if t not in db.problems()]
choice = st.selectbox("Table", readable, key="sources_table")
if choice:
    ui.table("whole_table", None, choice, f"whole_{choice}", params={"table_name": choice}, height=300)
