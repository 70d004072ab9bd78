"""The exported site's uploaded files, read from a copy of its ``wp-content/uploads`` folder.

Only files inside that folder are ever opened (an address such as ``../../etc/passwd`` finds
nothing), and each goes through the same checks as an editor's upload when it is stored:
pictures are decoded and re-encoded, PDFs cleaned, anything else refused.
"""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.files import File

UPLOADS_MARK = "/wp-content/uploads/"
SIZE_SUFFIX = re.compile(r"-\d{1,5}x\d{1,5}(?=\.[A-Za-z0-9]+$)")
SCALED_SUFFIX = re.compile(r"-(scaled|rotated)(?=\.[A-Za-z0-9]+$)")
IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "webp", "gif"}
MAX_FILE_BYTES = 50 * 1024 * 1024


def relative_upload(url):
    """``2021/06/photo.jpg`` for an address in the uploads folder, else None."""
    path = unquote(urlsplit(url.strip()).path) if url else ""
    if UPLOADS_MARK not in path:
        return None
    rel = path.split(UPLOADS_MARK, 1)[1].strip("/")
    return rel or None


def original_of(rel):
    """The name of the file a WordPress size variant was made from (``photo-300x200.jpg``,
    ``photo-scaled.jpg`` → ``photo.jpg``), or None if ``rel`` is not a variant."""
    stem = SIZE_SUFFIX.sub("", rel)
    stem = SCALED_SUFFIX.sub("", stem)
    return stem if stem != rel else None


def is_image(name):
    return name.rsplit(".", 1)[-1].lower() in IMAGE_EXTENSIONS if "." in name else False


class Uploads:
    """A copy of the uploads folder (or none: then every file is reported missing)."""

    def __init__(self, folder):
        self.root = Path(folder).resolve() if folder else None

    def path(self, rel):
        """The file at ``rel`` inside the folder, or None if there is none (or it is outside)."""
        if self.root is None or not rel:
            return None
        candidate = (self.root / rel).resolve()
        if not candidate.is_relative_to(self.root) or not candidate.is_file():
            return None
        if candidate.stat().st_size > MAX_FILE_BYTES:
            return None
        return candidate

    def find(self, rel):
        """The file for ``rel`` or, for a size variant, its original (rel, path), or None."""
        for name in (rel, original_of(rel) if rel else None):
            if name and (found := self.path(name)) is not None:
                return name, found
        return None


def opened(path):
    """A Django ``File`` of ``path`` for a model's file field (stored when the item is saved,
    through the field's own checks)."""
    return File(open(path, "rb"), name=path.name)  # noqa: SIM115 - closed after the save
