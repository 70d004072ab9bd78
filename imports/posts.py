"""Posts become publications: series and code, title, dates, status, authors, subjects, tags,
featured image and PDF. Publishing goes through the publications' own services, so an imported
item gets (or keeps) its code by the same rules as one published in the admin."""

from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from publications.models import Authorship, IssuedCode, Publication, validate_code
from publications.services import publication_release

from . import media, terms
from .content import plain
from .mapping import byline_names, slug_for, split_title, unique_slug
from .wxr import wordpress_date

Status = Publication.Status
STATUSES = {
    "publish": Status.PUBLISHED,
    "future": Status.SCHEDULED,
    "draft": Status.DRAFT,
    "pending": Status.REVIEW,
    "private": Status.DRAFT,
}
#: Left out without a word: WordPress's own working copies.
QUIET_SKIPS = {"auto-draft", "inherit"}


def label(item):
    title = split_title(item.title)[1] or "(no title)"
    return f"{item.post_type} {item.post_id} “{title[:80]}”"


def moment(gmt, local):
    """The aware moment of a WordPress date (its GMT copy, else local time here), or None."""
    for value, zone in ((wordpress_date(gmt), UTC), (wordpress_date(local), None)):
        if not value:
            continue
        try:
            parsed = datetime.strptime(value[:19], "%Y-%m-%d %H:%M:%S")
        except ValueError:
            continue
        return parsed.replace(tzinfo=zone) if zone else timezone.make_aware(parsed)
    return None


def day(local, fallback):
    """The date the old site printed: the day of the local post date."""
    value = wordpress_date(local)
    try:
        return datetime.strptime(value[:10], "%Y-%m-%d").date() if value else fallback
    except ValueError:
        return fallback


def import_post(ctx, item):
    name = label(item)
    if item.status not in STATUSES:
        if item.status not in QUIET_SKIPS:
            ctx.report.warn(name, f"status “{item.status or 'none'}”: not imported.")
        return "skipped"
    thumbnail_id = item.meta.get("_thumbnail_id", "")
    pdf_id = ctx.scan.pdf_of_post.get(item.post_id, "")
    digest = ctx.digest(
        item,
        ctx.scan.attachments.get(thumbnail_id),
        ctx.scan.attachments.get(pdf_id),
        media.presence(ctx, item.content, thumbnail_id, pdf_id),
    )
    if ctx.unchanged("post", item.post_id, digest, Publication):
        return "unchanged"
    code, title = split_title(item.title)
    series = ctx.series.for_code(code)
    if code and series is None:
        ctx.report.warn(name, f"no series has the code prefix of {code}: the code is left out.")
        code = None
    mapped, subjects = ctx.series.for_categories(item.terms_of("category"))
    series = series or mapped or ctx.series.default
    if series is None:
        ctx.report.warn(
            name, "no code in the title and no category naming a series: not imported "
            "(map one of its categories to a series, or give --default-series)."
        )  # fmt: skip
        return "skipped"
    publication, row = ctx.previous("post", item.post_id, Publication)
    outcome = "created" if publication is None else "updated"
    publication = publication or Publication()
    moved = publication.pk is not None and publication.series_id != series.pk
    publication.series = series
    if not title:
        title = f"Untitled post {item.post_id} from WordPress"
        ctx.report.warn(name, f"no title: imported as “{title}”.")
    publication.title = title[:300]
    publication.slug = _slug(ctx, publication, item, name, moved=moved)
    publication.synopsis = plain(item.excerpt)
    publication.body = ctx.converted(item.content, name)
    if not plain(item.content) and not publication.body:
        ctx.report.warn(name, "no content: imported with an empty body.")
    _state(ctx, publication, item, name)
    files = [
        media.feature(ctx, publication, thumbnail_id, (row.details if row else {}), name),
        media.document(ctx, publication, pdf_id, (row.details if row else {}), name),
    ]
    try:
        _save(ctx, publication, code, name)
    finally:
        for file in files:
            if file is not None:
                file.close()
    modified = moment(item.modified_gmt, "") or publication.published_at
    if modified is not None:
        ctx.dates[publication.pk] = modified
    replace = outcome == "updated"
    _authors(ctx, publication, item, name, replace=replace)
    terms.file(publication, terms.category_ids(ctx, subjects), replace=replace)
    terms.tag(publication, terms.tags_for(ctx, item.terms_of("post_tag"), name), replace=replace)
    ctx.remember(
        "post", item.post_id, publication, digest=digest,
        details={"thumbnail": thumbnail_id, "pdf": pdf_id},
    )  # fmt: skip
    ctx.redirect(item.link, publication, name)
    ctx.redirect(f"/?p={item.post_id}", publication, name)
    if ctx.links_home(publication.body):
        ctx.relink(Publication, publication.pk, ("post", item.post_id))
    return outcome


def _slug(ctx, publication, item, name, *, moved):
    wanted = slug_for(item.slug, publication.title, f"post-{item.post_id}")
    if publication.pk and publication.slug == wanted and not moved:
        return wanted
    taken = ctx.slugs_of(publication.series_id)
    if publication.pk and not moved:
        taken.discard(publication.slug)
    slug = unique_slug(wanted, taken)
    if slug != wanted:
        ctx.report.warn(name, f"the address {wanted} was taken in the series: renamed {slug}.")
    return slug


def _state(ctx, publication, item, name):
    status = STATUSES[item.status]
    if item.password:
        status = Status.DRAFT
        ctx.report.warn(name, "protected by a password on the old site: imported as a draft.")
    elif item.status == "private":
        ctx.report.warn(name, "private on the old site: imported as a draft.")
    when = moment(item.post_date_gmt, item.post_date)
    publication.status = status
    if status in Publication.RELEASED:
        publication.published_at = when
        publication.publication_date = day(item.post_date, when and timezone.localdate(when))
    elif publication.pk is None:
        publication.published_at = None


def _save(ctx, publication, code, name):
    """Save the item through the publications' services, with the code of its title if that
    code is free (checked by the services themselves; else the item is saved without it)."""
    if code and publication.code != code:
        publication.code = code
        try:
            with transaction.atomic():
                return _save(ctx, publication, None, name)
        except (ValidationError, IntegrityError) as error:
            reason = (
                " ".join(error.messages)
                if isinstance(error, ValidationError)
                else f"{code} is already taken by another item."
            )
            ctx.report.warn(name, f"code {code} not kept: {reason}")
            publication.code = None
            if (
                publication.pk is not None
                and not Publication.objects.filter(pk=publication.pk).exists()
            ):
                publication.pk = None  # its first save was rolled back with the code
                publication._state.adding = True
    if publication.status in Publication.RELEASED:
        publication_release(publication=publication)
        return None
    if publication.code:
        validate_code(publication.code, publication.series, publication.pk)
    publication.save()
    if publication.code:
        IssuedCode.objects.get_or_create(
            code=publication.code, defaults={"publication": publication}
        )
    return None


def _authors(ctx, publication, item, name, *, replace):
    byline = item.meta.get(ctx.options.byline_field, "") if ctx.options.byline_field else ""
    if byline.strip():
        names = byline_names(byline)
    else:
        author = ctx.scan.authors.get(item.creator)
        names = [(author.name, author.login) if author else item.creator]
    credits, notes = ctx.authors.credits(names)
    for note in notes:
        ctx.report.warn(name, note)
    if replace:
        publication.authorships.all().delete()
    Authorship.objects.bulk_create(
        Authorship(
            publication=publication,
            person=credit.person,
            name="" if credit.person else credit.name[:200],
            order=order,
        )
        for order, credit in enumerate(credits)
    )
