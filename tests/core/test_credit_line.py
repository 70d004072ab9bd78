"""An image's credit and licence make one caption line in which nothing is said twice."""

import pytest

from core.images import credit_line
from tests.library.conftest import PICKER, saved_image


@pytest.mark.parametrize(
    ("credit", "licence", "line"),
    [
        ("Reuters", "CC BY 4.0", "Reuters, CC BY 4.0"),
        ("Reuters", "Used with permission", "Reuters, Used with permission"),
        ("RSIS", "© RSIS", "© RSIS"),
        ("RSIS", "RSIS", "RSIS"),
        ("rsis", "Copyright RSIS", "Copyright RSIS"),
        ("Source: flickr, CC BY-NC-SA 2.0", "CC BY-NC-SA 2.0", "Source: flickr, CC BY-NC-SA 2.0"),
        ("Photo: Reuters", "© Reuters", "© Reuters"),
        # A word merely beginning like the other is not the same name.
        ("RS", "© RSIS", "RS, © RSIS"),
        ("  Reuters  ", "", "Reuters"),
        ("", "© RSIS", "© RSIS"),
        ("", "", ""),
        (None, None, ""),
    ],
)
def test_credit_line_says_each_part_once(credit, licence, line):
    assert credit_line(credit, licence) == line


def test_the_picker_fills_a_caption_without_repeating_the_credit(administrator_client):
    saved_image(credit="RSIS", licence="© RSIS")
    page = administrator_client.get(PICKER).content.decode()
    assert 'data-caption="© RSIS"' in page
    assert "RSIS, © RSIS" not in page
