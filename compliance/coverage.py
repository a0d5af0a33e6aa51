"""How far each source reaches, said once for every page that shows it."""

RATIFICATIONS = (
    "ratifications to 2015-03-09 with full dates (UN Treaty Collection), later ones by year only (OHCHR, 2022)"
)
REVIEWS = "587 curated reviews, 2010-2025 (CAT, Human Rights Committee, CEDAW, CERD, CESCR, CRC, UPR)"
REPORT_STATUS = "report statuses only where a curated source states one, each true as at its source's date"
UPR = "UPR recommendations of sessions 1-20, 2008-2014 (UPR Info)"
COMPLAINTS = "individual complaints decided to 2016-05-07 (OHCHR jurisprudence)"
COMMITTEE_FIGURES = "committees' annual-report figures, 2009-2022"
