"""The read replicas' settings read from the environment."""

from rsis_site.settings.replicas import ROUTER, replica_settings

PRIMARY = {"ENGINE": "django.db.backends.postgresql", "NAME": "rsis", "CONN_MAX_AGE": 60,
           "CONN_HEALTH_CHECKS": True}  # fmt: skip


def test_each_replica_url_is_an_alias_mirroring_the_primary_in_tests():
    got = replica_settings(
        {"DATABASE_REPLICA_URLS": "postgres://web@db2:5432/rsis, postgres://web@db3/rsis,"},
        PRIMARY,
    )
    assert list(got["DATABASES"]) == ["default", "replica1", "replica2"]
    assert got["DATABASES"]["default"] is PRIMARY
    second = got["DATABASES"]["replica2"]
    assert (second["HOST"], second["NAME"], second["USER"]) == ("db3", "rsis", "web")
    assert (second["CONN_MAX_AGE"], second["CONN_HEALTH_CHECKS"]) == (60, True)
    assert second["TEST"] == {"MIRROR": "default"}
    assert got["DATABASE_REPLICAS"] == ["replica1", "replica2"]
    assert got["DATABASE_ROUTERS"] == [ROUTER]


def test_without_replicas_the_primary_alone_and_the_defaults():
    got = replica_settings({}, PRIMARY)
    assert got["DATABASES"] == {"default": PRIMARY}
    assert got["DATABASE_REPLICAS"] == []
    assert (got["REPLICA_PIN_SECONDS"], got["REPLICA_LAG_SECONDS"]) == (15, 10)


def test_the_pin_and_the_lag_allowance_are_set_in_seconds():
    got = replica_settings(
        {"DJANGO_REPLICA_PIN_SECONDS": "30", "DJANGO_REPLICA_LAG_SECONDS": "2.5"}, PRIMARY
    )
    assert (got["REPLICA_PIN_SECONDS"], got["REPLICA_LAG_SECONDS"]) == (30, 2.5)
