"""The forms of the bulk actions' confirmation pages: what to add or remove."""

from django import forms

TAG_MAX_LENGTH = 100


class ChooseForm(forms.Form):
    """Choose one existing thing (a category, a tag, a person) among ``queryset``, each named
    by ``label_from_instance`` (by default, its name)."""

    def __init__(self, *args, queryset, label, empty_message, label_from_instance=str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["choice"] = forms.ModelChoiceField(
            queryset=queryset,
            label=label,
            error_messages={
                "required": empty_message,
                "invalid_choice": "That choice is not available; choose one from the list.",
            },
        )
        self.fields["choice"].label_from_instance = label_from_instance


class TagForm(forms.Form):
    """Type the tag to add; an existing tag of the same name (in any capitals) is reused.

    Someone who may not add tags (a contributor) may only type an existing one: the list of
    tags is the editors' to keep tidy.
    """

    name = forms.CharField(
        label="Tag",
        max_length=TAG_MAX_LENGTH,
        help_text="One tag, e.g. “ASEAN”. If the tag exists already (whatever its capitals), "
        "that tag is used.",
        error_messages={"required": "Type the tag to add."},
    )

    def __init__(self, *args, tags, may_add, **kwargs):
        super().__init__(*args, **kwargs)
        self.tags, self.may_add, self.tag = tags, may_add, None

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Type the tag to add.")
        if "," in name or '"' in name:
            raise forms.ValidationError("Add one tag at a time, without commas or quotes.")
        self.tag = self.tags.filter(name__iexact=name).order_by("pk").first()
        if self.tag is None and not self.may_add:
            raise forms.ValidationError(
                f"There is no tag “{name}”. Type an existing tag: only editors add new ones."
            )
        return name
