import streamlit as st

from compliance import catalog, db, ui

st.title("Sources")
st.write(
    "Every table the dashboard shows, with its rows, as-of date and source. Credit: UN Treaty Collection, OHCHR, "
    "UPR Info, and the repositories that collected them (named below). Curated rows each carry their own source "
    "and a verbatim quote; the seed is R. Omer, op-ed on Pakistan's CAT review, 2017 (`seed:op-ed`)."
)
tables = catalog.status()
frame, config = ui.display(tables)
st.dataframe(frame, column_config=config, hide_index=True)
st.caption(f"Data release {db.data_version()}.")

st.subheader("Known gaps")
st.markdown(
    "- No public dataset holds the submission dates of periodic reports; only curated reviews have them.\n"
    "- Ratification data ends in March 2015 (full dates) and 2022 (years only).\n"
    "- A report's status is true as at its source's date; after it, the dashboard says *overdue when last known*.\n"
    "- Entry into force is not derived for successions (it runs from the date of succession, which the source "
    "does not give) nor for the ratify-only protocols (the rules file gives no rule for them).\n"
    "- The Human Rights Committee states initial-report due dates one day earlier than a plain count from entry "
    "into force; the reports table shows both.\n"
    "- The licences of the four scraped sources are unstated; the facts are public UN information."
)

st.subheader("Download a whole table")
readable = [t for t in tables["table_name"] if t not in db.problems()]
choice = st.selectbox("Table", readable, key="sources_table")
if choice:
    ui.table("whole_table", None, choice, f"whole_{choice}", params={"table_name": choice}, height=300)
