"""The admin speaks the editors' language: no package names on its front page, no field label
that is only a field's name in the code ("Slug", "Url", "Pdf"), and no help text whose example
the browser would swallow as an HTML tag ("Address: /publications/<series>/<slug>/.")."""

import re
from html import unescape

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.admin.templatetags.admin_list import result_headers
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from reversion import create_revision, set_comment

from editorial.sharing import share_link_create
from imports.models import ImportRun
from publications.models import HomeFeature
from redirects.models import Redirect
from subscriptions.models import Delivery, Subscriber
from subscriptions.sending import claim
from subscriptions.tasks import announce_new_items
from tests.factories import (
    AuthorshipFactory,
    CategoryFactory,
    CentreFactory,
    EventFactory,
    EventSpeakerFactory,
    ExternalPublicationFactory,
    MediaItemFactory,
    MenuItemFactory,
    PersonFactory,
    PublicationFactory,
    SeriesFactory,
    StaffGroupFactory,
)
from tests.library.conftest import document_form, saved_image

#: Fields whose name reads badly as a label, and the label Django would make of it.
OFFENDERS = {
    "slug", "url", "pdf", "linkedin", "orcid", "image_alt", "co_editors", "published_at",
    "created_at", "updated_at", "map_url", "directions_url", "cookie_policy_url", "sort_name",
    "show_contact", "about_author", "embed_url", "online_url", "registration_url",
    "started_at", "finished_at", "groups", "user_permissions", "is_staff", "username",
}  # fmt: skip
#: Words no label should carry (a name from the code, or a letter case only code uses).
CODE_WORDS = re.compile(r"\b(url|Url|URL|pdf|Pdf|slug|Slug|Linkedin|Orcid|alt(?! text))\b")
#: The tags a help text may hold; anything else between < and > is a swallowed example.
KNOWN_TAGS = re.compile(r"</?(a|em|strong|code|br|kbd)(\s[^<>]*)?/?>")
PACKAGE_NAMES = ["Reversion", "Revisions", "Taggit", "Axes", "Access attempts", "Authentication"]


def raw_label(name):
    return name.replace("_", " ").capitalize()


@pytest.fixture
def everything(site_facts, administrator, administrator_client, settings):
    """One row of every kind the admin lists, so that every change page can be opened."""
    series = SeriesFactory(name="Commentaries", slug="commentaries", code_prefix="CO")
    category = CategoryFactory(name="Maritime Security")
    publication = PublicationFactory(series=series)
    publication.categories.add(category)
    HomeFeature.objects.create(publication=publication)
    ExternalPublicationFactory()
    CentreFactory()
    AuthorshipFactory(publication=publication, person=PersonFactory(), order=0)
    EventSpeakerFactory(event=EventFactory())
    MediaItemFactory()
    MenuItemFactory()
    StaffGroupFactory()
    person = PersonFactory()
    person.expertise.add("Maritime security")
    publication.tags.add("ASEAN")
    saved_image()
    administrator_client.post("/admin/library/document/add/", document_form())
    with create_revision():
        set_comment("Changed the title.")
        publication.save()
    share_link_create(item=publication, user=administrator, days=7, note="Reviewer")
    Redirect.objects.create(old_path="/2021/06/my-post/", target_path="/publications/")
    ImportRun.objects.create(source="export.xml", site="https://www.rsis.edu.sg")
    seen = {"user_agent": "Firefox", "ip_address": "203.0.113.5", "username": "kim",
            "http_accept": "text/html", "path_info": "/admin/login/"}  # fmt: skip
    AccessAttempt.objects.create(**seen, get_data="", post_data="", failures_since_start=2)
    AccessFailureLog.objects.create(**seen)
    AccessLog.objects.create(**seen)
    subscriber = Subscriber.objects.create(
        email="reader@example.org", everything=True, confirmed_at=timezone.now()
    )
    claim([subscriber.pk], [publication], Delivery.Kind.ALERT)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    announce_new_items.enqueue()  # a queued job


def admin_pages():
    """``(model, its list's address)`` for every model in the admin."""
    for model in sorted(admin.site._registry, key=lambda m: m._meta.label):
        opts = model._meta
        try:
            yield model, reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        except NoReverseMatch:  # an admin that offers no list
            continue


def page_labels(html):
    return [
        re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", label))).strip().rstrip(":")
        for label in re.findall(r"<label\b[^>]*>(.*?)</label>", html, re.S)
    ]


def help_texts(form):
    return {name: str(field.help_text) for name, field in form.fields.items()}


