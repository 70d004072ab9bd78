import hashlib

from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from core.content_cache import memo_html
from core.pagination import paginate

from .request import SearchRequest, code_target
from .services import run

RESULTS_PER_PAGE = 10


@require_safe
def results(request):
    """The search page: results with snippets and facets; a series code goes to its item.

    The answer to a search (facets, the page of results, pagination) is worked out once per
    content generation for each query and page, like the publication lists.
    """
    search = SearchRequest.from_query(request.GET)
    context = {"search": search, "query": search.q, "page_query": search.page_query}
    if search.q:
        target = code_target(search)
        if target:
            return redirect(target)

        def build():
            outcome = run(search)
            page_obj = paginate(
                request, outcome.results, RESULTS_PER_PAGE, count=outcome.facets.total
            )
            return render_to_string(
                "search/includes/outcome.html",
                {**context, "outcome": outcome, "page_obj": page_obj},
                request,
            )

        page_number = request.GET.get("page", "1")[:12]
        asked = f"{search.page_query}&page={page_number}".encode()
        context["outcome_html"] = memo_html(f"search:{hashlib.sha256(asked).hexdigest()}", build)
    return render(request, "search/results.html", context)
