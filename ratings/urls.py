from django.urls import re_path

from ratings import views

app_name = "ratings"

urlpatterns = [
    # Ids as portal.converters.IdConverter reads them (registered by news.urls).
    re_path(r"^(?P<pk>[0-9]{1,18})/$", views.vote, name="vote"),
]
