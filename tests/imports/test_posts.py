"""Posts become publications: series and codes, statuses, dates, authors, subjects, content."""

import datetime

import pytest
from django.utils import timezone

from publications.models import Category, IssuedCode, Publication
from publications.services import code_next
from tests.factories import PersonFactory

from .export import Post, attachment, author, export

pytestmark = pytest.mark.django_db

LAVROV = "Russia and Southeast Asia: What Lavrov’s July Visits Mean"


def test_a_code_in_the_title_gives_the_series_and_is_kept_as_the_items_code(run_import, series):
    run_import(
        export(
            [
                Post(10, f"CO21113 | {LAVROV}", slug="co21113-russia", date="2021-07-20 08:00:00",
                     gmt="2021-07-20 00:00:00"),
                Post(11, "PR21004: Ports and Power", date="2021-03-02 10:00:00"),
            ]
        )
    )  # fmt: skip
    lavrov = Publication.objects.get(code="CO21113")
    assert lavrov.series == series["commentaries"]
    assert lavrov.title == LAVROV
    assert lavrov.slug == "co21113-russia"
    assert lavrov.status == Publication.Status.PUBLISHED
    assert lavrov.publication_date == datetime.date(2021, 7, 20)
    assert lavrov.published_at == datetime.datetime(2021, 7, 20, tzinfo=datetime.UTC)
    assert Publication.objects.get(code="PR21004").series == series["policy-reports"]
    # The code is reserved: the counter never gives it again.
    assert IssuedCode.objects.filter(code="CO21113", publication=lavrov).exists()
    codes = {code_next(series=series["commentaries"], year=2021) for _ in range(113)}
    assert "CO21113" not in codes


def test_categories_name_the_series_by_default_or_through_the_operators_map(
    run_import, series, tmp_path
):
    mapping = tmp_path / "series.csv"
    mapping.write_text("# category,series\nanalysis,nts-insight\n")
    run_import(
        export(
            [
                Post(1, "From the category",
                     categories=(("rsis-commentaries", "RSIS Commentaries"),)),
                Post(2, "Singular name", categories=(("policy-report", "Policy Report"),)),
                Post(3, "Mapped", categories=(("analysis", "Analysis"),)),
                Post(4, "Nothing to go by", categories=(("misc", "Misc"),)),
            ]
        ),
        "--series-map", str(mapping),
    )  # fmt: skip
    by_title = {p.title: p for p in Publication.objects.select_related("series")}
    assert by_title["From the category"].series.slug == "commentaries"
    assert by_title["Singular name"].series.slug == "policy-reports"
    assert by_title["Mapped"].series.slug == "nts-insight"
    assert "Nothing to go by" not in by_title
    # Released items without a code get the next one of their year, by the usual rule.
    assert by_title["From the category"].code == "CO21001"


def test_posts_with_neither_code_nor_series_go_to_the_default_series_or_are_reported(
    run_import, series
):
    text = export([Post(1, "Orphan", categories=(("misc", "Misc"),))])
    output = run_import(text)
    assert Publication.objects.count() == 0
    assert "post 1 “Orphan”" in output and "--default-series" in output
    run_import(text, "--default-series", "working-papers")
    assert Publication.objects.get().series.slug == "working-papers"


def test_unknown_default_series_is_refused(run_import):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No series has the slug 'nope'"):
        run_import(export([]), "--default-series", "nope")


@pytest.mark.parametrize(
    ("wp_status", "password", "status", "public"),
    [
        ("publish", "", "published", True),
        ("draft", "", "draft", False),
        ("pending", "", "review", False),
        ("private", "", "draft", False),
        ("publish", "secret", "draft", False),
    ],
)
def test_statuses(run_import, visitor, wp_status, password, status, public):
    output = run_import(
        export([Post(5, "CO20001 | A status", status=wp_status, password=password)])
    )
    item = Publication.objects.get()
    assert item.status == status
    assert item.code == "CO20001"
    assert visitor.get(item.get_absolute_url()).status_code == (200 if public else 404)
    if password:
        assert "protected by a password" in output
    if wp_status == "private":
        assert "private on the old site" in output


