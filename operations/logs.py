"""The request a log record was written in, for every record (see ``RequestIdMiddleware``)."""

import logging
from contextvars import ContextVar

#: ``{"request_id", "method", "path"}`` of the request being served in this context, if any.
current_request = ContextVar("current_request", default=None)


class RequestContextFilter(logging.Filter):
    """Give each record the id, method and path of the request it was written in, so that a
    JSON log line can be traced to its request (and to nginx's line with the same id)."""

    def filter(self, record):
        context = current_request.get() or {}
        for name in ("request_id", "method", "path"):
            if not hasattr(record, name):
                setattr(record, name, context.get(name))
        return True
