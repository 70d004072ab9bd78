"""Who is knocking at the back office's door: the visitor's address for login throttling."""

import functools
import ipaddress

from django.conf import settings


def client_address(request):
    """The visitor's own address, as the trusted proxies in front of the site report it.

    Without a proxy (``PROXY_COUNT`` 0) it is the connection's address. Behind ``n`` proxies it
    is the address the outermost trusted proxy appended to X-Forwarded-For: entries further
    left were sent by the visitor and could be made up, so they are not believed. Nor is the
    header at all when the connection does not come from a trusted proxy's network
    (``TRUSTED_PROXY_NETWORKS``): someone reaching gunicorn directly could otherwise claim a new
    address with every attempt.
    """
    remote = request.META.get("REMOTE_ADDR")
    count = settings.PROXY_COUNT
    if count and _trusted(remote):
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            return forwarded[-count]
    return remote


def from_trusted_proxy(request):
    """Whether the connection comes from a trusted proxy's network (``TRUSTED_PROXY_NETWORKS``),
    whose headers (X-Forwarded-For, X-Request-ID) may be believed."""
    return _trusted(request.META.get("REMOTE_ADDR"))


def _trusted(address):
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return False
    ip = getattr(ip, "ipv4_mapped", None) or ip  # ::ffff:127.0.0.1 from a server bound to [::]
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXY_NETWORKS)))


@functools.cache
def _networks(specs):
    return [ipaddress.ip_network(spec, strict=False) for spec in specs]