def test_the_front_page_names_every_group_in_plain_words(administrator_client):
    html = administrator_client.get("/admin/").content.decode()
    groups = re.findall(r'<caption>\s*<a href="[^"]+" class="section"[^>]*>([^<]+)</a>', html)
    assert groups == [
        "Publications",
        "Events",
        "News and media",
        "People",
        "Research centres and programmes",
        "Menu and pages",
        "Media library",
        "Tags",
        "Site settings",
        "Old addresses (redirects)",
        "Sharing and review",
        "Activity",
        "Staff accounts and roles",
        "Sign-in security",
        "Imports from other sites",
        "Email subscribers",
        "Background work (emails)",
    ]
    app_list = html[html.index('id="content-main"') :]
    for name in PACKAGE_NAMES:
        assert name not in app_list
    for line in ["Changes", "Roles", "Staff accounts", "Lock-outs and repeated failures"]:
        assert f">{line}</a>" in app_list


def test_the_menu_beside_every_page_uses_the_same_names(administrator_client, everything):
    html = administrator_client.get("/admin/publications/publication/").content.decode()
    nav = html[
        html.index('id="nav-sidebar"') : html.index("</nav>", html.index('id="nav-sidebar"'))
    ]
    for name in PACKAGE_NAMES:
        assert name not in nav
    assert nav.index(">Publications<") < nav.index(">Events<") < nav.index(">Activity<")


def test_every_list_and_form_loads_with_plain_labels(administrator_client, everything):
    checked = []
    for model, list_url in admin_pages():
        response = administrator_client.get(list_url)
        assert response.status_code == 200, list_url
        headers = [
            unescape(re.sub(r"<[^>]+>", "", str(h["text"]))).strip()
            for h in result_headers(response.context["cl"])
        ]
        for header in headers:
            assert not CODE_WORDS.search(header), (list_url, header)

        obj = model._default_manager.order_by("pk").first()
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        if obj is not None:
            response = administrator_client.get(reverse(f"{name}_change", args=[obj.pk]))
        else:  # a kind of row the fixture does not make: its form for a new one
            response = administrator_client.get(reverse(f"{name}_add"))
        assert response.status_code == 200, model
        html = response.content.decode()
        for label in page_labels(html):
            assert not CODE_WORDS.search(label), (model, label)

        forms = [response.context["adminform"].form]
        for formset in response.context.get("inline_admin_formsets") or []:
            forms.append(formset.formset.empty_form)
        for form in forms:
            for name, field in form.fields.items():
                if name in OFFENDERS:
                    assert str(field.label) != raw_label(name), (model, name)
            for name, text in help_texts(form).items():
                assert not re.search(r"<[^<>]*>", KNOWN_TAGS.sub("", text)), (model, name, text)
        checked.append(model._meta.label)
    # Every kind of content was opened, the other packages' models included.
    for label in ["publications.Publication", "events.Event", "taggit.Tag", "auth.User",
                  "reversion.Revision", "axes.AccessAttempt", "staff.Person"]:  # fmt: skip
        assert label in checked


def test_address_help_shows_a_real_example(administrator_client, everything):
    html = administrator_client.get("/admin/publications/publication/add/").content.decode()
    help_text = re.search(
        r'<div class="help" id="id_slug_helptext">\s*<div>(.*?)</div>', html, re.S
    )
    assert help_text.group(1) == (
        "The last part of its address: “what-lavrovs-visit-means” in "
        "/publications/commentaries/what-lavrovs-visit-means/."
    )
    assert "<label" in html and 'for="id_slug">Address:</label>' in html


@pytest.mark.parametrize(
    ("url", "label", "plain"),
    [
        ("/admin/publications/publication/add/", "pdf", "PDF"),
        ("/admin/publications/publication/add/", "image_alt", "Image description (alt text)"),
        ("/admin/staff/person/add/", "linkedin", "LinkedIn"),
        ("/admin/staff/person/add/", "orcid", "ORCID iD"),
        ("/admin/navigation/menuitem/add/", "url", "Web address"),
        ("/admin/publications/externalpublication/add/", "url", "Web address"),
        ("/admin/core/sociallink/add/", "url", "Web address"),
        ("/admin/auth/user/1/change/", "groups", "Roles"),
    ],
)
def test_labels_read_as_editors_say_them(administrator_client, administrator, url, label, plain):
    url = url.replace("/1/", f"/{administrator.pk}/")
    form = administrator_client.get(url).context["adminform"].form
    assert form.fields[label].label == plain
