"""What the centres tell the editorial base: their history, and that contributors choose a
centre for their drafts while editors manage them.

Called once, from ``ResearchConfig.ready()``.
"""

from editorial.registry import register_roles, register_versioned

from .models import Centre


def register():
    register_versioned(Centre)
    register_roles("research", chosen=[Centre])
