"""Who is knocking at the back office's door: the visitor's address for login throttling."""

from django.conf import settings


def client_address(request):
    """The visitor's own address, as the trusted proxies in front of the site report it.

    Without a proxy (``PROXY_COUNT`` 0) it is the connection's address. Behind ``n`` proxies it
    is the address the outermost trusted proxy appended to X-Forwarded-For: entries further
    left were sent by the visitor and could be made up, so they are not believed.
    """
    count = settings.PROXY_COUNT
    if count:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
