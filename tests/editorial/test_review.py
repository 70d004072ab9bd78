"""The review conversation: submitted, sent back with comments, submitted again, approved; told
by email and on the dashboard, kept with the item and in the activity list."""

import logging

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse
from reversion.models import Revision

from editorial import review
from editorial.models import ReviewComment, ReviewRequest

from ..factories import EventFactory, MediaItemFactory, PublicationFactory, logged_in, member_of

ACTIVITY = reverse("admin:reversion_revision_changelist")


@pytest.fixture(autouse=True)
def site_address(settings):
    settings.SITE_URL = "https://www.rsis.example"


def named(user, first, last, email):
    user.first_name, user.last_name, user.email = first, last, email
    user.save()
    return user


@pytest.fixture
def author(contributor):
    return named(contributor, "Aisha", "Rahman", "aisha@rsis.example")


@pytest.fixture
def first_editor(editor):
    return named(editor, "Eda", "Lim", "eda@rsis.example")


@pytest.fixture
def second_editor(db):
    return named(member_of("Editor", username="second"), "Ben", "Ong", "ben@rsis.example")


@pytest.fixture
def draft(author, commentaries):
    return PublicationFactory(
        series=commentaries,
        title="Maritime law in the straits",
        status="draft",
        published_at=None,
        created_by=author,
    )


def change_url(item):
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])


def review_url(name, item):
    opts = item._meta
    return reverse(
        f"admin:editorial_reviewrequest_{name}", args=[opts.app_label, opts.model_name, item.pk]
    )


def panel(response, title):
    for entry in response.context["dashboard"]:
        if entry["title"] == title:
            return entry["rows"]
    raise AssertionError(f"no panel {title}")


def titles(response, title):
    return [row.title for row in panel(response, title)]


def submit(item, by, capture, **kwargs):
    with capture(execute=True):
        return review.submit_for_review(item=item, by=by, **kwargs)


def test_submitting_asks_every_editor_by_email_after_the_save(
    author, first_editor, second_editor, administrator, draft, django_capture_on_commit_callbacks
):
    named(administrator, "Ada", "Min", "ada@rsis.example")
    member_of("Editor", username="no-address")  # an editor without an address gets nothing
    with django_capture_on_commit_callbacks() as pending:
        review.submit_for_review(item=draft, by=author, note="Ready for a look.")
        assert mail.outbox == []  # nothing leaves before the change is saved
    for callback in pending:
        callback()
    draft.refresh_from_db()
    assert draft.status == "review"
    assert sorted(message.to[0] for message in mail.outbox) == [
        "ada@rsis.example",
        "ben@rsis.example",
        "eda@rsis.example",
    ]
    assert all(len(message.to) == 1 for message in mail.outbox)
    message = mail.outbox[0]
    assert message.subject == "Please review: “Maritime law in the straits”"
    assert "Aisha Rahman asks the editors to review the publication" in message.body
    assert "Ready for a look." in message.body
    assert f"https://www.rsis.example{change_url(draft)}" in message.body


def test_a_chosen_reviewer_alone_is_asked(
    author, first_editor, second_editor, draft, django_capture_on_commit_callbacks
):
    submit(draft, author, django_capture_on_commit_callbacks, reviewer=second_editor)
    assert [message.to for message in mail.outbox] == [["ben@rsis.example"]]
    assert "asks you to review" in mail.outbox[0].body
    chosen = logged_in(second_editor).get("/admin/")
    assert titles(chosen, "Waiting for my review") == ["Maritime law in the straits"]
    other = logged_in(first_editor).get("/admin/")
    assert titles(other, "Waiting for my review") == []
    # Every editor still sees what awaits review.
    assert titles(other, "Awaiting review") == ["Maritime law in the straits"]


def test_only_an_editor_may_be_chosen(author, draft, django_capture_on_commit_callbacks):
    colleague = member_of("Contributor", username="colleague")
    with pytest.raises(ValidationError, match="cannot review this item"):
        submit(draft, author, django_capture_on_commit_callbacks, reviewer=colleague)
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert not ReviewRequest.objects.exists() and mail.outbox == []


def test_a_published_item_is_not_taken_off_by_a_submission(author, commentaries):
    published = PublicationFactory(series=commentaries, created_by=author)
    with pytest.raises(ValidationError):
        review.submit_for_review(item=published, by=author)
    published.refresh_from_db()
    assert published.status == "published"


