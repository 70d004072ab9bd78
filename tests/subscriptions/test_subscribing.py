"""Subscribing by email without an account: the page, double opt-in through a real SMTP
server, the same answer for every address, throttling, managing and leaving."""

import datetime

import pytest
from django.core.cache import cache

from subscriptions.models import Consent, Subscriber

from .conftest import html_of, links, text_of

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 5, 4, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()


def ask(client, capture, email="reader@example.org", **choices):
    data = {"email": email, "frequency": "each", "source": "/publications/commentaries/"}
    data.update(choices)
    with capture(execute=True):
        return client.post("/subscribe/", data)


def test_the_page_ticks_what_the_link_names(client, commentaries, region, author,
                                            django_assert_max_num_queries):  # fmt: skip
    top, southeast = region
    query = ("?series=commentaries&category=country-and-region-studies/southeast-asia-and-asean"
             "&author=chris-cheang&events=1&from=/staff/chris-cheang/")  # fmt: skip
    client.get("/subscribe/")  # the menu and the site's facts are then cached
    # The series, categories, and the author and tag named by the link.
    with django_assert_max_num_queries(6):
        page = client.get(f"/subscribe/{query}")
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    form = page.context["form"]
    assert [s.slug for s in form.initial["series"]] == ["commentaries"]
    assert form.initial["categories"] == [southeast.pk]
    assert form.initial["events"] is True
    html = page.content.decode()
    assert "Country and Region Studies › Southeast Asia and ASEAN" in html
    assert "Chris Cheang" in html  # offered because the link names him
    assert 'value="/staff/chris-cheang/"' in html


@pytest.mark.parametrize(
    "query",
    ["?series=nope", "?category=../../etc", "?author=" + "x" * 5000, "?tag=%00", "?all=yes",
     "?series=" + "&series=".join(["a"] * 500)],
)  # fmt: skip
def test_bad_links_show_the_page_without_them(client, commentaries, query):
    page = client.get(f"/subscribe/{query}")
    assert page.status_code == 200
    assert page.context["form"].initial["series"] == []


def test_double_opt_in_through_a_real_mail_server(client, smtp, commentaries,
                                                  django_capture_on_commit_callbacks):  # fmt: skip
    answer = ask(client, django_capture_on_commit_callbacks, series=[commentaries.pk])
    assert answer.status_code == 200
    assert "Check your inbox" in answer.content.decode()
    assert not Subscriber.objects.exists()  # nothing kept before confirmation
    [message] = smtp.to("reader@example.org")
    assert message["Subject"] == "Confirm your subscription to RSIS"
    assert "series: Commentaries" in text_of(message)
    assert "Confirm my subscription" in html_of(message)
    token = links(message)["confirm"]

    page = client.get(f"/subscribe/confirm/{token}/")  # a mail scanner's visit changes nothing
    assert page.status_code == 200 and not Subscriber.objects.exists()
    done = client.post(f"/subscribe/confirm/{token}/")
    assert done.status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "reader@example.org"
    assert list(subscriber.series.all()) == [commentaries]
    consent = subscriber.consents.get()
    assert consent.action == Consent.Action.SUBSCRIBED
    assert consent.source == "/publications/commentaries/"
    assert "series: Commentaries" in consent.choices

    again = client.post(f"/subscribe/confirm/{token}/")  # replayed
    assert again.status_code == 410
    assert Consent.objects.count() == 1


def test_tampered_and_expired_links_do_not_work(client, smtp, commentaries, time_machine,
                                                django_capture_on_commit_callbacks):  # fmt: skip
    time_machine.move_to(NOW, tick=False)
    ask(client, django_capture_on_commit_callbacks, series=[commentaries.pk])
    token = links(smtp.messages[0])["confirm"]
    tampered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    assert client.post(f"/subscribe/confirm/{tampered}/").status_code == 404
    assert client.get(f"/subscribe/confirm/{'x' * 3000}/").status_code == 404
    time_machine.move_to(NOW + datetime.timedelta(days=3, minutes=1))
    expired = client.post(f"/subscribe/confirm/{token}/")
    assert expired.status_code == 410
    assert "expire" in expired.content.decode()
    assert not Subscriber.objects.exists()


def test_known_and_unknown_addresses_get_the_same_answer(
    client, smtp, commentaries, django_capture_on_commit_callbacks
):
    ask(client, django_capture_on_commit_callbacks, series=[commentaries.pk])
    client.post(f"/subscribe/confirm/{links(smtp.messages[0])['confirm']}/")
    known = ask(client, django_capture_on_commit_callbacks, series=[commentaries.pk])
    unknown = ask(client, django_capture_on_commit_callbacks, email="other@example.org",
                  series=[commentaries.pk])  # fmt: skip
    assert known.status_code == unknown.status_code == 200
    same = known.content.decode().replace("reader@example.org", "ADDRESS")
    assert same == unknown.content.decode().replace("other@example.org", "ADDRESS")


