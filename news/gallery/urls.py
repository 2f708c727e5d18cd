from django.urls import path

import news.urls  # noqa: F401  (registers the "id" path converter)
from news.gallery import views

app_name = "gallery"

urlpatterns = [
    path("", views.AlbumListView.as_view(), name="albums"),
    path("<slug:slug>-<id:pk>/", views.AlbumView.as_view(), name="album"),
]
