"""The Workato Developer API client: pure async httpx + pydantic, no UI imports.

from workato_tui.api import WorkatoClient
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lazy import lazy_exports

if TYPE_CHECKING:
    from .calls import CallRecord
    from .client import ENDPOINT_METHODS, PAGED_METHODS, WorkatoClient
    from .endpoints import ENDPOINTS, Endpoint, Quota, endpoint
    from .errors import (
        BadRequest,
        Forbidden,
        MalformedResponse,
        NotFound,
        PolicyRefused,
        RateLimited,
        Refused,
        ServerError,
        Timeout,
        TransportError,
        Unauthorized,
        WorkatoError,
    )
    from .hosts import DATA_CENTERS, InsecureBaseURL
    from .limiter import BucketState, RateLimiter
    from .resources.customers import customer_ref
    from .retry import Backoff, NoRetry, ReadRetry, RetryPolicy, WriteRetry

# Each name is imported from its module when first asked for (PEP 562): `from ..api.errors
# import X` or `from ..api.endpoints import endpoint` then costs only that module, not the
# client with httpx and pydantic (the UI's first frame needs the errors and the endpoint
# table, not the client).
_HOME = {
    "CallRecord": "calls",
    "ENDPOINT_METHODS": "client",
    "PAGED_METHODS": "client",
    "WorkatoClient": "client",
    "ENDPOINTS": "endpoints",
    "Endpoint": "endpoints",
    "Quota": "endpoints",
    "endpoint": "endpoints",
    "BadRequest": "errors",
    "Forbidden": "errors",
    "MalformedResponse": "errors",
    "NotFound": "errors",
    "PolicyRefused": "errors",
    "RateLimited": "errors",
    "Refused": "errors",
    "ServerError": "errors",
    "Timeout": "errors",
    "TransportError": "errors",
    "Unauthorized": "errors",
    "WorkatoError": "errors",
    "DATA_CENTERS": "hosts",
    "InsecureBaseURL": "hosts",
    "BucketState": "limiter",
    "RateLimiter": "limiter",
    "customer_ref": "resources.customers",
    "Backoff": "retry",
    "NoRetry": "retry",
    "ReadRetry": "retry",
    "RetryPolicy": "retry",
    "WriteRetry": "retry",
}


__getattr__ = lazy_exports(__name__, _HOME)


__all__ = [
    "DATA_CENTERS",
    "ENDPOINTS",
    "ENDPOINT_METHODS",
    "PAGED_METHODS",
    "Backoff",
    "BadRequest",
    "BucketState",
    "CallRecord",
    "Endpoint",
    "Forbidden",
    "InsecureBaseURL",
    "MalformedResponse",
    "NoRetry",
    "NotFound",
    "PolicyRefused",
    "Quota",
    "RateLimited",
    "RateLimiter",
    "ReadRetry",
    "Refused",
    "RetryPolicy",
    "ServerError",
    "Timeout",
    "TransportError",
    "Unauthorized",
    "WorkatoClient",
    "WorkatoError",
    "WriteRetry",
    "customer_ref",
    "endpoint",
]
