import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.images import normalised_image, open_checked_image


def upload(image, fmt, **options):
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return SimpleUploadedFile(f"x.{fmt.lower()}", buffer.getvalue())


def test_palette_png_keeps_its_colours():
    image = Image.new("P", (80, 80))
    image.putpalette([200, 30, 60] * 256)
    content, extension = normalised_image(open_checked_image(upload(image, "PNG")))
    result = Image.open(io.BytesIO(content.read()))
    assert extension == "png"
    assert result.convert("RGB").getpixel((10, 10)) == (200, 30, 60)


def test_phone_multi_picture_jpeg_is_accepted_as_jpeg():
    first, second = Image.new("RGB", (120, 90), (10, 120, 200)), Image.new("RGB", (120, 90))
    checked = open_checked_image(upload(first, "MPO", save_all=True, append_images=[second]))
    assert checked.format == "MPO"
    content, extension = normalised_image(checked)
    result = Image.open(io.BytesIO(content.read()))
    assert (extension, result.format, result.size) == ("jpg", "JPEG", (120, 90))
    red, green, blue = result.getpixel((5, 5))
    assert abs(red - 10) < 8 and abs(green - 120) < 8 and abs(blue - 200) < 8
