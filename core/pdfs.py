"""Uploaded PDFs: only real, readable PDF files of a sensible size are accepted, and what is
stored is a fresh copy of the document without its active content.

A PDF can carry more than pages: scripts that run when it opens, actions that start programs
or send form data elsewhere, files hidden inside it, multimedia players, and bytes that are no
part of the document at all (a web page with a script, slipped in so the file also “works” as
HTML). None of this is needed to read a commentary, and every reader who downloads it would be
exposed, so each upload is parsed and written again from its objects with all of that left out.
The text, pages, fonts, images, bookmarks, title and ordinary links (to a page of the document,
or to a web or e-mail address) are kept.

The work is done with pypdf rather than pikepdf: pypdf is pure Python and already what the site
uses to read PDFs, so there is no compiled library to keep in step with the servers, and its
failures are Python exceptions that become form errors. pikepdf (qpdf) is faster and repairs more
damaged files, but removing entries from the object graph and writing what remains is well
within pypdf's reach, and a file that pypdf cannot read is refused rather than guessed at.
"""

import io
import logging
import time
import zlib

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    StreamObject,
)

from core.uploads import check_size

MAX_PDF_BYTES = 20 * 1024 * 1024
#: Bounds on the work one upload may cost: a longer or more intricate file is refused rather
#: than holding a worker for minutes.
MAX_PDF_PAGES = 3000
MAX_PDF_OBJECTS = 500_000
MAX_CLEANING_SECONDS = 20

CLEANING_NOTE = (
    "PDFs are cleaned on upload: scripts, embedded files, multimedia and actions that open "
    "other files or programs are removed; text, pages and links are kept."
)

logging.getLogger("pypdf").setLevel(logging.ERROR)

# What an editor is told was removed, by kind of content.
SCRIPTS = "JavaScript"
PROGRAMS = "actions that open other files or programs"
FORMS = "form actions that send, import or reset data"
ADDRESSES = "links to addresses other than web pages and e-mail"
FILES = "embedded files"
MEDIA = "multimedia and 3D content"
XFA = "an XFA form"
OTHER = "other automatic actions"
MARKUP = "web-page markup hidden in the file"

#: Markup that makes a browser run scripts if it takes the file for a web page.
MARKUP_SIGNS = (b"<script", b"<html", b"<svg", b"<iframe")

#: Actions a reader may follow: moving inside the document, opening a web or e-mail address
#: (see ``SAFE_SCHEMES``), the standard page-turning commands, showing or hiding layers.
SAFE_ACTIONS = {"/GoTo", "/URI", "/Named", "/SetOCGState"}
SAFE_SCHEMES = ("http", "https", "mailto")
SAFE_NAMED = {"/NextPage", "/PrevPage", "/FirstPage", "/LastPage"}
UNSAFE_ACTION_LABELS = {
    "/JavaScript": SCRIPTS,
    "/Launch": PROGRAMS,
    "/GoToR": PROGRAMS,
    "/GoToE": PROGRAMS,
    "/Thread": PROGRAMS,
    "/SubmitForm": FORMS,
    "/ImportData": FORMS,
    "/ResetForm": FORMS,
    "/Rendition": MEDIA,
    "/Movie": MEDIA,
    "/Sound": MEDIA,
    "/RichMediaExecute": MEDIA,
    "/GoTo3DView": MEDIA,
}
#: Annotations that exist only to carry a file or play media.
REMOVED_ANNOTATIONS = {
    "/FileAttachment": FILES,
    "/RichMedia": MEDIA,
    "/3D": MEDIA,
    "/Movie": MEDIA,
    "/Sound": MEDIA,
    "/Screen": MEDIA,
}
#: Document-level name trees that hold scripts, files or media.
REMOVED_NAME_TREES = {
    "/JavaScript": SCRIPTS,
    "/EmbeddedFiles": FILES,
    "/AlternatePresentations": MEDIA,
}
#: Keys whose value is an action, or a list of actions.
ACTION_KEYS = ("/OpenAction", "/A", "/Next")
#: Keys removed wherever they are: scripts, the files of a file specification, an XFA form,
#: the navigator of a PDF portfolio.
REMOVED_KEYS = {"/JS": SCRIPTS, "/EF": FILES, "/RF": FILES, "/XFA": XFA, "/Collection": FILES}
#: The document information kept: what readers and search engines show.
INFO_KEYS = (
    "/Title",
    "/Author",
    "/Subject",
    "/Keywords",
    "/Creator",
    "/Producer",
    "/CreationDate",
    "/ModDate",
)


