"""import_nukeviet on a real MariaDB database built after NukeViet's own tables."""

import json
import re

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone
from reversion.models import Version

from comments.models import Comment
from news.legacy.models import LegacyLink, LegacySite
from news.models import Article, Attachment, Category, Tag
from portal.models import SiteSettings
from ratings.models import OpeningRating, Vote
from stats.models import OpeningArticleViews, OpeningVisits
from tests.legacy import nukeviet_data

pytestmark = pytest.mark.django_db

ARTICLE_12 = (
    "/tin-tuc/thi-dua-khen-thuong/hoi-nghi-tong-ket-cong-tac-thi-dua-nam-2023-12.html"
)


def counts():
    """Rows of everything an import writes."""
    return {
        model.__name__: model.objects.count()
        for model in (
            LegacySite,
            LegacyLink,
            Category,
            Article,
            Attachment,
            Tag,
            Comment,
            OpeningRating,
            OpeningArticleViews,
            OpeningVisits,
            Version,
        )
    }


def test_every_count_matches_the_old_site(old_site):
    old_site.run()
    assert Category.objects.count() == 4
    assert set(
        Category.objects.filter(is_active=True).values_list("slug", flat=True)
    ) == {
        "tin-tuc-su-kien",
        "thoi-su",
        "thi-dua-khen-thuong",
    }
    assert set(
        Category.objects.filter(show_on_home=True).values_list("slug", flat=True)
    ) == {
        "tin-tuc-su-kien",
        "thi-dua-khen-thuong",
    }
    assert Category.objects.get(slug="thoi-su").parent.slug == "tin-tuc-su-kien"
    assert Category.objects.get(slug="tin-tuc-su-kien").name == "Tin tức & Sự kiện"
    states = {state: Article.objects.in_state(state).count() for state in Article.State}
    # 12, 13, 19 and 21 (published, in a suspended category); 14 at a future time;
    # 15 expired and 18 suspended; 16 a draft; 17 sent for approval. 20 and 22
    # are bad rows.
    assert states == {
        Article.State.PUBLISHED: 4,
        Article.State.SCHEDULED: 1,
        Article.State.UNPUBLISHED: 2,
        Article.State.DRAFT: 1,
        Article.State.REVIEW: 1,
    }
    assert set(Article.objects.published().values_list("pk", flat=True)) == {12, 13, 19}
    assert Article.objects.get(pk=15).take_down_at is not None
    assert set(Tag.objects.values_list("name", flat=True)) == {
        "thi đua khen thưởng",
        "chuyển đổi số",
        "covid-19",
        "Đại hội Đảng bộ các cấp",
    }
    assert Comment.objects.filter(state=Comment.State.APPROVED).count() == 4
    assert Comment.objects.filter(state=Comment.State.WAITING).count() == 1
    assert OpeningRating.objects.get().article_id == 12
    assert dict(OpeningArticleViews.objects.values_list("article_id", "views")) == {
        12: 1234,
        13: 50,
    }
    assert SiteSettings.load().visits_offset == nukeviet_data.TOTAL_VISITS


def test_the_article_published_at_12_01_2024_02_02_reads_as_on_the_old_site(
    old_site, client
):
    old_site.run()
    article = Article.objects.get(pk=12)
    assert article.get_absolute_url() == ARTICLE_12
    assert article.title == "Hội nghị tổng kết công tác thi đua năm 2023 !"
    assert article.summary == "Hội nghị đánh giá kết quả & đề ra nhiệm vụ năm 2024."
    assert timezone.localtime(article.created).strftime("%H:%M") == "01:52"
    response = client.get(ARTICLE_12)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Thứ sáu - 12/01/2024 02:02" in page
    assert "<figcaption>Quang cảnh hội nghị tổng kết</figcaption>" in page
    assert re.search(
        r'Nguồn tin: <a href="https://nhandan.vn/bai-goc-12.html"[^>]*>Báo Nhân Dân</a>',
        page,
    )
    assert "Nguyễn Văn An" in page
    assert "Tổng số điểm của bài viết là: 37 trong 9 đánh giá" in page
    assert 'data-figure="article-views">1.234<' in page
    assert "thi đua khen thưởng" in page and "Đại hội Đảng bộ các cấp" in page
    assert "Bài viết rất hay &amp; bổ ích!<br>Cảm ơn." in page
    assert "Ý kiến chờ duyệt." not in page
    assert "<script>alert(1)" not in article.body


