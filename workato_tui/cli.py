"""Start the app from parsed command-line arguments."""

from __future__ import annotations

import argparse
import sys


def run_app(args: argparse.Namespace) -> int:
    print("workato-tui: the terminal app is not built yet; run 'workato-tui emulator' to serve "
          "the demo workspace.", file=sys.stderr)
    return 2