def test_future_posts_are_scheduled_at_their_time_and_trash_and_revisions_are_skipped(run_import):
    soon = (timezone.now() + datetime.timedelta(days=3)).strftime("%Y-%m-%d %H:%M:%S")
    run_import(
        export(
            [
                Post(1, "CO30001 | Coming", status="future", date=soon, gmt=soon),
                Post(2, "CO30002 | Binned", status="trash"),
                Post(3, "CO30003 | A revision", status="inherit", post_type="revision"),
            ]
        )
    )
    item = Publication.objects.get()
    assert item.status == Publication.Status.SCHEDULED
    assert item.published_at.strftime("%Y-%m-%d %H:%M:%S") == soon
    assert not item.is_public()


def test_untitled_and_empty_posts_are_imported_with_a_placeholder_and_reported(run_import):
    output = run_import(export([Post(77, "", content="", categories=(("commentaries", "C"),))]))
    item = Publication.objects.get()
    assert item.title == "Untitled post 77 from WordPress"
    assert "no title" in output and "no content" in output


def test_authors_match_staff_by_name_else_become_outside_authors(run_import):
    cheang = PersonFactory(name="Chris Cheang", slug="chris-cheang")
    output = run_import(
        export(
            [
                Post(1, "CO21001 | By staff", creator="ccheang"),
                Post(2, "CO21002 | By a guest", creator="guest"),
            ],
            authors=[author("ccheang", "Chris Cheang"), author("guest", "Ann Outsider")],
        )
    )
    by_staff = Publication.objects.get(code="CO21001")
    assert [a.person for a in by_staff.authorships.all()] == [cheang]
    guest = Publication.objects.get(code="CO21002").authorships.get()
    assert guest.person is None and guest.name == "Ann Outsider"
    assert "Ann Outsider" in output and "outside author" in output


def test_bylines_and_the_authors_map_decide_over_the_wordpress_user(run_import, tmp_path):
    tan = PersonFactory(name="Tan See Seng", slug="tan-see-seng")
    authors = tmp_path / "authors.csv"
    authors.write_text("webeditor,-\nS. S. Tan,tan-see-seng\nJ. Doe,outside:Jane Doe\n")
    run_import(
        export(
            [Post(1, "CO21001 | Joint", creator="webeditor",
                  meta={"byline": "By S. S. Tan and J. Doe"})],
            authors=[author("webeditor", "Web Editor")],
        ),
        "--authors", str(authors), "--byline-field", "byline",
    )  # fmt: skip
    rows = list(Publication.objects.get().authorships.order_by("order"))
    assert [(r.person, r.name) for r in rows] == [(tan, ""), (None, "Jane Doe")]


def test_new_authors_can_become_staff_profiles(run_import):
    run_import(
        export([Post(1, "CO21001 | X", creator="amy")], authors=[author("amy", "Amy Lim")]),
        "--new-authors", "people",
    )  # fmt: skip
    row = Publication.objects.get().authorships.get()
    assert row.person.name == "Amy Lim" and row.person.sort_name == "Lim, Amy"


def test_categories_keep_their_hierarchy_and_tags_come_along(run_import, visitor):
    run_import(
        export(
            [
                Post(
                    1, "CO21001 | Filed",
                    categories=(("commentaries", "Commentaries"),
                                ("asean", "Southeast Asia and ASEAN")),
                    tags=(("lavrov", "Lavrov"), ("russia", "Russia")),
                )
            ],
            categories=[
                ("commentaries", "Commentaries", ""),
                ("country-and-region-studies", "Country and Region Studies", ""),
                ("asean", "Southeast Asia and ASEAN", "country-and-region-studies"),
            ],
        )
    )  # fmt: skip
    item = Publication.objects.get()
    assert [c.name for c in item.categories.all()] == ["Southeast Asia and ASEAN"]
    asean = Category.objects.get(slug="asean")
    assert asean.parent.name == "Country and Region Studies"
    # The series' category is not a subject.
    assert not Category.objects.filter(slug="commentaries").exists()
    assert sorted(item.tags.names()) == ["Lavrov", "Russia"]
    page = visitor.get("/categories/country-and-region-studies/")
    assert page.status_code == 200 and "Filed" in page.content.decode()


