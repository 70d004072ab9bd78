"""In-process caches bounded in bytes, so that a worker's memory stays flat however many
different pages it serves.

Each cache is given a budget in bytes (from a setting) and told the size of each value it
keeps: the length of a string or of bytes, or of a value's pickle (what the shared cache
stores). A live Python object takes a few times its pickle's length, which the budgets allow
for. The least recently used values go first once the sizes add up to more than the budget.
"""

import pickle
from collections import OrderedDict


def size_of(value):
    """The size that counts against a budget: a string's or bytes' length, the sum over a
    dict's or tuple's items, else the length of the value's pickle."""
    if isinstance(value, (str, bytes)):
        return len(value)
    if isinstance(value, dict):
        return sum(len(str(key)) + size_of(item) for key, item in value.items())
    if isinstance(value, (tuple, list)) and all(
        isinstance(item, (str, bytes, int, float, type(None))) for item in value
    ):
        return sum(size_of(item) if isinstance(item, (str, bytes)) else 8 for item in value)
    try:
        return len(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
    except Exception:  # noqa: BLE001 - an unpicklable value is kept, counted as large
        return 64 * 1024


class BoundedLRU:
    """A mapping that keeps its most recently used values within ``budget()`` bytes.

    ``budget`` is a callable, so that a setting changed at run time (in tests) takes effect.
    A value larger than the whole budget is not kept.
    """

    def __init__(self, budget):
        self._budget = budget
        self._entries = OrderedDict()
        self.size = 0

    def get(self, key, default=None):
        entry = self._entries.get(key)
        if entry is None:
            return default
        self._entries.move_to_end(key)
        return entry[0]

    def put(self, key, value, size=None):
        size = size_of(value) if size is None else size
        self.discard(key)
        budget = self._budget()
        if size > budget:
            return
        self._entries[key] = (value, size)
        self.size += size
        while self.size > budget:
            _, (_, dropped) = self._entries.popitem(last=False)
            self.size -= dropped

    def discard(self, key):
        entry = self._entries.pop(key, None)
        if entry is not None:
            self.size -= entry[1]

    def clear(self):
        self._entries.clear()
        self.size = 0

    def __contains__(self, key):
        return key in self._entries

    def __iter__(self):
        return iter(list(self._entries))

    def __len__(self):
        return len(self._entries)

    def __delitem__(self, key):
        if key not in self._entries:
            raise KeyError(key)
        self.discard(key)
