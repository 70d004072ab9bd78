"""Where uploaded and generated files are kept, from the environment.

Unset ``MEDIA_STORAGE_URL``: the local disk under ``MEDIA_ROOT`` (``DJANGO_MEDIA_ROOT``),
served by nginx or ``core.media``; enough for one app server. With more than one, every server
must see the same files: ``MEDIA_STORAGE_URL`` names an S3-compatible bucket, as

    s3://ACCESS_KEY:SECRET_KEY@bucket/optional/prefix?endpoint=https://s3.example.org&region=ap-southeast-1&custom_domain=media.example.org&acl=public-read

- the key and secret are percent-encoded; without them boto3 finds its credentials as usual
  (``AWS_ACCESS_KEY_ID`` and ``AWS_SECRET_ACCESS_KEY``, an instance role);
- ``endpoint``: the S3 API's address, for a store other than Amazon's (MinIO, Ceph, R2...);
- ``region``: the bucket's region;
- ``custom_domain``: the host that serves the bucket to readers (a CDN), linked over HTTPS;
  without it, files are linked at the endpoint's own address;
- ``acl``: the canned ACL each object is written with (``public-read``), for stores that use
  ACLs; leave it out where a bucket policy makes the objects public.

The files are public, as on the disk: pages link to them without signatures (which would
expire inside cached pages), and new files never replace old ones of the same name.
"""

from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

OPTIONS = {"endpoint": "endpoint_url", "region": "region_name", "custom_domain": "custom_domain",
           "acl": "default_acl"}  # fmt: skip


def media_storage(environ):
    """The ``STORAGES["default"]`` entry for ``environ``."""
    address = environ.get("MEDIA_STORAGE_URL", "").strip()
    if not address:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    parts = urlsplit(address)
    if parts.scheme != "s3" or not parts.hostname:
        raise ImproperlyConfigured(
            "MEDIA_STORAGE_URL must look like s3://KEY:SECRET@bucket?endpoint=https://..., "
            f"not {parts.scheme or address}."
        )
    query = {name: values[-1] for name, values in parse_qs(parts.query).items()}
    unknown = set(query) - set(OPTIONS)
    if unknown:
        raise ImproperlyConfigured(
            f"MEDIA_STORAGE_URL has unknown options: {', '.join(sorted(unknown))} "
            f"(known: {', '.join(OPTIONS)})."
        )
    options = {
        # The bucket as written: urlsplit would lower-case it.
        "bucket_name": parts.netloc.rsplit("@", 1)[-1],
        "location": parts.path.strip("/"),
        "querystring_auth": False,
        "file_overwrite": False,
        **{OPTIONS[name]: value for name, value in query.items() if value},
    }
    if parts.username:
        options["access_key"] = unquote(parts.username)
        options["secret_key"] = unquote(parts.password or "")
    return {"BACKEND": "core.storage.MediaStorage", "OPTIONS": options}


def media_origins(storage):
    """The origins pages load pictures from besides their own, for the Content-Security-Policy:
    the bucket's public host, if ``storage`` (a ``media_storage``) is one."""
    options = storage.get("OPTIONS", {})
    if options.get("custom_domain"):
        return [f"https://{options['custom_domain']}"]
    if options.get("endpoint_url"):
        endpoint = urlsplit(options["endpoint_url"])
        return [f"{endpoint.scheme}://{endpoint.netloc}"]
    if "bucket_name" in options:  # Amazon S3, at the bucket's global or regional host
        bucket, region = options["bucket_name"], options.get("region_name")
        hosts = [f"{bucket}.s3.amazonaws.com"] + (
            [f"{bucket}.s3.{region}.amazonaws.com"] if region else []
        )
        return [f"https://{host}" for host in hosts]
    return []
