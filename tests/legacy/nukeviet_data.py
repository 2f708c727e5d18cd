"""A small Vietnamese NukeViet site in the tables of nukeviet_schema.sql: a
category tree, articles in every status, tags and a topic, comments with replies
and pending ones, rating sums, view counts, visit counters, and an uploads folder
with a lead image, a body image and an attachment."""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

from PIL import Image

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def ts(*args):
    """Unix time of a moment in the site time zone."""
    return int(datetime(*args, tzinfo=VN).timestamp())


PUBLISHED_AT = ts(2024, 1, 12, 2, 2)  # Thứ sáu - 12/01/2024 02:02

CATEGORIES = [
    # catid, parentid, title, alias, weight, status (1 home, 2 shown, 0 suspended)
    (1, 0, "Tin tức &amp; Sự kiện", "tin-tuc-su-kien", 1, 1),
    (2, 1, "Thời sự", "thoi-su", 1, 2),
    (3, 0, "Thi đua - Khen thưởng", "thi-dua-khen-thuong", 2, 1),
    (4, 0, "Lưu trữ", "luu-tru", 3, 0),
]

TAGS = [
    # tid, alias (Vietnamese letters kept), keyword
    (1, "thi-đua-khen-thưởng", "thi đua khen thưởng"),
    (2, "chuyển-đổi-số", "chuyển đổi số"),
    (3, "covid-19", "covid-19"),
]

BODY_12 = (
    "<p>Sáng 12/1, hội nghị tổng kết công tác thi đua đã diễn ra.</p>"
    '<p><img alt="Toàn cảnh" src="/uploads/news/2024_01/noi-dung.png" /></p>'
    "<script>alert(1)</script>"
    '<p>Xem <a href="/uploads/news/2024_01/ke-hoach.pdf">kế hoạch</a>.</p>'
)


def article(**fields):
    row = {
        "catid": 2,
        "listcatid": "2",
        "topicid": 0,
        "author": "",
        "sourceid": 0,
        "status": 1,
        "publtime": ts(2024, 2, 1, 8, 0),
        "exptime": 0,
        "archive": 0,
        "hometext": "Tóm tắt.",
        "homeimgfile": "",
        "homeimgalt": "",
        "homeimgthumb": 0,
        "inhome": 1,
        "allowed_comm": "6",
        "allowed_rating": 1,
        "external_link": 0,
        "hitstotal": 0,
        "hitscm": 0,
        "total_rating": 0,
        "click_rating": 0,
        "bodyhtml": "<p>Nội dung.</p>",
        "sourcetext": "",
        "files": "",
    }
    row.update(fields)
    row.setdefault("addtime", row["publtime"] - 3600 if row["publtime"] else 0)
    row.setdefault("edittime", row["addtime"])
    return row


