from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from core.pagination import paginate

from .services import SearchRequest, code_target, run

RESULTS_PER_PAGE = 10


@require_safe
def results(request):
    """The search page: results with snippets and facets; a series code goes to its item."""
    search = SearchRequest.from_query(request.GET)
    context = {"search": search, "query": search.q}
    if search.q:
        target = code_target(search)
        if target:
            return redirect(target)
        outcome = run(search)
        page_obj = paginate(request, outcome.results, RESULTS_PER_PAGE, count=outcome.facets.total)
        context.update(outcome=outcome, page_obj=page_obj, page_query=search.page_query)
    return render(request, "search/results.html", context)
