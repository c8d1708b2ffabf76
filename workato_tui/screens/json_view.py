"""Any item as raw JSON."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, ClassVar

from rich.syntax import Syntax
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ..widgets.keys_footer import KeysFooter


def to_json(value: Any) -> str:
    def default(item: Any) -> Any:
        if isinstance(item, datetime):
            return item.isoformat()
        if hasattr(item, "model_dump"):
            return item.model_dump(mode="json")
        return str(item)

    return json.dumps(value, indent=2, default=default, ensure_ascii=False)


class JsonScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back", id="json-back"),
    ]

    def __init__(self, title: str, value: Any) -> None:
        super().__init__()
        self.title_text = title
        self.value = value

    def compose(self) -> ComposeResult:
        yield Static(f" {self.title_text}  (raw JSON)", classes="screen-title", markup=False)
        with VerticalScroll(id="json"):
            yield Static(Syntax(to_json(self.value), "json", theme="ansi_dark", word_wrap=True))
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#json").focus()
