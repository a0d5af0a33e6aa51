"""What states declared on the treaty pages: reservations, objections, withdrawals, and complaint procedures.

`treaty_texts` keeps each piece of text as the page prints it (with its date where the page gives one);
`complaint_acceptance` reads, for every party, whether it accepted each complaint procedure and quotes the
words that say so. Nothing is inferred beyond what a quoted text states.
"""

from __future__ import annotations

import re

import pandas as pd

from compliance import countries, rules, untc
from compliance.sources.common import BuildReport
from compliance.sources.ratifications import PAGE_URL

# A sentence ends at a full stop or semicolon (a closing quote may follow) that is not part of an ellipsis.
SENTENCE = re.compile(r"(?<![.…][.;])(?:(?<=[.;])|(?<=[.;][”\"’]))\s+(?=[A-Z“\"(\[])")


def _kind(section: str, heading: str | None, text: str) -> str:
    words = f"{heading or ''} {text[:200]}".lower()
    if section == "objections":
        return "objection"
    if "withdr" in words:
        return "withdrawal"
    if "reservation" in (heading or "").lower():
        return "reservation"
    if section == "declarations under an article":
        return "declaration under an article"
    if "declar" in words:
        return "declaration"
    return {"notifications": "notification"}.get(section, "declaration or reservation")


def _about(text: str, heading: str | None, names: list[str]) -> str | None:
    """The participant an objection is about: the longest page name its heading (or first sentence) names."""
    where = heading or text.split("\n")[0]
    found = [n for n in sorted(names, key=len, reverse=True) if re.search(rf"\b{re.escape(n)}\b", where)]
    for n in found:
        if not any(n != m and n in m for m in found):
            return n
    return None


def _withdrawals(page: untc.Page, participant: str, marks: tuple[str, ...]) -> list[dict]:
    """Each sentence of the participant's notes that reports a withdrawal, with the date it gives."""
    out = []
    for mark in marks:
        for sentence in SENTENCE.split(page.notes.get(mark, "").replace("\n", " ")):
            if re.search(r"\bwithdr[ae]w", sentence) and participant.split(" (")[0] in sentence:
                out.append({"section": "note", "kind": "withdrawal", "note": mark, "text": sentence,
                            "text_date": untc.long_date(sentence), "date_text": None, "heading": None})  # fmt: skip
    return out


def texts(pages: dict[str, untc.Page]) -> pd.DataFrame:
    """One row per piece of declared text, objection, note and withdrawal, per participant and instrument."""
    rows = []
    for code, page in pages.items():
        names = [p.name for p in page.participants]
        marks = {p.name: p.notes for p in page.participants}
        for piece in page.pieces:
            marks[piece.participant] = tuple(dict.fromkeys(marks.get(piece.participant, ()) + piece.notes))
            about = _about(piece.text, piece.heading, names) if piece.section == "objections" else None
            rows.append({"instrument": code, "participant": piece.participant, "section": piece.section,
                         "kind": _kind(piece.section, piece.heading, piece.text), "heading": piece.heading,
                         "text_date": untc.long_date(piece.date_text), "date_text": piece.date_text, "text": piece.text,
                         "about_participant": about, "note": None, "untc_no": page.untc_no})  # fmt: skip
        for participant, own in marks.items():
            for mark in own:
                if mark in page.notes:
                    rows.append({"instrument": code, "participant": participant, "section": "note", "kind": "note",
                                 "heading": None, "text_date": None, "date_text": None, "text": page.notes[mark],
                                 "about_participant": None, "note": mark, "untc_no": page.untc_no})  # fmt: skip
            for w in _withdrawals(page, participant, own):
                rows.append({"instrument": code, "participant": participant, "about_participant": None,
                             "untc_no": page.untc_no, **w})  # fmt: skip
    out = pd.DataFrame(rows)
    out["iso3"] = out["participant"].map(countries.to_iso3)
    out["about_iso3"] = out["about_participant"].map(lambda n: countries.to_iso3(n) if isinstance(n, str) else None)
    out["source"] = out["untc_no"].map(lambda no: PAGE_URL.format(no=no))
    out["piece"] = out.groupby(["instrument", "participant"]).cumcount() + 1
    return out.drop(columns="untc_no")


