"""What the media library tells the editorial base: its images and documents keep a history;
contributors upload them for their drafts, editors manage them.

Called once, from ``LibraryConfig.ready()``.
"""

from editorial.registry import register_roles, register_versioned

from .models import Document, Image


def register():
    register_versioned(Image)
    register_versioned(Document)
    register_roles("library", written=[Image, Document])
