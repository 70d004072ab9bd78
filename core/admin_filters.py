"""Admin list filters shared by the content apps."""

from django.contrib import admin

from .params import YEAR_PATTERN


def year_filter(field):
    """A “year” list filter on the date or date-time ``field`` (years in the site's zone)."""

    class YearFilter(admin.SimpleListFilter):
        title = "year"
        parameter_name = "year"

        def lookups(self, request, model_admin):
            model = model_admin.model
            values = model._default_manager.exclude(**{field: None})
            if model._meta.get_field(field).get_internal_type() == "DateTimeField":
                moments = values.datetimes(field, "year")
            else:
                moments = values.dates(field, "year")
            return [(str(moment.year), str(moment.year)) for moment in reversed(moments)]

        def queryset(self, request, queryset):
            if self.value() and YEAR_PATTERN.fullmatch(self.value()):
                return queryset.filter(**{f"{field}__year": int(self.value())})
            return queryset

    return YearFilter
