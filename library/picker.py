"""The window the rich-text editor's “Browse...” button opens: library images to choose from,
and a form to upload a new one without leaving the window.

An upload is saved as the library's own page saves it (validated, re-encoded, its history
kept); the window then lists it first, ready to be chosen. Only those who may add images to
the library may upload (others are refused with 403, even with a forged form).
"""

import re
from pathlib import PurePath
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from core.pagination import paginate
from core.params import clean as clean_param
from editorial.versioning import separate_revision

from .models import Image

PICKER_PAGE_SIZE = 24
#: The number the editor gives its picker window, to send the chosen image back to.
CALLBACK_NUMBER = re.compile(r"-?[0-9]{1,9}")


class UploadForm(forms.ModelForm):
    """A new library image, with what readers need: its alt text, credit and licence."""

    class Meta:
        model = Image
        fields = ["file", "title", "alt_text", "decorative", "credit", "licence"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields[
            "title"
        ].help_text = "A name to find the image by in the library; the file's name if left empty."

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload and not (cleaned.get("title") or "").strip():
            name = PurePath(upload.name).stem.replace("_", " ").replace("-", " ")
            self.instance.title = cleaned["title"] = " ".join(name.split())[:200] or "Image"
        return cleaned


def picker_view(model_admin, request):
    """List the library's images to choose from; on POST, upload one and list it first."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    callback = request.GET.get("CKEditorFuncNum", "")
    callback = callback if CALLBACK_NUMBER.fullmatch(callback) else ""
    may_upload = model_admin.has_add_permission(request)
    form = None
    if request.method == "POST":
        if not may_upload:
            raise PermissionDenied("You may not add images to the library.")
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            image = form.save(commit=False)
            image.uploaded_by = request.user
            with separate_revision(request.user, "Uploaded from the editor's picture window."):
                image.save()
            model_admin.log_addition(request, image, [{"added": {}}])
            return HttpResponseRedirect(_picker_url(callback, uploaded=image.pk))
    elif may_upload:
        form = UploadForm()
    query = clean_param("q", request.GET.get("q", ""))
    images = model_admin.get_queryset(request)
    if query:
        images = model_admin.get_search_results(request, images, query)[0]
    uploaded = _uploaded(images, request.GET.get("uploaded", ""))
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Choose an image from the library",
        "opts": model_admin.opts,
        "is_popup": True,
        "page": paginate(request, images, PICKER_PAGE_SIZE),
        "query": query,
        "callback": callback,
        "upload_form": form,
        "uploaded": uploaded,
    }
    return TemplateResponse(request, "admin/library/image/picker.html", context)


def _uploaded(images, raw):
    """The image just uploaded, to show first; None if there is none (or it is not listed)."""
    if not raw.isascii() or not raw.isdigit() or len(raw) > 18:
        return None
    return images.filter(pk=int(raw)).first()


def _picker_url(callback, **params):
    query = {"CKEditorFuncNum": callback} if callback else {}
    query.update(params)
    return f"{reverse('admin:library_image_picker')}?{urlencode(query)}"