def check_pdf(upload):
    """Raise a ValidationError unless ``upload`` is a PDF that opens and has at least one page."""
    _open(upload)
    upload.seek(0)


def clean_pdf(upload):
    """Return a new upload of the same name holding ``upload`` without its active content.

    Raises a ValidationError if ``upload`` is not a PDF that can be read. The returned file
    carries ``active_content_removed``: what was taken out, in words for the editor (empty if
    nothing was). A file that already carries it is returned as it is.
    """
    if hasattr(upload, "active_content_removed"):
        return upload
    reader = _open(upload)
    try:
        removed, content = _rewrite(reader)
        upload.seek(0)
        original = upload.read().lower()
        lowered = content.lower()
        if any(sign in original and sign not in lowered for sign in MARKUP_SIGNS):
            removed = sorted({*removed, MARKUP})
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise _unreadable() from exc
    except RecursionError as exc:
        raise _too_complex() from exc
    finally:
        upload.seek(0)
    cleaned = SimpleUploadedFile(upload.name, content, content_type="application/pdf")
    cleaned.active_content_removed = removed
    return cleaned


def _open(upload):
    check_size(upload, MAX_PDF_BYTES, "PDFs")
    upload.seek(0)
    try:
        if upload.read(5) != b"%PDF-":
            raise ValidationError("This file is not a PDF.", code="not_pdf")
        upload.seek(0)
        reader = PdfReader(io.BytesIO(upload.read()), strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                "This PDF is password-protected; upload one readers can open.", code="encrypted"
            )
        pages = len(reader.pages)
        if pages < 1:
            raise ValidationError("This PDF has no pages.", code="empty")
        if pages > MAX_PDF_PAGES:
            raise ValidationError(
                f"This PDF has {pages} pages; PDFs may have at most {MAX_PDF_PAGES}.",
                code="too_many_pages",
            )
        if int(reader.trailer.get("/Size", 0)) > MAX_PDF_OBJECTS:
            raise _too_complex()
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise _unreadable() from exc
    except RecursionError as exc:
        raise _too_complex() from exc
    finally:
        upload.seek(0)
    return reader


def _unreadable():
    return ValidationError(
        "This PDF cannot be read (it may be damaged or not a PDF at all).", code="invalid_pdf"
    )


def _too_complex():
    return ValidationError(
        "This PDF is too intricate to check. Save it again from the program that made it "
        "(for example with “Save as” or “Export to PDF”) and upload it again.",
        code="too_complex",
    )


def _rewrite(reader):
    """Clean a copy of ``reader``'s document; return what was removed and the new file's bytes.

    The copy is written, read back and copied once more: copying follows only what the document
    refers to, so what was cut loose by the cleaning is left behind, as is anything in the
    upload that is not part of the document at all. Reading it back also proves the result is
    a readable PDF with every page.
    """
    deadline = time.monotonic() + MAX_CLEANING_SECONDS
    writer = PdfWriter(clone_from=reader)
    removed = _strip_active_content(writer, deadline)
    _keep_plain_information(writer)
    first = io.BytesIO()
    writer.write(first)
    copy = PdfWriter(clone_from=PdfReader(first, strict=False))
    output = io.BytesIO()
    copy.write(output)
    if len(PdfReader(io.BytesIO(output.getvalue()), strict=False).pages) != len(reader.pages):
        raise _unreadable()
    return sorted(removed), output.getvalue()


def _strip_active_content(writer, deadline):
    """Remove active content from every object the document refers to; return what went.

    Walks the object graph without recursion, so that deeply nested files cannot exhaust the
    stack, visiting each object once, within ``MAX_PDF_OBJECTS`` visits and the deadline.
    """
    removed = set()
    seen = set()
    stack = [writer.root_object]
    visits = 0
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
            item = item.get_object()
        visits += 1
        if visits > MAX_PDF_OBJECTS or (visits % 1000 == 0 and time.monotonic() > deadline):
            raise _too_complex()
        if isinstance(item, DictionaryObject):  # also streams, by their dictionary
            _clean_dictionary(item, removed)
            stack.extend(dict.values(item))
        elif isinstance(item, ArrayObject):
            stack.extend(list.__iter__(item))
    return removed