ROMAN = {14: "XIV", 21: "XXI", 22: "XXII", 31: "XXXI", 32: "XXXII", 41: "XLI", 77: "LXXVII"}


def _says(procedure: rules.Procedure, sentence: str) -> bool:
    """Whether a sentence recognises or accepts the committee's competence for this procedure."""
    if (
        not re.search(r"competen", sentence, re.I)
        or not re.search(r"recogni[sz]|accept", sentence, re.I)
        or re.search(r"not (?:recogni[sz]|accept)", sentence, re.I)
    ):
        return False
    number = rf"(?:{procedure.article}|{ROMAN.get(procedure.article, procedure.article)})"
    cites = re.search(rf"\barticles?\s+\[?(?:[\dIVXL]+\s*(?:,|and|or)\s*)*{number}\b", sentence, re.I)
    return bool(cites or any(w.lower() in sentence.lower() for w in procedure.described_as))


def _declaration(procedure: rules.Procedure, pieces: pd.DataFrame) -> tuple[str, object] | None:
    """The first sentence of a participant's declarations that accepts the procedure, and its date."""
    for piece in pieces.itertuples():
        if piece.kind in ("objection", "note", "withdrawal", "notification"):
            continue
        text = f"{piece.heading}: {piece.text}" if isinstance(piece.heading, str) else piece.text
        for sentence in SENTENCE.split(text.replace("\n", " ")):
            if _says(procedure, sentence):
                return sentence, piece.text_date
    return None


def acceptance(ratifications: pd.DataFrame, treaty_texts: pd.DataFrame, report: BuildReport) -> pd.DataFrame:
    """For every party of each treaty, whether it accepted each complaint procedure, with the words or status."""
    parties = ratifications[ratifications["action_date"].notna() & ~ratifications["denounced"].astype(bool)]
    by_party = dict(tuple(treaty_texts.groupby(["instrument", "participant"], sort=False)))  # each party's pieces
    rows = []
    for proc in rules.PROCEDURES:
        parent = rules.PROCEDURE_PARENT.get(proc.instrument, proc.instrument)
        members = parties[parties["instrument"] == parent]
        protocol = {
            r["participant"]: r
            for r in ratifications[ratifications["instrument"] == proc.instrument].to_dict("records")
        }
        for party in members.itertuples():
            row = {"iso3": party.iso3, "participant": party.participant, "committee": proc.committee,
                   "procedure": proc.kind, "instrument": proc.instrument, "party_instrument": parent,
                   "article": f"art. {proc.article}" if proc.article else "optional protocol",
                   "source": PAGE_URL.format(no=rules.BY_CODE[proc.instrument].untc_no)}  # fmt: skip
            if proc.article is None:
                p = protocol.get(party.participant)
                accepted = p is not None and pd.notna(p["action_date"]) and not p["denounced"]
                row.update(accepted=accepted, accepted_date=p["action_date"] if accepted else None,
                           basis="party to the protocol" if accepted else
                           ("denounced the protocol" if p is not None and p["denounced"] else "not a party to the protocol"),
                           quote=p["notes"] if p is not None and p["denounced"] else None)  # fmt: skip
            else:
                found = _declaration(proc, by_party.get((proc.instrument, party.participant), treaty_texts.iloc[0:0]))
                row.update(accepted=found is not None, accepted_date=found[1] if found else None,
                           basis="declaration" if found else "no declaration on the page", quote=found[0] if found else None)  # fmt: skip
            rows.append(row)
    out = pd.DataFrame(rows)
    counts = out[out["accepted"]].groupby(["committee", "procedure", "article"]).size()
    for (committee, kind, article), n in counts.items():
        report.notes.append(f"complaint procedures: {n} states accept {committee} {kind} complaints ({article})")
    out["accepted_date"] = out["accepted_date"].map(lambda d: None if d is None or pd.isna(d) else d)
    return out
