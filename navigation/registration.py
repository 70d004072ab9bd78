"""What the menu tells the editorial base: its pages keep a history; editors manage it.

Called once, from ``NavigationConfig.ready()``.
"""

from editorial.registry import register_roles, register_versioned
from editorial.versioning import TREE_FIELDS

from .models import MenuItem


def register():
    register_versioned(MenuItem, exclude=TREE_FIELDS)
    register_roles("navigation")
