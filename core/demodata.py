"""Reading an app's demo content, which lives as data files inside its ``demo`` package.

Each content app ships its demo as JSON records (and long HTML bodies as ``.html`` files) next
to one small loader, ``<app>/demo/__init__.py``, which reads them with these helpers. The lines
of an HTML file are joined without a separator, so that its blocks can stand on lines of their
own while the stored body stays the one string it was written as: break lines between tags only.
"""

import json
from importlib.resources import files


def demo_json(package, name):
    """The records of the JSON file ``name`` of ``package`` (a ``demo`` package's ``__name__``)."""
    return json.loads(files(package).joinpath(name).read_text(encoding="utf-8"))


def demo_html(package, name):
    """The HTML body in the file ``name`` of ``package``, its lines joined back together."""
    return "".join(files(package).joinpath(name).read_text(encoding="utf-8").splitlines())
