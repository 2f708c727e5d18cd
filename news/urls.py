from django.urls import path

from news import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("tin-tuc/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path(
        "tin-tuc/<slug:category>/<slug:slug>-<id:pk>.html",
        views.ArticleView.as_view(),
        name="article",
    ),
    path("tin-tuc/bai-viet/<id:pk>/", views.article_by_id, name="article-by-id"),
    path("tin-tuc/bai-viet/<id:pk>/ban-in/", views.article_print, name="article-print"),
    path("the/<str:slug>/", views.TagView.as_view(), name="tag"),
    path("tai-lieu/<id:pk>/", views.attachment_download, name="attachment"),
    path(
        "tai-lieu/<id:pk>/xem/",
        views.attachment_preview,
        name="attachment-preview",
    ),
    path("tim-kiem/", views.SearchView.as_view(), name="search"),
    path("rss/", feeds.LatestNewsFeed(), name="feed"),
    path("rss/<slug:slug>/", feeds.CategoryFeed(), name="category-feed"),
]
