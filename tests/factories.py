import factory
from django.contrib.auth import get_user_model

from navigation.models import MenuItem


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
    password = factory.django.Password("a-long-test-password")


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
