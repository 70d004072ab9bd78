import re

import pytest

from navigation.models import MenuItem
from tests.factories import MenuItemFactory

pytestmark = pytest.mark.django_db


def breadcrumb_labels(html):
    trail = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    return [re.sub(r"<[^>]+>", "", li).strip() for li in re.findall(r"<li.*?</li>", trail, re.S)]


def test_content_page_renders_at_its_tree_path(client, about_section):
    response = client.get("/about-rsis/introduction/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Introduction</h1>" in html
    assert "<p>Body of Introduction.</p>" in html
    assert breadcrumb_labels(html) == ["Home", "About RSIS", "Introduction"]


def test_content_page_shows_its_section_menu_with_current_item(client, about_section):
    html = client.get("/about-rsis/welcome-message/").content.decode()

    aside = re.search(r'<aside class="section-menu".*?</aside>', html, re.S).group(0)
    assert '<a href="/about-rsis/">About RSIS</a>' in aside
    assert '<a href="/about-rsis/introduction/">Introduction</a>' in aside
    assert '<a href="/about-rsis/welcome-message/" aria-current="page">Welcome Message</a>' in aside


def test_section_page_lists_its_children(client, about_section):
    html = client.get("/about-rsis/").content.decode()

    assert breadcrumb_labels(html) == ["Home", "About RSIS"]
    assert '<h2><a href="/about-rsis/introduction/">Introduction</a></h2>' in html
    assert "<p>About Welcome Message.</p>" in html


def test_menu_marks_current_item_and_its_ancestors(client, about_section):
    html = client.get("/about-rsis/introduction/").content.decode()
    intro, about = about_section["intro"], about_section["about"]

    assert f'data-mid="{intro.pk}" data-active aria-current="page">Introduction<' in html
    assert f'data-mid="{about.pk}" data-active>About RSIS<' in html
    assert html.count('aria-current="page"') == 3  # menu, section menu, breadcrumb


def test_unpublished_page_and_its_descendants_are_not_found(client, about_section):
    about = about_section["about"]
    about.published = False
    about.save()

    assert client.get("/about-rsis/").status_code == 404
    assert client.get("/about-rsis/introduction/").status_code == 404
    home_html = client.get("/").content.decode()
    assert "About RSIS" not in home_html
    assert "/about-rsis/introduction/" not in home_html


def test_page_outside_the_menu_is_reachable_but_not_listed(client, about_section):
    response = client.get("/terms-of-use/")

    assert response.status_code == 200
    assert "<h1>Terms of Use</h1>" in response.content.decode()
    menu = re.search(r'<ul class="menu".*?</ul>\s*</div>\s*</nav>', response.content.decode(), re.S)
    assert "Terms of Use" not in menu.group(0)


def test_section_and_outside_links_are_not_pages(client, about_section):
    MenuItemFactory(title="Elsewhere", slug="elsewhere", kind="url", url="https://example.org/")

    assert client.get("/home/").status_code == 404
    assert client.get("/elsewhere/").status_code == 404
    html = client.get("/").content.decode()
    assert 'href="https://example.org/"' in html


@pytest.mark.parametrize(
    "path",
    [
        "/no-such-page/",
        "/about-rsis/no-such-child/",
        "/about-rsis/introduction/extra/",
        "/" + "a/" * 2000,
        "/" + "x" * 5000 + "/",
        "/caf%C3%A9/%E2%9C%93/",
        "/about-rsis%00/",
        "/%00/",
        "/about-rsis/%2e%2e/",
        "/%ff%fe/",
        "/<script>alert(1)</script>/",
        "/'; DROP TABLE navigation_menuitem; --/",
    ],
)
def test_bad_paths_are_not_found_never_an_error(client, about_section, path):
    response = client.get(path)

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert MenuItem.objects.count() == 5


def test_path_without_trailing_slash_redirects(client, about_section):
    response = client.get("/about-rsis/introduction")

    assert response.status_code == 301
    assert response["Location"] == "/about-rsis/introduction/"


def test_content_page_query_count_does_not_grow_with_the_menu(
    client, about_section, django_assert_max_num_queries
):
    client.get("/about-rsis/introduction/")  # warm the caches
    with django_assert_max_num_queries(1):
        assert client.get("/about-rsis/introduction/").status_code == 200

    for n in range(150):
        MenuItemFactory(parent=about_section["about"] if n % 2 else None)
    client.get("/about-rsis/introduction/")
    with django_assert_max_num_queries(1):
        assert client.get("/about-rsis/introduction/").status_code == 200


def test_content_page_cold_cache_query_count_is_bounded(
    client, about_section, django_assert_max_num_queries
):
    for _ in range(100):
        MenuItemFactory(parent=about_section["about"])
    # Cold caches: 3 for the site facts, 4 for the menu and its section links, 1 for the page.
    with django_assert_max_num_queries(8):
        assert client.get("/about-rsis/introduction/").status_code == 200


def test_body_is_sanitised_on_save(about_section):
    page = about_section["intro"]
    page.body = (
        '<p onclick="steal()">Hi<script>alert(1)</script></p>'
        '<a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)>'
        '<iframe src="https://evil.example"></iframe><p style="color:red">styled</p>'
    )
    page.save()
    page.refresh_from_db()

    assert page.body == ('<p>Hi</p><a rel="noopener noreferrer">x</a><img><p>styled</p>')
