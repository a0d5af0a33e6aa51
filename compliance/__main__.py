"""Command line: `python -m compliance build` rebuilds the Parquet tables; `import PATH` adds curated reviews."""

from __future__ import annotations

import argparse
import sys

from compliance import settings


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the command."""
    parser = argparse.ArgumentParser(prog="python -m compliance", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    build_cmd = sub.add_parser("build", help="rebuild the Parquet tables from data/sources and data/curated")
    build_cmd.add_argument("--check", action="store_true", help="build in memory and fail if data/ is out of date")
    args = parser.parse_args(argv)
    if args.command == "build":
        from compliance import build

        root = settings.data_dir()
        if args.check:
            return build.check(root)
        report = build.build(root)
        print(report.render())
        return 1 if report.refused else 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
