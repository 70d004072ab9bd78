"""The PDFs the site makes of publications without an uploaded one (``publications.printing``)."""

from django.db import models

from .publication import Publication


class GeneratedPDF(models.Model):
    """The latest PDF made of a publication from its web version, kept in the media storage.

    ``fingerprint`` names what was printed in it (see ``printing.fingerprint``): the file is
    current while the item's printed version still has that fingerprint. A failed attempt is
    remembered so that readers asking again do not each start a doomed render.
    """

    publication = models.OneToOneField(
        Publication, on_delete=models.CASCADE, related_name="generated_pdf"
    )
    file = models.FileField(upload_to="publications/generated/", blank=True)
    fingerprint = models.CharField(max_length=64, blank=True)
    size = models.PositiveIntegerField(default=0)
    made_at = models.DateTimeField(null=True, blank=True)
    failed_fingerprint = models.CharField(max_length=64, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "generated PDF"
        verbose_name_plural = "generated PDFs"

    def __str__(self):
        return self.file.name or f"PDF of publication {self.publication_id}"
