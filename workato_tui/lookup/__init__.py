"""Lookup table editing without any UI: staged changes, diff, CSV, persistence and saving.

Nothing here imports Textual; `workato_tui.screens.lookup_editor` puts it on screen.
"""

from typing import TYPE_CHECKING

from ..api.lazy import lazy_exports

if TYPE_CHECKING:
    from .csvio import CsvProblem, CsvTable, parse_csv, read_csv_file, write_csv
    from .diff import diff_lines
    from .importing import AUTO, ImportPlan, plan_import
    from .persist import StagedStore
    from .reread import ReadPlan, plan_reads
    from .rows import Row, Values, flatten, table_columns
    from .save import Conflict, SaveEngine, SaveReport
    from .staging import GridChange, StagedRow, Staging

# Imported on first use: the list views need only `rows`, and start-up should not pay for
# the CSV, diff and save machinery of the lookup editor.
_HOMES = {
    "csvio": ["CsvProblem", "CsvTable", "parse_csv", "read_csv_file", "write_csv"],
    "diff": ["diff_lines"],
    "importing": ["AUTO", "ImportPlan", "plan_import"],
    "persist": ["StagedStore"],
    "reread": ["ReadPlan", "plan_reads"],
    "rows": ["Row", "Values", "flatten", "table_columns"],
    "save": ["Conflict", "SaveEngine", "SaveReport"],
    "staging": ["GridChange", "StagedRow", "Staging"],
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}


__getattr__ = lazy_exports(__name__, _MODULE_OF)


__all__ = [
    "AUTO",
    "Conflict",
    "CsvProblem",
    "CsvTable",
    "GridChange",
    "ImportPlan",
    "ReadPlan",
    "Row",
    "SaveEngine",
    "SaveReport",
    "StagedRow",
    "StagedStore",
    "Staging",
    "Values",
    "diff_lines",
    "flatten",
    "parse_csv",
    "plan_import",
    "plan_reads",
    "read_csv_file",
    "table_columns",
    "write_csv",
]
