"""Where the data lives: one setting, COMPLIANCE_DATA, defaulting to the repository's data/ folder."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = ROOT / "sql"
DEFAULT_DATA_DIR = ROOT / "data"
STATIC_DIR = ROOT / "static"  # served at app/static/ (server.enableStaticServing)
ENV_VAR = "COMPLIANCE_DATA"


def data_dir() -> Path:
    """The folder holding the Parquet tables (and, for the shipped set, sources/ and curated/)."""
    return Path(os.environ.get(ENV_VAR) or DEFAULT_DATA_DIR).resolve()
