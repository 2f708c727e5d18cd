from django.urls import path

from ratings import views

app_name = "ratings"

urlpatterns = [
    path("<id:pk>/", views.vote, name="vote"),
]
