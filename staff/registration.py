"""What the people tell the editorial base: their history (with their memberships and
expertise), and that contributors choose people for their drafts while editors manage them.

Called once, from ``StaffConfig.ready()``.
"""

from editorial.registry import register_roles, register_versioned

from .models import ExpertiseArea, Membership, Person, PersonExpertise, StaffGroup


def register():
    register_versioned(StaffGroup, follow=["memberships"])
    register_versioned(Person, follow=["memberships", "personexpertise_set"])
    register_versioned(Membership)
    register_versioned(PersonExpertise)
    register_versioned(ExpertiseArea)
    register_roles("staff", chosen=[Person])