def test_images_and_files_are_copied_checked_and_rewritten(old_site, settings):
    output = old_site.run()
    article = Article.objects.get(pk=12)
    assert article.image.name == "nukeviet/news/2024-01/hoi-nghi.jpg"
    assert default_storage.exists(article.image.name)
    assert default_storage.exists("nukeviet/news/2024-01/noi-dung.png")
    assert 'src="/media/nukeviet/news/2024-01/noi-dung.png"' in article.body
    assert 'href="/media/nukeviet/news/2024-01/ke-hoach.pdf"' in article.body
    # Renditions are made at import, as for an upload.
    assert default_storage.listdir("renditions/wide")[1]
    link = LegacyLink.objects.get(kind="article", old_id=12)
    attachment = Attachment.objects.get()
    assert link.data["files"] == [
        {
            "old": "2024_01/ke-hoach.pdf",
            "stored": "nukeviet/news/2024-01/ke-hoach.pdf",
            "attachment": attachment.pk,
        }
    ]
    # The article's files are its attachments, each a copy of its own (the body
    # links to the imported file, which deleting the attachment must not take).
    assert attachment.article_id == 12
    assert (attachment.title, attachment.kind) == ("ke-hoach", "pdf")
    assert attachment.size == default_storage.size(attachment.file.name)
    assert attachment.file.name.startswith("attachments/")
    assert link.data["other_categories"] == [2]
    assert "nv4_vi_news_rows #13: Thiếu tệp news/2024_02/khong-co.jpg" in output
    assert not Article.objects.get(pk=13).image


def test_an_imported_attachment_is_listed_under_the_article_and_downloads(
    old_site, client
):
    old_site.run()
    attachment = Attachment.objects.get()
    page = client.get(Article.objects.get(pk=12).get_absolute_url()).content.decode()
    assert attachment.get_absolute_url() in page and "ke-hoach" in page
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")
    # Deleting the attachment keeps the imported file the body links to.
    attachment.delete()
    assert default_storage.exists("nukeviet/news/2024-01/ke-hoach.pdf")


def test_an_old_file_that_is_not_a_document_is_copied_but_not_attached(old_site):
    folder = old_site.uploads / "news" / "2024_01"
    (folder / "ghi-chu.txt").write_text("Ghi chú", encoding="utf-8")
    old_site.execute(
        "UPDATE nv4_vi_news_detail SET files = '2024_01/ke-hoach.pdf,2024_01/ghi-chu.txt'"
        " WHERE id = 12"
    )
    output = old_site.run()
    assert "nv4_vi_news_rows #12: tệp 2024_01/ghi-chu.txt không được đính kèm" in output
    assert default_storage.exists("nukeviet/news/2024-01/ghi-chu.txt")
    assert list(Attachment.objects.values_list("title", flat=True)) == ["ke-hoach"]


def test_a_changed_article_keeps_its_attachments_and_gains_new_ones(old_site):
    old_site.run()
    first = Attachment.objects.get()
    folder = old_site.uploads / "news" / "2024_01"
    (folder / "bao-cao.pdf").write_bytes(b"%PDF-1.7\n% bao cao\n%%EOF\n")
    old_site.execute(
        "UPDATE nv4_vi_news_detail SET files = '2024_01/ke-hoach.pdf,2024_01/bao-cao.pdf'"
        " WHERE id = 12"
    )
    old_site.run()
    assert list(
        Attachment.objects.filter(article_id=12).values_list("pk", "title")
    ) == [(first.pk, "ke-hoach"), (first.pk + 1, "bao-cao")]
    old_site.run()
    assert Attachment.objects.count() == 2


def test_a_file_that_is_not_an_image_is_refused_as_a_lead_image(old_site):
    (old_site.uploads / "news" / "2024_01" / "hoi-nghi.jpg").write_bytes(b"<?php")
    output = old_site.run()
    assert "Tệp news/2024_01/hoi-nghi.jpg không được chép" in output
    assert not Article.objects.get(pk=12).image


