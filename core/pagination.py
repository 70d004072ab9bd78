from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404


class CountedPaginator(Paginator):
    """A Paginator told its item count up front (e.g. from a cache) instead of counting."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count  # fills the cached_property


def paginate(request, object_list, per_page, count=None):
    """The page of ``object_list`` asked for by ``?page=``; 404 for a bad or missing page number.

    ``count``, if given, is the known length of ``object_list``.
    """
    if count is None:
        paginator = Paginator(object_list, per_page)
    else:
        paginator = CountedPaginator(object_list, per_page, count)
    raw = request.GET.get("page", "1")
    try:
        return paginator.page(raw if len(raw) < 12 else "x")
    except (PageNotAnInteger, EmptyPage) as exc:
        raise Http404(f"There is no page “{raw[:20]}” in this list.") from exc
