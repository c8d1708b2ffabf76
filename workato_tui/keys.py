"""Every binding id a user can remap in `[keymap]`: its default key and where it applies.

Collected from the classes themselves (the app, every screen and widget, and the mixins they
are built from) and from the writes as `write_catalog` declares them, so the list cannot drift
from the code. `workato-tui --keys` prints it, and
the config check uses it to reject an id that does not exist.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache

from textual.binding import Binding
from textual.dom import DOMNode

# Where the UI classes live; importing them registers every DOMNode subclass.
_UI_PACKAGES = ("workato_tui.screens", "workato_tui.widgets")
_UI_MODULES = ("workato_tui.app",)

# Friendlier names than the class names, where the class name says little.
_PLACES = {
    "WorkatoApp": "everywhere",
    "MainScreen": "main screen",
    "ResourceView": "resource views",
    "ResourceTable": "tables",
    "LookupGrid": "tables",  # the lookup editor's grid: the tables' keys, acting as routed
    "FolderTree": "folder tree",
    "CommandBar": "command bar",
    "RecipeScreen": "recipe detail",
    "JobScreen": "job detail",
    "LookupEditorScreen": "lookup editor",
}


@dataclass(frozen=True)
class BindingInfo:
    id: str
    keys: str  # the default key(s), as Textual writes them ("ctrl+r,f5")
    places: tuple[str, ...]  # where it applies


@cache
def binding_catalog() -> tuple[BindingInfo, ...]:
    """Every binding with an id, sorted by id: the classes' own, and every declared write
    (bound on the widget or screen it is declared for, see `write_catalog.bind_writes`)."""
    from .write_catalog import BY_ID

    found: dict[str, tuple[str, set[str]]] = {}
    for cls in _ui_classes():
        place = _PLACES.get(cls.__name__, cls.__name__)
        for binding in _own_bindings(cls):
            assert binding.id is not None
            found.setdefault(binding.id, (binding.key, set()))[1].add(place)
    for write in BY_ID.values():
        found.setdefault(write.id, (write.key, set()))[1].update(write.places)
    return tuple(
        BindingInfo(binding_id, keys, tuple(sorted(places)))
        for binding_id, (keys, places) in sorted(found.items())
    )


def binding_ids() -> frozenset[str]:
    return frozenset(info.id for info in binding_catalog())


def keys_text() -> str:
    """The catalog as aligned columns, for `workato-tui --keys`."""
    rows = [("ID", "KEY", "WHERE")]
    rows += [(i.id, i.keys, ", ".join(i.places)) for i in binding_catalog()]
    id_width = max(len(r[0]) for r in rows)
    key_width = max(len(r[1]) for r in rows)
    lines = [f"{a:<{id_width}}  {b:<{key_width}}  {c}".rstrip() for a, b, c in rows]
    lines.append("")
    lines.append('Remap any of them in config.toml, e.g. [keymap] refresh = "ctrl+r,f5".')
    return "\n".join(lines)


def _ui_classes() -> list[type[DOMNode]]:
    for name in _UI_MODULES:
        importlib.import_module(name)
    for package_name in _UI_PACKAGES:
        package = importlib.import_module(package_name)
        for module in pkgutil.iter_modules(package.__path__, f"{package_name}."):
            importlib.import_module(module.name)
    return [c for c in _subclasses(DOMNode) if c.__module__.startswith("workato_tui.")]


def _subclasses(cls: type[DOMNode]) -> list[type[DOMNode]]:
    found: list[type[DOMNode]] = []
    for sub in cls.__subclasses__():
        found.append(sub)
        found.extend(_subclasses(sub))
    return list(dict.fromkeys(found))


def _own_bindings(cls: type) -> list[Binding]:
    """Bindings with an id that `cls` declares itself or takes from a workato_tui mixin."""
    bindings: list[Binding] = []
    for klass in cls.__mro__:
        if klass is not cls and (
            not klass.__module__.startswith("workato_tui.") or issubclass(klass, DOMNode)
        ):
            continue  # a base class is listed under its own name
        for item in klass.__dict__.get("BINDINGS", ()):
            if isinstance(item, Binding) and item.id:
                bindings.append(item)
    return bindings
