import streamlit as st

from compliance import coverage, filters, ui

f = filters.current()
st.title("Compare states")
st.caption(
    "Two to six states side by side, one column each, for the filters in force: what each joined, how it reports, "
    "who it sent, what the committees noted and raised, who can complain against it, and its UPR responses. "
    "Counts are of what this record holds; 'not known' where no source gives a value."
)
ui.coverage(*coverage.RECORD)
if not 2 <= len(f.states) <= 6:
    st.info("Choose two to six states in the filter bar, or open `/compare?state=BRA&state=IND&state=ZAF`.")
    st.stop()
ui.table("state_comparison", f.scope(), "comparison", "comparison", wide=(("position", "measure"), "state", "value"))
st.caption("Each state's sources are on its State profile; the other pages list every row counted here.")
