"""Reading old addresses, and keeping redirects: on the site only, never to themselves, never
round in a loop, two queries a call."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from redirects.models import Redirect
from redirects.services import forget, redirect_to, site_path, target_address
from tests.factories import PublicationFactory

OFF_SITE = [
    "https://evil.example/",
    "//evil.example/",
    "javascript:alert(1)",
    "/\\evil.example",
    "\\\\evil.example",
    "http://www.rsis.example.evil.example/",
    "https://user@www.rsis.example/",
    "/%2F/evil.example",
    "ftp://www.rsis.example/file",
    "relative/path/",
    "/with\nnewline/",
]


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("/2021/06/my-post/", "/2021/06/my-post/"),
        ("https://old.rsis.example/2021/06/my-post/?utm_source=x#top", "/2021/06/my-post/"),
        ("/caf%C3%A9/", "/café/"),
        ("/?p=123", "/?p=123"),
        ("https://www.rsis.example/?p=123&utm_source=feed", "/?p=123"),
        ("/?page_id=7", "/?page_id=7"),
        ("/?cat=5", "/?cat=5"),
        ("/?tag=maritime-security", "/?tag=maritime-security"),
        ("/?attachment_id=9", "/?attachment_id=9"),
        ("/?author=2", "/?author=2"),
        ("/index.php?p=123", "/?p=123"),
        ("/?s=search+words", "/"),
        ("/news/?p=123", "/news/"),
        ("https://old.rsis.example", "/"),
        ("  /padded/  ", "/padded/"),
    ],
)
def test_site_path_gives_the_stored_form(given, kept):
    assert site_path(given) == kept


@pytest.mark.parametrize(
    "given",
    ["", "   ", "no-slash/", "javascript:alert(1)", "/\\evil", "/a\x00b/", "/%2F/x", "/%C3/",
     "/" + "x" * 700, None, 12],
)  # fmt: skip
def test_site_path_refuses_what_is_not_a_path(given):
    assert site_path(given) is None


def test_target_address_keeps_a_path_of_the_site_and_its_query():
    assert target_address("/publications/?series=commentaries") == (
        "/publications/?series=commentaries"
    )
    assert target_address("https://www.rsis.example/caf%C3%A9/#x") == "/caf%C3%A9/#x"
    assert target_address("/café/") == "/caf%C3%A9/"


@pytest.mark.parametrize("target", OFF_SITE)
def test_redirect_to_refuses_off_site_targets(db, target):
    with pytest.raises(ValidationError) as error:
        redirect_to("/old/", path=target)
    assert "target_path" in error.value.message_dict
    assert not Redirect.objects.exists()


def test_full_address_of_the_site_is_a_target(db):
    redirect = redirect_to("/old/", path="https://www.rsis.example/publications/")
    assert redirect.target_path == "/publications/"


def test_without_a_site_url_no_full_address_is_a_target(db, settings):
    settings.SITE_URL = ""
    with pytest.raises(ValidationError):
        redirect_to("/old/", path="https://www.rsis.example/publications/")


def test_redirect_to_itself_is_refused(lavrov):
    with pytest.raises(ValidationError, match="its own address"):
        redirect_to("/old/", path="/old/")
    with pytest.raises(ValidationError, match="its own address"):
        redirect_to("/old", path="https://www.rsis.example/old/")
    with pytest.raises(ValidationError, match="its own address"):
        redirect_to(lavrov.get_absolute_url(), target=lavrov)


def test_loops_are_refused(db):
    redirect_to("/a/", path="/b/")
    with pytest.raises(ValidationError, match="loop: /b/ → /a/ → /b/"):
        redirect_to("/b/", path="/a/")
    redirect_to("/b/", path="/c/")
    with pytest.raises(ValidationError, match="loop"):
        redirect_to("/c/", path="/a")
    assert dict(Redirect.objects.values_list("old_path", "target_path")) == {
        "/a/": "/b/",
        "/b/": "/c/",
    }


def test_loop_through_an_item_is_refused(lavrov):
    redirect_to(lavrov.get_absolute_url(), path="/old-list/")  # as if it had moved away
    with pytest.raises(ValidationError, match="loop"):
        redirect_to("/old-list/", target=lavrov)


def test_gone_has_no_target(db):
    with pytest.raises(ValidationError, match="leads nowhere"):
        redirect_to("/old/", path="/new/", status=410)
    redirect = redirect_to("/old/", status=410)
    assert (redirect.status, redirect.target_path) == (410, "")


def test_moved_needs_a_target(db):
    with pytest.raises(ValidationError, match="Give the address"):
        redirect_to("/old/")


def test_redirect_to_replaces_the_old_answer_and_keeps_the_visits(lavrov):
    redirect_to("/old/", path="/somewhere/")
    Redirect.objects.update(hits=7)
    redirect_to("/old/", target=lavrov, source=Redirect.Source.IMPORT)
    kept = Redirect.objects.get()
    assert (kept.old_path, kept.target, kept.target_path, kept.hits, kept.source) == (
        "/old/",
        lavrov,
        "",
        7,
        "import",
    )
    assert kept.target_url() == "/publications/commentaries/russia-and-asean/"


def test_redirect_to_costs_two_queries(lavrov, django_assert_num_queries):
    ContentType.objects.get_for_model(lavrov)  # cached once per process
    others = PublicationFactory.create_batch(3, series=lavrov.series)
    for number, item in enumerate(others):
        with django_assert_num_queries(2):  # the loop check, the write
            redirect_to(f"https://old.rsis.example/?p={number}", target=item, source="import")
        with django_assert_num_queries(2):
            redirect_to(f"/2021/06/post-{number}/", target=item, source="import")
    assert Redirect.objects.count() == 6


def test_forget(db):
    redirect_to("/old/", path="/new/")
    assert forget("https://www.rsis.example/old/") is True
    assert forget("/old/") is False
    assert not Redirect.objects.exists()
