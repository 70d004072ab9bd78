"""Attachments become the media library's pictures and documents; a post's featured image and
attached PDF become the publication's own. Files come from ``--uploads`` only, and each goes
through the checks an editor's upload does (a file that fails them is reported, not stored)."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from core.images import open_checked_image
from core.media import site_address
from core.pdfs import check_pdf
from library.documents import check_document, kind_of
from library.models import Document, Image

from .content import Picture, plain
from .files import is_image, opened, original_of, relative_upload

IMG_SOURCE = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']""", re.I)


def _limit(model, field, value):
    return value[: model._meta.get_field(field).max_length]


def import_attachment(ctx, item):
    attachment = ctx.scan.attachments.get(item.post_id)
    if attachment is None:
        return None
    if item.post_id in ctx.pdf_attachments:
        ctx.waiting_pdfs.append(item.post_id)  # its post's own PDF, if the post comes in
        return None
    if ("attachment", item.post_id) in ctx.dry_made or ctx.made_now("attachment", item.post_id):
        return None  # brought in already by a post that shows it (and counted then)
    return _attachment(ctx, attachment)[1]


def place_pdfs(ctx):
    """PDFs attached to posts: the publication's own file where the post came in with it (its
    old addresses then lead to the publication's PDF), else a document of the library."""
    for post_id in ctx.waiting_pdfs:
        attachment = ctx.scan.attachments[post_id]
        publication = ctx.made("post", attachment.parent)
        name = f"attachment {post_id} “{plain(attachment.title)[:80]}”"
        row = ctx.known.get(("post", attachment.parent))
        if publication is not None and row.details.get("pdf") == post_id:
            if not publication.pdf:
                continue  # reported with the post (its file is missing or refused)
            address = (
                reverse("publications:pdf", kwargs={"code": publication.code})
                if publication.code and publication.is_public()
                else site_address(publication.pdf.name)  # a redirect stays on the site
            )
            olds = (attachment.url, attachment.link, f"/?attachment_id={post_id}")
            ctx.one("attachment", name, lambda o=olds, a=address, n=name: _lead(ctx, o, a, n))
        else:
            ctx.one("attachment", name, lambda a=attachment: _attachment(ctx, a)[1])


def _attachment(ctx, attachment):
    """(library item or None, outcome) for ``attachment``, made once per run."""
    name = f"attachment {attachment.post_id} “{plain(attachment.title)[:80]}”"
    digest = ctx.digest(attachment)
    model = Image if is_image(attachment.rel or attachment.url) else Document
    if ctx.unchanged("attachment", attachment.post_id, digest, model):
        return ctx.made("attachment", attachment.post_id), "unchanged"
    if model is Document and not kind_of(attachment.rel or attachment.url or ""):
        ctx.report.warn(name, "this kind of file is not kept in the media library: left out.")
        return None, "skipped"
    found = ctx.uploads.find(attachment.rel) if attachment.rel else None
    if found is None:
        ctx.report.warn(
            name, f"file not found in the uploads folder: {attachment.rel or attachment.url}"
        )
        return None, "skipped"
    item, row = ctx.previous("attachment", attachment.post_id, model)
    outcome = "created" if item is None else "updated"
    item = item or model()
    item.title = _limit(model, "title", plain(attachment.title) or found[0].rsplit("/", 1)[-1])
    item.credit = _limit(model, "credit", plain(attachment.caption))
    if model is Image:
        item.alt_text = _limit(Image, "alt_text", plain(attachment.alt))
        if not item.alt_text:
            ctx.report.warn(name, "no alternative text: describe the picture in the library.")
    if ctx.options.dry_run:
        with opened(found[1]) as file:
            (open_checked_image if model is Image else check_document)(file)
        ctx.dry_made[("attachment", attachment.post_id)] = item
        return item, outcome
    file = opened(found[1]) if row is None or not item.file else None
    try:
        if file is not None:
            item.file = file
        item.save()
    finally:
        if file is not None:
            file.close()
    ctx.remember("attachment", attachment.post_id, item, digest=digest)
    for old in (attachment.link, f"/?attachment_id={attachment.post_id}", attachment.url):
        ctx.redirect(old, item, name)
    return item, outcome


def _lead(ctx, olds, address, name):
    for old in olds:
        ctx.redirect(old, None, name, path=address)


