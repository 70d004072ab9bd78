"""The years in which the items of a list are dated, without reading every item."""

from django.db import connections
from django.db.models.expressions import RawSQL
from django.db.models.functions import ExtractYear

RECURSIVE_YEARS = (
    "WITH RECURSIVE years(year) AS (({first}) "
    "UNION ALL SELECT ({step}) FROM years WHERE years.year IS NOT NULL) "
    "SELECT year::int FROM years WHERE year IS NOT NULL"
)


def distinct_years(queryset, field):
    """The years of ``field`` (a date) among ``queryset``'s rows, latest first.

    On PostgreSQL one recursive query walks down an index that serves ``field`` in
    descending order, one probe per year: about twenty probes for twenty years, where
    ``DISTINCT`` over the truncated dates reads every row (30–40 ms at 100,000 items). Other
    databases (SQLite) use ``dates()``.
    """
    connection = connections[queryset.db]
    if queryset.query.is_empty():
        return []
    if connection.vendor != "postgresql":
        return [day.year for day in queryset.dates(field, "year")][::-1]
    dated = queryset.filter(**{f"{field}__isnull": False}).order_by(f"-{field}")
    first_sql, first_params = _latest_year(dated, field)
    earlier = dated.filter(**{f"{field}__lt": RawSQL("make_date(years.year::int, 1, 1)", ())})
    step_sql, step_params = _latest_year(earlier, field)
    # Both parts are compiled by the ORM; their values are passed as parameters.
    sql = RECURSIVE_YEARS.format(first=first_sql, step=step_sql)
    with connection.cursor() as cursor:
        cursor.execute(sql, (*first_params, *step_params))
        return [year for (year,) in cursor.fetchall()]


def _latest_year(queryset, field):
    latest = queryset.annotate(latest_year=ExtractYear(field)).values("latest_year")[:1]
    return latest.query.sql_with_params()
