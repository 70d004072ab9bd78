import pytest

from core.models import SiteSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_anonymous_page_is_served_from_cache_without_queries(
    client, about_section, page_cache, django_assert_num_queries
):
    first = client.get("/about-rsis/introduction/")
    with django_assert_num_queries(0):
        second = client.get("/about-rsis/introduction/")

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_content_change_refreshes_cached_pages(visitor, staff_client, about_section, page_cache):
    visitor.get("/about-rsis/introduction/")
    intro = about_section["intro"]

    response = staff_client.post(
        f"/admin/navigation/menuitem/{intro.pk}/change/",
        {"title": "Who We Are", "slug": "introduction", "parent": intro.parent_id,
         "kind": "page", "published": "on", "show_in_menu": "on", "summary": "",
         "body": "<p>New text.</p>", "_position": "last-child"},
    )  # fmt: skip
    assert response.status_code == 302

    fresh = visitor.get("/about-rsis/introduction/")
    assert fresh["X-Page-Cache"] == "miss"
    assert "<p>New text.</p>" in fresh.content.decode()


def test_site_settings_change_refreshes_every_cached_page(client, about_section, page_cache):
    client.get("/")
    SiteSettings.objects.filter(pk=1).get().save()  # any save starts a new generation

    assert client.get("/")["X-Page-Cache"] == "miss"


def test_logged_in_staff_always_get_fresh_pages(staff_client, about_section, page_cache):
    staff_client.get("/about-rsis/")
    response = staff_client.get("/about-rsis/")

    assert "X-Page-Cache" not in response


@pytest.mark.parametrize(
    "path",
    ["/no-such-page/", "/search/?q=" + "x" * 400, "/admin/login/"],
)
def test_errors_long_queries_and_admin_are_never_cached(client, about_section, page_cache, path):
    client.get(path)

    assert "X-Page-Cache" not in client.get(path)


def test_post_requests_are_never_cached(client, about_section, page_cache):
    client.get("/search/?q=welcome")

    assert "X-Page-Cache" not in client.post("/search/?q=welcome")


def test_query_strings_are_distinct_pages(client, about_section, page_cache):
    client.get("/search/", {"q": "welcome"})
    other = client.get("/search/", {"q": "introduction"})

    assert other["X-Page-Cache"] == "miss"
    assert "Nothing matches" not in other.content.decode()


@pytest.mark.parametrize(
    "cookie", ["bogus", "x" * 32, "abcdefghijklmnopqrstuvwxyz012345", "a" * 4000, "\x00", ""]
)
def test_a_made_up_session_cookie_still_gets_the_cached_page(
    client, about_section, page_cache, cookie, django_assert_max_num_queries
):
    client.get("/about-rsis/introduction/")
    client.cookies["sessionid"] = cookie

    with django_assert_max_num_queries(0):  # not even a look-up of the unknown session
        response = client.get("/about-rsis/introduction/")

    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"


def test_the_session_of_someone_not_staff_gets_the_cached_page(client, about_section, page_cache):
    from tests.factories import UserFactory

    client.get("/about-rsis/introduction/")
    client.force_login(UserFactory(is_staff=False))

    assert client.get("/about-rsis/introduction/")["X-Page-Cache"] == "hit"


def test_a_logged_out_staff_session_gets_the_cached_page(staff_client, about_section, page_cache):
    staff_client.get("/about-rsis/introduction/")
    stale = staff_client.cookies["sessionid"].value
    staff_client.logout()
    staff_client.get("/about-rsis/introduction/")
    staff_client.cookies["sessionid"] = stale

    assert staff_client.get("/about-rsis/introduction/")["X-Page-Cache"] == "hit"


def test_a_staff_request_reads_its_session_and_user_once(
    staff_client, about_section, page_cache, django_assert_max_num_queries
):
    staff_client.get("/about-rsis/introduction/")
    with django_assert_max_num_queries(2):
        response = staff_client.get("/about-rsis/introduction/")

    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_staff_get_the_mark_that_lets_them_past_the_page_cache(
    staff_client, about_section, page_cache
):
    from core.middleware import STAFF_MARK_COOKIE, staff_mark

    staff_client.get("/about-rsis/introduction/")
    session_key = staff_client.cookies["sessionid"].value
    assert staff_client.cookies[STAFF_MARK_COOKIE].value == staff_mark(session_key)
    assert staff_client.cookies[STAFF_MARK_COOKIE]["httponly"]

    signed_out = staff_client.post("/admin/logout/")
    assert signed_out.cookies[STAFF_MARK_COOKIE].value == ""  # taken away
    assert signed_out.cookies[STAFF_MARK_COOKIE]["max-age"] == 0


@pytest.mark.parametrize("mark", ["forged", "another session's"])
def test_a_made_up_or_borrowed_mark_costs_nothing_and_gets_the_cached_page(
    visitor, staff_client, about_section, page_cache, mark, django_assert_max_num_queries
):
    from core.middleware import STAFF_MARK_COOKIE, staff_mark

    staff_client.get("/about-rsis/introduction/")  # a real member of staff, marked
    visitor.get("/about-rsis/introduction/")
    visitor.cookies["sessionid"] = "abcdefghijklmnopqrstuvwxyz012345"
    visitor.cookies[STAFF_MARK_COOKIE] = (
        "forged" if mark == "forged" else staff_mark(staff_client.cookies["sessionid"].value)
    )

    with django_assert_max_num_queries(0):
        response = visitor.get("/about-rsis/introduction/")

    assert response["X-Page-Cache"] == "hit"