def picture_for_attachment(ctx, post_id):
    """The library picture of attachment ``post_id`` (brought in now if need be), or None."""
    attachment = ctx.scan.attachments.get(str(post_id))
    if attachment is None or not is_image(attachment.rel or attachment.url):
        return None
    image = ctx.made("attachment", attachment.post_id)
    if image is None:
        try:
            with transaction.atomic():
                image, outcome = _attachment(ctx, attachment)
        except ValidationError as error:
            ctx.report.warn(f"attachment {post_id}", f"not imported: {' '.join(error.messages)}")
            ctx.report.count("attachment", "skipped")
            return None
        if image is not None and outcome:
            ctx.report.count("attachment", outcome)
    return _picture(ctx, image, plain(attachment.caption))


def presence(ctx, content, *attachment_ids):
    """Which of the files an item shows are in the uploads folder: part of the item's digest,
    so that a run given files missing before brings them in."""
    names = [ctx.scan.attachments[a].rel for a in attachment_ids if a in ctx.scan.attachments] + [
        relative_upload(url) or urlsplit(url).path for url in IMG_SOURCE.findall(content or "")
    ]
    return [(name, ctx.uploads.find(name) is not None) for name in names if name]


def picture_for_url(ctx, url):
    """The library picture for an address in the old site's uploads, or None."""
    rel = relative_upload(url)
    path = urlsplit(url).path
    post_id = (
        ctx.scan.by_file.get(rel or "")
        or ctx.scan.by_file.get(original_of(rel or "") or "")
        or ctx.scan.by_path.get(path)  # e.g. WordPress.com's files.wordpress.com addresses
        or ctx.scan.by_path.get(original_of(path) or "")
    )
    if post_id:
        return picture_for_attachment(ctx, post_id)
    if rel is None:
        return None
    image = ctx.made("file", rel)
    if image is None:
        found = ctx.uploads.find(rel)
        if found is None or not is_image(found[0]):
            return None
        image = Image(title=_limit(Image, "title", found[0].rsplit("/", 1)[-1]))
        try:
            with transaction.atomic(), opened(found[1]) as file:
                if ctx.options.dry_run:
                    open_checked_image(file)
                    ctx.dry_made[("file", rel)] = image
                else:
                    image.file = file
                    image.save()
                    ctx.remember("file", rel, image)
                    ctx.redirect(url, image, f"picture {rel}")
        except ValidationError as error:
            ctx.report.warn(f"picture {rel}", f"not imported: {' '.join(error.messages)}")
            ctx.report.count("attachment", "skipped")
            return None
        ctx.report.count("attachment", "created")
    return _picture(ctx, image, "")


def _picture(ctx, image, caption):
    if image is None:
        return None
    if ctx.options.dry_run or not image.file:
        return Picture(f"{settings.MEDIA_URL}dry-run", image.alt, image.pk or 0, caption)
    return Picture(image.body_address, image.alt, image.pk, caption)


def feature(ctx, publication, attachment_id, details, name):
    """Give ``publication`` the featured image ``attachment_id``; returns the opened file (the
    caller closes it once the item is saved) or None."""
    if not attachment_id:
        return None
    attachment = ctx.scan.attachments.get(attachment_id)
    if attachment is None:
        ctx.report.warn(name, f"featured image {attachment_id} is not in the export.")
        return None
    publication.image_alt = _limit(type(publication), "image_alt", plain(attachment.alt))
    publication.image_credit = _limit(type(publication), "image_credit", plain(attachment.caption))
    if details.get("thumbnail") == attachment_id and publication.image:
        return None
    found = ctx.uploads.find(attachment.rel) if attachment.rel else None
    if found is None:
        ctx.report.warn(
            name, f"featured image file not found in the uploads folder: {attachment.rel}"
        )
        return None
    if not publication.image_alt:
        ctx.report.warn(name, "featured image without alternative text.")
    return _checked(ctx, publication, "image", found[1], open_checked_image, name)


def document(ctx, publication, attachment_id, details, name):
    """Give ``publication`` its attached PDF (as ``feature`` does its image)."""
    if not attachment_id or (details.get("pdf") == attachment_id and publication.pdf):
        return None
    attachment = ctx.scan.attachments[attachment_id]
    found = ctx.uploads.find(attachment.rel) if attachment.rel else None
    if found is None:
        ctx.report.warn(name, f"PDF not found in the uploads folder: {attachment.rel}")
        return None
    return _checked(ctx, publication, "pdf", found[1], check_pdf, name)


def _checked(ctx, publication, field, path, check, name):
    file = opened(path)
    try:
        check(file)
    except ValidationError as error:
        file.close()
        ctx.report.warn(name, f"{path.name} refused: {' '.join(error.messages)}")
        return None
    if ctx.options.dry_run:
        file.close()
        return None
    setattr(publication, field, file)
    return file
