"""Lookup table editing without any UI: staged changes, diff, CSV, persistence and saving.

Nothing here imports Textual; `workato_tui.screens.lookup_editor` puts it on screen.
"""

from .csvio import CsvProblem, CsvTable, parse_csv, read_csv_file, write_csv
from .diff import diff_lines
from .importing import AUTO, ImportPlan, plan_import
from .persist import StagedStore
from .reread import ReadPlan, plan_reads
from .rows import Row, Values, flatten, table_columns
from .save import Conflict, SaveEngine, SaveReport
from .staging import GridChange, StagedRow, Staging

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
