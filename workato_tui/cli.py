"""Start the app from parsed command-line arguments: demo, profile, or --base-url.

Exit codes: 0 done; 2 the config or the command line cannot be used (the message says where);
3 `--check` found no usable token; 1 the app stopped on an unexpected error (a crash report is
in the state directory); 70 an unexpected error outside the app (the same).
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from pydantic import SecretStr

from .service.config import ConfigError, ResolvedProfile, load_config, resolve_profile
from .service.paths import Paths
from .service.tokens import TokenError, config_warnings, get_token
from .service.workspace import WorkspaceService

if TYPE_CHECKING:
    from .app import WorkatoApp

EXIT_CONFIG = 2
EXIT_NO_TOKEN = 3


def build_demo_service(paths: Paths, read_only: bool = False) -> WorkspaceService:
    from .emulator import ADMIN_TOKEN, Emulator, SystemClock
    from .service.connect import demo_profile, open_workspace

    emulator = Emulator.demo(SystemClock())
    return open_workspace(
        demo_profile(read_only), SecretStr(ADMIN_TOKEN), paths, transport=emulator.transport()
    )


def print_keys() -> int:
    from .keys import keys_text

    print(keys_text())
    return 0


def print_paths(paths: Paths) -> int:
    print(f"config:   {paths.config_file}")
    print(f"cache:    {paths.cache_dir}   (last-known snapshots)")
    print(f"state:    {paths.state_dir}   (call logs, staged edits, crash reports)")
    return 0


def _profile(args: argparse.Namespace, paths: Paths, warnings: list[str]) -> ResolvedProfile:
    from .config_ui import check_ui_settings

    config = load_config(paths.config_file, must_exist=paths.config_explicit)
    check_ui_settings(config)
    for warning in config_warnings(config):
        print(f"workato-tui: warning: {warning}", file=sys.stderr)
        warnings.append(warning)
    profile = resolve_profile(config, args.profile)
    if args.base_url:
        from .api.hosts import check_base_url, data_center_of

        url = check_base_url(args.base_url)
        profile = replace(profile, base_url=url, data_center=data_center_of(url))
    return profile


def run_app(args: argparse.Namespace) -> int:
    paths = Paths.default()
    if args.print_paths:
        return print_paths(paths)
    if args.keys:
        return print_keys()
    from .app import WorkatoApp

    ui_state = paths.state_dir / "ui.json"
    demo = functools.partial(build_demo_service, paths, args.read_only)
    if args.demo:
        from .profiles_open import demo_profiles
        from .service.demo_envs import DEMO_ENVIRONMENT_PROFILES

        current = args.profile if args.profile in DEMO_ENVIRONMENT_PROFILES else "demo"
        service, profiles = demo_profiles(paths, args.read_only, current)
        return _run(WorkatoApp(service, ui_state_file=ui_state, profiles=profiles))
    try:
        warnings: list[str] = []  # shown in the app too: stderr is hidden once it starts
        profile = _profile(args, paths, warnings)
    except (ConfigError, ValueError) as exc:
        print(f"workato-tui: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    try:
        token = get_token(profile, os.environ)
    except TokenError as exc:
        if args.check:
            print(f"workato-tui: {exc}", file=sys.stderr)
            return EXIT_NO_TOKEN
        first_run = WorkatoApp(
            None,
            demo_factory=demo,
            startup_problem=str(exc),
            ui_state_file=ui_state,
            keymap=profile.keymap,
        )
        return _run(first_run)
    if args.check:
        print(
            f"profile {profile.name}: {profile.base_url}, token from "
            f"{token.source.describe()}: ready (nothing was sent)"
        )
        return 0
    from .service.connect import open_workspace

    service = open_workspace(profile, token.secret, paths, read_only=args.read_only or None)
    from .profiles_open import config_profiles

    app = WorkatoApp(
        service,
        profiles=config_profiles(paths, profile.name),
        keymap=profile.keymap,
        theme=profile.theme,
        ui_state_file=ui_state,
        demo_factory=demo,
        startup_warnings=[*warnings, *token.warnings],
    )
    return _run(app)


def _run(app: WorkatoApp) -> int:
    app.run()
    return app.return_code or 0
