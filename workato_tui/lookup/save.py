"""Sending staged changes: check for changes by others, hold conflicts back, send the rest.

The engine re-reads every row it is about to update or delete (see `reread`), then sends
deletions, updates and additions one at a time through the service (the client's limiter keeps
them inside the 60/minute row quotas). A row changed by someone else since it was loaded is not
sent: it becomes a `Conflict`. A row that fails stays staged with its error. The staged file is
rewritten after every row, so a crash mid-save neither loses nor repeats anything.

Adds are the one kind that is not safe to send twice, so each is noted in a write-ahead
journal (`inflight`) before it goes out. An add whose answer was lost (`Uncertain`), or that
was in flight when the app was killed, is looked for on the server before anything is sent
again: found, it is done; not found, it is sent (or, after a lost answer, offered again).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..api.errors import NotFound, Uncertain, WorkatoError
from ..service.writes import ItemResult
from .inflight import SendJournal, SentAdd, find_landed
from .persist import StagedStore
from .reread import PER_PAGE, RowReader, plan_reads
from .rows import Values, flatten, make_row, row_name
from .staging import GridChange, StagedRow, Staging

if TYPE_CHECKING:
    from ..service.workspace import WorkspaceService

ENDPOINTS = {
    "add": "lookup_rows.create",
    "update": "lookup_rows.update",
    "delete": "lookup_rows.delete",
}
SEND_ORDER = {"delete": 0, "update": 1, "add": 2}
CONFLICT = (
    "held back: changed by someone else since you loaded it. Save again to choose theirs or yours"
)
GONE = "held back: someone else deleted this row since you loaded it"

Progress = Callable[[int, int, ItemResult | None], None]
Phase = Callable[[str], None]


@dataclass(frozen=True)
class Conflict:
    key: int
    name: str
    original: Values
    theirs: Values | None  # None: deleted on the server
    yours: Values
    deleting: bool  # you staged a deletion


@dataclass
class SaveReport:
    results: list[ItemResult] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    grid: list[GridChange] = field(default_factory=list)
    read_requests: int = 0
    write_requests: int = 0
    error: str | None = None  # nothing was sent: the re-read failed

    @property
    def saved(self) -> int:
        return sum(r.ok for r in self.results)

    @property
    def failed(self) -> int:
        return sum(not r.ok for r in self.results) - len(self.conflicts)


class SaveEngine:
    def __init__(
        self,
        service: WorkspaceService,
        staging: Staging,
        *,
        server_keys: Sequence[int],
        store: StagedStore | None = None,
        table_name: str = "",
        per_page: int = PER_PAGE,
    ) -> None:
        self.service = service
        self.staging = staging
        self.server_keys = server_keys  # the loaded rows' ids, in server order
        self.store = store
        self.table_name = table_name
        self.per_page = per_page
        self.report = SaveReport()
        self.journal = journal_for(service, store, staging.table_id)
        self.journal.keep_only({r.key for r in staging.of_kind("add")})
        self._newest_id = max(server_keys, default=0)
        self._claimed: set[int] = set()

    @property
    def columns(self) -> list[str]:
        return self.staging.columns

    def keys(self, only: Collection[int] | None = None) -> list[int]:
        keys = [k for k in self.staging.rows if only is None or k in only]
        return sorted(keys, key=lambda k: SEND_ORDER[self.staging.rows[k].kind])

    def refusal(self, only: Collection[int] | None = None) -> str | None:
        """Why these changes may not be sent (policy, read-only, or a 403 seen), or None."""
        kinds = {self.staging.rows[k].kind for k in self.keys(only)}
        for kind in sorted(kinds, key=SEND_ORDER.__getitem__):
            reason = self.service.denied(ENDPOINTS[kind])
            if reason:
                return f"{reason}. The changes stay staged; nothing was sent."
        if (
            kinds - {"add"}
            and self.service.denied("lookup_rows.list")
            and self.service.denied("lookup_rows.get")
        ):
            return (
                "rows cannot be re-read to check for changes by others (no access to "
                "lookup rows). The changes stay staged; nothing was sent."
            )
        return None

    async def run(
        self,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        *,
        phase: Phase | None = None,
        only: Collection[int] | None = None,
    ) -> list[ItemResult]:
        """Save the staged rows (or `only` those keys); the report is in `self.report`."""
        keys = self.keys(only)
        checks = [k for k in keys if self.staging.rows[k].kind != "add"]
        if phase and checks:
            phase(f"Checking {len(checks)} row(s) for changes by others…")
        try:
            current = await self._reread(checks)
        except WorkatoError as error:
            return self._abort(keys, error)
        step = _Step(len(keys), progress)
        sends: list[int] = []
        for key in keys:
            staged = self.staging.rows[key]
            if staged.kind == "add" or self._settle(staged, current[key], step):
                sends.append(key)
        if phase and sends:
            phase(f"Sending {len(sends)} change(s), paced inside the rate limit…")
        for key in sends:
            if cancelled and cancelled():
                step.add(
                    self._result(
                        self.staging.rows[key], False, "not sent (cancelled): still staged"
                    )
                )
                continue
            await self._send(self.staging.rows[key], step)
        return self.report.results

    # checking ----------------------------------------------------------------------------

    async def _reread(self, keys: list[int]) -> dict[int, Values | None]:
        positions = {k: i for i, k in enumerate(self.server_keys)}
        plan = plan_reads(
            keys,
            positions,
            total_rows=len(self.server_keys),
            per_page=self.per_page,
            can_get=not self.service.denied("lookup_rows.get"),
        )
        reader = RowReader(
            self.service.fresh_lookup_rows, self.staging.table_id, self.columns, self.per_page
        )
        try:
            return await reader.read(plan, keys)
        finally:
            self.report.read_requests += reader.requests

    def _settle(self, staged: StagedRow, theirs: Values | None, step: _Step) -> bool:
        """Compare with the server: True to send; else record why it is not sent."""
        assert staged.base is not None
        if staged.deleted and theirs is None:
            return self._done(staged, None, "already deleted by someone else", step)
        if theirs == staged.base:
            return True
        if not staged.deleted and theirs == staged.values:
            return self._done(staged, theirs, "already has these values", step)
        self.report.conflicts.append(
            Conflict(
                staged.key,
                self._name(staged),
                dict(staged.base),
                theirs,
                dict(staged.values),
                staged.deleted,
            )
        )
        self._fail(staged, CONFLICT if theirs is not None else GONE, step)
        return False

    def _done(self, staged: StagedRow, theirs: Values | None, message: str, step: _Step) -> bool:
        self.staging.forget(staged.key)
        self.report.grid.append(
            (staged.key, None if theirs is None else make_row(staged.key, theirs))
        )
        step.add(self._result(staged, True, message))
        self._persist()
        return False

    # sending -----------------------------------------------------------------------------

    async def _send(self, staged: StagedRow, step: _Step) -> None:
        if staged.kind == "add":
            await self._send_add(staged, step)
            return
        self.report.write_requests += 1
        try:
            changes, message = await self._call(staged)
        except NotFound as error:
            if staged.kind != "delete":
                self._fail(staged, error.describe(), step, error)
                return
            changes, message = [(staged.key, None)], "already deleted by someone else"
        except WorkatoError as error:
            self._fail(staged, error.describe(), step, error)
            return
        self.staging.forget(staged.key)
        self.report.grid.extend(changes)
        step.add(self._result(staged, True, message))
        self._persist()

    async def _send_add(self, staged: StagedRow, step: _Step) -> None:
        """Send an add at most once: an earlier try that may have landed is looked for first."""
        earlier = self.journal.get(staged.key)
        if earlier is not None:
            try:
                found = await self._landed(earlier)
            except WorkatoError as error:
                self._fail(staged, _unchecked(error), step, error)
                return
            if found is not None:
                self._added(staged, found, "already added (found on the server)", step)
                return
        entry = SentAdd(staged.key, dict(staged.values), self._newest_id)
        self.journal.begin(entry)
        self.report.write_requests += 1
        try:
            row = await self.service.writes.add_lookup_row(self.staging.table_id, staged.values)
        except Uncertain as error:
            await self._settle_add(staged, entry, error, step)
            return
        except WorkatoError as error:
            self.journal.end(staged.key)  # a definite answer: nothing was added
            self._fail(staged, error.describe(), step, error)
            return
        self._added(staged, row, f"added as row {row.id}", step)

    async def _settle_add(
        self, staged: StagedRow, entry: SentAdd, error: Uncertain, step: _Step
    ) -> None:
        """The add's answer was lost: look for the row before saying anything."""
        try:
            found = await self._landed(entry)
        except WorkatoError as failure:
            self._fail(staged, _unchecked(failure, error), step, error)
            return
        if found is not None:
            self._added(staged, found, f"added as row {found.id} (the answer was lost)", step)
            return
        error.checked_absent(
            "Checked: no row with these values was added, so it was not applied; "
            "save again to send it."
        )
        self._fail(staged, error.describe(), step, error)

    async def _landed(self, entry: SentAdd) -> Any:
        self.report.read_requests += 1
        return await find_landed(
            self.service.fresh_lookup_rows,
            self.staging.table_id,
            entry,
            self.columns,
            self._claimed,
        )

    def _added(self, staged: StagedRow, row: Any, message: str, step: _Step) -> None:
        self._claimed.add(row.id)
        self._newest_id = max(self._newest_id, row.id)
        self.staging.forget(staged.key)
        self.report.grid.extend(
            [(staged.key, None), (row.id, flatten(row.id, row.data, self.columns))]
        )
        step.add(self._result(staged, True, message))
        self._persist()
        self.journal.end(staged.key)  # after the staged file no longer holds the add

    async def _call(self, staged: StagedRow) -> tuple[list[GridChange], str]:
        table_id, key = self.staging.table_id, staged.key
        if staged.kind == "delete":
            await self.service.writes.delete_lookup_row(table_id, key)
            return [(key, None)], "deleted"
        data = {c: staged.values[c] for c in staged.changed_columns()}
        row = await self.service.writes.update_lookup_row(table_id, key, data)
        return [(key, flatten(row.id, row.data, self.columns))], f"updated {', '.join(data)}"

    # bookkeeping -------------------------------------------------------------------------

    def _abort(self, keys: list[int], error: WorkatoError) -> list[ItemResult]:
        self.report.error = (
            "Nothing was sent: the rows could not be re-read to check for "
            f"changes by others. {error.describe()}"
        )
        step = _Step(len(keys), None)
        for key in keys:
            step.add(self._result(self.staging.rows[key], False, "not sent", error))
        return self.report.results

    def _fail(
        self, staged: StagedRow, message: str, step: _Step, error: WorkatoError | None = None
    ) -> None:
        self.staging.fail(staged.key, message)
        step.add(self._result(staged, False, message, error))
        self._persist()

    def _result(
        self, staged: StagedRow, ok: bool, message: str, error: WorkatoError | None = None
    ) -> ItemResult:
        result = ItemResult(staged.key, ok, f"{self._name(staged)}: {message}", error)
        self.report.results.append(result)
        return result

    def _name(self, staged: StagedRow) -> str:
        return row_name(staged.key, staged.base or staged.values, self.columns)

    def _persist(self) -> None:
        if self.store is not None:
            self.store.save(self.staging, self.table_name)


def journal_for(service: WorkspaceService, store: StagedStore | None, table_id: int) -> SendJournal:
    """The table's journal of adds in flight: one per service, on disk beside the staged
    edits when the profile has a state directory."""
    journals: dict[int, SendJournal] = service.__dict__.setdefault("_lookup_journals", {})
    if table_id not in journals:
        staged_file = store.path(table_id) if store is not None else None
        path = staged_file.with_suffix(".sending.json") if staged_file else None
        journals[table_id] = SendJournal(path)
    return journals[table_id]


def _unchecked(failure: WorkatoError, lost: Uncertain | None = None) -> str:
    text = (
        f"may have been added already, and the check failed ({failure.message}): "
        "not sent again. Save again to check and send."
    )
    if lost is not None and lost.correlation_id:
        text += f" Correlation id: {lost.correlation_id}."
    return text


class _Step:
    """Counts finished items and reports each to the progress callback."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total = total
        self.progress = progress
        self.results: list[ItemResult] = []

    def add(self, result: ItemResult) -> None:
        self.results.append(result)
        if self.progress:
            self.progress(len(self.results), self.total, result)
