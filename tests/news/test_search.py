import importlib
import io
import unicodedata
from datetime import timedelta

import pytest
from django.apps import apps
from django.utils import timezone

from news.models import Article, Tag
from news.search import highlight, snippet
from news.text import fold
from tests.factories import image_upload, make_article, make_category, make_user

pytestmark = pytest.mark.django_db

TITLE = (
    "Cụm thi đua các tổ chức chính trị - xã hội tổng kết công tác thi đua, "
    "khen thưởng năm 2023"
)
# A body that mentions the words of the title, but in another article's title.
BODY_ONLY = (
    "<p>Chiều 15/1, Ủy ban MTTQ tỉnh họp với các tổ chức chính trị - xã hội để "
    "triển khai nhiệm vụ năm 2024. Đại diện các tổ chức chính trị - xã hội báo cáo "
    "kết quả thực hiện cuộc vận động; các tổ chức chính trị - xã hội thống nhất "
    "chương trình phối hợp.</p>"
)


def titles(response):
    return [result["article"].title for result in response.context["results"]]


def search(client, query, **params):
    return client.get("/tim-kiem/", {"q": query, **params})


@pytest.mark.parametrize(
    "query",
    [
        "to chuc chinh tri",
        "TỔ CHỨC",
        "thi đua khen thưởng",
        "thi dua khen thuong",
        "THI ĐUA",
        "  tổ   chức  ",
    ],
)
def test_the_title_is_found_with_or_without_diacritics_in_any_case(client, query):
    make_article(
        title=TITLE,
        summary="Hội nghị tổng kết của Cụm thi đua năm 2023.",
        body="<p>Sáng 12/1, Cụm thi đua tổ chức hội nghị tổng kết.</p>",
    )
    make_article(title="Hội nghị cán bộ công chức", body="<p>Nội dung khác.</p>")
    response = search(client, query)
    assert response.status_code == 200
    assert titles(response) == [TITLE]


def test_words_must_all_occur_somewhere_in_the_article(client):
    make_article(title=TITLE, body="<p>Tổng kết năm.</p>")
    assert titles(search(client, "thi đua du lịch")) == []


def test_a_title_match_ranks_above_a_body_only_match(client):
    category = make_category()
    in_title = make_article(
        title=TITLE,
        category=category,
        summary="Tổng kết năm 2023.",
        body="<p>Hội nghị diễn ra tại Hội trường tỉnh.</p>",
        publish_at=timezone.now() - timedelta(days=30),
    )
    in_body = make_article(
        title="Ủy ban MTTQ tỉnh triển khai nhiệm vụ năm 2024",
        category=category,
        summary="Hội nghị triển khai nhiệm vụ.",
        body=BODY_ONLY,
        publish_at=timezone.now() - timedelta(hours=1),
    )
    response = search(client, "to chuc chinh tri")
    assert titles(response) == [in_title.title, in_body.title]
    ranks = [result["article"].rank for result in response.context["results"]]
    assert ranks[0] > ranks[1]


def test_summary_and_tags_are_searched(client):
    by_summary = make_article(
        title="Tin thứ nhất", summary="Phong trào Dân vận khéo ở cơ sở."
    )
    by_tag = make_article(title="Tin thứ hai", tags=["Chuyển đổi số"])
    assert titles(search(client, "dan van kheo")) == [by_summary.title]
    assert titles(search(client, "chuyen doi so")) == [by_tag.title]


def test_tag_changes_and_edits_keep_the_search_text_current(
    client, django_capture_on_commit_callbacks
):
    article = make_article(title="Tin hoạt động", body="<p>Nội dung.</p>")
    assert titles(search(client, "nong thon moi")) == []

    article.tags.add("Nông thôn mới")
    assert titles(search(client, "nong thon moi")) == [article.title]

    tag = Tag.objects.get(name="Nông thôn mới")
    tag.name = "Đô thị văn minh"
    tag.save()
    assert titles(search(client, "nong thon moi")) == []
    assert titles(search(client, "do thi van minh")) == [article.title]

    article.tags.clear()
    assert titles(search(client, "do thi van minh")) == []

    article.tags.add("Chuyển đổi số")
    assert titles(search(client, "chuyen doi so")) == [article.title]
    with django_capture_on_commit_callbacks(execute=True):
        Tag.objects.get(name="Chuyển đổi số").delete()  # links go by cascade
    assert titles(search(client, "chuyen doi so")) == []

    article.title = "Tin bầu cử đại biểu"
    article.save()
    assert titles(search(client, "hoat dong")) == []
    assert titles(search(client, "bau cu")) == [article.title]


def test_only_published_articles_are_found(client):
    hidden = make_category(is_active=False)
    make_article(title="Bản nháp về thi đua", status=Article.Status.DRAFT)
    make_article(
        title="Hẹn giờ về thi đua", publish_at=timezone.now() + timedelta(hours=2)
    )
    make_article(title="Chuyên mục tắt về thi đua", category=hidden)
    shown = make_article(title="Đã đăng về thi đua")
    assert titles(search(client, "thi dua")) == [shown.title]


def test_matched_words_are_marked_and_the_rest_is_escaped(client):
    make_article(
        title="Tổ chức <b>hội thi</b> & giao lưu",
        summary="",
        body="<p>Đầu bài.</p><p>Năm nay Hội LHPN tổ chức hội thi cấp tỉnh.</p>",
    )
    html = search(client, "TO CHUC").content.decode()
    assert "<mark>Tổ</mark> <mark>chức</mark> &lt;b&gt;hội thi&lt;/b&gt; &amp;" in html
    assert "Hội LHPN <mark>tổ</mark> <mark>chức</mark> hội thi cấp tỉnh." in html
    assert "<b>hội thi</b>" not in html