def test_bad_rows_are_reported_with_table_and_id_and_the_rest_comes_over(old_site):
    with old_site.connection.cursor() as cursor:
        nukeviet_data.insert_article(
            cursor,
            23,
            nukeviet_data.article(
                title="Bài quá dài", alias="qua-dai", bodyhtml="<p>" + "x" * 1_000_000
            ),
        )
        nukeviet_data.insert_article(
            cursor,
            24,
            nukeviet_data.article(
                title="HTML hỏng được sửa",
                alias="html-hong",
                bodyhtml="<p><b>đậm<p>tiếp",
            ),
        )
    output = old_site.run()
    assert (
        "nv4_vi_news_rows #23: nội dung dài 1000003 ký tự, quá giới hạn 1000000."
        in output
    )
    assert Article.objects.get(pk=24).body == "<p><b>đậm</b></p><p><b>tiếp</b></p>"
    assert "nv4_vi_news_rows #20: publtime không hợp lệ (0)." in output
    assert "nv4_vi_news_rows #22: bodyhtml chứa ký tự NUL" in output
    assert "nv4_vi_comment #6: bài viết #20 không được nhập." in output
    assert not Article.objects.filter(pk__in=[20, 22, 23]).exists()
    assert Article.objects.count() == 10


def test_the_rating_line_keeps_counting_after_a_new_vote(old_site, client):
    old_site.run()
    response = client.post(
        "/danh-gia/12/",
        {"score": 5},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200, response.content
    assert (
        response.json()["line"] == "Tổng số điểm của bài viết là: 42 trong 10 đánh giá"
    )
    page = client.get(ARTICLE_12).content.decode()
    assert "Tổng số điểm của bài viết là: 42 trong 10 đánh giá" in page
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', page, re.S
    )
    rating = json.loads(blocks[0])["aggregateRating"]
    assert (rating["ratingCount"], rating["ratingValue"]) == (10, 4.2)
    summary = Vote.objects.summaries([12, 13])
    assert (summary[12].total, summary[12].count, summary[13].count) == (42, 10, 0)


def test_visit_totals_continue_from_the_old_counters(old_site, admin_client):
    from stats import figures

    old_site.run()
    now = timezone.now()
    shown = figures.visit_figures()
    assert shown["total"] == nukeviet_data.TOTAL_VISITS
    assert shown["month"] == nukeviet_data.month_visits(timezone.localdate().month)
    csv = admin_client.get("/admin/stats/dailytraffic/export/yearly.csv?range=30")
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert f"2023,{nukeviet_data.YEAR_2023_VISITS},0" in lines
    assert f"{now.year},{nukeviet_data.this_year_visits(now)},0" in lines
    # The year's 700 visits not known by month are kept apart from the months.
    assert OpeningVisits.objects.get(year=now.year, month=0).visits == 700


def test_a_category_set_up_by_hand_with_the_same_alias_is_adopted(old_site):
    from tests.factories import make_category

    by_hand = make_category(name="Thời sự (tạm)", slug="thoi-su")
    old_site.run()
    by_hand.refresh_from_db()
    assert by_hand.name == "Thời sự"
    assert LegacyLink.objects.get(kind="category", old_id=2).category == by_hand
    assert Category.objects.count() == 4


def test_a_second_run_creates_and_changes_nothing(old_site):
    old_site.run()
    before = counts()
    updated = dict(Article.objects.values_list("pk", "updated"))
    output = old_site.run()
    assert counts() == before
    assert dict(Article.objects.values_list("pk", "updated")) == updated
    for line in output.splitlines()[1:10]:
        read, created, changed = line.split()[-5:-2]
        assert (created, changed) == ("0", "0"), line


