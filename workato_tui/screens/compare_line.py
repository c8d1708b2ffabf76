"""The compare screen's filter line: each status's filter key, what it shows and how many
(`a all 55 · h only here 1 · …`, the shown one reversed), and while loading, how far the
comparison has come. It fits one line: as the width narrows the separators, then the
labels ('only here' -> 'here'), then the progress text get shorter; the keys always show.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content

from ..service.compare import DIFFERS, ONLY_HERE, ONLY_THERE, SAME
from ..service.compare_load import STAGES, CompareProgress

# (filter name, key, label, short label, the status counted; None: every pair)
FILTER_KEYS = (
    ("all", "a", "all", "all", None),
    ("here", "h", "only here", "here", ONLY_HERE),
    ("there", "t", "only there", "there", ONLY_THERE),
    ("differs", "d", "differs", "differs", DIFFERS),
    ("same", "s", "same", "same", SAME),
)


@dataclass(frozen=True)
class Form:
    """One way of writing the line, from the longest to the shortest."""

    separator: str
    short_labels: bool
    progress: int  # 0: the whole progress text, 1: 'comparing… (1 of 4 done)', 2: 'comparing…'
    gap: str = "   "  # before the progress


FORMS = (
    Form(" · ", False, 0),
    Form("  ", False, 0),
    Form("  ", False, 1),
    Form("  ", True, 1, "  "),
    Form("  ", True, 2, "  "),
)


def filter_line(
    counts: dict[str, int], active: str, progress: CompareProgress | None, width: int
) -> Content:
    """The line for `counts` (per status) with filter `active` shown, in `width` cells: the
    longest form that fits, else the shortest."""
    line = Content("")
    for form in FORMS:
        line = _written(form, counts, active, progress)
        if line.cell_length <= width:
            break
    return line


def _written(
    form: Form, counts: dict[str, int], active: str, progress: CompareProgress | None
) -> Content:
    items = []
    for name, key, label, short, status in FILTER_KEYS:
        count = sum(counts.values()) if status is None else counts.get(status, 0)
        text = f"{short if form.short_labels else label} {count}"
        item = Content.assemble((key, "bold $accent"), " ", text)
        items.append(item.stylize("reverse") if name == active else item)
    line = Content.assemble(" ", Content(form.separator).join(items))
    if progress is not None and not progress.finished:
        line = Content.assemble(line, form.gap, _progress(progress, form.progress))
    return line


def _progress(progress: CompareProgress, form: int) -> str:
    if form == 0:
        return progress.describe()
    if form == 1:
        return f"comparing… ({len(progress.done)} of {len(STAGES)} done)"
    return "comparing…"
