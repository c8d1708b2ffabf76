"""The Workato Developer API client: pure async httpx + pydantic, no UI imports.

from workato_tui.api import WorkatoClient
"""

from __future__ import annotations

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
