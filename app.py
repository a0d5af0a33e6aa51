"""Treaty compliance dashboard: the router. Page config, navigation, the shared filter bar; no data work."""

from pathlib import Path

import streamlit as st

from compliance import filters, limits, ui

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"

# The icon ships with the app: a :material: page icon would be fetched from a third party on every visit.
st.set_page_config(
    page_title="Treaty compliance dashboard", page_icon=str(HERE / "compliance" / "assets" / "icon.png"), layout="wide"
)
navigation = st.navigation(
    [
        st.Page(PAGES / "dashboard_overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page(PAGES / "reporting_delays.py", title="Reporting delays", icon=":material/schedule:", url_path="reporting-delays"),
        st.Page(PAGES / "delegation_composition.py", title="Delegations", icon=":material/groups:", url_path="delegations"),
        st.Page(PAGES / "absent_stakeholders.py", title="Absent stakeholders", icon=":material/person_off:", url_path="absent-stakeholders"),
        st.Page(PAGES / "case_outcomes.py", title="Case outcomes", icon=":material/balance:", url_path="case-outcomes"),
        st.Page(PAGES / "upr_recommendations.py", title="UPR recommendations", icon=":material/forum:", url_path="recommendations"),
        st.Page(PAGES / "state_profile.py", title="State profile", icon=":material/flag:", url_path="state"),
        st.Page(PAGES / "compare.py", title="Compare states", icon=":material/compare_arrows:", url_path="compare"),
        st.Page(PAGES / "data_sources.py", title="Sources", icon=":material/menu_book:", url_path="sources"),
    ]
)  # fmt: skip
if not ui.data_reachable():  # a data location that cannot be read: said once, and nothing else runs
    st.stop()
with limits.page_slot():
    filters.sidebar()
    with st.sidebar:  # on every page, whatever the page shows or stops at
        ui.cite_box(navigation.title, navigation.url_path)
    with ui.needs_data():
        navigation.run()
