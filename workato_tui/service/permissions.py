"""What the token's client role turned out not to allow, remembered for the session.

After a 403 the UI can disable the action and say which privilege the API client's role lacks,
instead of letting the user hit the same wall again.
"""

from __future__ import annotations

from workato_tui.api.endpoints import BY_ID
from workato_tui.api.errors import Forbidden


class PermissionMemory:
    def __init__(self) -> None:
        self._denied: dict[str, Forbidden] = {}

    def remember(self, endpoint_id: str, error: Forbidden) -> None:
        self._denied[endpoint_id] = error

    def forget(self, endpoint_id: str | None = None) -> None:
        """Forget one endpoint (after the role was changed), or all of them."""
        if endpoint_id is None:
            self._denied.clear()
        else:
            self._denied.pop(endpoint_id, None)

    def denied(self, endpoint_id: str) -> str | None:
        """Why the endpoint is unavailable, naming the privilege the role lacks; None if not."""
        error = self._denied.get(endpoint_id)
        if error is None:
            return None
        known = BY_ID.get(endpoint_id)
        privilege = error.privilege or (known.privilege if known else None)
        call = f"{known.method} {known.display_path}" if known else endpoint_id
        if privilege is None:
            return f"Workato refused {call} earlier this session (403): {error.message}"
        return (
            f"The API client's role lacks the '{privilege}' privilege: Workato refused "
            f"{call} earlier this session (403). Add it to the client role to enable this."
        )

    @property
    def denied_ids(self) -> frozenset[str]:
        return frozenset(self._denied)
