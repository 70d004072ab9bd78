"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1), as a JSON schema, and a reader of feeds
that checks them against it."""

import json

import jsonschema

AUTHORS = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "name": {"type": "string", "minLength": 1},
            "url": {"type": "string"},
            "avatar": {"type": "string"},
        },
        "anyOf": [{"required": ["name"]}, {"required": ["url"]}, {"required": ["avatar"]}],
    },
}

ITEM = {
    "type": "object",
    "required": ["id"],
    "anyOf": [{"required": ["content_html"]}, {"required": ["content_text"]}],
    "properties": {
        "id": {"type": "string", "minLength": 1},
        "url": {"type": "string", "format": "uri"},
        "external_url": {"type": "string"},
        "title": {"type": "string"},
        "content_html": {"type": "string"},
        "content_text": {"type": "string"},
        "summary": {"type": "string"},
        "image": {"type": "string"},
        "date_published": {"type": "string", "format": "date-time"},
        "date_modified": {"type": "string", "format": "date-time"},
        "authors": AUTHORS,
        "tags": {"type": "array", "items": {"type": "string"}},
        "language": {"type": "string"},
        "attachments": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["url", "mime_type"],
                "properties": {
                    "url": {"type": "string", "format": "uri"},
                    "mime_type": {"type": "string"},
                    "title": {"type": "string"},
                    "size_in_bytes": {"type": "integer", "minimum": 1},
                    "duration_in_seconds": {"type": "number"},
                },
            },
        },
    },
}

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": {"type": "string", "minLength": 1},
        "home_page_url": {"type": "string", "format": "uri"},
        "feed_url": {"type": "string", "format": "uri"},
        "description": {"type": "string"},
        "user_comment": {"type": "string"},
        "next_url": {"type": "string"},
        "icon": {"type": "string"},
        "favicon": {"type": "string"},
        "authors": AUTHORS,
        "language": {"type": "string"},
        "expired": {"type": "boolean"},
        "items": {"type": "array", "items": ITEM},
    },
}


def json_feed(response):
    """The JSON Feed in ``response``, after checking its type and its shape."""
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/feed+json; charset=utf-8"
    document = json.loads(response.content)
    jsonschema.validate(document, SCHEMA, format_checker=jsonschema.FormatChecker())
    return document
