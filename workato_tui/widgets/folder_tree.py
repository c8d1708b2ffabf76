"""The projects -> folders tree, loaded lazily: a node's children load when it expands."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, TypeAlias

from rich.text import Text
from textual import work
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode
from textual.worker import Worker

from ..api.errors import WorkatoError
from ..views.spec import ViewContext
from ..write_catalog import (
    BY_ID,
    bind_writes,
    blocked_reason,
    notify_unavailable,
    say_why_disabled,
)
from .write_request import WriteRequested, forward_worker_error

if TYPE_CHECKING:
    from ..service.workspace import WorkspaceService
    from ..views.model_rows import TreeFolder

# A node's data: a model, imported with the first projects (after the first frame, which
# shows the tree's root only; see starting.py)
FolderData: TypeAlias = "TreeFolder"
ALL_PROJECTS = "All projects"


class FolderTree(Tree[FolderData]):
    """Selecting a folder scopes the recipe, connection and lookup-table views to it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="tree-down"),
        Binding("k", "cursor_up", "Up", show=False, id="tree-up"),
        Binding("right,l", "expand_node", "Expand", show=False, id="tree-expand"),
        Binding("left,h", "collapse_node", "Collapse", show=False, id="tree-collapse"),
        Binding("escape", "leave", "Back to the list", id="tree-leave"),
    ]

    @dataclass
    class FolderChosen(Message):
        folder: FolderData | None  # None: every project

    class LeftTree(Message):
        """The user left the tree (escape): the scope chosen stays as it is."""

    def __init__(self, service: WorkspaceService, *, id: str | None = None) -> None:
        super().__init__(ALL_PROJECTS, data=None, id=id)
        bind_writes(self, "tree")  # each write's key, as declared in actions/
        self.service = service
        self.show_root = True
        self.guide_depth = 2
        self._keep_open: set[int] = set()  # folder ids to expand again after a reload
        self._keep_cursor: int | None = None
        self._loaded: set[int] = set()  # folder ids whose children are in the tree

    def process_label(self, label: str | Text) -> Text:
        """A name is text, never markup (Tree's default): `[/]` in a project's name would
        fail the load. One line, as Tree shows it."""
        return Text(label.partition("\n")[0]) if isinstance(label, str) else label

    def on_mount(self) -> None:
        self.root.expand()
        self.load_projects()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        forward_worker_error(self, event)  # a failed load: the app shows it

    @work(exclusive=True, group="tree-projects", description="Load projects", exit_on_error=False)
    async def load_projects(self) -> None:
        try:
            projects = await self.service.projects()
        except WorkatoError as error:
            self.root.set_label(f"{ALL_PROJECTS} (could not load: {error.kind})")
            raise  # the app shows it, titled by the worker's description
        from ..views.model_rows import TreeFolder

        self.root.remove_children()
        for project in sorted(projects, key=lambda p: p.name.lower()):
            data = TreeFolder(
                id=project.folder_id or 0,
                name=project.name,
                project_id=project.id,
                path=project.name,
                is_project=True,
            )
            self._restore(self.root.add(f"▣ {project.name}", data=data, allow_expand=True))

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[FolderData]) -> None:
        data = event.node.data
        if data is not None and data.id not in self._loaded:
            self.load_children(event.node)

    @work(group="tree-folders", description="Load folders", exit_on_error=False)
    async def load_children(self, node: TreeNode[FolderData]) -> None:
        data = node.data
        assert data is not None
        folders = await self.service.folders(data.id)  # an error: the app shows it
        from ..views.model_rows import TreeFolder

        self._loaded.add(data.id)
        node.remove_children()
        for folder in sorted(folders, key=lambda f: f.name.lower()):
            child = TreeFolder(
                id=folder.id,
                name=folder.name,
                parent_id=data.id,
                project_id=data.project_id,
                path=f"{data.path} / {folder.name}",
                is_project=False,
            )
            self._restore(node.add(f"▢ {folder.name}", data=child, allow_expand=True))
        if not folders:
            node.allow_expand = False

    def on_tree_node_selected(self, event: Tree.NodeSelected[FolderData]) -> None:
        event.stop()
        self.post_message(self.FolderChosen(event.node.data))

    def reload(self) -> None:
        """Read the projects again, keeping what was open and where the cursor was."""
        self._keep_open = {n.data.id for n in _walk(self.root) if n.data and n.is_expanded}
        cursor = self.cursor_node
        self._keep_cursor = cursor.data.id if cursor is not None and cursor.data else None
        self._loaded.clear()
        self.load_projects()

    def _restore(self, node: TreeNode[FolderData]) -> None:
        data = node.data
        if data is None:
            return
        if data.id in self._keep_open:
            node.expand()
        if data.id == self._keep_cursor:
            self.call_after_refresh(self.move_cursor, node)  # once the node has its line
            self._keep_cursor = None

    # keys ---------------------------------------------------------------------------------

    def action_expand_node(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and not node.is_expanded:
            node.expand()
        elif node.children:
            self.move_cursor(node.children[0])

    def action_collapse_node(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded and node is not self.root:
            node.collapse()
        elif node.parent is not None:
            self.move_cursor(node.parent)

    def action_leave(self) -> None:
        self.post_message(self.LeftTree())

    # writes -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action != "act":
            return True
        return None if blocked_reason(self.service, BY_ID[str(parameters[0])]) else True

    def on_key(self, event: Any) -> None:
        """A disabled write key says why it is disabled instead of doing nothing."""
        say_why_disabled(self, event)

    def action_act(self, action_id: str) -> None:
        write = BY_ID[action_id]
        reason = blocked_reason(self.service, write)
        if reason:
            notify_unavailable(self, write, reason)
            return
        node = self.cursor_node
        self.run_write(action_id, node.data if node is not None else None)

    def run_write(self, action_id: str, folder: FolderData | None) -> None:
        """Ask the screen to run the write; reload the tree when it changed something."""

        def done(changed: bool) -> None:
            if changed and self.is_attached:
                self.reload()

        context = ViewContext(folder=folder)
        self.post_message(WriteRequested(BY_ID[action_id], [], context, done))


def _walk(node: TreeNode[FolderData]) -> list[TreeNode[FolderData]]:
    """`node` and every node below it."""
    found = [node]
    for child in node.children:
        found.extend(_walk(child))
    return found
