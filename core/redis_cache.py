"""Django's Redis cache backend, made to survive Redis going away.

Two changes to the stock backend:

- One Redis client is kept per connection pool. The stock backend builds a new ``redis.Redis``
  object for every cache call, which costs more than the network round trip itself on a page
  served from the cache.
- A Redis that cannot be reached is a cache miss, not an error. The first failed call logs one
  warning and opens a *circuit*: for ``RETRY_SECONDS`` every call answers at once as a miss (or
  does nothing, for writes) without touching the network, so an outage makes pages slower (they
  are built from the database) instead of failing them, and does not cost each request a
  connection timeout. The next call after that pings Redis; when it answers, one message says
  so and the callbacks given to ``on_recovery`` run (the content generation uses this to
  announce the changes this process made during the outage). The circuit is kept per Redis
  address for the whole process, whatever thread or backend object meets the outage.
"""

import functools
import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Refused or timed-out connections, and a Redis that answers but cannot serve (loading, read
# only after a fail-over, out of memory): all are an outage as far as the site is concerned.
UNREACHABLE = (RedisError, OSError)
RETRY_SECONDS = 5.0

_recovery_callbacks = []
_circuits = {}
_circuits_lock = threading.Lock()


class Circuit:
    """Whether the Redis at one address is known to be away, and until when not to try it."""

    def __init__(self):
        self.down_until = 0.0
        self.lock = threading.Lock()


def _circuit(servers):
    with _circuits_lock:
        return _circuits.setdefault(tuple(servers), Circuit())


def on_recovery(callback):
    """Call ``callback()`` each time an unreachable cache answers again."""
    _recovery_callbacks.append(callback)


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


def _tolerant(fallback):
    """Run the backend call, or answer ``fallback(*args, **kwargs)`` while Redis is away."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                if self._circuit.down_until:
                    if time.monotonic() < self._circuit.down_until:
                        return fallback(*args, **kwargs)
                    self._try_again()
                return method(self, *args, **kwargs)
            except UNREACHABLE as error:
                self._went_down(error)
                return fallback(*args, **kwargs)

        return wrapper

    return decorate


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _default(key, default=None, version=None):
    return default


def _empty(*args, **kwargs):
    return {}


def _none_stored(data, *args, **kwargs):
    return list(data)


def _missing(key, *args, **kwargs):
    raise ValueError(f"Key {key!r} not found.")  # what incr() says of a missing key


class RedisCache(DjangoRedisCache):
    """The stock Redis backend with a reused client and outages answered as misses."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        self._circuit = _circuit(self._servers)

    @property
    def available(self):
        """False while the circuit is open (Redis failed within the last ``RETRY_SECONDS``)."""
        down_until = self._circuit.down_until
        return not (down_until and time.monotonic() < down_until)

    def _went_down(self, error):
        circuit = self._circuit
        with circuit.lock:
            first = not circuit.down_until
            circuit.down_until = time.monotonic() + RETRY_SECONDS
        if first:
            logger.warning(
                "The cache at %s is unreachable (%s); serving from the database until it is back.",
                ",".join(self._servers),
                error,
            )

    def _try_again(self):
        """Ping Redis after an outage; if it answers, close the circuit and run the callbacks
        before the call that found it back, so that call already sees their effect."""
        self._cache.get_client(write=True).ping()
        circuit = self._circuit
        with circuit.lock:
            if not circuit.down_until:
                return
            circuit.down_until = 0.0
        logger.warning("The cache at %s is reachable again.", ",".join(self._servers))
        for callback in _recovery_callbacks:
            callback()

    add = _tolerant(_false)(DjangoRedisCache.add)
    get = _tolerant(_default)(DjangoRedisCache.get)
    set = _tolerant(_nothing)(DjangoRedisCache.set)
    touch = _tolerant(_false)(DjangoRedisCache.touch)
    delete = _tolerant(_false)(DjangoRedisCache.delete)
    get_many = _tolerant(_empty)(DjangoRedisCache.get_many)
    has_key = _tolerant(_false)(DjangoRedisCache.has_key)
    set_many = _tolerant(_none_stored)(DjangoRedisCache.set_many)
    delete_many = _tolerant(_nothing)(DjangoRedisCache.delete_many)
    clear = _tolerant(_false)(DjangoRedisCache.clear)
    incr = _tolerant(_missing)(DjangoRedisCache.incr)