def test_content_is_sanitised_and_shortcodes_and_block_markup_converted(run_import):
    content = (
        "<!-- wp:paragraph -->\n<p>Block paragraph.</p>\n<!-- /wp:paragraph -->\n\n"
        "Classic line one\nline two\n\n"
        '<p onclick="steal()">Clicked<script>alert(1)</script></p>\n\n'
        "[embed]https://www.youtube.com/watch?v=abc[/embed]\n\n"
        '[video mp4="https://old.example.org/wp-content/uploads/talk.mp4"][/video]\n\n'
        '[audio src="https://old.example.org/podcast.mp3"]\n\n'
        '[contact-form-7 id="5"]\n\n'
        '<a href="javascript:alert(1)">bad link</a>'
    )
    output = run_import(export([Post(1, "CO21001 | Content", content=content)]))
    body = Publication.objects.get().body
    assert "<p>Block paragraph.</p>" in body and "wp:paragraph" not in body
    assert "<p>Classic line one<br>" in body
    assert "script" not in body and "onclick" not in body and "javascript:" not in body
    assert '<a href="https://www.youtube.com/watch?v=abc"' in body
    assert "Video: talk.mp4" in body and "Audio: podcast.mp3" in body
    assert "[contact-form-7" in body
    assert "Unknown shortcode [contact-form-7]" in output


def test_slugs_non_ascii_titles_and_duplicates(run_import):
    output = run_import(
        export(
            [
                Post(1, "CO21001 | Café au lait — Zürich", slug="caf%c3%a9-au-lait"),
                Post(2, "CO21002 | Same slug", slug="caf%c3%a9-au-lait"),
                Post(3, "CO21003 | 中文标题", slug="%e4%b8%ad%e6%96%87"),
            ]
        )
    )
    slugs = dict(Publication.objects.values_list("code", "slug"))
    assert slugs["CO21001"] == "cafe-au-lait"
    assert slugs["CO21002"] == "cafe-au-lait-2"
    assert slugs["CO21003"] == "post-3"
    assert Publication.objects.get(code="CO21003").title == "中文标题"
    assert "renamed cafe-au-lait-2" in output


def test_a_code_already_taken_is_not_given_twice(run_import):
    output = run_import(
        export([Post(1, "CO21005 | First"), Post(2, "CO21005 | Second with the same code")])
    )
    assert Publication.objects.get(title="First").code == "CO21005"
    second = Publication.objects.get(title="Second with the same code")
    assert second.code != "CO21005" and second.code.startswith("CO21")
    assert "code CO21005 not kept" in output


def test_imported_items_keep_their_dates_in_lists_and_feeds(run_import, visitor):
    run_import(
        export(
            [
                Post(1, "CO19001 | Oldest", date="2019-01-05 09:00:00"),
                Post(2, "CO21001 | Newest", date="2021-01-05 09:00:00"),
                Post(3, "CO20001 | Middle", date="2020-01-05 09:00:00",
                     modified_gmt="2020-02-01 00:00:00"),
            ]
        )
    )  # fmt: skip
    text = visitor.get("/publications/commentaries/").content.decode()
    assert text.index("Newest") < text.index("Middle") < text.index("Oldest")
    middle = Publication.objects.get(code="CO20001")
    assert middle.updated_at == datetime.datetime(2020, 2, 1, tzinfo=datetime.UTC)
    feed = visitor.get("/feeds/publications/rss/").content.decode()
    assert feed.index("Newest") < feed.index("Middle") < feed.index("Oldest")


def test_a_post_by_a_user_missing_from_the_export_is_credited_by_login(run_import):
    output = run_import(export([Post(1, "CO21001 | Ghost written", creator="ghost")]))
    row = Publication.objects.get().authorships.get()
    assert (row.person, row.name) == (None, "ghost")
    assert "Author “ghost” matched no one" in output


