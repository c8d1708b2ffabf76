"""Reusable widgets of workato-tui."""

from .table import ResourceTable
from .table_model import Column

__all__ = ["Column", "ResourceTable"]
