from urllib.parse import urlencode

from django.shortcuts import render

from core.pagination import paginate

from .services import clean_query, page_results

RESULTS_PER_PAGE = 10


def results(request):
    query = clean_query(request.GET.get("q", ""))
    page = paginate(request, page_results(query), RESULTS_PER_PAGE) if query else None
    return render(
        request,
        "search/results.html",
        {"query": query, "page_obj": page, "page_query": urlencode({"q": query})},
    )
