"""Head tags of a publication page: Highwire citation tags, OpenGraph and schema.org JSON-LD."""

import json

from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from core.content_cache import memo_html
from core.richtext import demote_headings
from core.site import get_site_context

register = template.Library()


@register.filter
def subheads(body):
    """A publication's body under the page's section heading: its h2 become h3, and so on."""
    return mark_safe(demote_headings(body or ""))  # noqa: S308 - sanitised when saved


_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def publication_head(context, publication, pdf_url=None, pdf_size=None):
    """The page's citation tags, OpenGraph tags and JSON-LD, with its PDF where it has one."""
    request = context["request"]
    absolute = request.build_absolute_uri
    site = get_site_context()
    url = absolute(publication.get_absolute_url())
    names = [a.display_name for a in publication.authorships.all()]
    date = publication.publication_date
    meta = [("citation_title", publication.title)]
    meta += [("citation_author", name) for name in names]
    if date:
        meta.append(("citation_publication_date", date.strftime("%Y/%m/%d")))
    meta += [
        ("citation_technical_report_institution", site["name"]),
        ("citation_technical_report_number", publication.code or ""),
        ("citation_abstract_html_url", url),
    ]
    if pdf_url:
        meta.append(("citation_pdf_url", absolute(pdf_url)))
    tags = format_html_join("\n", '<meta name="{}" content="{}">', meta)
    image = publication.feature_picture()
    image_url = absolute(image.jpeg_src) if image else ""
    og = [
        ("og:type", "article"),
        ("og:title", publication.title),
        ("og:description", publication.synopsis),
        ("og:url", url),
        ("og:site_name", site["name"]),
    ]
    if image_url:
        og.append(("og:image", image_url))
    if publication.published_at:
        og.append(("article:published_time", publication.published_at.isoformat()))
    modified = publication.last_modified.replace(microsecond=0).isoformat()
    og.append(("article:modified_time", modified))
    og_tags = format_html_join("\n", '<meta property="{}" content="{}">', og)
    data = {
        "@context": "https://schema.org",
        "@type": "Report",
        "headline": publication.title,
        "name": publication.title,
        "url": url,
        "identifier": publication.code,
        "reportNumber": publication.code,
        "description": publication.synopsis,
        "datePublished": date.isoformat() if date else None,
        "dateModified": modified,
        "author": [
            {"@type": "Person", "name": a.display_name}
            | ({"url": absolute(a.person.get_absolute_url())} if a.person_id else {})
            for a in publication.authorships.all()
        ],
        "publisher": {"@type": "Organization", "name": site["name"]},
        "isPartOf": {
            "@type": "CreativeWorkSeries",
            "name": publication.series.name,
            "url": absolute(publication.series.get_absolute_url()),
        },
        "keywords": [tag.name for tag in publication.tags.all()],
    }
    if image_url:
        data["image"] = image_url
    if pdf_url:
        data["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": absolute(pdf_url),
            "encodingFormat": "application/pdf",
            "name": f"{publication.code or publication.slug}.pdf",
        } | ({"contentSize": f"{pdf_size} B"} if pdf_size else {})
    payload = json.dumps({k: v for k, v in data.items() if v}, ensure_ascii=False)
    json_ld = mark_safe(  # noqa: S308 - JSON with <, > and & escaped
        '<script type="application/ld+json">' + payload.translate(_JSON_ESCAPES) + "</script>"
    )
    return format_html("{}\n{}\n{}", tags, og_tags, json_ld)


@register.simple_tag
def publication_sidebar(publication, teaser, series_list):
    """The sidebar of an item's page: every series, the item's own marked, and the latest
    book unless the item is that book. It is the same for every item of a series, so it is
    rendered once per content generation for each series."""
    show_teaser = bool(teaser) and teaser.pk != publication.pk
    context = {"series_list": series_list, "series_id": publication.series_id}
    return memo_html(
        f"publications:sidebar:{publication.series_id}:{int(show_teaser)}",
        lambda: render_to_string(
            "publications/includes/sidebar.html",
            {**context, "teaser": teaser, "show_teaser": show_teaser},
        ),
    )


@register.inclusion_tag("publications/includes/person_publications.html")
def person_publications(person):
    """The latest work of ``person``: series publications and work published elsewhere."""
    from core.content_cache import memo
    from publications import queries

    def build():
        # One more than shown says whether to link to the whole list, where the count is:
        # counting a prolific author's work here would read most of the table.
        items = queries.latest_by_people([person.pk], limit=PROFILE_ITEMS + 1)
        return {
            "items": items[:PROFILE_ITEMS],
            "more": len(items) > PROFILE_ITEMS,
            "external": queries.external_by_person(person, limit=PROFILE_ITEMS),
        }

    return {"person": person, **memo(f"publications:person:{person.pk}", build)}


@register.inclusion_tag("publications/includes/centre_publications.html")
def centre_publications(centre, people_pks):
    """The latest publications by the people of a research centre."""
    from core.content_cache import memo
    from publications import queries

    items = memo(
        f"publications:centre:{centre.pk}",
        lambda: queries.latest_by_people(people_pks, limit=PROFILE_ITEMS),
    )
    return {"centre": centre, "items": items}


PROFILE_ITEMS = 6
