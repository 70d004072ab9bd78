"""Reading an app's demo content, which lives as data files inside its ``demo`` package.

Each content app ships its demo as JSON records (and long HTML bodies as ``.html`` files) next
to one small loader, ``<app>/demo/__init__.py``, which reads them with these helpers. The lines
of an HTML file are joined without a separator, so that its blocks can stand on lines of their
own while the stored body stays the one string it was written as: break lines between tags only.

Demo objects carry the dates of their content, not of the moment the demo was loaded: a
loader saves an object, then dates it with ``demo_dated()``.
"""

import datetime
import json
import zoneinfo
from importlib.resources import files

SINGAPORE = zoneinfo.ZoneInfo("Asia/Singapore")


def demo_json(package, name):
    """The records of the JSON file ``name`` of ``package`` (a ``demo`` package's ``__name__``)."""
    return json.loads(files(package).joinpath(name).read_text(encoding="utf-8"))


def demo_html(package, name):
    """The HTML body in the file ``name`` of ``package``, its lines joined back together."""
    return "".join(files(package).joinpath(name).read_text(encoding="utf-8").splitlines())


def demo_moment(day, hour=9):
    """``day`` (a date or an ISO date string) at ``hour`` o'clock, Singapore time."""
    if isinstance(day, str):
        day = datetime.date.fromisoformat(day)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=SINGAPORE)


def demo_dated(model, pk, moment, *, fields=("updated_at",)):
    """Date the demo object ``model``/``pk`` from its content: set ``fields`` to ``moment``.

    ``updated_at`` is stamped on every save, so a loader calls this after the object and its
    relations are saved, with a queryset update that no stamping or signal follows.
    """
    model._default_manager.filter(pk=pk).update(**dict.fromkeys(fields, moment))
