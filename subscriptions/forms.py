"""The subscription form: an address (on the subscribe page), what to follow and how often.

Series, categories (shown with their path; each takes its subcategories along) and events are
always offered; authors and tags only those ticked from an author's or a tag's page, or
already followed, so that the page does not list every person and keyword of the site.
"""

import re

from django import forms
from taggit.models import Tag

from publications.categories import category_nodes
from publications.models import Category, Series
from staff.models import Person

from .models import Subscriber

#: The query parameters of a link to the page with choices ticked (e.g. from a series page).
PARAMETERS = ("all", "series", "category", "author", "tag", "events")
#: At most this many values of one parameter are read.
MAX_VALUES = 20
#: What a slug, or a category's path of slugs, may hold.
SLUGS = re.compile(r"[-\w]+(/[-\w]+)*")


class ChoicesForm(forms.Form):
    everything = forms.BooleanField(label="All publications", required=False)
    series = forms.ModelMultipleChoiceField(
        Series.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    categories = forms.ModelMultipleChoiceField(
        Category.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Subjects and regions",
        help_text="Each with everything filed under it.",
    )
    authors = forms.ModelMultipleChoiceField(
        Person.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    tags = forms.ModelMultipleChoiceField(
        Tag.objects.none(), required=False, widget=forms.CheckboxSelectMultiple, label="Keywords"
    )
    events = forms.BooleanField(label="Events", required=False)
    frequency = forms.ChoiceField(
        choices=Subscriber.Frequency.choices,
        initial=Subscriber.Frequency.EACH,
        widget=forms.RadioSelect,
        label="How often",
    )

    def __init__(self, *args, offered_authors=(), offered_tags=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = Series.objects.order_by("order", "name")
        nodes = category_nodes()
        categories = self.fields["categories"]
        categories.queryset = Category.objects.all()
        categories.label_from_instance = lambda category: nodes[category.pk].full_name
        self.fields["authors"].queryset = Person.objects.filter(
            pk__in=[person.pk for person in offered_authors]
        ).order_by("sort_name")
        self.fields["tags"].queryset = Tag.objects.filter(
            pk__in=[tag.pk for tag in offered_tags]
        ).order_by("name")
        self.offers = {"authors": bool(offered_authors), "tags": bool(offered_tags)}

    def clean(self):
        data = super().clean()
        chosen = [data.get(name) for name in ("everything", "series", "categories", "authors",
                                                "tags", "events")]  # fmt: skip
        if not any(chosen):
            raise forms.ValidationError("Choose at least one thing to follow.")
        return data


class SubscribeForm(ChoicesForm):
    email = forms.EmailField(
        label="Your email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    field_order = ["email"]

    def clean_email(self):
        return normalised(self.cleaned_data["email"])


def normalised(email):
    """One spelling per address: the domain is not case-sensitive, and nor, in practice, is the
    rest."""
    return email.strip().lower()


def initial_from_query(query):
    """``(initial, offered_authors, offered_tags)`` from a link's query: unknown values are
    ignored (the page is shown without them)."""

    def values(name):
        listed = query.getlist(name)[:MAX_VALUES]
        return [value for value in listed if len(value) <= 200 and SLUGS.fullmatch(value)]

    initial = {
        "everything": query.get("all") == "1",
        "events": query.get("events") == "1",
        "series": list(Series.objects.filter(slug__in=values("series"))),
    }
    paths = set(values("category"))
    initial["categories"] = [pk for pk, node in category_nodes().items() if node.path in paths]
    authors = list(Person.objects.filter(slug__in=values("author")))
    tags = list(Tag.objects.filter(slug__in=values("tag")))
    initial["authors"], initial["tags"] = authors, tags
    return initial, authors, tags
