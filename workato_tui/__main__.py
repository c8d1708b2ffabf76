"""Command line: the app (`workato-tui`, `--demo`) and the emulator (`workato-tui emulator`)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__


def _emulator_parser() -> argparse.ArgumentParser:
    from .emulator.server import add_arguments

    parser = argparse.ArgumentParser(
        prog="workato-tui emulator",
        description="Serve the Workato Developer API emulator with its demo workspace over HTTP.",
    )
    add_arguments(parser)
    return parser


def app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workato-tui",
        description="Administer a Workato workspace from the terminal. "
        "Run 'workato-tui emulator --help' for the built-in API emulator, "
        "'workato-tui access-report --help' for the least-privilege report.",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the demo workspace on the built-in emulator (no token needed)",
    )
    parser.add_argument(
        "--profile",
        help="profile name from the config file (with --demo: demo, demo-dev or demo-test, "
        "the demo's prod, dev and test environments)",
    )
    parser.add_argument("--base-url", help="Workato base URL (token from WORKATO_API_TOKEN)")
    parser.add_argument("--read-only", action="store_true", help="never send a write request")
    parser.add_argument(
        "--check",
        action="store_true",
        help="check the config and read the token, without starting the UI or sending "
        "anything; exit 0 when ready, 2 for a config error, 3 when there is no usable token",
    )
    parser.add_argument(
        "--print-paths",
        action="store_true",
        help="print the config, cache and log locations and exit",
    )
    parser.add_argument(
        "--keys",
        action="store_true",
        help="print every binding id, its default key and where it applies, then exit",
    )
    parser.add_argument("--version", action="version", version=f"workato-tui {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; an unexpected error exits non-zero with a short message and a crash
    report in the state directory (never a traceback with local values)."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args[:1] == ["emulator"]:
            from .emulator.server import serve

            return serve(_emulator_parser().parse_args(args[1:]))
        if args[:1] == ["access-report"]:
            from .cli_access import run_access_report

            return run_access_report(args[1:])
        from .startup import paused_for_startup

        with paused_for_startup():  # the app's own imports too
            from .cli import run_app

            return run_app(app_parser().parse_args(args))
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the last line of defence
        from .crash import report_unexpected

        return report_unexpected(_state_dir(), error)


def _state_dir() -> Path | None:
    try:
        from .service.paths import Paths

        return Paths.default().state_dir
    except Exception:  # reporting must not fail in turn
        return None


if __name__ == "__main__":
    sys.exit(main())
