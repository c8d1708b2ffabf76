"""Check the config's UI settings against Textual: theme names, keymap ids and key names.

The service layer loads and validates `config.toml` without Textual; these two settings can only
be checked against Textual itself, so the command line runs this before the app starts. A
problem is a `ConfigError` naming the file, the line and the setting, like any other.
"""

from __future__ import annotations

import difflib
from functools import cache

from .service.config import Config, ConfigError, ConfigProblem
from .service.config_lines import line_of

MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")


def check_ui_settings(config: Config) -> None:
    """Raise `ConfigError` for an unknown theme, binding id, or a key Textual cannot use."""
    found = [*_theme_problems(config), *_keymap_problems(config)]
    if not found:
        return
    path = config.source
    if path is None:  # (a config built in code: no file or lines to name)
        raise ConfigError("\n".join(f"{'.'.join(loc)}: {message}" for loc, message in found))
    text = path.read_text(encoding="utf-8")
    problems = [ConfigProblem(".".join(loc), message, line_of(text, loc)) for loc, message in found]
    raise ConfigError.from_problems(path, sorted(problems, key=lambda p: p.line or 0))


Found = list[tuple[tuple[str, ...], str]]  # (where in the file, what is wrong)


def _theme_problems(config: Config) -> Found:
    from textual.theme import BUILTIN_THEMES

    settings: list[tuple[tuple[str, ...], str | None]] = [(("theme",), config.theme)]
    settings += [(("profiles", n, "theme"), p.theme) for n, p in config.profiles.items()]
    known = ", ".join(BUILTIN_THEMES)
    return [
        (loc, f"unknown theme {theme!r}; the themes are {known}")
        for loc, theme in settings
        if theme is not None and theme not in BUILTIN_THEMES
    ]


def _keymap_problems(config: Config) -> Found:
    keymaps: list[tuple[tuple[str, ...], dict[str, str]]] = [(("keymap",), config.keymap)]
    keymaps += [(("profiles", n, "keymap"), p.keymap) for n, p in config.profiles.items()]
    found: Found = []
    for prefix, keymap in keymaps:
        for binding_id, keys in keymap.items():
            if problem := binding_id_problem(binding_id):
                found.append(((*prefix, binding_id), problem))
                continue
            for key in keys.split(","):
                if problem := key_problem(key.strip()):
                    found.append(((*prefix, binding_id), problem))
    return found


def binding_id_problem(binding_id: str) -> str | None:
    """Why `binding_id` cannot be remapped (no binding has it), naming the nearest ids."""
    from .keys import binding_ids

    known = binding_ids()
    if binding_id in known:
        return None
    nearest = difflib.get_close_matches(binding_id, sorted(known), n=3, cutoff=0.6)
    hint = f"did you mean {', '.join(nearest)}? " if nearest else ""
    return f"unknown binding id {binding_id!r}; {hint}(workato-tui --keys lists every id)"


def key_problem(key: str) -> str | None:
    """Why Textual cannot bind `key` ("ctrl+r", "f5", "slash", "G"), or None."""
    *modifiers, base = key.split("+")
    if not base or "" in modifiers:
        return f"{key!r} has an empty part (the + key is written 'plus')"
    unknown = [m for m in modifiers if m not in MODIFIERS]
    if unknown:
        return f"{key!r}: {unknown[0]!r} is not a modifier ({', '.join(MODIFIERS)})"
    if (len(base) == 1 and base.isprintable()) or base in _key_names():
        return None
    return f"{key!r}: {base!r} is not a key name Textual knows (like f5, escape, slash, a)"


@cache
def _key_names() -> frozenset[str]:
    from textual.keys import Keys, _character_to_key

    names = {key.value.split("+")[-1] for key in Keys if not key.value.startswith("<")}
    names |= {_character_to_key(chr(code)) for code in range(33, 127)}
    return frozenset(names)
