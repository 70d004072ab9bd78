"""The pages and parts of pages that teach editors what to fix pass axe-core's WCAG 2.2 AA
rules: the findings under an item's fields, the list of broken links, the picture window with
its upload form, and a share link's address with its copy button."""

import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from editorial import sharing
from tests.factories import PublicationFactory, UserFactory, jpeg_bytes

from .test_accessibility import AXE, WCAG_TAGS, axe_browser  # noqa: F401 - fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def violations(page, selector):
    """axe-core's WCAG violations inside the elements ``selector`` finds, one line each."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "([selector, tags]) => axe.run({include: [selector]}, "
        "{runOnly: {type: 'tag', values: tags}})",
        [selector, WCAG_TAGS],
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + json.dumps([node["target"] for node in v["nodes"]][:5])
        for v in result["violations"]
    ]


def test_the_pages_that_teach_editors_have_no_wcag_violations(
    live_server,
    site_facts,
    axe_browser,  # noqa: F811 - the fixture
    sign_in,
):
    editor = UserFactory(is_staff=True, is_superuser=True, username="chief")
    picture = "/media-files/" + default_storage.save("library/x.jpg", ContentFile(jpeg_bytes()))
    gone = PublicationFactory(slug="gone", code="CO21002", status="withdrawn")
    item = PublicationFactory(
        series=gone.series,
        status="draft",
        code=None,
        published_at=None,
        synopsis="",
        body=(
            "<h3>Start</h3><p>See <a href='/p/CO21002/'>here</a>.</p>"
            f"<img src='{picture}' alt='IMG_1234'><table><tr><td>1</td></tr></table>"
        ),
    )
    PublicationFactory(series=gone.series, body="<p><a href='/p/CO21002/'>Old piece</a></p>")
    link = sharing.share_link_create(item=item, user=editor, days=3, note="Prof. Tan")
    checks = {
        f"/admin/publications/publication/{item.pk}/change/": ".check-findings",
        "/admin/editorial/broken-links/": "body",
        "/admin/library/image/picker/?CKEditorFuncNum=1": "body",
        f"/admin/editorial/sharelink/{link.pk}/change/": ".copy-link",
    }
    page = sign_in("chief")
    failures = {}
    for path, selector in checks.items():
        page.goto(live_server.url + path)
        assert page.locator(selector).count(), f"nothing to check on {path}"
        found = violations(page, selector)
        if found:
            failures[path] = found
    assert failures == {}
