"""Adding curated reviews safely: read a template (folder of CSVs or .xlsx) → validate everything → merge into
the curated files → write a new release. Nothing is written unless every check passes, and what is written is
a new release beside the current one."""

from __future__ import annotations

from pathlib import Path

from compliance import build, release
from compliance.curation.contract import (
    ALLOWED,
    BODIES,
    CHILDREN,
    MAX_ROWS,
    REQUIRED,
    TEMPLATE,
    ImportRefused,
    Problem,
    schema,
)
from compliance.curation.merge import Plan, from_curated, plan, to_curated
from compliance.curation.read import Input, read_input
from compliance.curation.validate import validate
from compliance.curation.write import reference, write_release

__all__ = ["ALLOWED", "BODIES", "CHILDREN", "MAX_ROWS", "REQUIRED", "TEMPLATE", "ImportRefused", "Input", "Plan",
           "Problem", "from_curated", "plan", "read_input", "run_import", "schema", "to_curated", "validate",
           "write_release"]  # fmt: skip


def run_import(path: Path, root: Path, dry_run: bool = False, replace: bool = False) -> Plan:
    """Validate `path` and, unless `dry_run`, merge it into `root`/curated and rebuild; raises ImportRefused."""
    found = read_input(path)
    current = release.resolve(root)
    known, names, in_force = reference(current)
    existing = build.load_curated(current / "curated")
    problems = validate(found, known, in_force, set(existing["reviews"].review_id))
    if problems:
        raise ImportRefused(problems)
    new = to_curated(found.tables, names)
    result = plan(existing, new, found.names, replace)
    if result.conflicts:
        raise ImportRefused(result.conflicts)
    changed = {k for k, frame in result.curated.items() if not frame.equals(existing[k])}
    if not dry_run and changed:
        before = release.current_id(root)
        result.release = write_release(root, current / "curated", {k: result.curated[k] for k in changed})
        build.note_release(root, before, result.release)
    return result
