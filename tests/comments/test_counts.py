"""What list pages, blocks and the dashboard read: counts and the latest comments."""

import pytest
from django.template import Context, Template

from comments.models import Comment
from news.models import Article
from tests.factories import make_article, make_category, make_comment

pytestmark = pytest.mark.django_db


def test_visible_counts_in_one_query_out_of_hidden_states(django_assert_num_queries):
    first, second, empty = make_article(), make_article(), make_article()
    for _ in range(3):
        make_comment(article=first)
    make_comment(article=second)
    for state in ("waiting", "spam", "removed"):
        make_comment(article=second, state=state)
    with django_assert_num_queries(1):
        counts = Comment.objects.visible_counts([first.pk, second.pk, empty.pk])
    assert counts == {first.pk: 3, second.pk: 1, empty.pk: 0}
    with django_assert_num_queries(0):
        assert Comment.objects.visible_counts([]) == {}


def test_list_pages_show_counts_with_one_query_for_the_whole_page(
    django_assert_num_queries,
):
    articles = [make_article() for _ in range(10)]
    for i, article in enumerate(articles):
        for _ in range(i % 3):
            make_comment(article=article)
    page = list(Article.objects.filter(pk__in=[a.pk for a in articles]).order_by("id"))
    template = Template(
        "{% load comments_tags %}{% attach_comment_counts articles %}"
        "{% for a in articles %}{{ a.pk }}={{ a.comment_count }};{% endfor %}"
    )
    with django_assert_num_queries(1):
        html = template.render(Context({"articles": page}))
    expected = ";".join(f"{a.pk}={i % 3}" for i, a in enumerate(articles)) + ";"
    assert html == expected


def test_list_counts_are_kept_until_comments_change(django_assert_num_queries):
    """A list page rendered anew reads no count it read before, and a new, hidden
    or approved comment shows in the next render."""
    article, other = make_article(), make_article()
    make_comment(article=article)
    page = list(Article.objects.filter(pk__in=[article.pk, other.pk]).order_by("id"))
    template = Template(
        "{% load comments_tags %}{% attach_comment_counts articles %}"
        "{% for a in articles %}{{ a.comment_count }};{% endfor %}"
    )
    assert template.render(Context({"articles": page})) == "1;0;"
    with django_assert_num_queries(0):
        assert template.render(Context({"articles": page})) == "1;0;"
    second = make_comment(article=article)
    assert template.render(Context({"articles": page})) == "2;0;"
    from comments.services import moderate

    moderate(comments=Comment.objects.filter(pk=second.pk), state="spam")
    assert template.render(Context({"articles": page})) == "1;0;"


def test_a_sliced_queryset_keeps_its_attached_counts(django_assert_num_queries):
    for _ in range(3):
        make_comment(article=make_article())
    articles = Article.objects.order_by("id")[:3]
    template = Template(
        "{% load comments_tags %}{% attach_comment_counts articles %}"
        "{% for a in articles %}{{ a.comment_count }}{% endfor %}"
    )
    with django_assert_num_queries(2):
        assert template.render(Context({"articles": articles})) == "111"


def test_the_latest_comments_block_is_cached_and_shows_published_articles_only(
    client, django_assert_max_num_queries
):
    shown = make_comment(text="Bình luận hiện")
    make_comment(text="Bình luận chờ", state="waiting")
    make_comment(
        article=make_article(status=Article.Status.DRAFT), text="Bài nháp bình luận"
    )
    page = client.get("/").content.decode()
    block = page.split("Bình luận mới")[1]
    assert "Bình luận hiện" in block and shown.get_absolute_url() in block
    assert "Bình luận chờ" not in block and "Bài nháp bình luận" not in block
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as warm:
        client.get("/")
    assert not any("comments_comment" in q["sql"] for q in warm.captured_queries)


def test_the_latest_block_reads_in_one_query_when_cold(django_assert_num_queries):
    from comments.latest import latest_comments

    for _ in range(8):
        make_comment()
    with django_assert_num_queries(1):
        items = latest_comments(5)
    assert len(items) == 5
    assert items[0]["created"] >= items[-1]["created"]


def test_article_querysets_take_the_count_as_an_annotation(django_assert_num_queries):
    from comments.models import with_visible_comment_count

    busy, quiet = make_article(), make_article()
    make_comment(article=busy)
    make_comment(article=busy)
    make_comment(article=busy, state="spam")
    with django_assert_num_queries(1):
        counts = dict(
            with_visible_comment_count(Article.objects.all()).values_list(
                "pk", "visible_comment_count"
            )
        )
    assert counts == {busy.pk: 2, quiet.pk: 0}


def test_category_pages_show_each_articles_visible_comment_count_in_one_query(
    client, django_assert_max_num_queries
):
    category = make_category()
    talked = make_article(category=category, title="Bài có bình luận")
    make_article(category=category, title="Bài chưa có bình luận")
    for _ in range(2):
        make_comment(article=talked)
    make_comment(article=talked, state="waiting")
    client.get(category.get_absolute_url())
    html = client.get(category.get_absolute_url()).content.decode()
    assert html.count('#y-kien-ban-doc">') == 1
    assert f'{talked.get_absolute_url()}#y-kien-ban-doc">2 bình luận</a>' in html
    for _ in range(10):
        make_comment(article=make_article(category=category))
    client.get(category.get_absolute_url())
    with django_assert_max_num_queries(8):
        client.get(category.get_absolute_url())
