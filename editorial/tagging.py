"""Who may add free tags, and typed names matched to the tags that exist.

The list of tags is the editors' to keep tidy: someone without the tag model's add permission
(a contributor) may only choose existing tags, in an item's form and in bulk actions.
"""

from django.db.models.functions import Lower


def may_add_tags(user, tag_model):
    opts = tag_model._meta
    return user.has_perm(f"{opts.app_label}.add_{opts.model_name}")


def existing_tags(tag_model, names):
    """``names`` written as the existing tags spell them (capitals aside), and the names
    no tag has: who may not add tags may only choose among those the editors keep."""
    lowered = {name.lower() for name in names}
    known = {
        tag.name.lower(): tag.name
        for tag in tag_model.objects.annotate(lowered=Lower("name")).filter(lowered__in=lowered)
    }
    return (
        [known[name.lower()] for name in names if name.lower() in known],
        [name for name in names if name.lower() not in known],
    )
