"""Command line: `python -m compliance build` rebuilds the Parquet tables; `import PATH` adds curated reviews;
`publish s3://bucket/prefix` uploads the current release to object storage. Every command but publish writes a
local data folder (COMPLIANCE_DATA, default data/)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from compliance import settings


def parser() -> argparse.ArgumentParser:
    """The commands and their arguments."""
    out = argparse.ArgumentParser(prog="python -m compliance", description=__doc__)
    sub = out.add_subparsers(dest="command", required=True)
    build_cmd = sub.add_parser("build", help="build a new release from data/sources and the current curated CSVs")
    build_cmd.add_argument("--check", action="store_true", help="build aside and fail if the current release differs")
    build_cmd.add_argument("--curated", type=Path, help="a folder of curated CSVs to build from instead")
    rel = sub.add_parser("release", help="list the data releases, or roll back to an earlier one")
    rel.add_argument("action", choices=["list", "rollback"])
    rel.add_argument("release_id", nargs="?", help="with rollback: the release to make current (default: the previous)")
    imp = sub.add_parser("import", help="validate curated reviews (folder of CSVs or .xlsx) and add them")
    imp.add_argument("path", type=Path, help="a folder of template CSVs or an .xlsx workbook")
    imp.add_argument("--dry-run", action="store_true", help="validate and report; write nothing")
    imp.add_argument("--replace", action="store_true", help="let reviews and reports that exist be changed")
    tpl = sub.add_parser("template", help="write an empty template (CSVs and .xlsx) to a folder")
    tpl.add_argument("out", type=Path)
    exp = sub.add_parser("export", help="write curated reviews as a filled template, e.g. CAT-60-PAK")
    exp.add_argument("out", type=Path)
    exp.add_argument("review_id", nargs="+")
    pub = sub.add_parser("publish", help="upload the current release to object storage and make it current there")
    pub.add_argument("target", help="s3://bucket/prefix (endpoint and credentials from the AWS_* variables)")
    return out


def build_command(args: argparse.Namespace) -> int:
    from compliance import build

    root = settings.local_data_dir()
    if args.check:
        return build.check(root)
    report, release_id = build.build(root, args.curated)
    print(report.render())
    print(f"release {release_id} is current")
    return 1 if report.refused else 0


def release_command(args: argparse.Namespace) -> int:
    from compliance import build, release

    root = settings.local_data_dir()
    if args.action == "rollback":
        try:
            print(f"release {release.rollback(root, args.release_id)} is current")
            build.expose_calendars(root)
        except release.ReleaseError as err:
            print(err, file=sys.stderr)
            return 1
        return 0
    for row in release.history(root):
        print(f"{row['id']}  {row['made']}{'  (current)' if row['current'] else ''}")
    return 0


def template_command(args: argparse.Namespace) -> int:
    from compliance import templates

    if args.command == "template":
        templates.write_template(args.out)
        print(f"template written to {args.out}")
    else:
        templates.export_reviews(settings.local_data_dir(), set(args.review_id), args.out)
        print(f"{', '.join(args.review_id)} written to {args.out}")
    return 0


def import_command(args: argparse.Namespace) -> int:
    from compliance import build, curation

    try:
        result = curation.run_import(args.path, settings.local_data_dir(), dry_run=args.dry_run, replace=args.replace)
    except curation.ImportRefused as refused:
        for problem in refused.problems:
            print(problem, file=sys.stderr)
        print(f"refused: {len(refused.problems)} problem(s); nothing was written", file=sys.stderr)
        return 1
    for name, count in result.added.items():
        if count:
            print(f"{name}: {count} row(s) added")
    for change in result.changes:
        print(f"changed {change}")
    if not any(result.added.values()) and not result.changes:
        print("nothing to add: every row is already in the curated data")
    elif args.dry_run:
        print("dry run: nothing was written")
    else:
        build.expose_calendars(settings.data_dir())
        print(f"written as release {result.release}; `python -m compliance release rollback` restores the previous one")
    return 0


def publish_command(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from compliance import publish

    done = publish.publish(settings.local_data_dir(), args.target, progress=lambda xs: tqdm(xs, unit="file"))
    print(f"{done.uploaded} file(s) uploaded, {done.kept} already there")
    print(f"release {done.release_id} is current at {args.target.rstrip('/')} (before: {done.previous or 'none'})")
    return 0


COMMANDS = {"build": build_command, "release": release_command, "template": template_command,
            "export": template_command, "import": import_command, "publish": publish_command}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the command; a location or publish that cannot be used is said in one line."""
    from compliance import publish, storage

    args = parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (storage.StorageError, publish.PublishError) as err:
        print(err, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
