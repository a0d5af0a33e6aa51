"""Treaty rules: entry into force and initial-report due dates, from docs/TREATY_RULES.md.

Every derived date in the dashboard comes from this module. The table mirrors the rules file; a test
checks the two agree, so a change to either one without the other fails.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Instrument:
    code: str
    name: str
    untc_no: str
    committee: str | None
    reporting: bool
    treaty_in_force: dt.date | None
    # How entry into force is counted for a later state: ("days", 30), ("months", 3), ("icmw", 3).
    in_force_rule: tuple[str, int] | None
    in_force_article: str | None
    initial_due_years: int | None
    initial_due_article: str | None
    status_2022_file: str


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


INSTRUMENTS: tuple[Instrument, ...] = (
    Instrument("ICERD", "International Convention on the Elimination of All Forms of Racial Discrimination", "IV-2", "CERD", True, _d("1969-01-04"), ("days", 30), "art. 19(2)", 1, "art. 9(1)", "hr_status_icerd.csv"),
    Instrument("ICESCR", "International Covenant on Economic, Social and Cultural Rights", "IV-3", "CESCR", True, _d("1976-01-03"), ("months", 3), "art. 27(2)", 2, "ECOSOC res. 1988/4", "hr_status_icescr.csv"),
    Instrument("ICCPR", "International Covenant on Civil and Political Rights", "IV-4", "CCPR", True, _d("1976-03-23"), ("months", 3), "art. 49(2)", 1, "art. 40(1)(a)", "hr_status_iccpr.csv"),
    Instrument("CEDAW", "Convention on the Elimination of All Forms of Discrimination against Women", "IV-8", "CEDAW", True, _d("1981-09-03"), ("days", 30), "art. 27(2)", 1, "art. 18(1)(a)", "hr_status_cedaw.csv"),
    Instrument("CAT", "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment", "IV-9", "CAT", True, _d("1987-06-26"), ("days", 30), "art. 27(2)", 1, "art. 19(1)", "hr_status_cat.csv"),
    Instrument("CRC", "Convention on the Rights of the Child", "IV-11", "CRC", True, _d("1990-09-02"), ("days", 30), "art. 49(2)", 2, "art. 44(1)(a)", "hr_status_crc.csv"),
    Instrument("OP-CRC-AC", "Optional Protocol to the CRC on the involvement of children in armed conflict", "IV-11-b", "CRC", True, _d("2002-02-12"), ("months", 1), "art. 10(2)", 2, "art. 8(1)", "hr_status_op_crc_ac.csv"),
    Instrument("OP-CRC-SC", "Optional Protocol to the CRC on the sale of children, child prostitution and child pornography", "IV-11-c", "CRC", True, _d("2002-01-18"), ("months", 1), "art. 14(2)", 2, "art. 12(1)", "hr_status_op_crc_sc.csv"),
    Instrument("ICMW", "International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families", "IV-13", "CMW", True, _d("2003-07-01"), ("icmw", 3), "art. 87(2)", 1, "art. 73(1)(a)", "hr_status_icmw.csv"),
    Instrument("CRPD", "Convention on the Rights of Persons with Disabilities", "IV-15", "CRPD", True, _d("2008-05-03"), ("days", 30), "art. 45(2)", 2, "art. 35(1)", "hr_status_crpd.csv"),
    Instrument("CPED", "International Convention for the Protection of All Persons from Enforced Disappearance", "IV-16", "CED", True, _d("2010-12-23"), ("days", 30), "art. 39(2)", 2, "art. 29(1)", "hr_status_cped.csv"),
    # Ratified, not reported on. The rules file gives no entry-into-force rule for these, so none is derived.
    Instrument("OP-ICESCR", "Optional Protocol to the ICESCR (complaints)", "IV-3-a", "CESCR", False, None, None, None, None, None, "hr_status_icescr_op.csv"),
    Instrument("ICCPR-OP1", "Optional Protocol to the ICCPR (complaints)", "IV-5", "CCPR", False, None, None, None, None, None, "hr_status_iccpr_op1.csv"),
    Instrument("ICCPR-OP2", "Second Optional Protocol to the ICCPR (abolition of the death penalty)", "IV-12", "CCPR", False, None, None, None, None, None, "hr_status_iccpr_op2.csv"),
    Instrument("OP-CEDAW", "Optional Protocol to CEDAW (complaints and inquiries)", "IV-8-b", "CEDAW", False, None, None, None, None, None, "hr_status_op_cedaw.csv"),
    Instrument("OP-CAT", "Optional Protocol to the Convention against Torture (preventive visits)", "IV-9-b", "SPT", False, None, None, None, None, None, "hr_status_opcat.csv"),
    Instrument("OP-CRC-IC", "Optional Protocol to the CRC on a communications procedure", "IV-11-d", "CRC", False, None, None, None, None, None, "hr_status_op_crc_ic.csv"),
    Instrument("OP-CRPD", "Optional Protocol to the CRPD (complaints)", "IV-15-a", "CRPD", False, None, None, None, None, None, "hr_status_op_crpd.csv"),
)  # fmt: skip

BY_CODE = {i.code: i for i in INSTRUMENTS}
# The UPR is a peer review of every UN member, not a treaty: reviews name it as their body and instrument.
UPR = "UPR"
# The instrument whose reports a body reviews, when a review names only the body (the CCPR reviews ICCPR reports):
# each committee's first reporting instrument in the table above; the UPR names itself.
BODY_MAIN_INSTRUMENT: dict[str, str] = {UPR: UPR} | {
    i.committee: i.code for i in reversed(INSTRUMENTS) if i.reporting and i.committee
}


def reviewed_instrument(body: str | None, report_type: str | None) -> str | None:
    """The instrument a review is under: the body's main one, or a CRC protocol its report type names."""
    for protocol in ("OP-CRC-SC", "OP-CRC-AC"):
        if body == "CRC" and protocol in (report_type or ""):
            return protocol
    return BODY_MAIN_INSTRUMENT.get(body or "")


