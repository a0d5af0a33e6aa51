"""What every source module of the build shares: text-only CSV reading and the build report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd


@dataclass
class FileCount:
    """Rows a source file gave the build: read, kept, and refused with the reason for each."""

    read: int = 0
    kept: int = 0
    refused: Counter = field(default_factory=Counter)


@dataclass
class BuildReport:
    """What a build did: rows per table and per source file, names it could not match, rows refused and why."""

    rows: dict[str, int] = field(default_factory=dict)
    files: dict[str, FileCount] = field(default_factory=dict)
    unmatched: dict[str, set[str]] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)

    def unmatched_name(self, source: str, name: str) -> None:
        self.unmatched.setdefault(source, set()).add(name)

    def file(self, name: str) -> FileCount:
        return self.files.setdefault(name, FileCount())

    def count(self, name: str, read: int, kept: int | None = None) -> None:
        """Record that `name` gave `read` rows and the build kept `kept` of them (all, unless refused)."""
        entry = self.file(name)
        entry.read += read
        entry.kept += read - sum(entry.refused.values()) if kept is None else kept

    def refuse(self, name: str, why: str, detail: str | None = None) -> None:
        """A row of `name` the build did not keep, and why; the detail names the row."""
        self.file(name).refused[why] += 1
        self.refused.append(f"{name}: {why}" + (f" ({detail})" if detail else ""))

    def render(self) -> str:
        lines = ["Tables:"]
        lines += [f"  {name:<26} {count:>7,} rows" for name, count in self.rows.items()]
        lines.append("Source files (rows read / kept / refused):")
        for name, entry in self.files.items():
            why = "; ".join(f"{n} {reason}" for reason, n in sorted(entry.refused.items()))
            lines.append(
                f"  {name}: {entry.read:,} / {entry.kept:,} / {sum(entry.refused.values()):,}"
                + (f" ({why})" if why else "")
            )
        lines.append("Names not matched to a state (rows kept, iso3 empty):")
        lines += [f"  {src}: {', '.join(sorted(names))}" for src, names in self.unmatched.items()] or ["  none"]
        lines.append("Rows refused:")
        lines += [f"  {r}" for r in self.refused] or ["  none"]
        lines.append(f"Sources that disagree ({len(self.disagreements)}; both values kept, see ratification_checks):")
        lines += [f"  {d}" for d in self.disagreements] or ["  none"]
        lines += ["Notes:"] + [f"  {n}" for n in self.notes]
        return "\n".join(lines)


def blank_to_none(frame: pd.DataFrame) -> pd.DataFrame:
    clean = {
        col: pd.Series(
            [None if pd.isna(v) or str(v).strip() == "" else str(v).strip() for v in frame[col]], dtype=object
        )
        for col in frame.columns
    }
    return pd.DataFrame(clean, index=frame.index)


def read_csv(path: Path, **kwargs) -> pd.DataFrame:
    """Every column as text, blanks as None."""
    return blank_to_none(pd.read_csv(path, dtype=str, keep_default_na=False, **kwargs))
