from django.urls import path, register_converter

from comments import views
from portal.converters import IdConverter

# news.urls registers the same converter as "id"; a second registration of a
# name is deprecated, so this app uses its own name.
register_converter(IdConverter, "dbid")

app_name = "comments"

urlpatterns = [
    path("binh-luan/bai-viet/<dbid:article_id>/gui/", views.post, name="post"),
    path("binh-luan/<dbid:pk>/", views.show, name="comment"),
    path(
        "binh-luan/huy-nhan-thong-bao/<str:token>/",
        views.unsubscribe,
        name="unsubscribe",
    ),
]
