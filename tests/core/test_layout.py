import re

import pytest
from django.template.loader import render_to_string

from core.models import FooterLink, SiteSettings, SocialLink

pytestmark = pytest.mark.django_db


def test_home_shows_introduction_and_menu_entry_points(client, about_section):
    html = client.get("/").content.decode()

    assert '<h1 id="home-title">S. Rajaratnam School of International Studies</h1>' in html
    assert "brings together policy research and graduate teaching" in html
    explore = re.search(r'<section aria-labelledby="explore-title">.*?</section>', html, re.S)
    assert '<h3><a href="/about-rsis/">About RSIS</a></h3>' in explore.group(0)
    assert '<a href="/about-rsis/introduction/">Introduction</a>' in explore.group(0)


def test_layout_has_landmarks_skip_link_and_search_box(client, about_section):
    html = client.get("/about-rsis/").content.decode()

    assert '<a class="skip-link" href="#main">Skip to content</a>' in html
    assert '<main id="main"' in html
    assert '<nav class="main-nav" aria-label="Main">' in html
    assert '<form class="search-form" role="search" action="/search/" method="get">' in html
    assert '<footer class="site-footer">' in html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert '<link rel="canonical" href="http://testserver/about-rsis/">' in html


def test_footer_shows_site_facts_from_the_settings(client, about_section):
    html = client.get("/").content.decode()
    footer = re.search(r'<footer class="site-footer">.*?</footer>', html, re.S).group(0)

    assert "Block S4, Level B3,<br>50 Nanyang Avenue,<br>Singapore 639798" in footer
    assert 'href="https://www.facebook.com/rsis.ntu"' in footer
    assert 'href="https://www.instagram.com/rsis.sg/"' in footer
    assert '<a href="/terms-of-use/">Terms of Use</a>' in footer
    assert '<a href="/privacy-statement/">Privacy Statement</a>' in footer
    assert '<a class="back-to-top" href="#top">Back to top</a>' in footer
    assert "Copyright © S. Rajaratnam School of International Studies." in footer


def test_cookie_notice_is_rendered_hidden_until_script_checks_consent(client, about_section):
    html = client.get("/").content.decode()

    assert '<div class="cookie-notice" data-cookie-notice hidden' in html
    assert '<a href="/privacy-statement/">Learn more about how we use cookies</a>' in html
    assert '<button type="button" data-cookie-accept>OK</button>' in html


def test_editing_site_settings_in_the_admin_updates_every_page(visitor, staff_client, site_facts):
    visitor.get("/")
    settings_row = SiteSettings.load()
    data = {
        field: getattr(settings_row, field)
        for field in [
            "name", "short_name", "tagline", "parent_institution", "introduction", "address",
            "map_url", "directions_url", "email", "copyright_holder", "cookie_notice",
            "cookie_policy_url",
        ]
    }  # fmt: skip
    data["address"] = "1 New Street\nSingapore 000001"

    response = staff_client.post("/admin/core/sitesettings/1/change/", data)

    assert response.status_code == 302
    assert "1 New Street<br>Singapore 000001<br>" in visitor.get("/").content.decode()


def test_adding_and_removing_footer_and_social_links_refreshes_the_footer(client, site_facts):
    client.get("/")
    FooterLink.objects.create(group="subscribe", label="Subscribe by RSS", url="/feeds/all/")
    html = client.get("/").content.decode()
    assert '<a href="/feeds/all/">Subscribe by RSS</a>' in html

    SocialLink.objects.filter(network="facebook").delete()
    assert "facebook.com" not in client.get("/").content.decode()


def test_footer_link_rejects_unsafe_addresses(staff_client, site_facts):
    response = staff_client.post(
        "/admin/core/footerlink/add/",
        {"group": "legal", "label": "Bad", "url": "javascript:alert(1)", "order": 0},
    )

    assert response.status_code == 200
    assert "Enter a path on this site" in response.content.decode()
    assert not FooterLink.objects.filter(label="Bad").exists()


def test_site_settings_cannot_be_added_twice_or_deleted(staff_client, site_facts):
    assert staff_client.get("/admin/core/sitesettings/add/").status_code == 403
    assert staff_client.get("/admin/core/sitesettings/1/delete/").status_code == 403


def test_not_found_page_uses_the_site_layout(client, about_section):
    response = client.get("/nothing-here/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert '<nav class="main-nav" aria-label="Main">' in html


def test_server_error_page_renders_without_a_request_or_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")

    assert "<h1>Something went wrong</h1>" in html


def test_security_headers_on_public_pages(client, about_section):
    response = client.get("/")

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
