"""`workato-tui access-report [--from FILE] [--profile NAME]`: the least privilege a session
needed, from a saved call log (or every call log in the state dir)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .service.access_report import build_report, read_entries, saved_logs
from .service.paths import Paths


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workato-tui access-report",
        description="Print the least-privilege access a session used, from its call log: "
        "privileges used and refused, projects touched, a [profiles.NAME.access] block and "
        "the endpoints for the Workato client role.",
    )
    parser.add_argument(
        "--from",
        dest="source",
        type=Path,
        action="append",
        help="a call log (calls.jsonl); repeat for several. Default: the saved logs in the "
        "state dir",
    )
    parser.add_argument("--profile", help="whose saved logs to read, and the block's name")
    return parser


def run_access_report(argv: Sequence[str], paths: Paths | None = None) -> int:
    args = parser().parse_args(list(argv))
    if args.source:
        missing = [p for p in args.source if not p.is_file()]
        if missing:
            print(f"workato-tui: no such call log: {missing[0]}", file=sys.stderr)
            return 2
        files = list(args.source)
    else:
        files = saved_logs((paths or Paths.default()).state_dir, args.profile)
        if not files:
            print("workato-tui: no saved call logs in the state dir", file=sys.stderr)
            return 2
    report = build_report(read_entries(files))
    sys.stdout.write(report.text(args.profile or "agent"))
    return 0
