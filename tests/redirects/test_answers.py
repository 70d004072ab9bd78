"""What visitors get at an old address: 301 to where the content is now, or 410 Gone; and that
pages found cost nothing more."""

import datetime

import pytest
from django.utils import timezone

from publications import services as publishing
from redirects.models import Redirect
from redirects.services import redirect_to

LAVROV = "/publications/commentaries/russia-and-asean/"


def test_old_path_answers_301_to_the_item(visitor, lavrov):
    redirect_to("https://old.rsis.example/2021/06/my-post/", target=lavrov, source="import")

    response = visitor.get("/2021/06/my-post/?utm_source=feed")

    assert response.status_code == 301
    assert response["Location"] == LAVROV  # the visitor's query is not passed on
    assert visitor.get(response["Location"]).status_code == 200


def test_old_path_is_found_with_or_without_its_slash(visitor, lavrov):
    redirect_to("/2021/06/my-post/", target=lavrov)
    redirect_to("/old-page.html", path="/publications/")

    assert visitor.get("/2021/06/my-post")["Location"] == LAVROV
    assert visitor.get("/old-page.html/")["Location"] == "/publications/"
    assert visitor.get("/old-page.html")["Location"] == "/publications/"


def test_redirect_follows_the_item_after_it_moves_again(visitor, lavrov):
    redirect_to("/2021/06/my-post/", target=lavrov)
    lavrov.slug = "russia-and-southeast-asia"
    lavrov.save()

    response = visitor.get("/2021/06/my-post/")

    assert response["Location"] == "/publications/commentaries/russia-and-southeast-asia/"
    # The address it had before also leads to it, in one step.
    assert visitor.get(LAVROV)["Location"] == response["Location"]


@pytest.mark.parametrize(
    "old",
    ["/?p=123", "/?page_id=7", "/?cat=5", "/?tag=asean", "/?attachment_id=9", "/?author=2"],
)
def test_wordpress_query_addresses_answer_301(visitor, lavrov, old):
    redirect_to(old, target=lavrov)

    response = visitor.get(f"{old}&utm_medium=email")

    assert response.status_code == 301
    assert response["Location"] == LAVROV


def test_wordpress_query_through_index_php(visitor, lavrov):
    redirect_to("/?p=123", target=lavrov)
    assert visitor.get("/index.php?p=123")["Location"] == LAVROV


def test_unknown_wordpress_query_gets_the_home_page_never_cached(visitor, lavrov, settings):
    settings.PAGE_CACHE_SECONDS = 300
    response = visitor.get("/?p=999")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    redirect_to("/?p=999", target=lavrov)
    assert visitor.get("/?p=999")["Location"] == LAVROV


def test_redirect_to_the_home_page_from_a_wordpress_query(visitor, site_facts):
    redirect_to("/?page_id=2", path="/")
    assert visitor.get("/?page_id=2")["Location"] == "/"


def test_a_live_page_is_never_redirected(visitor, lavrov, pages):
    Redirect.objects.create(old_path="/about-rsis/", target_path="/publications/")
    assert visitor.get("/about-rsis/").status_code == 200


def test_gone_answers_410_with_a_page(visitor, site_facts):
    redirect_to("/2019/01/removed/", status=410)

    response = visitor.get("/2019/01/removed/")

    assert response.status_code == 410
    html = response.content.decode()
    assert "<h1>This page has been removed</h1>" in html
    assert 'class="site-header"' in html  # the site's own page, with its menu
    assert "Content-Security-Policy" in response


def test_visits_are_counted(visitor, lavrov):
    redirect_to("/old/", target=lavrov)
    redirect_to("/gone/", status=410)
    before = timezone.now()

    for _ in range(3):
        visitor.get("/old/")
    visitor.get("/gone/")

    counts = dict(Redirect.objects.values_list("old_path", "hits"))
    assert counts == {"/old/": 3, "/gone/": 1}
    assert Redirect.objects.get(old_path="/old/").last_hit_at >= before


def test_a_redirect_that_would_loop_answers_404(visitor, site_facts):
    # Only a row written around the checks could do this.
    Redirect.objects.create(old_path="/loop/", target_path="/loop")
    Redirect.objects.create(old_path="/away/", target_path="//evil.example/")

    assert visitor.get("/loop/").status_code == 404
    assert visitor.get("/away/").status_code == 404
    assert Redirect.objects.filter(hits__gt=0).count() == 0


def test_redirect_to_a_deleted_item_answers_404(visitor, lavrov):
    redirect_to("/old/", target=lavrov)
    lavrov.delete()
    assert visitor.get("/old/").status_code == 404


def test_redirect_to_a_withdrawn_item_answers_410(visitor, lavrov):
    redirect_to("/old/", target=lavrov)
    publishing.publication_withdraw(publication=lavrov)
    assert visitor.get("/old/").status_code == 410


def test_redirect_to_an_item_not_yet_public_answers_404(visitor, lavrov):
    redirect_to("/old/", target=lavrov)
    publishing.publication_schedule(
        publication=lavrov, at=timezone.now() + datetime.timedelta(days=1)
    )
    assert visitor.get("/old/").status_code == 404


def test_pages_found_cost_no_query(visitor, lavrov, pages, django_assert_num_queries):
    redirect_to("/old/", target=lavrov)
    addresses = ["/", "/?utm_source=feed", "/about-rsis/introduction/", LAVROV]
    for address in addresses:
        assert visitor.get(address).status_code == 200  # warms the content cache
    for address in addresses:
        with django_assert_num_queries(0):
            assert visitor.get(address).status_code == 200


def test_a_page_not_found_costs_one_query_more(visitor, site_facts, django_assert_num_queries):
    visitor.get("/no-such-page/")
    with django_assert_num_queries(1):
        assert visitor.get("/no-such-page/").status_code == 404


@pytest.mark.parametrize("address", ["/%00/", "/a%0A/", "/a%5Cb/", "/" + "x" * 700 + "/"])
def test_addresses_that_cannot_be_kept_are_not_looked_up(
    visitor, site_facts, address, django_assert_num_queries
):
    visitor.get("/no-such-page/")
    with django_assert_num_queries(0):
        assert visitor.get(address).status_code == 404
