"""The site's own date and time formats, over Django's for its language (``FORMAT_MODULE_PATH``)."""
