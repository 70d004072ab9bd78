from django.conf import settings
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "RSIS site administration"
admin.site.site_title = "RSIS admin"
admin.site.index_title = "Manage the site"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("search/", include("search.urls")),
    path("staff/", include("staff.urls")),
    path("research/", include("research.urls")),
    path("", include("core.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Content pages live at their menu path; this catch-all must stay last.
urlpatterns += [path("", include("navigation.urls"))]