def test_send_back_resubmit_and_approve(
    author,
    first_editor,
    second_editor,
    draft,
    contributor_client,
    editor_client,
    django_capture_on_commit_callbacks,
):
    submit(draft, author, django_capture_on_commit_callbacks, note="First go.")
    waiting = editor_client.get("/admin/")
    assert titles(waiting, "Waiting for my review") == ["Maritime law in the straits"]
    assert panel(waiting, "Waiting for my review")[0].detail == (
        "Aisha Rahman asked every editor: “First go.”"
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            review_url("send_back", draft), {"review_comment": "The summary needs a source."}
        )
    assert response.status_code == 302
    assert response["Location"] == change_url(draft)
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert [message.to for message in mail.outbox] == [["aisha@rsis.example"]]
    told = mail.outbox[0]
    assert told.subject == "Sent back with comments: “Maritime law in the straits”"
    assert "Eda Lim sent the publication “Maritime law in the straits” back" in told.body
    assert "The summary needs a source." in told.body

    mine = contributor_client.get("/admin/")
    assert titles(mine, "Sent back to me") == ["Maritime law in the straits"]
    assert panel(mine, "Sent back to me")[0].detail == "Eda Lim: “The summary needs a source.”"
    assert "The summary needs a source." in mine.content.decode()
    assert titles(editor_client.get("/admin/"), "Waiting for my review") == []
    told_page = contributor_client.get(change_url(draft)).content.decode()
    assert "Sent back by Eda Lim on " in told_page
    assert "Make the changes, then submit it for review again." in told_page

    # The author answers and submits again.
    contributor_client.post(review_url("comment", draft), {"review_comment": "Source added."})
    submit(draft, author, django_capture_on_commit_callbacks)
    assert titles(contributor_client.get("/admin/"), "Sent back to me") == []
    assert titles(editor_client.get("/admin/"), "Waiting for my review") == [
        "Maritime law in the straits"
    ]

    page = contributor_client.get(change_url(draft)).content.decode()
    conversation = page[page.index('id="review-panel"') :]
    for line in (
        "Submitted for review",
        "First go.",
        "Sent back with comments",
        "The summary needs a source.",
        "Source added.",
        "Waiting for review by every editor since",
    ):
        assert line in conversation
    assert conversation.index("First go.") < conversation.index("Source added.")
    assert "Send back with comments" not in conversation  # not offered to a contributor

    # An editor publishes it (the publishing buttons' part), then the approval is recorded.
    draft.status = "published"
    draft.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        review.record_approval(item=draft, by=first_editor, comment="Well argued.")
    assert [message.to for message in mail.outbox] == [["aisha@rsis.example"]]
    assert "approved the publication" in mail.outbox[0].body
    assert "it is published" in mail.outbox[0].body
    assert list(ReviewRequest.objects.values_list("state", flat=True)) == [
        "approved",
        "sent_back",
    ]
    kinds = list(ReviewComment.objects.values_list("kind", flat=True))
    assert kinds == ["submitted", "sent_back", "comment", "submitted", "approved"]

    history = editor_client.get(reverse("admin:publications_publication_history", args=[draft.pk]))
    html = history.content.decode()
    assert "Review and sharing" in html
    assert "The summary needs a source." in html and "Well argued." in html

    activity = editor_client.get(ACTIVITY).content.decode()
    assert "Submitted for review, asking every editor." in activity
    assert "Sent back with comments: “The summary needs a source.”" in activity
    assert "Approved and published. Comment: “Well argued.”" in activity
    assert "Publication: Maritime law in the straits" in activity


def test_a_scheduled_approval_says_when(
    author, first_editor, draft, django_capture_on_commit_callbacks
):
    import datetime

    from django.utils import timezone

    submit(draft, author, django_capture_on_commit_callbacks)
    draft.status = "scheduled"
    draft.published_at = timezone.make_aware(datetime.datetime(2031, 12, 3, 14, 5))
    draft.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        review.record_approval(item=draft, by=first_editor)
    assert "it is scheduled for 3 Dec 2031, 14:05." in mail.outbox[0].body


def test_forged_send_back_is_refused(
    author, draft, contributor_client, django_capture_on_commit_callbacks
):
    submit(draft, author, django_capture_on_commit_callbacks)
    response = contributor_client.post(
        review_url("send_back", draft), {"review_comment": "Sending my own back."}
    )
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == "review"
    assert not ReviewComment.objects.filter(kind="sent_back").exists()


def test_someone_elses_draft_takes_no_comment(draft, db):
    stranger = logged_in(member_of("Contributor", username="stranger"))
    response = stranger.post(review_url("comment", draft), {"review_comment": "Hello"})
    assert response.status_code == 403
    assert not ReviewComment.objects.exists()


def test_visitors_are_sent_to_log_in(visitor, draft):
    response = visitor.post(review_url("send_back", draft), {"review_comment": "No."})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not ReviewComment.objects.exists()


