"""Comparing two versions: rich text compared as the words readers see, never as HTML tags, and
times as they are shown, so that a time saved again unchanged is not marked as changed."""

import datetime
import re

from django.utils import timezone
from reversion import add_to_revision
from reversion.models import Version

from editorial.plain_text import plain_text
from editorial.versioning import separate_revision
from tests.factories import EventFactory, UserFactory

from .test_revisions import compare_url, save_through_admin


def rows(response):
    """``{field label: the HTML of its change}`` of the compare page."""
    page = response.content.decode()
    table = page.split('class="compare-changes"', 1)[1]
    return {
        label: change
        for label, change in re.findall(r'<th scope="row">([^<]*)</th>\s*(.*?)</tr>', table, re.S)
    }


def saved_outside_a_form(item):
    """A version of ``item`` as a list action or an import saves it, without a form."""
    with separate_revision(UserFactory(), "Saved by a list action."):
        add_to_revision(item)
    return Version.objects.get_for_object(item).order_by("-pk").first()


def test_rich_text_shows_the_word_changed_and_no_tag(staff_client, db):
    start = timezone.now().replace(microsecond=123456) + datetime.timedelta(days=3)
    event = EventFactory(
        status="draft",
        start=start,
        end=start + datetime.timedelta(hours=2),
        description="<h2>Programme</h2><p>The <em>old</em> argument, in <strong>two</strong> "
        'parts.</p><ul><li>Ports</li><li>Straits</li></ul><p><a href="https://example.org/r">'
        "The report</a></p>",
    )
    older = saved_outside_a_form(event)
    new_text = event.description.replace("<em>old</em>", "<em>new</em>")
    save_through_admin(staff_client, event, description=new_text)
    newer = Version.objects.get_for_object(event).order_by("-pk").first()

    response = staff_client.get(compare_url(event, older.revision_id, newer.revision_id))

    assert response.status_code == 200
    changes = rows(response)
    assert set(changes) == {"Description"}  # start and end read the same: not listed
    description = changes["Description"]
    assert "<del>old</del>" in description.replace("<del>old </del>", "<del>old</del>")
    assert "<ins>new" in description
    assert "&lt;" not in description and "<em>" not in description and "<p>" not in description
    assert "Programme" in description and "• Ports" in description
    assert "The report [link: https://example.org/r]" in description


def test_only_formatting_changed_is_said(staff_client, db):
    event = EventFactory(status="draft", description="<p>Ports matter.</p>")
    older = saved_outside_a_form(event)
    save_through_admin(staff_client, event, description="<p><strong>Ports</strong> matter.</p>")
    newer = Version.objects.get_for_object(event).order_by("-pk").first()

    response = staff_client.get(compare_url(event, older.revision_id, newer.revision_id))

    description = rows(response)["Description"]
    assert "Only the formatting changed" in description
    assert "<del>" not in description and "<ins>" not in description


def test_a_time_that_changed_is_shown_in_one_format(staff_client, db):
    start = timezone.make_aware(datetime.datetime(2026, 12, 3, 14, 5))
    event = EventFactory(status="draft", start=start, end=start + datetime.timedelta(hours=2))
    older = saved_outside_a_form(event)
    later = start + datetime.timedelta(minutes=30)
    event.start = later
    event.save()
    newer = saved_outside_a_form(event)

    response = staff_client.get(compare_url(event, older.revision_id, newer.revision_id))

    change = rows(response)["Starts" if "Starts" in rows(response) else "Start"]
    assert "<del>3 Dec 2026, 14:05</del>" in change
    assert "<ins>3 Dec 2026, 14:35</ins>" in change
    assert "p.m." not in response.content.decode()


def test_plain_text_keeps_words_pictures_and_tables():
    html = (
        '<p>A&nbsp;<a href="/p/CO21113/">short   link</a>.</p><figure><img src="/m/a.jpg" '
        'alt="A map"><figcaption>Routes</figcaption></figure><table><tr><th>Port</th>'
        "<th>Tonnes</th></tr><tr><td>Singapore</td><td>600</td></tr></table><p><img src='/m/b.jpg'>"
        "</p><pre>  kept  as is</pre>"
    )

    assert plain_text(html) == (
        "A\xa0short link [link: /p/CO21113/].\n[image: A map]\nRoutes\nPort | Tonnes\n"
        "Singapore | 600\n[image without alt text]\n  kept  as is"
    )
