import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from navigation.models import MenuItem

#: Every test user's password (what the browser journeys sign in with).
PASSWORD = "a-long-test-password"


class MenuItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MenuItem

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    kind = MenuItem.Kind.PAGE
    summary = factory.LazyAttribute(lambda o: f"About {o.title}.")
    body = factory.LazyAttribute(lambda o: f"<p>Body of {o.title}.</p>")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password(PASSWORD)


def jpeg_bytes(width=300, height=200, color=(120, 30, 60), exif=None):
    """A real JPEG image of the given size."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    image = Image.new("RGB", (width, height), color)
    image.save(buffer, format="JPEG", **({"exif": exif} if exif is not None else {}))
    return buffer.getvalue()


class StaffGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "staff.StaffGroup"

    name = factory.Sequence(lambda n: f"Group {n}")
    slug = factory.Sequence(lambda n: f"group-{n}")
    order = factory.Sequence(int)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "staff.Person"

    name = factory.Sequence(lambda n: f"Person {n:04d}")
    sort_name = factory.LazyAttribute(lambda o: o.name)
    slug = factory.Sequence(lambda n: f"person-{n}")
    position = "Research Fellow"
    short_bio = factory.LazyAttribute(lambda o: f"{o.name} is a Research Fellow.")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "staff.Membership"

    group = factory.SubFactory(StaffGroupFactory)
    person = factory.SubFactory(PersonFactory)


class CentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "research.Centre"

    name = factory.Sequence(lambda n: f"Centre {n}")
    acronym = factory.Sequence(lambda n: f"C{n}")
    slug = factory.Sequence(lambda n: f"centre-{n}")
    summary = factory.LazyAttribute(lambda o: f"What {o.name} studies.")
    description = "<p>Research on many things.</p>"


class SeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "publications.Series"
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Series {n}")
    item_name = factory.LazyAttribute(lambda o: f"RSIS {o.name}")
    slug = factory.Sequence(lambda n: f"series-{n}")
    code_prefix = factory.Sequence(lambda n: "S" + chr(65 + n // 26 % 26) + chr(65 + n % 26))
    disclaimer = factory.LazyAttribute(lambda o: f"Views in {o.name} are the authors' own.")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "publications.Category"

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")


class PublicationFactory(factory.django.DjangoModelFactory):
    """A published item with a code; pass status=... for others (no code unless given)."""

    class Meta:
        model = "publications.Publication"

    series = factory.SubFactory(SeriesFactory)
    title = factory.Sequence(lambda n: f"Publication {n}")
    slug = factory.Sequence(lambda n: f"publication-{n}")
    synopsis = factory.LazyAttribute(lambda o: f"What {o.title} argues.")
    body = factory.LazyAttribute(lambda o: f"<p>The text of {o.title}.</p>")
    publication_date = datetime.date(2021, 7, 26)
    status = "published"
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
    code = factory.LazyAttributeSequence(
        lambda o, n: f"{o.series.code_prefix}21{500 + n % 500:03d}" if o.status != "draft" else None
    )


class AuthorshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "publications.Authorship"

    publication = factory.SubFactory(PublicationFactory)
    person = factory.SubFactory(PersonFactory)
    order = factory.Sequence(int)


class ExternalPublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "publications.ExternalPublication"

    kind = "journal-articles"
    title = factory.Sequence(lambda n: f"Outside work {n}")
    byline = "Tan, A. and Lee, B."
    venue = "Journal of Examples"
    publisher = "Example Press"
    year = 2020
    url = factory.Sequence(lambda n: f"https://example.org/work/{n}")


class MediaItemFactory(factory.django.DjangoModelFactory):
    """A published media highlight (no page of its own); pass kind, body or embed_url for others."""

    class Meta:
        model = "newsroom.MediaItem"

    kind = "highlights"
    title = factory.Sequence(lambda n: f"Media item {n}")
    slug = factory.Sequence(lambda n: f"media-item-{n}")
    date = datetime.date(2021, 7, 12)
    outlet = "Example Times"
    original_title = factory.LazyAttribute(lambda o: f"Headline of {o.title}")
    url = factory.Sequence(lambda n: f"https://example.org/coverage/{n}")
    summary = factory.LazyAttribute(lambda o: f"What {o.title} reports.")
    status = "published"


class EventFactory(factory.django.DjangoModelFactory):
    """A published two-hour seminar on campus, a week from now unless ``start`` is given."""

    class Meta:
        model = "events.Event"

    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    kind = "seminar"
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    venue = "Seminar Room 1, Block S4"
    summary = factory.LazyAttribute(lambda o: f"What {o.title} is about.")
    description = factory.LazyAttribute(lambda o: f"<p>The programme of {o.title}.</p>")
    status = "published"


class EventSpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.EventSpeaker"

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)
    order = factory.Sequence(int)


def member_of(role, **fields):
    """A member of staff in the back-office role (group) ``role``."""
    from django.contrib.auth.models import Group

    user = UserFactory(is_staff=True, **fields)
    user.groups.add(Group.objects.get(name=role))
    return user


def logged_in(user):
    """A test client with ``user`` logged in."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client
