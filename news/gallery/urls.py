from django.urls import path

from news.gallery import views

app_name = "gallery"

urlpatterns = [
    path("", views.AlbumListView.as_view(), name="albums"),
    path("<slug:slug>-<id:pk>/", views.AlbumView.as_view(), name="album"),
]
