"""What each shipped table is and where it comes from, for the sources page."""

from __future__ import annotations

import pandas as pd

from compliance import schema

UNTC = "https://github.com/zmjones/untreaties (UN Treaty Collection, treaties.un.org)"
UNTC_2026 = "https://github.com/mgaldino/treaties-ideal-point (UN Treaty Collection status pages, treaties.un.org)"
STATUS = "https://github.com/world-politics-datalab/humanrights-treaties-ratification-status (OHCHR)"
UPR = "https://github.com/rochelleterman/uprs (UPR Info, upr-info.org)"
JURIS = "https://github.com/nathanhari/ohchr_case_analysis (OHCHR jurisprudence, juris.ohchr.org)"
CURATED = "curated from UN documents, UN Geneva and OHCHR summaries, press and NGO sites; one source per row"

# What each table of the schema holds, how far it reaches and where it comes from (the list of tables is the
# schema's: compliance/schema.py).
DESCRIBED = {
    "states": ("ISO3, UN spelling, UN regional group (from UPR Info)", "UNTC / OHCHR 2022 / pycountry", UNTC),
    "instruments": ("the 18 instruments and their reporting rules", "TREATY_RULES.md", "treaty texts, articles cited"),
    "ratifications": ("signature, ratification, entry into force per state and instrument", "2026-02-03 (2015 and 2022 beside it)", f"{UNTC_2026}; {UNTC}; {STATUS}"),
    "ratification_checks": ("where the 2015 snapshot, the 2022 status or the CSV copy disagrees with the 2026 pages", "2026-02-03", f"{UNTC_2026}; {UNTC}; {STATUS}"),
    "treaty_texts": ("reservations, declarations, objections, notes and withdrawals as the pages print them", "2026-02-03", UNTC_2026),
    "complaint_acceptance": ("which complaint procedures each party accepted, with the words that say so", "2026-02-03", UNTC_2026),
    "reports": ("reports: initial due date derived, submission and status as sources state them", "rules + curated", f"TREATY_RULES.md; {CURATED}"),
    "report_statuses": ("every report status as one source states it, as at its date", "to 2025", CURATED),
    "reviews": ("reviews of state reports: sessions, dates, heads, stated lateness", "2010-2025", CURATED),
    "delegation": ("named delegates and institutions on each delegation", "2010-2022", CURATED),
    "stakeholders": ("NHRIs, NGOs, military, intelligence and how they took part", "2010-2022", CURATED),
    "cases": ("cases raised in reviews and their stated outcomes", "2010-2022", CURATED),
    "evidence": ("further sources for single review fields, including disagreements", "2010-2022", CURATED),
    "committee_figures": ("figures from committees' annual reports", "2009-2022", "UN General Assembly documents (A/xx/40, A/xx/44)"),
    "sessions": ("committee sessions and the states they reviewed", "2007-2025", CURATED),
    "upr_recommendations": ("UPR recommendations and responses, sessions 1-20", "2014-10", UPR),
    "complaints": ("individual communications decided by the treaty bodies", "2016-05-07", JURIS),
}  # fmt: skip


def status() -> pd.DataFrame:
    """Every table of the current release: its rows (not known where it cannot be read), what it holds, and any problem."""
    from compliance import db

    broken = db.problems()
    rows = [
        (
            name,
            None if name in broken else db.count("whole_table", table_name=name),
            holds,
            as_of,
            source,
            broken.get(name),
        )
        for name, (holds, as_of, source) in ((n, DESCRIBED[n]) for n in sorted(schema.TABLES))
    ]
    frame = pd.DataFrame(rows, columns=["table_name", "row_count", "holds", "as_of", "source", "problem"])
    frame["row_count"] = frame["row_count"].astype("Int64")
    return frame
