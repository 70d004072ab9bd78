"""A real SMTP server (aiosmtpd) for the subscribers' emails, and what arrives at it, parsed
with Python's ``email`` package."""

import email
import email.policy
import re
from collections import deque

import pytest
from aiosmtpd.controller import Controller

from tests.factories import CategoryFactory, PersonFactory, PublicationFactory
from tests.servers import free_port

LINK = re.compile(r"https?://\S+/subscribe/(confirm|manage|leave)/([^/\s]+)/")


class Inbox:
    """What the server accepted, and what it should answer next (e.g. a refusal)."""

    def __init__(self):
        self.messages = []
        self.refusals = {}
        self.connections = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.connections += 1
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        waiting = self.refusals.get(address)
        if waiting:
            return waiting.popleft()
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(message)
        return "250 Message accepted"

    def refuse(self, address, *answers):
        """Answer the next deliveries to ``address`` with ``answers`` (e.g. "451 …")."""
        self.refusals.setdefault(address, deque()).extend(answers)

    def to(self, address):
        return [m for m in self.messages if m["To"] == address]

    def clear(self):
        self.messages.clear()
        self.connections = 0


def text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message):
    return message.get_body(preferencelist=("html",)).get_content()


def links(message):
    """``{kind: token}`` of the subscription links in the message's text."""
    return {kind: token for kind, token in LINK.findall(text_of(message))}


@pytest.fixture
def smtp(settings, site_facts):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "RSIS <news@rsis.example>"
    settings.SITE_URL = "https://www.rsis.example"
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def region(db):
    """Country and Region Studies › Southeast Asia and ASEAN."""
    top = CategoryFactory(name="Country and Region Studies", slug="country-and-region-studies")
    return top, CategoryFactory(name="Southeast Asia and ASEAN", slug="southeast-asia-and-asean",
                                parent=top)  # fmt: skip


@pytest.fixture
def author(db):
    return PersonFactory(name="Chris Cheang", slug="chris-cheang")


def publication(series, **fields):
    return PublicationFactory(series=series, status="draft", code=None, published_at=None,
                              **fields)  # fmt: skip