def test_a_later_run_brings_only_what_is_new_or_changed(old_site):
    old_site.run()
    untouched = Article.objects.get(pk=12).updated
    row = nukeviet_data.article(title="Tin mới trên trang cũ", alias="tin-moi")
    with old_site.connection.cursor() as cursor:
        nukeviet_data.insert_article(cursor, 30, row)
        cursor.execute(
            "UPDATE nv4_vi_news_rows SET title = 'Tin và ảnh thời sự (sửa)', edittime = edittime + 60 WHERE id = 13"
        )
        cursor.execute("UPDATE nv4_vi_news_rows SET hitstotal = 1300 WHERE id = 12")
    output = old_site.run()
    articles_line = next(
        line for line in output.splitlines() if line.startswith("Bài viết")
    )
    assert articles_line.split()[-5:] == ["12", "1", "1", "8", "2"]
    assert Article.objects.get(pk=30).title == "Tin mới trên trang cũ"
    assert Article.objects.get(pk=13).title == "Tin và ảnh thời sự (sửa)"
    assert Article.objects.get(pk=12).updated == untouched
    assert OpeningArticleViews.objects.get(article_id=12).views == 1300


def test_an_article_edited_here_is_not_overwritten_by_a_later_run(old_site):
    old_site.run()
    article = Article.objects.get(pk=13)
    article.title = "Sửa ở trang mới"
    article.save()
    old_site.execute(
        "UPDATE nv4_vi_news_rows SET title = 'Sửa ở trang cũ' WHERE id = 13"
    )
    output = old_site.run()
    assert "nv4_vi_news_rows #13: bài đã được sửa ở đây" in output
    assert Article.objects.get(pk=13).title == "Sửa ở trang mới"


def test_a_dry_run_writes_nothing(old_site):
    before = counts()
    output = old_site.run("--dry-run")
    assert "Chạy thử: không ghi gì." in output
    assert "Bài viết" in output and "9" in output
    assert counts() == before
    assert SiteSettings.load().visits_offset == 0
    assert not default_storage.exists("nukeviet")


def test_an_external_link_article_sends_readers_to_its_source(old_site, client):
    old_site.run()
    article = Article.objects.get(pk=19)
    assert article.external_url == "https://chinhphu.vn/tin-goc-19.html"
    response = client.get(article.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == "https://chinhphu.vn/tin-goc-19.html"
    old = client.get("/news/thoi-su/lien-ket-chinh-phu-19.html")
    assert (old.status_code, old["Location"]) == (301, article.get_absolute_url())


def test_comments_keep_their_reply_tree_and_lose_their_address(old_site):
    old_site.run()
    by_text = {c.text: c for c in Comment.objects.all()}
    first = by_text["Bài viết rất hay & bổ ích!\nCảm ơn."]
    reply = by_text["Đồng ý với bạn."]
    second_reply = by_text["Cảm ơn hai bạn."]
    assert (reply.parent, reply.reply_to) == (first, first)
    assert (second_reply.parent, second_reply.reply_to) == (first, reply)
    assert first.ip_hash and "203.113" not in first.ip_hash
    assert (
        timezone.localtime(first.created).strftime("%d/%m/%Y %H:%M")
        == "13/01/2024 09:00"
    )
    assert not Comment.objects.filter(text__contains="module khác").exists()


def test_the_mapping_is_visible_in_the_admin(old_site, admin_client):
    old_site.run()
    page = admin_client.get("/admin/legacy/legacylink/?q=hoi-nghi").content.decode()
    assert (
        "/news/thi-dua-khen-thuong/hoi-nghi-tong-ket-cong-tac-thi-dua-nam-2023-12.html"
        in page
    )
    assert ARTICLE_12 in page
    link = LegacyLink.objects.get(kind="tag", old_id=1)
    assert (
        admin_client.get(f"/admin/legacy/legacylink/{link.pk}/change/").status_code
        == 200
    )
    assert (
        "thi-đua-khen-thưởng"
        in admin_client.get(
            "/admin/legacy/legacylink/?kind__exact=tag"
        ).content.decode()
    )
    assert admin_client.get("/admin/legacy/legacysite/").status_code == 200


def test_the_same_database_read_from_another_server_is_the_same_site(old_site):
    old_site.run()
    before = counts()
    # The same server under another name, as a restored dump would be.
    old_site.url = old_site.url.replace("127.0.0.1", "localhost")
    output = old_site.run()
    assert counts() == before
    assert (
        "Bài viết            11        0         0                   9    2" in output
    )
    assert LegacySite.objects.get().server == "localhost:3306"
