"""Real servers started by the tests themselves (a private Redis, nginx), on free loopback ports.

They need the Debian programs; without them the tests that use them are skipped, unless
``REQUIRE_SERVICES`` is set (as in CI), which turns the skip into a failure.
"""

import os
import shutil
import socket
import subprocess
import time

import pytest


def require_program(name, package):
    path = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/bin")
    if path is None:
        message = f"{name} is required for this test (apt-get install -y {package})"
        if os.environ.get("REQUIRE_SERVICES"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, *, process=None, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server on port {port} exited with {process.returncode}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing answered on port {port} within {seconds} s")


class RedisServer:
    """A throwaway Redis that a test can stop and start again on the same port."""

    def __init__(self, program):
        self.program = program
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [self.program, "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for_port(self.port, process=self.process)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        self.process = None

    def command(self, *args):
        """Run one command on a connection of its own, apart from the site's."""
        import redis

        return redis.Redis(port=self.port).execute_command(*args)