BY_UNTC = {i.untc_no: i for i in INSTRUMENTS}


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day of the month `months` later, clamped to the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def in_force_date(code: str, deposit: dt.date | None, action_type: str | None = None) -> dt.date | None:
    """Date the instrument entered into force for a state that deposited on `deposit`; None if no rule applies."""
    inst = BY_CODE[code]
    if deposit is None or inst.in_force_rule is None or inst.treaty_in_force is None:
        return None
    # A succession takes effect from the date of state succession, which the sources do not give.
    if action_type == "succession":
        return None
    if deposit < inst.treaty_in_force:
        return inst.treaty_in_force
    unit, n = inst.in_force_rule
    if unit == "days":
        return deposit + dt.timedelta(days=n)
    if unit == "months":
        return add_months(deposit, n)
    after = add_months(deposit, n)  # ICMW: first day of the month after three months from deposit
    return dt.date(after.year + after.month // 12, after.month % 12 + 1, 1)


def initial_report_due(code: str, in_force: dt.date | None) -> dt.date | None:
    """Initial report due date: entry into force plus the treaty's period; None if not a reporting instrument."""
    inst = BY_CODE[code]
    if in_force is None or inst.initial_due_years is None:
        return None
    return add_months(in_force, 12 * inst.initial_due_years)


@dataclass(frozen=True)
class Procedure:
    """A complaint procedure: accepted by a declaration under an article, or by becoming party to a protocol."""

    committee: str
    kind: str  # "individual" or "inter-state"
    instrument: str  # the instrument a declaration is made under, or the protocol itself
    article: int | None  # the article of the declaration; None for a protocol (party status is acceptance)
    # Words that name the procedure in a declaration that does not cite its article number.
    described_as: tuple[str, ...]


PROCEDURES: tuple[Procedure, ...] = (
    Procedure("CAT", "individual", "CAT", 22, ("individual",)),
    Procedure("CAT", "inter-state", "CAT", 21, ("another State Party", "another Party", "from a State Party")),
    Procedure("CERD", "individual", "ICERD", 14, ("individual",)),
    Procedure("CED", "individual", "CPED", 31, ("individual",)),
    Procedure("CED", "inter-state", "CPED", 32, ("another State Party", "another Party", "from a State Party")),
    Procedure("CMW", "individual", "ICMW", 77, ("individual",)),
    Procedure("CCPR", "inter-state", "ICCPR", 41, ("another State Party", "another Party", "from a State Party")),
    Procedure("CCPR", "individual", "ICCPR-OP1", None, ()),
    Procedure("CEDAW", "individual", "OP-CEDAW", None, ()),
    Procedure("CESCR", "individual", "OP-ICESCR", None, ()),
    Procedure("CRPD", "individual", "OP-CRPD", None, ()),
    Procedure("CRC", "individual", "OP-CRC-IC", None, ()),
)
# The instrument whose parties a procedure is open to (a protocol is open to the parties of its treaty).
PROCEDURE_PARENT = {"ICCPR-OP1": "ICCPR", "OP-CEDAW": "CEDAW", "OP-ICESCR": "ICESCR", "OP-CRPD": "CRPD",
                    "OP-CRC-IC": "CRC"}  # fmt: skip
