"""A real S3-compatible object store for the tests: moto's server mode, a separate process
answering the S3 HTTP API on a free loopback port (``moto[server]``, a test dependency).

Without it the tests that use it are skipped, unless ``REQUIRE_SERVICES`` is set (as in CI).
"""

import subprocess
import sys
from pathlib import Path

from rsis_site.settings.media import media_storage

from .servers import free_port, require_program, wait_for_port

BUCKET = "rsis-media"
REGION = "us-east-1"


class S3Server:
    """moto's S3 server with one bucket, the site's media storage once ``url`` is set."""

    def __init__(self):
        beside_python = Path(sys.executable).with_name("moto_server")
        self.program = (
            str(beside_python) if beside_python.exists() else require_program("moto_server", "moto")
        )
        self.port = free_port()
        self.process = None

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self):
        """The ``MEDIA_STORAGE_URL`` of the bucket (moto takes any key and secret), whose
        objects readers may fetch (``public-read``), as the site's media are public."""
        return (
            f"s3://test-key:test-secret@{BUCKET}?endpoint={self.endpoint}&region={REGION}"
            "&acl=public-read"
        )

    @property
    def storage(self):
        """The ``STORAGES["default"]`` entry the settings make of ``url``."""
        return media_storage({"MEDIA_STORAGE_URL": self.url})

    def start(self):
        self.process = subprocess.Popen(
            [self.program, "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, process=self.process, seconds=60)
        self.client().create_bucket(Bucket=BUCKET)

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        self.process = None

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name=REGION,
            aws_access_key_id="test-key",
            aws_secret_access_key="test-secret",  # noqa: S106 - moto's
        )

    def head(self, name):
        return self.client().head_object(Bucket=BUCKET, Key=name)

    def body(self, name):
        return self.client().get_object(Bucket=BUCKET, Key=name)["Body"].read()

    def object_url(self, name):
        return f"{self.endpoint}/{BUCKET}/{name}"
