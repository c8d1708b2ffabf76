"""What each list view shows and how it loads: one `ViewSpec` per resource (k9s-style)."""

from .catalog import VIEWS, find_view, view_names
from .spec import ViewContext, ViewSpec

__all__ = ["VIEWS", "ViewContext", "ViewSpec", "find_view", "view_names"]
