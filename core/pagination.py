from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404


def paginate(request, object_list, per_page):
    """The page of ``object_list`` asked for by ``?page=``; 404 for a bad or missing page number."""
    paginator = Paginator(object_list, per_page)
    raw = request.GET.get("page", "1")
    try:
        return paginator.page(raw if len(raw) < 12 else "x")
    except (PageNotAnInteger, EmptyPage) as exc:
        raise Http404(f"There is no page “{raw[:20]}” in this list.") from exc