def test_every_vietnamese_letter_folds_to_one_character():
    letters = (
        "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợ"
        "pqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
    )
    for letter in letters + letters.upper():
        assert len(fold(letter)) == 1, letter
    assert fold(letters).isascii()


def test_highlight_copes_with_decomposed_text():
    text = unicodedata.normalize("NFD", "Công tác Thi đua")
    marked = highlight(text, ["thi", "dua"])
    assert marked.count("<mark>") == 2
    assert unicodedata.normalize("NFC", marked).endswith(
        "<mark>Thi</mark> <mark>đua</mark>"
    )


def test_snippet_is_centred_on_the_first_match():
    words = " ".join(f"từ{i}" for i in range(100))
    text = f"{words} khen thưởng {words}"
    result = snippet(text, ["khen", "thuong"], words=20)
    assert result.startswith("… ") and result.endswith(" …")
    assert "<mark>khen</mark> <mark>thưởng</mark>" in result
    assert len(result.split()) < 30


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Hãy nhập từ khóa cần tìm."),
        ("   ", "Hãy nhập từ khóa cần tìm."),
        ("a", "Từ khóa tìm kiếm cần ít nhất 2 ký tự."),
        (" đ ", "Từ khóa tìm kiếm cần ít nhất 2 ký tự."),
        ("x" * 201, "Từ khóa tìm kiếm dài quá 200 ký tự; hãy rút gọn."),
        ("ab\x00cd", "Từ khóa chứa ký tự không hợp lệ."),
        ("!!! ---", "Từ khóa cần có chữ hoặc số."),
        ("___", "Từ khóa cần có chữ hoặc số."),
    ],
)
def test_bad_queries_get_a_clear_message_and_400(client, query, message):
    make_article(title=TITLE)
    response = search(client, query)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert html.count("<h1") == 1


def test_a_200_character_query_is_accepted(client):
    response = search(client, ("thi đua " * 30)[:200])
    assert response.status_code == 200


def test_the_search_page_without_a_query_shows_the_form(client):
    response = client.get("/tim-kiem/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="search-q"' in html and 'role="alert"' not in html


def test_results_are_paginated_twenty_a_page(client):
    category = make_category()
    base = timezone.now() - timedelta(days=1)
    for i in range(25):
        make_article(
            title=f"Thi đua số {i}",
            category=category,
            publish_at=base + timedelta(minutes=i),
        )
    first = search(client, "thi dua")
    assert len(titles(first)) == 20
    assert "Tìm thấy 25 bài viết" in first.content.decode()
    second = search(client, "thi dua", page=2)
    assert len(titles(second)) == 5
    assert set(titles(first)).isdisjoint(titles(second))
    assert search(client, "thi dua", page=99).status_code == 404


def test_the_search_page_keeps_a_bounded_number_of_queries(
    client, django_assert_max_num_queries
):
    category = make_category()
    make_article(title="Thi đua một", category=category, tags=["thi đua"])
    search(client, "thi dua")  # warm the site-settings cache
    # Count, results and the side column's latest news (the menu is cached);
    # + 1: stats records the page view in one INSERT.
    with django_assert_max_num_queries(4) as few:
        search(client, "thi dua")
    baseline = len(few)  # before the next request resets the query log
    for i in range(30):
        make_article(
            title=f"Thi đua {i}",
            category=make_category() if i % 3 else category,
            tags=[f"thẻ {i}", "thi đua"],
            image=image_upload() if i < 3 else "",
        )
    search(client, "thi dua")  # renditions are made on first use
    with django_assert_max_num_queries(baseline):
        response = search(client, "thi dua")
    assert len(titles(response)) == 20


def test_the_data_migration_fills_existing_rows(client):
    article = make_article(title=TITLE, tags=["Khen thưởng"])
    Article.objects.update(search_vector=None)
    assert titles(search(client, "to chuc")) == []
    migration = importlib.import_module("news.migrations.0002_search_vector")
    migration.fill_search_vectors(apps, None)
    assert titles(search(client, "to chuc")) == [article.title]
    assert titles(search(client, "khen thuong")) == [article.title]


@pytest.fixture
def english(client, settings):
    """English chosen by the reader, with the .po files freshly compiled."""
    from django.core.management import call_command

    call_command("compile_translations", stdout=io.StringIO())
    # Reassigning LOCALE_PATHS makes Django drop its cached catalogues.
    settings.LOCALE_PATHS = list(settings.LOCALE_PATHS)
    client.cookies["django_language"] = "en"
    return client


def test_search_feeds_and_print_speak_english_when_the_reader_chose_it(english):
    article = make_article(title=TITLE)
    assert (
        ">Print version</a>" in english.get(article.get_absolute_url()).content.decode()
    )
    html = search(english, "to chuc").content.decode()
    assert "Search terms" in html
    assert "Found 1 article for “to chuc”." in html
    two = search(english, "x").content.decode()
    assert "Search terms need at least 2 characters." in two
    feed = english.get("/rss/").content.decode()
    assert "Latest news" in feed


def test_an_article_saved_in_the_admin_is_found_by_its_tags(client):
    from django.urls import reverse

    from tests.news.test_admin import article_form

    client.force_login(make_user(role="Thư ký tòa soạn"))
    data = article_form(make_category(), title="Hội nghị tổng kết", summary="")
    data.update(body="<p>Nội dung.</p>", publish_at_0="01/01/2024")
    response = client.post(reverse("admin:news_article_add"), data)
    assert response.status_code == 302
    client.logout()
    assert titles(search(client, "khen thuong")) == ["Hội nghị tổng kết"]
