"""How far each source reaches, said once for every page that shows it."""

RATIFICATIONS = (
    "ratifications as at 2026-02-03 (the UN Treaty Collection's status pages; its 2015 snapshot and OHCHR's 2022 "
    "status beside them where they disagree)"
)
TREATY_TEXTS = "reservations, declarations, objections and complaint procedures as the same pages stood on 2026-02-03"
REVIEWS = "587 curated reviews, 2010-2025 (CAT, Human Rights Committee, CEDAW, CERD, CESCR, CRC, UPR)"
REPORT_STATUS = (
    "report statuses only where a source states one (committee documents to 2024, report cover pages to 2025, "
    "reviews), each true as at its source's date"
)
UPR = "UPR recommendations of sessions 1-20, 2008-2014 (UPR Info)"
COMPLAINTS = "individual complaints decided to 2016-05-07 (OHCHR jurisprudence)"
COMMITTEE_FIGURES = "committees' annual-report figures, 2009-2022"
# What a state's whole record draws on (the State profile), and with the committees' own figures, everything.
RECORD = (RATIFICATIONS, TREATY_TEXTS, REPORT_STATUS, REVIEWS, UPR, COMPLAINTS)
EVERYTHING = (*RECORD, COMMITTEE_FIGURES)

# What the record does not hold, said on the Sources page.
GAPS = (
    "- No public dataset holds the submission dates of periodic reports; only curated sources give them. A "
    "periodic report's due date is set by the committee and is never derived: *due date set by the committee, "
    "not known* where no source states it.\n"
    "- Ratifications are as at 2026-02-03, the date the treaty pages were saved; anything later is not known.\n"
    "- Two things a report's existence proves are used, each with its reason: a reviewed report was submitted "
    "before its review, and an earlier report of a series before a later one. Nothing else is inferred.\n"
    "- A report's status is true as at its source's date; after it, the dashboard says *overdue when last known*.\n"
    "- Entry into force is not derived for successions (it runs from the date of succession, which the source "
    "does not give) nor for the ratify-only protocols (the rules file gives no rule for them).\n"
    "- The Human Rights Committee states initial-report due dates one day earlier than a plain count from entry "
    "into force; the reports table shows both.\n"
    "- The licences of the scraped sources are unstated; the facts are public UN information."
)