def test_links_in_the_text_to_old_items_point_to_their_new_addresses(run_import):
    content = (
        '<p><a href="/2021/06/first/">relative</a>, <a href="/?p=1">by number</a>, '
        '<a href="https://www.old.example.org/2021/06/first/">www</a>, '
        '<a href="https://elsewhere.example.com/2021/06/first/">elsewhere</a></p>'
    )
    run_import(export([Post(1, "CO21001 | First", slug="first"),
                       Post(2, "CO21002 | Second", content=content)]))  # fmt: skip
    first = Publication.objects.get(code="CO21001").get_absolute_url()
    body = Publication.objects.get(code="CO21002").body
    assert body.count(f'href="{first}"') == 3
    assert 'href="https://elsewhere.example.com/2021/06/first/"' in body


def test_a_caption_with_a_link_around_its_picture_and_words_in_brackets(run_import, uploads):
    content = (
        '[caption id="attachment_5" align="alignnone" width="300"]<a href="https://old.example.org'
        '/wp-content/uploads/2021/06/map.jpg"><img class="size-medium wp-image-5" '
        'src="https://old.example.org/wp-content/uploads/2021/06/map-300x225.jpg" alt="Map" '
        'width="300" height="225"></a> The strait [sic] at dawn[/caption]\n\n'
        "He said it was [emphasis added] final."
    )
    output = run_import(
        export([Post(1, "CO21001 | Captioned", content=content),
                attachment(5, "2021/06/map.jpg", alt="Map of the strait")]),
        "--uploads", str(uploads),
    )  # fmt: skip
    body = Publication.objects.get().body
    assert "<figure><img" in body and "<figcaption>The strait [sic] at dawn</figcaption>" in body
    assert "[emphasis added]" in body
    assert "Unknown shortcode" not in output


def test_series_categories_lead_to_the_series_and_names_lose_their_entities(run_import, visitor):
    run_import(
        export(
            [Post(1, "Filed", categories=(("rsis-commentaries", "RSIS Commentaries"),
                                          ("politics", "Politics &amp; Security")))],
            categories=[("rsis-commentaries", "RSIS Commentaries", ""),
                        ("politics", "Politics &amp; Security", ""),
                        ("loop-a", "Loop A", "loop-b"), ("loop-b", "Loop B", "loop-a")],
        )
    )  # fmt: skip
    response = visitor.get("/category/rsis-commentaries/")
    assert response.status_code == 301 and response["Location"] == "/publications/commentaries/"
    assert Category.objects.get(slug="politics").name == "Politics & Security"
    assert set(Category.objects.filter(slug__startswith="loop").values_list("name", flat=True)) == {
        "Loop A", "Loop B"
    }  # fmt: skip


def test_a_post_moved_to_another_series_on_the_old_site_moves_here(run_import, visitor):
    run_import(
        export(
            [
                Post(1, "Moving", slug="moving", categories=(("commentaries", "C"),)),
                Post(2, "Staying", slug="moving", categories=(("policy-reports", "P"),)),
            ]
        )
    )
    moved = export(
        [
            Post(1, "Moving", slug="moving", categories=(("policy-reports", "P"),)),
            Post(2, "Staying", slug="moving", categories=(("policy-reports", "P"),)),
        ]
    )
    output = run_import(moved)
    item = Publication.objects.get(title="Moving")
    assert item.series.slug == "policy-reports" and item.slug == "moving-2"
    assert "renamed moving-2" in output
    # The address it had answers with a redirect to the new one.
    response = visitor.get("/publications/commentaries/moving/")
    assert response.status_code == 301 and response["Location"] == item.get_absolute_url()


def test_the_sitemap_lists_imported_items_with_their_old_dates(run_import, visitor):
    run_import(
        export(
            [
                Post(
                    1,
                    "CO19001 | Old one",
                    date="2019-01-05 09:00:00",
                    gmt="2019-01-05 01:00:00",
                    modified_gmt="2019-03-01 10:00:00",
                )
            ]
        )
    )
    item = Publication.objects.get()
    xml = visitor.get("/sitemap-publications.xml").content.decode()
    entry = xml[xml.index(item.get_absolute_url()) :]
    assert "<lastmod>2019-03-01" in entry[: entry.index("</url>")]
