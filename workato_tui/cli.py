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

from .service.paths import Paths

if TYPE_CHECKING:
    from .app import WorkatoApp
    from .service.config import ResolvedProfile
    from .service.workspace import WorkspaceService

# Imports below sit inside the functions that need them: `--demo` starts without the config
# file's parser and models, and `--keys`/`--print-paths` without Textual.

EXIT_CONFIG = 2
EXIT_NO_TOKEN = 3
# seconds a thread may hold the GIL while another waits (CPython's default is 0.005)
UI_SWITCH_INTERVAL = 0.001


def build_demo_service(paths: Paths, read_only: bool = False) -> WorkspaceService:
    lean_imports()  # (the first-run screen's demo: nothing imported httpx yet)
    from pydantic import SecretStr

    from .emulator import ADMIN_TOKEN, Emulator, SystemClock
    from .service.connect import demo_profile, open_workspace

    emulator = Emulator.demo(SystemClock())
    return open_workspace(
        demo_profile(read_only), SecretStr(ADMIN_TOKEN), paths, transport=emulator.transport()
    )


def lean_imports() -> None:
    """Skip two import-time costs the app never benefits from (measured in bench_startup.py).

    - httpx imports its command-line tool (click, pygments, rich.progress: 30-50 ms) whenever
      click is installed; it handles an ImportError of `httpx._main` by leaving that tool out,
      so an import-blocking None in sys.modules for the duration of `import httpx` does it.
    - pydantic scans every installed distribution's entry points for plugins when the first
      model class is built (20-35 ms here); the app uses none. A PYDANTIC_DISABLE_PLUGINS the
      user set is respected.
    """
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if "httpx" in sys.modules or "httpx._main" in sys.modules:
        return
    sys.modules["httpx._main"] = None  # type: ignore[assignment]
    try:
        import httpx  # noqa: F401
    finally:
        del sys.modules["httpx._main"]


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
    from .service.config import load_config, resolve_profile
    from .service.tokens import config_warnings

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
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")  # see lean_imports
    if args.demo:  # before Textual is imported: see primer.py
        from .first_frame import prime_demo

        primer = prime_demo(paths, args.read_only, args.profile, lean_imports)
    from .app import WorkatoApp

    ui_state = paths.state_dir / "ui.json"
    demo = functools.partial(build_demo_service, paths, args.read_only)
    if args.demo:
        from .first_frame import starting_demo

        service, profiles = starting_demo(paths, args.read_only, args.profile, lean_imports, primer)
        return _run(WorkatoApp(service, ui_state_file=ui_state, profiles=profiles))
    from .service.config import ConfigError
    from .service.tokens import TokenError, get_token

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
    from .first_frame import starting_profile

    service = starting_profile(profile, token.secret, paths, args.read_only, lean_imports)
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
    # The event loop's thread and Textual's writer thread draw while other threads work (the
    # service's build right after the first frame, the demo's seeding, a CSV import). Each
    # hand-over of the GIL took up to CPython's 5 ms: the first frame reached the terminal
    # 5-15 ms after it was written (bench_startup.py), and keys waited as long.
    sys.setswitchinterval(UI_SWITCH_INTERVAL)
    app.run()
    return app.return_code or 0
