"""What browsers and CDNs are told they may keep: public answers are shared for a while and
revalidated by ETag; staff, admin and personal pages are never stored; drafts are never public."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client

from core.middleware import STAFF_MARK_COOKIE
from core.models import SiteSettings
from publications.models import Publication, Series

from ..factories import PublicationFactory, UserFactory, jpeg_bytes, logged_in

pytestmark = pytest.mark.django_db

PUBLIC = "public, max-age=30, s-maxage=600, stale-while-revalidate=90"
PUBLIC_PAGES = [
    "/",
    "/about-rsis/introduction/",
    "/publications/",
    "/publications/commentaries/",
    "/feeds/publications/rss/",
    "/search/?q=asean",
    "/sitemap.xml",
]


@pytest.fixture(autouse=True)
def cdn(settings):
    settings.CDN_MAX_AGE, settings.CDN_S_MAXAGE, settings.CDN_STALE_SECONDS = 30, 600, 90


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def staff(demo_content):
    """A client signed in as staff that carries the staff mark, as a browser would."""
    client = logged_in(UserFactory(is_staff=True, is_superuser=True))
    client.get("/admin/")
    assert STAFF_MARK_COOKIE in client.cookies
    return client


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_may_be_kept_by_shared_caches_without_cookies(
    visitor, demo_content, page_cache, path
):
    miss = visitor.get(path)
    hit = visitor.get(path)

    for response in (miss, hit):
        assert response.status_code == 200
        assert response["Cache-Control"] == PUBLIC
        assert response["ETag"] == miss["ETag"]
        assert not response.cookies
        assert "Vary" not in response
    assert hit["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_a_client_holding_the_page_gets_304_with_the_same_headers(
    visitor, demo_content, page_cache, path
):
    etag = visitor.get(path)["ETag"]

    for _served_from_cache_too in range(2):
        again = visitor.get(path, headers={"if-none-match": etag})
        assert again.status_code == 304
        assert again.content == b""
        assert again["ETag"] == etag
        assert again["Cache-Control"] == PUBLIC


def test_without_the_page_cache_pages_still_get_their_etag_and_304(visitor, demo_content):
    first = visitor.get("/publications/")
    again = visitor.get("/publications/", headers={"if-none-match": first["ETag"]})

    assert first["Cache-Control"] == PUBLIC
    assert again.status_code == 304


def test_a_changed_page_gets_a_new_etag(visitor, demo_content, page_cache):
    before = visitor.get("/")["ETag"]
    SiteSettings.objects.filter(pk=1).update(tagline="A new tagline")
    SiteSettings.objects.get(pk=1).save()

    after = visitor.get("/", headers={"if-none-match": before})
    assert after.status_code == 200
    assert "A new tagline" in after.content.decode()
    assert after["ETag"] != before


def test_pdfs_and_images_are_public_with_their_dates(visitor, demo_content):
    pdf = visitor.get("/p/CO21113.pdf")
    name = default_storage.save("CACHE/images/photo.jpg", ContentFile(jpeg_bytes()))
    image = visitor.get(f"/media-files/{name}")
    unchanged = visitor.get(
        f"/media-files/{name}", headers={"if-modified-since": image["Last-Modified"]}
    )

    assert pdf.status_code == image.status_code == 200
    assert pdf["Cache-Control"] == image["Cache-Control"] == PUBLIC
    assert pdf["ETag"] and pdf["Last-Modified"] and image["Last-Modified"]
    assert unchanged.status_code == 304
    assert unchanged["Cache-Control"] == PUBLIC


def test_an_answer_that_clears_a_stale_session_cookie_is_not_shared(demo_content):
    visitor = Client()
    visitor.cookies["sessionid"] = "made-up"

    clearing = visitor.get("/publications/")
    assert clearing.cookies["sessionid"].value == ""
    assert clearing["Cache-Control"] == "private, no-store"
    del visitor.cookies["sessionid"]  # as a browser drops a cookie deleted
    assert visitor.get("/publications/")["Cache-Control"] == PUBLIC


@pytest.mark.parametrize(
    "path", ["/", "/publications/", "/feeds/publications/rss/", "/p/CO21113.pdf"]
)
def test_staff_get_every_page_unstored(staff, page_cache, path):
    response = staff.get(path)

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_admin_and_forms_are_never_stored(visitor, demo_content, staff):
    login = visitor.get("/admin/login/")
    subscribe = visitor.get("/subscribe/")
    dashboard = staff.get("/admin/")

    for response in (login, subscribe, dashboard):
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]
    assert "csrftoken" in subscribe.cookies  # the form's cookie goes with a private page only


@pytest.mark.parametrize("status", [Publication.Status.DRAFT, Publication.Status.WITHDRAWN])
def test_drafts_are_never_public(visitor, staff, page_cache, status):
    item = PublicationFactory(series=Series.objects.first(), status=status)

    assert visitor.get(item.get_absolute_url()).status_code == 404
    preview = staff.get(item.get_absolute_url())
    assert preview.status_code == 200
    assert preview["Cache-Control"] == "private, no-store"
    # The preview was not kept for visitors either.
    assert visitor.get(item.get_absolute_url()).status_code == 404
