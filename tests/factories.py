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
