"""One form screen for every write that takes input.

Submitting validates locally, asks the confirm modal, then sends. A problem with a field is
shown under that field, and the first one is scrolled into view and focused. If the call
fails the form stays open with everything typed still in it, and says at the top (scrolled
into view) what failed and why, with the correlation id. If the answer was lost, the service
has already checked whether it landed: submitting again checks before sending.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from ..api.errors import WorkatoError
from ..editor import edit_in_editor
from ..widgets.keys_footer import KeysFooter
from ..widgets.plain_checkbox import PlainCheckbox
from .confirm import Confirmation, ConfirmScreen

Kind = Literal["text", "password", "json", "select", "checkbox", "code"]
Values = dict[str, Any]


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: Kind = "text"
    required: bool = False
    value: Any = None
    options: tuple[tuple[str, Any], ...] = ()
    help: str = ""


class FormScreen(ModalScreen[Any]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="form-cancel"),
        Binding("ctrl+s", "submit", "Submit", id="form-submit", priority=True),
        # priority: an Input would take ctrl+e as "end of line" and hide the editor key
        Binding("ctrl+e", "external_editor", "$EDITOR", id="form-editor", priority=True),
    ]

    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen > #form {
        width: 90; max-width: 100%; height: auto; max-height: 95%;
        border: thick $accent; background: $surface; padding: 0 2;
    }
    FormScreen #form-title { text-style: bold; margin: 1 0; }
    FormScreen .field-label { margin-top: 1; }
    FormScreen .field-help { color: $text-muted; }
    FormScreen TextArea { height: 8; }
    FormScreen #form-error { color: $text-error; margin-top: 1; display: none; }
    FormScreen #form-error.-shown { display: block; }
    FormScreen .field-error { color: $text-error; display: none; }
    FormScreen .field-error.-shown { display: block; }
    FormScreen #form-buttons { height: auto; align-horizontal: right; margin: 1 0; }
    FormScreen Button { margin-left: 2; }
    """

    def __init__(
        self,
        title: str,
        fields: list[Field],
        submit: Callable[[Values], Awaitable[Any]],
        *,
        confirm: Callable[[Values], Confirmation] | None = None,
        validate: Callable[[Values], str | None] | None = None,
        submit_label: str = "Submit",
    ) -> None:
        super().__init__()
        self.form_title = title
        self.fields = fields
        self.submit_call = submit
        self.confirm = confirm
        self.validate = validate
        self.submit_label = submit_label

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            yield Label(self.form_title, id="form-title", markup=False)
            yield Static("", id="form-error", markup=False)
            for field in self.fields:
                if field.kind != "checkbox":
                    yield Label(
                        field.label + (" *" if field.required else ""),
                        classes="field-label",
                        markup=False,
                    )
                yield self._widget(field)
                yield Static("", id=f"error-{field.name}", classes="field-error", markup=False)
                if field.help:
                    yield Static(field.help, classes="field-help", markup=False)
            with Horizontal(id="form-buttons"):
                yield Button("Cancel", id="form-cancel")
                yield Button(self.submit_label, id="form-submit", variant="primary")
        yield KeysFooter()  # the form's own keys: ctrl+s, escape, ctrl+e

    def on_mount(self) -> None:
        """Typing goes to the first field at once (no Tab needed)."""
        if self.fields:
            self.query_one(f"#field-{self.fields[0].name}").focus()

    def _widget(self, field: Field) -> Any:
        wid = f"field-{field.name}"
        if field.kind == "select":
            return Select(
                [(Text(prompt), value) for prompt, value in field.options],
                value=field.value if field.value is not None else Select.NULL,
                id=wid,
                allow_blank=not field.required,
            )
        if field.kind == "checkbox":
            return PlainCheckbox(field.label, value=bool(field.value), id=wid)
        if field.kind in ("json", "code"):
            return TextArea(field.value or "", id=wid, show_line_numbers=False)
        return Input(
            value=str(field.value or ""),
            id=wid,
            password=field.kind == "password",
            select_on_focus=False,  # typing into an edit form adds to the value, readline-style
        )

    # values -------------------------------------------------------------------------------

    def values(self) -> Values:
        found: Values = {}
        for field in self.fields:
            widget = self.query_one(f"#field-{field.name}")
            if isinstance(widget, TextArea):
                found[field.name] = widget.text
            elif isinstance(widget, Select):
                found[field.name] = None if widget.value is Select.NULL else widget.value
            else:
                found[field.name] = widget.value  # type: ignore[attr-defined]
        return found

    def field_problems(self, values: Values) -> dict[str, str]:
        """Field name -> what is wrong with it (required, JSON), in form order."""
        found: dict[str, str] = {}
        for field in self.fields:
            value = values.get(field.name)
            if field.required and (value is None or (isinstance(value, str) and not value.strip())):
                found[field.name] = f"{field.label} is required."
            elif field.kind == "json" and isinstance(value, str) and value.strip():
                try:
                    parsed = json.loads(value)
                except ValueError as exc:
                    found[field.name] = f"{field.label} is not valid JSON: {exc}."
                    continue
                if not isinstance(parsed, dict):
                    found[field.name] = f"{field.label} must be a JSON object ({{...}})."
        return found

    def problem(self, values: Values) -> str | None:
        problems = self.field_problems(values)
        if problems:
            return next(iter(problems.values()))
        return self.validate(values) if self.validate else None

    def show_field_errors(self, problems: dict[str, str]) -> None:
        """Each problem under its field; the first is scrolled into view and focused."""
        for field in self.fields:
            box = self.query_one(f"#error-{field.name}", Static)
            box.update(problems.get(field.name, ""))
            box.set_class(field.name in problems, "-shown")
        if problems:
            first = next(iter(problems))
            widget = self.query_one(f"#field-{first}")
            widget.focus()
            self.call_after_refresh(self._scroll_to_selector, f"#error-{first}")

    def show_error(self, text: str | None) -> None:
        box = self.query_one("#form-error", Static)
        box.update(text or "")
        box.set_class(bool(text), "-shown")
        if text:
            self.call_after_refresh(self._scroll_to_selector, "#form-error")

    def _scroll_to_selector(self, selector: str) -> None:
        form = self.query_one("#form", VerticalScroll)
        form.scroll_to_widget(
            self.query_one(selector), animate=False, top=selector == "#form-error"
        )

    # submitting ---------------------------------------------------------------------------

    @on(Button.Pressed, "#form-submit")
    def action_submit(self) -> None:
        self.send()

    @work(exclusive=True, group="form-submit", exit_on_error=False)
    async def send(self) -> None:
        values = self.values()
        problems = self.field_problems(values)
        self.show_field_errors(problems)
        problem = None if problems else (self.validate(values) if self.validate else None)
        if problems or problem:
            self.show_error(problem)
            return
        self.show_error(None)
        if self.confirm is not None and not await self.app.push_screen_wait(
            ConfirmScreen(self.confirm(values))
        ):
            return
        try:
            result = await self.submit_call(values)
        except WorkatoError as error:
            self.show_error(error.describe())  # what failed, why, what to do, correlation id
            return
        self.dismiss(result if result is not None else True)

    def action_external_editor(self) -> None:
        """Edit the focused (or first) text area in $VISUAL / $EDITOR."""
        areas = list(self.query(TextArea))
        if not areas:
            return
        area = self.focused if isinstance(self.focused, TextArea) else areas[0]
        try:
            area.text = edit_in_editor(self.app, area.text)
        except (OSError, SuspendNotSupported) as exc:
            self.show_error(f"Could not run the editor: {exc}")

    @on(Button.Pressed, "#form-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
