"""Serve the emulator over real HTTP with uvicorn: `workato-tui emulator`."""

from __future__ import annotations

import argparse
import sys
import time

from .clock import SystemClock
from .seed import DEMO_RESUME_TOKEN
from .tokens import DEMO_TOKENS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on")
    parser.add_argument("--port", type=int, default=8765, help="port (0 picks a free one)")
    parser.add_argument(
        "--scale",
        choices=["demo", "large"],
        default="demo",
        help="demo workspace, or the large one for benchmarks",
    )
    parser.add_argument("--seed", type=int, default=7, help="seed for the generated workspace")
    parser.add_argument(
        "--time-scale",
        type=float,
        default=1.0,
        help="run the emulator's clock this many times faster than real time",
    )
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="SPEC",
        help="inject a fault: '[METHOD ]PATTERN=KIND[:VALUE][xTIMES]', kinds: "
        "latency, error500, storm429, hang, drop, malformed, drop-after, hang-after:N",
    )
    parser.add_argument(
        "--no-quotas", action="store_true", help="do not enforce per-endpoint rate limits"
    )


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from . import Emulator

    started = time.monotonic()
    emulator = Emulator.build(args.scale, SystemClock(args.time_scale), args.seed)
    try:
        for spec in args.fault:
            emulator.faults.add_spec(spec)
    except ValueError as exc:
        print(f"workato-tui emulator: {exc}", file=sys.stderr)
        return 2
    emulator.quotas.enabled = not args.no_quotas
    config = uvicorn.Config(
        emulator.app, host=args.host, port=args.port, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    _announce(server, args, time.monotonic() - started)
    server.run()
    return 0


def _announce(server: object, args: argparse.Namespace, build_seconds: float) -> None:
    """Print the base URL and tokens once uvicorn is listening (port 0 is resolved then)."""
    original = server.startup  # type: ignore[attr-defined]

    async def startup(sockets: object = None) -> None:
        await original(sockets=sockets)
        port = args.port
        for srv in getattr(server, "servers", []):
            for sock in srv.sockets:
                port = sock.getsockname()[1]
        host = f"[{args.host}]" if ":" in args.host else args.host
        built = f"built in {build_seconds:.1f}s"
        lines = [
            f"Workato emulator ({args.scale} workspace, seed {args.seed}, {built})",
            f"  base URL: http://{host}:{port}",
        ]
        lines += [f"  {name:9} token: {token}" for name, token in DEMO_TOKENS.items()]
        lines.append(f"  paused job resume token: {DEMO_RESUME_TOKEN}")
        if args.time_scale != 1.0:
            lines.append(f"  clock runs {args.time_scale:g}x real time")
        lines.append("Press Ctrl+C to stop.")
        print("\n".join(lines), flush=True)

    server.startup = startup  # type: ignore[attr-defined]
