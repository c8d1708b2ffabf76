"""Start the app from parsed command-line arguments: demo, profile, or --base-url."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace

from pydantic import SecretStr

from .service.config import ConfigError, ResolvedProfile, load_config, resolve_profile
from .service.paths import Paths
from .service.tokens import TokenError, config_warnings, get_token
from .service.workspace import WorkspaceService


def build_demo_service(paths: Paths, read_only: bool = False) -> WorkspaceService:
    from .emulator import ADMIN_TOKEN, Emulator, SystemClock
    from .service.connect import demo_profile, open_workspace

    emulator = Emulator.demo(SystemClock())
    return open_workspace(
        demo_profile(read_only), SecretStr(ADMIN_TOKEN), paths, transport=emulator.transport()
    )


def print_paths(paths: Paths) -> int:
    print(f"config:   {paths.config_file}")
    print(f"cache:    {paths.cache_dir}   (last-known snapshots)")
    print(f"state:    {paths.state_dir}   (call logs, staged edits)")
    return 0


def _profile(args: argparse.Namespace, paths: Paths) -> ResolvedProfile:
    config = load_config(paths.config_file, must_exist=paths.config_explicit)
    for warning in config_warnings(config):
        print(f"workato-tui: warning: {warning}", file=sys.stderr)
    profile = resolve_profile(config, args.profile)
    if args.base_url:
        from .api.hosts import check_base_url, data_center_of

        url = check_base_url(args.base_url)
        profile = replace(profile, base_url=url, data_center=data_center_of(url))
    return profile


def run_app(args: argparse.Namespace) -> int:
    from .app import WorkatoApp

    paths = Paths.default()
    if args.print_paths:
        return print_paths(paths)
    ui_state = paths.state_dir / "ui.json"
    demo = lambda: build_demo_service(paths, args.read_only)
    if args.demo:
        WorkatoApp(demo(), ui_state_file=ui_state).run()
        return 0
    try:
        profile = _profile(args, paths)
    except (ConfigError, ValueError) as exc:
        print(f"workato-tui: {exc}", file=sys.stderr)
        return 2
    try:
        token = get_token(profile, os.environ).secret
    except TokenError as exc:
        WorkatoApp(
            None,
            demo_factory=demo,
            startup_problem=str(exc),
            ui_state_file=ui_state,
            keymap=profile.keymap,
        ).run()
        return 0
    from .service.connect import open_workspace

    service = open_workspace(profile, token, paths, read_only=args.read_only or None)
    WorkatoApp(
        service,
        keymap=profile.keymap,
        theme=profile.theme,
        ui_state_file=ui_state,
        demo_factory=demo,
    ).run()
    return 0