ARTICLES = {
    12: article(
        catid=3,
        listcatid="3,2",
        topicid=1,
        title="Hội nghị tổng kết công tác thi đua năm 2023 &#33;",
        alias="hoi-nghi-tong-ket-cong-tac-thi-dua-nam-2023",
        author="Nguyễn Văn An",
        sourceid=1,
        sourcetext="https://nhandan.vn/bai-goc-12.html",
        publtime=PUBLISHED_AT,
        addtime=PUBLISHED_AT - 600,
        edittime=PUBLISHED_AT + 3600,
        hometext="Hội nghị đánh giá kết quả &amp; đề ra nhiệm vụ năm 2024.",
        homeimgfile="2024_01/hoi-nghi.jpg",
        homeimgalt="Quang cảnh hội nghị tổng kết",
        homeimgthumb=2,
        hitstotal=1234,
        total_rating=37,
        click_rating=9,
        bodyhtml=BODY_12,
        files="2024_01/ke-hoach.pdf",
    ),
    13: article(
        title="Tin &amp; ảnh thời sự",
        alias="tin-anh-thoi-su",
        hitstotal=50,
        homeimgfile="2024_02/khong-co.jpg",
        homeimgthumb=2,
    ),
    14: article(
        title="Tin hẹn giờ đăng",
        alias="tin-hen-gio",
        status=2,
        publtime=ts(2035, 6, 1, 7, 0),
    ),
    15: article(
        title="Tin đã hết hạn",
        alias="tin-het-han",
        status=3,
        archive=1,
        publtime=ts(2023, 5, 1, 7, 0),
        exptime=ts(2023, 6, 1, 7, 0),
    ),
    16: article(title="Bài lưu tạm", alias="bai-luu-tam", status=4),
    17: article(title="Bài chờ duyệt", alias="bai-cho-duyet", status=5),
    18: article(title="Bài bị đình chỉ", alias="bai-bi-dinh-chi", status=0),
    19: article(
        title="Liên kết tới Cổng thông tin Chính phủ",
        alias="lien-ket-chinh-phu",
        external_link=1,
        sourcetext="https://chinhphu.vn/tin-goc-19.html",
    ),
    20: article(
        title="Bài có ngày đăng hỏng", alias="ngay-hong", publtime=0, addtime=0
    ),
    21: article(
        title="Bài trong chuyên mục bị đình chỉ",
        alias="bai-luu-tru",
        catid=4,
        listcatid="4",
        status=22,  # locked by its suspended category; it was published (1)
    ),
    22: article(
        title="Bài có ký tự hỏng", alias="ky-tu-hong", bodyhtml="<p>a\x00b</p>"
    ),
}
ARTICLE_TAGS = [
    (12, 1, "thi đua khen thưởng"),
    (12, 2, "chuyển đổi số"),
    (13, 3, "covid-19"),
]

COMMENTS = [
    # cid, module, id, pid, content, post_time, name, email, ip, status
    (
        1,
        "news",
        12,
        0,
        "Bài viết rất hay &amp; bổ ích!<br />Cảm ơn.",
        ts(2024, 1, 13, 9, 0),
        "Trần Thị Bình",
        "binh@example.org",
        "203.113.1.2",
        1,
    ),
    (
        2,
        "news",
        12,
        1,
        "Đồng ý với bạn.",
        ts(2024, 1, 13, 10, 0),
        "Lê Văn Cường",
        "cuong@example.org",
        "203.113.1.3",
        1,
    ),
    (
        3,
        "news",
        12,
        2,
        "Cảm ơn hai bạn.",
        ts(2024, 1, 13, 11, 0),
        "Trần Thị Bình",
        "binh@example.org",
        "203.113.1.2",
        1,
    ),
    (
        4,
        "news",
        12,
        0,
        "Ý kiến chờ duyệt.",
        ts(2024, 1, 14, 8, 0),
        "Phạm Dũng",
        "dung@example.org",
        "203.113.1.4",
        0,
    ),
    (
        5,
        "news",
        13,
        0,
        "Tin nóng hổi.",
        ts(2024, 2, 2, 8, 0),
        "Hoàng Em",
        "em@example.org",
        "",
        1,
    ),
    (
        6,
        "news",
        20,
        0,
        "Bình luận ở bài không nhập được.",
        ts(2024, 2, 2, 9, 0),
        "Vũ Giang",
        "giang@example.org",
        "",
        1,
    ),
    (
        7,
        "about",
        12,
        0,
        "Bình luận của module khác.",
        ts(2024, 2, 2, 9, 0),
        "Đỗ Hà",
        "ha@example.org",
        "",
        1,
    ),
]

TOTAL_VISITS = 483_000
YEAR_2023_VISITS = 40_000


def counter_rows(now):
    """Counter rows as NukeViet leaves them at ``now``: months of the current
    year (the earlier months of a past year are reset), years, the total."""
    local = now.astimezone(VN)
    rows = [
        ("c_time", "start", ts(2015, 3, 1, 0, 0)),
        ("c_time", "last", int(now.timestamp())),
        ("total", "hits", TOTAL_VISITS),
        ("year", "2023", YEAR_2023_VISITS),
        ("year", str(local.year), this_year_visits(now)),
    ]
    names = [
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Oct",
        "Nov",
        "Dec",
    ]
    for number, name in enumerate(names, start=1):
        rows.append(
            ("month", name, month_visits(number) if number <= local.month else 0)
        )
    return rows


