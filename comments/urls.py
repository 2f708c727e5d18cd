from django.urls import path

from comments import views

app_name = "comments"

urlpatterns = [
    path("binh-luan/bai-viet/<id:article_id>/gui/", views.post, name="post"),
    path("binh-luan/<id:pk>/", views.show, name="comment"),
    path(
        "binh-luan/huy-nhan-thong-bao/<str:token>/",
        views.unsubscribe,
        name="unsubscribe",
    ),
]