@pytest.mark.parametrize(
    "kwargs",
    [
        {"app_label": "publications", "model_name": "publication", "pk": "999999"},
        {"app_label": "publications", "model_name": "publication", "pk": "12abc"},
        {"app_label": "publications", "model_name": "publication", "pk": "9" * 40},
        {"app_label": "publications", "model_name": "series", "pk": "1"},
        {"app_label": "nothing", "model_name": "here", "pk": "1"},
    ],
)
def test_unknown_items_are_not_found(editor_client, kwargs):
    url = reverse("admin:editorial_reviewrequest_comment", kwargs=kwargs)
    assert editor_client.post(url, {"review_comment": "Hello"}).status_code == 404


def test_only_posts_are_taken(editor_client, draft):
    assert editor_client.get(review_url("comment", draft)).status_code == 405
    assert editor_client.get(review_url("send_back", draft)).status_code == 405


def test_bad_send_backs_change_nothing(
    author, draft, editor_client, django_capture_on_commit_callbacks
):
    # Not waiting for review yet.
    response = editor_client.post(
        review_url("send_back", draft), {"review_comment": "No."}, follow=True
    )
    assert "not waiting for review" in response.content.decode()
    submit(draft, author, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    # No comment.
    response = editor_client.post(
        review_url("send_back", draft), {"review_comment": "  "}, follow=True
    )
    assert "Write what needs changing" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == "review"
    assert mail.outbox == []
    assert list(ReviewComment.objects.values_list("kind", flat=True)) == ["submitted"]


def test_the_panel_script_gets_the_panel_back(draft, contributor_client):
    headers = {"X-Review-Panel": "1"}
    added = contributor_client.post(
        review_url("comment", draft), {"review_comment": "A <b>bold</b> note."}, headers=headers
    )
    assert added.status_code == 200
    html = added.content.decode()
    assert html.lstrip().startswith("<section") or 'id="review-panel"' in html
    assert "A &lt;b&gt;bold&lt;/b&gt; note." in html  # shown as typed, never as markup
    assert "Your comment was added" in html
    empty = contributor_client.post(
        review_url("comment", draft), {"review_comment": ""}, headers=headers
    )
    assert empty.status_code == 400
    assert "Write a comment first." in empty.content.decode()
    assert ReviewComment.objects.count() == 1


def test_a_comment_from_the_author_tells_the_reviewer(
    author,
    second_editor,
    first_editor,
    draft,
    contributor_client,
    django_capture_on_commit_callbacks,
):
    submit(draft, author, django_capture_on_commit_callbacks, reviewer=second_editor)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        contributor_client.post(review_url("comment", draft), {"review_comment": "Any news?"})
    assert [message.to for message in mail.outbox] == [["ben@rsis.example"]]
    assert mail.outbox[0].subject == "New comment on “Maritime law in the straits”"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        logged_in(second_editor).post(review_url("comment", draft), {"review_comment": "Soon."})
    assert [message.to for message in mail.outbox] == [["aisha@rsis.example"]]


def test_events_and_media_items_are_reviewed_too(
    author, first_editor, editor_client, django_capture_on_commit_callbacks
):
    event = EventFactory(title="Seminar on ports", status="draft", created_by=author)
    clip = MediaItemFactory(title="Interview on ports", status="draft", created_by=author)
    submit(event, author, django_capture_on_commit_callbacks)
    submit(clip, author, django_capture_on_commit_callbacks)
    assert set(titles(editor_client.get("/admin/"), "Waiting for my review")) == {
        "Seminar on ports",
        "Interview on ports",
    }
    response = editor_client.post(review_url("send_back", event), {"review_comment": "Venue?"})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == "draft"
    page = editor_client.get(change_url(clip)).content.decode()
    assert "Send back with comments" in page


class FailingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("The mail server is down.")


def test_a_mail_server_that_fails_undoes_nothing(
    author, first_editor, draft, editor_client, settings, caplog, django_capture_on_commit_callbacks
):
    submit(draft, author, django_capture_on_commit_callbacks)
    settings.EMAIL_BACKEND = "tests.editorial.test_review.FailingBackend"
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(review_url("send_back", draft), {"review_comment": "Fix."})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert "The mail server is down." in caplog.text


def test_each_step_is_a_line_of_its_own_in_the_activity(
    author, draft, django_capture_on_commit_callbacks
):
    submit(draft, author, django_capture_on_commit_callbacks)
    revision = Revision.objects.get()
    assert revision.user == author
    assert [version.object_repr for version in revision.version_set.all()] == [
        "Submitted for review"
    ]