def _clean_dictionary(dictionary, removed):
    for key, label in REMOVED_KEYS.items():
        if key in dictionary:
            del dictionary[key]
            removed.add(label)
    names = _resolved(dictionary.get("/Names"))
    if isinstance(names, DictionaryObject):
        for key, label in REMOVED_NAME_TREES.items():
            if key in names:
                del names[key]
                removed.add(label)
    for key in ACTION_KEYS:
        value = _resolved(dictionary.get(key))
        if _is_action(value):
            if not _safe_action(value, removed):
                del dictionary[key]
        elif isinstance(value, ArrayObject) and any(_is_action(_resolved(a)) for a in value):
            kept = [a for a in value if not _is_action(_resolved(a)) or _safe_action(a, removed)]
            dictionary[NameObject(key)] = ArrayObject(kept)
    if "/AA" in dictionary:
        _clean_additional_actions(dictionary, removed)
    annotations = _resolved(dictionary.get("/Annots"))
    if isinstance(annotations, ArrayObject):
        kept = [a for a in annotations if _keep_annotation(_resolved(a), removed)]
        if len(kept) != len(annotations):
            dictionary[NameObject("/Annots")] = ArrayObject(kept)
    if _stored_plain(dictionary):
        dictionary[NameObject("/Filter")] = NameObject("/FlateDecode")
        dictionary.set_data(zlib.compress(dictionary.get_data()))
    for key, value in list(dictionary.items()):
        stream = _resolved(value)
        if isinstance(stream, StreamObject) and stream.get("/Type") == "/EmbeddedFile":
            del dictionary[key]
            removed.add(FILES)


def _stored_plain(dictionary):
    """Whether ``dictionary`` is a stream kept uncompressed, other than XMP metadata.

    Such streams are compressed: then no markup or script written in one (in a comment of a
    page's content, say) appears as it is in the file, for a browser that guesses a file's type
    from its bytes to find. XMP metadata stays as it is, since archival PDF (PDF/A) requires it.
    """
    return (
        isinstance(dictionary, DecodedStreamObject)
        and "/Filter" not in dictionary
        and "/DecodeParms" not in dictionary
        and dictionary.get("/Type") != "/Metadata"
    )


def _clean_additional_actions(dictionary, removed):
    """Keep only the safe actions run on events (opening a page, leaving a field...)."""
    actions = _resolved(dictionary.get("/AA"))
    if isinstance(actions, DictionaryObject):
        for trigger, action in list(actions.items()):
            if not (_is_action(_resolved(action)) and _safe_action(_resolved(action), removed)):
                if not _is_action(_resolved(action)):
                    removed.add(OTHER)
                del actions[trigger]
        if actions:
            return
    else:
        removed.add(OTHER)
    del dictionary["/AA"]


def _keep_annotation(annotation, removed):
    """Whether an annotation stays: not one carrying a file or media, nor a link that is unsafe."""
    if not isinstance(annotation, DictionaryObject):
        return True
    subtype = annotation.get("/Subtype")
    if subtype in REMOVED_ANNOTATIONS:
        removed.add(REMOVED_ANNOTATIONS[subtype])
        return False
    action = _resolved(annotation.get("/A"))
    if subtype == "/Link" and _is_action(action):
        return _safe_action(action, removed)
    return True


def _safe_action(action, removed):
    """Whether a reader may carry out ``action``; if not, note what kind of action it was."""
    action = _resolved(action)
    kind = action.get("/S")
    if kind == "/URI":
        address = _resolved(action.get("/URI"))
        if isinstance(address, bytes):
            address = address.decode("latin-1")
        scheme = str(address or "").strip(" \t\r\n\x00").split(":", 1)[0].lower()
        if scheme in SAFE_SCHEMES and ":" in str(address):
            return True
        removed.add(ADDRESSES)
        return False
    if kind == "/Named":
        if action.get("/N") in SAFE_NAMED:
            return True
        removed.add(OTHER)
        return False
    if kind in SAFE_ACTIONS:
        return True
    removed.add(UNSAFE_ACTION_LABELS.get(kind, OTHER))
    return False


def _is_action(value):
    return isinstance(value, DictionaryObject) and isinstance(value.get("/S"), NameObject)


def _resolved(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def _keep_plain_information(writer):
    """Keep only the usual text entries of the document information (title, author...).

    Angle brackets become look-alike quotation marks, for the reason given in ``_stored_plain``.
    """
    information = writer.metadata or {}
    kept = {}
    for key in INFO_KEYS:
        value = _resolved(information.get(key))
        if isinstance(value, (str, bytes)):
            text = value if isinstance(value, str) else value.decode("latin-1")
            # Written as they are near the start of the file: no markup in them (see above).
            kept[key] = text.replace("<", "‹").replace(">", "›")
    writer.metadata = kept or None
