"""Credit rows: someone named on an item, in order, either a member of staff or an outside name.

Publications' authors and events' speakers are credit rows. Each kind is a model of its own
app (its table, its link to its item, the name by which a person reaches their rows) built on
``Credit``, which holds what they share: the outside name and affiliation, the order, the rule
that a row names staff or an outsider but not both, and the name it prints.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import class_prepared
from django.dispatch import receiver

from core.text import SingleLineFields


def staff_member(*, related_name, help_text):
    """The link of a kind of credit to a member of staff (current or former).

    Each kind declares it itself: the name by which a person reaches their rows, e.g.
    ``person.authorships``, is that kind's own. Staff cannot be deleted while credited.
    """
    return models.ForeignKey(
        "staff.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name="member of staff",
        help_text=help_text,
    )


class Credit(SingleLineFields, models.Model):
    """Someone credited on an item, in order: a member of staff (``person``, declared with
    ``staff_member``) or an outside name with an affiliation.

    A kind says what it credits people as (``credited_as``, e.g. "author", worded into its
    help texts and messages) and which name of a member of staff it prints (``staff_name``:
    ``"name"``, or ``"display_name"`` with the honorific).
    """

    credited_as = "contributor"
    staff_name = "name"
    single_line_fields = ("name", "affiliation")

    name = models.CharField(
        max_length=200,
        blank=True,
        verbose_name="outside name",
        help_text="For an outside {credited_as}: the name as printed.",
    )
    affiliation = models.CharField(
        max_length=200,
        blank=True,
        help_text="For an outside {credited_as}, e.g. a university.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["order", "id"]

    def __str__(self):
        return self.display_name

    def clean(self):
        if bool(self.person_id) == bool(self.name.strip()):
            raise ValidationError(
                f"Choose a member of staff or type an outside {self.credited_as}'s name."
            )

    @property
    def display_name(self):
        return getattr(self.person, self.staff_name) if self.person_id else self.name


@receiver(class_prepared)
def _word_help_texts(sender, **kwargs):
    """Word each kind's copy of the shared fields' help texts with what it credits people as."""
    if issubclass(sender, Credit) and not sender._meta.abstract:
        for field in sender._meta.local_fields:
            if "{credited_as}" in str(field.help_text):
                field.help_text = field.help_text.format(credited_as=sender.credited_as)
