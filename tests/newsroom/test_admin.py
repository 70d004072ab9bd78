import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from newsroom.models import MediaItem
from tests.factories import MediaItemFactory, jpeg_bytes

ADD_URL = "/admin/newsroom/mediaitem/"


def item_form(**overrides):
    data = {
        "kind": "videos",
        "title": "A recorded talk",
        "slug": "a-recorded-talk",
        "date": "2024-11-05",
        "status": "published",
        "outlet": "",
        "original_title": "",
        "url": "",
        "summary": "What the talk covers.",
        "body": "",
        "embed_url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        "image_alt": "",
    }
    data.update(overrides)
    return data


def test_admin_add_turns_a_watch_address_into_the_player(staff_client, chris):
    data = item_form(people=[str(chris.pk)])
    response = staff_client.post(ADD_URL + "add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    item = MediaItem.objects.get()
    assert item.embed_url == "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"
    assert list(item.people.all()) == [chris]
    assert item.get_absolute_url() == "/media/videos/a-recorded-talk/"


@pytest.mark.parametrize(
    "embed_url",
    [
        "https://evil.example/embed/aqz-KE-bpKQ",
        "https://www.youtube.com.evil.example/watch?v=aqz-KE-bpKQ",
        "http://www.youtube.com/watch?v=aqz-KE-bpKQ",
        "javascript:alert(document.cookie)",
        "https://www.youtube.com/results?search_query=rsis",
    ],
)
def test_admin_refuses_a_player_from_elsewhere_and_saves_nothing(staff_client, embed_url):
    response = staff_client.post(ADD_URL + "add/", item_form(embed_url=embed_url))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["embed_url"]
    assert not MediaItem.objects.exists()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/file", "not a link"])
def test_admin_refuses_a_link_that_is_not_a_web_address(staff_client, url):
    response = staff_client.post(ADD_URL + "add/", item_form(url=url, embed_url=""))
    assert response.status_code == 200
    assert "url" in response.context["adminform"].form.errors
    assert not MediaItem.objects.exists()


def test_admin_sanitises_the_body_and_checks_the_image(staff_client):
    data = item_form(
        kind="speeches", embed_url="", body="<p>Thanks<script>alert(1)</script></p>",
        image=SimpleUploadedFile("x.jpg", b"GIF89a nonsense", "image/jpeg"),
        image_alt="The speaker at the lectern",
    )  # fmt: skip
    response = staff_client.post(ADD_URL + "add/", data)
    assert "image" in response.context["adminform"].form.errors
    assert not MediaItem.objects.exists()
    data["image"] = SimpleUploadedFile("photo.jpg", jpeg_bytes(1200, 700), "image/jpeg")
    assert staff_client.post(ADD_URL + "add/", data).status_code == 302
    item = MediaItem.objects.get()
    assert item.body == "<p>Thanks</p>" and item.image.name.endswith(".jpg")


def test_admin_slug_is_unique_within_a_kind_only(staff_client):
    MediaItemFactory(kind="videos", slug="a-recorded-talk")
    response = staff_client.post(ADD_URL + "add/", item_form())
    assert response.status_code == 200
    assert MediaItem.objects.count() == 1
    other_kind = item_form(
        kind="audio", embed_url="https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk"
    )
    assert staff_client.post(ADD_URL + "add/", other_kind).status_code == 302


def test_admin_list_search_and_filters(staff_client, highlight, release):
    queries = ["", "?q=Eurasia", "?q=Kremlin", "?q=Cheang", "?kind__exact=highlights",
               "?year=2021", "?year=abc", "?status__exact=published", "?date__year=2021",
               "?q=%00"]  # fmt: skip
    for query in queries:
        assert staff_client.get(ADD_URL + query).status_code == 200, query
    for query in ("?q=Eurasia", "?q=Kremlin", "?q=Cheang", "?year=2021"):
        assert "Russia courts Southeast Asia" in staff_client.get(ADD_URL + query).content.decode()
    assert "Russia courts" not in staff_client.get(ADD_URL + "?q=nothing-like-it").content.decode()
    listing = staff_client.get(ADD_URL).content.decode()
    assert "Eurasia Monitor" in listing and "RSIS starts a programme" in listing


def test_admin_autocompletes_people(staff_client, chris):
    response = staff_client.get(
        "/admin/autocomplete/",
        {"app_label": "newsroom", "model_name": "mediaitem", "field_name": "people", "term": "Che"},
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Chris Cheang"]


def test_admin_view_on_site(staff_client, release):
    change = staff_client.get(f"{ADD_URL}{release.pk}/change/").content.decode()
    assert "View on site" in change
    release.status = "draft"
    release.save()
    assert staff_client.get(release.get_absolute_url()).status_code == 200  # staff preview