def test_the_form_cannot_flood_an_inbox(client, smtp, commentaries,
                                        django_capture_on_commit_callbacks):  # fmt: skip
    for _ in range(5):
        answer = ask(client, django_capture_on_commit_callbacks, series=[commentaries.pk])
        assert answer.status_code == 200 and "Check your inbox" in answer.content.decode()
    assert len(smtp.to("reader@example.org")) == 3  # per address
    for number in range(10):
        ask(client, django_capture_on_commit_callbacks, email=f"r{number}@example.org",
            series=[commentaries.pk])  # fmt: skip
    assert len(smtp.messages) == 10  # per client: 10 in the hour, whatever the addresses


@pytest.mark.parametrize(
    "data",
    [{"email": "not an address", "all": "on"}, {"email": "a@example.org"},
     {"email": "a@example.org", "everything": "on", "frequency": "hourly"},
     {"email": "a@example.org", "series": ["999999"]}, {"email": "a@example.org",
      "authors": ["abc"], "everything": "on", "frequency": "each"}],
)  # fmt: skip
def test_bad_forms_are_answered_with_their_problems(client, smtp, data, commentaries):
    answer = client.post("/subscribe/", data)
    if answer.status_code == 200:  # a stray value ignored, the rest fine
        assert "Check your inbox" in answer.content.decode()
    else:
        assert answer.status_code == 400
        assert not smtp.messages


def subscribed(client, smtp, capture, **choices):
    ask(client, capture, **choices)
    client.post(f"/subscribe/confirm/{links(smtp.messages[-1])['confirm']}/")
    return Subscriber.objects.get(email="reader@example.org")


def test_managing_and_leaving_without_an_account(client, smtp, commentaries, policy_reports,
                                                 django_capture_on_commit_callbacks):  # fmt: skip
    from subscriptions import services

    subscriber = subscribed(client, smtp, django_capture_on_commit_callbacks,
                            series=[commentaries.pk])  # fmt: skip
    manage = f"/subscribe/manage/{services.manage_token(subscriber)}/"
    page = client.get(manage)
    assert page.status_code == 200
    answer = client.post(manage, {"series": [policy_reports.pk], "frequency": "weekly"})
    assert answer.status_code == 200 and "Saved" in answer.content.decode()
    subscriber.refresh_from_db()
    assert list(subscriber.series.all()) == [policy_reports]
    assert subscriber.frequency == "weekly"
    assert client.post(manage, {"frequency": "weekly"}).status_code == 400  # nothing chosen

    leave = f"/subscribe/leave/{services.leave_token(subscriber)}/"
    assert client.get(leave).status_code == 200  # a page with a button: a GET leaves nothing
    subscriber.refresh_from_db()
    assert subscriber.status == "active"
    # RFC 8058: the mail provider posts this body, without cookies or a CSRF token.
    one_click = client.post(leave, "List-Unsubscribe=One-Click",
                            content_type="application/x-www-form-urlencoded")  # fmt: skip
    assert one_click.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == "left" and subscriber.left_at is not None
    assert [c.action for c in subscriber.consents.all()] == ["subscribed", "changed", "left"]
    assert subscriber.consents.last().source == "one click"

    for bad in ("nope", services.manage_token(subscriber)[:-2] + "xx", "a" * 3000):
        assert client.get(f"/subscribe/manage/{bad}/").status_code == 404
        assert client.post(f"/subscribe/leave/{bad}/").status_code == 404


def test_pages_answer_only_their_methods(client, commentaries):
    assert client.put("/subscribe/").status_code == 405
    assert client.delete("/subscribe/confirm/abc/").status_code in (404, 405)


def test_the_personal_pages_have_query_budgets(client, smtp, commentaries, region, author,
                                               django_capture_on_commit_callbacks,
                                               django_assert_max_num_queries):  # fmt: skip
    from subscriptions import services

    subscriber = subscribed(client, smtp, django_capture_on_commit_callbacks,
                            series=[commentaries.pk], authors=[author.pk])  # fmt: skip
    ask(client, django_capture_on_commit_callbacks, email="new@example.org", everything="on")
    confirm = f"/subscribe/confirm/{links(smtp.messages[-1])['confirm']}/"
    manage = f"/subscribe/manage/{services.manage_token(subscriber)}/"
    leave = f"/subscribe/leave/{services.leave_token(subscriber)}/"
    client.get("/subscribe/")  # the menu and the site's facts are then cached
    for address, budget in ((confirm, 8), (manage, 8), (leave, 1)):
        with django_assert_max_num_queries(budget):
            assert client.get(address).status_code == 200
    with django_assert_max_num_queries(30):
        assert client.post(confirm).status_code == 200