def month_visits(number):
    return 1000 * number


def this_year_visits(now):
    months = now.astimezone(VN).month
    return sum(month_visits(m) for m in range(1, months + 1)) + 700


def fill(cursor, now):
    """Insert the whole site with ``cursor`` (a PyMySQL cursor)."""
    cursor.executemany(
        "INSERT INTO nv4_config (lang, module, config_name, config_value) VALUES (%s, %s, %s, %s)",
        [
            ("sys", "global", "lang_multi", "0"),
            ("vi", "global", "site_home_module", "news"),
            ("vi", "global", "site_name", "Cổng thông tin điện tử"),
        ],
    )
    cursor.executemany(
        "INSERT INTO nv4_vi_modules (title, module_file, module_data, module_upload, module_theme, custom_title, groups_view, weight, act) "
        "VALUES (%s, %s, %s, %s, %s, %s, '6', %s, 1)",
        [
            ("about", "page", "about", "about", "page", "Giới thiệu", 1),
            ("news", "news", "news", "news", "news", "Tin tức", 2),
        ],
    )
    cursor.executemany(
        "INSERT INTO nv4_vi_news_cat (catid, parentid, title, alias, weight, status, description) VALUES (%s, %s, %s, %s, %s, %s, %s)",
        [(*row, f"Các tin về {row[2]}") for row in CATEGORIES],
    )
    cursor.execute(
        "INSERT INTO nv4_vi_news_sources (sourceid, title, link, add_time, edit_time) VALUES (1, 'Báo Nhân Dân', 'https://nhandan.vn', 0, 0)"
    )
    cursor.execute(
        "INSERT INTO nv4_vi_news_topics (topicid, title, alias) VALUES (1, 'Đại hội Đảng bộ các cấp', 'dai-hoi-dang-bo')"
    )
    cursor.executemany(
        "INSERT INTO nv4_vi_news_tags (tid, alias, numnews) VALUES (%s, %s, 1)",
        [(tid, alias) for tid, alias, _keyword in TAGS],
    )
    cursor.executemany(
        "INSERT INTO nv4_vi_news_tags_id (id, tid, keyword) VALUES (%s, %s, %s)",
        ARTICLE_TAGS,
    )
    for article_id, row in ARTICLES.items():
        insert_article(cursor, article_id, row)
    cursor.executemany(
        "INSERT INTO nv4_vi_comment (cid, module, id, pid, content, post_time, post_name, post_email, post_ip, status) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
        COMMENTS,
    )
    cursor.executemany(
        "INSERT INTO nv4_counter (c_type, c_val, c_count, vi_count) VALUES (%s, %s, %s, %s)",
        [(kind, value, n, n) for kind, value, n in counter_rows(now)],
    )


DETAIL = {"bodyhtml", "sourcetext", "files"}


def insert_article(cursor, article_id, row):
    rows = {k: v for k, v in row.items() if k not in DETAIL}
    columns = ", ".join(["id", *rows])
    cursor.execute(
        f"INSERT INTO nv4_vi_news_rows ({columns}) VALUES ({', '.join(['%s'] * (len(rows) + 1))})",
        [article_id, *rows.values()],
    )
    cursor.execute(
        "INSERT INTO nv4_vi_news_detail (id, description, bodyhtml, sourcetext, files) VALUES (%s, '', %s, %s, %s)",
        [article_id, row["bodyhtml"], row["sourcetext"], row["files"]],
    )


def image(fmt, size=(320, 200), color=(20, 90, 160)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt)
    return buffer.getvalue()


def fill_uploads(root):
    """The old uploads folder: the lead image, a body image and an attachment
    (the lead image of article 13 is missing on purpose)."""
    folder = root / "news" / "2024_01"
    folder.mkdir(parents=True)
    (folder / "hoi-nghi.jpg").write_bytes(image("JPEG"))
    (folder / "noi-dung.png").write_bytes(image("PNG", size=(100, 80)))
    (folder / "ke-hoach.pdf").write_bytes(b"%PDF-1.4\n% ke hoach\n%%EOF\n")
