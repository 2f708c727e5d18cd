"""Two app servers behind nginx on this machine (docs/deploy.md, "Several servers").

nginx runs docs/deploy/nginx.conf (TLS, static files, gzip, X-Forwarded-For) in
front of two gunicorn servers with production settings that share this test's
PostgreSQL database, one Redis database (10) and media on moto's S3 server. nginx
hands requests to the two servers in turn, so consecutive requests of one reader
land on one server and then the other; each server's access log shows it.
"""

import http.client
import re
import ssl
import time

import psycopg2
import pytest
import redis
import requests
from django.db import connection
from django.db.models import Sum
from django.test import override_settings

from comments.models import Comment
from news.gallery.models import Album
from ratings.models import Vote
from stats.models import ArticleDailyViews, DailyTraffic
from stats.services import rollup
from tests.deploy.harness import (
    AppServer,
    Nginx,
    S3StandIn,
    collect_static,
    database_url,
    manage,
    production_env,
)
from tests.factories import image_bytes, make_article, make_user

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.deploy]

HTTP_PORT, HTTPS_PORT, APP_PORTS, S3_PORT = 8300, 8343, (8301, 8302), 8350
REDIS_URL = "redis://127.0.0.1:6379/10"
ORIGIN = f"https://localhost:{HTTPS_PORT}"
BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.{build}.0 Safari/537.36"
)


class Stack:
    def __init__(self, nginx, servers, s3, env):
        self.nginx, self.servers, self.s3, self.env = nginx, servers, s3, env

    def reader(self, user_agent=None):
        """A browser: cookies, the site's certificate, the headers browsers send."""
        session = requests.Session()
        session.trust_env = False  # the machine's CA bundle variables would win
        session.verify = str(self.nginx.folder / "cert.pem")
        session.headers.update(
            {
                "User-Agent": user_agent or BROWSER.format(build=0),
                "Accept": "text/html",
                "Accept-Language": "vi",
            }
        )
        return session

    def served(self, path_prefix):
        """How many requests under ``path_prefix`` each app server has answered."""
        return [len(server.access_lines(path_prefix)) for server in self.servers]

    def served_since(self, before, path_prefix, total):
        """How many of the last ``total`` requests under ``path_prefix`` each server
        answered (gunicorn writes an access line just after its answer)."""
        deadline = time.monotonic() + 5
        while True:
            after = self.served(path_prefix)
            counts = [a - b for a, b in zip(after, before, strict=True)]
            if sum(counts) >= total or time.monotonic() > deadline:
                return counts


@pytest.fixture(scope="module")
def stack(django_db_setup, django_db_blocker, tmp_path_factory):
    folder = tmp_path_factory.mktemp("several-servers")
    redis.Redis.from_url(REDIS_URL).flushdb()
    static_root = collect_static()
    s3 = S3StandIn(S3_PORT, "portal-media").start()
    env = production_env(
        database_url(connection.settings_dict),
        REDIS_URL=REDIS_URL,
        TRUSTED_PROXIES=1,
        # Production's HTTPS settings; the site is on a test port, hence the origin.
        SECURE_SSL_REDIRECT=1,
        SECURE_COOKIES=1,
        CSRF_TRUSTED_ORIGINS=ORIGIN,
        ALLOWED_HOSTS="localhost,127.0.0.1",
        COMMENTS_MIN_FORM_SECONDS=0,
        COMMENTS_RATE_LIMITS="4/3600",
        RATINGS_GUEST_VOTES_PER_ARTICLE=5,
        LOGIN_FAILURE_LIMIT=5,
        STATS_AUTO_ROLLUP_SECONDS=0,
        **s3.env(),
    )
    servers = []
    nginx = None
    try:
        for port in APP_PORTS:
            servers.append(AppServer(env, port, folder / f"app-{port}.log"))
            servers[-1].start()
        nginx = Nginx(
            folder,
            http_port=HTTP_PORT,
            https_port=HTTPS_PORT,
            upstreams=APP_PORTS,
            static_root=static_root,
        ).start()
        yield Stack(nginx, servers, s3, env)
    finally:
        if nginx:
            nginx.stop()
        for server in servers:
            server.stop()
        s3.stop()
        redis.Redis.from_url(REDIS_URL).flushdb()


@pytest.fixture(autouse=True)
def _fresh_cache():
    redis.Redis.from_url(REDIS_URL).flushdb()


def csrf_headers(session, path):
    return {
        "X-CSRFToken": session.cookies.get("csrftoken", ""),
        "Origin": ORIGIN,
        "Referer": ORIGIN + path,
    }


def post(session, path, data=None, *, files=None, **headers):
    token = session.cookies.get("csrftoken", "")
    data = {**(data or {}), "csrfmiddlewaretoken": token}
    return session.post(
        ORIGIN + path,
        data=data,
        files=files,
        headers={**csrf_headers(session, path), **headers},
        allow_redirects=False,
    )


def log_in(session, username, password="mat-khau-thu-1"):
    session.get(ORIGIN + "/admin/login/")
    return post(
        session,
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
    )


def form_stamp(html):
    return re.search(r'name="stamp" value="([^"]+)"', html).group(1)


def test_sessions_and_csrf_work_whichever_server_answers(stack):
    make_user("bientap", role="Thư ký tòa soạn")
    article = make_article(title="Tin họp báo")
    editor = stack.reader()
    before = stack.served("/admin/")
    assert log_in(editor, "bientap").status_code == 302
    for _ in range(6):
        page = editor.get(ORIGIN + "/admin/", allow_redirects=False)
        assert page.status_code == 200
        assert "bientap" in page.text
    # Eight requests (the login page, the login, six pages) shared by both.
    assert stack.served_since(before, "/admin/", 8) == [4, 4]

    # A reader's form, shown by one server and sent to the other.
    reader = stack.reader()
    for n in range(2):
        html = reader.get(ORIGIN + article.get_absolute_url()).text
        sent = post(
            reader,
            f"/binh-luan/bai-viet/{article.pk}/gui/",
            {
                "name": f"Bạn đọc {n}",
                "email": f"ban-doc-{n}@example.org",
                "text": f"Ý kiến số {n} về cuộc họp.",
                "stamp": form_stamp(html),
                "website": "",
            },
        )
        assert sent.status_code == 302, sent.text[:500]
    assert Comment.objects.filter(article=article).count() == 2


def test_votes_comments_and_page_views_sent_alternately_are_counted_exactly(stack):
    article = make_article(title="Tin được nhiều người đọc")
    rollup()
    traffic_before = DailyTraffic.objects.aggregate(n=Sum("page_views"))["n"] or 0

    # 20 page views by 20 readers (each browser its own visitor).
    before = stack.served(article.get_absolute_url())
    for n in range(20):
        reader = stack.reader(BROWSER.format(build=100 + n))
        assert reader.get(ORIGIN + article.get_absolute_url()).status_code == 200
    assert stack.served_since(before, article.get_absolute_url(), 20) == [10, 10]
    rollup()
    traffic = DailyTraffic.objects.aggregate(n=Sum("page_views"))["n"]
    assert traffic - traffic_before == 20
    views = ArticleDailyViews.objects.filter(article=article).aggregate(n=Sum("views"))
    assert views["n"] == 20

    # Eight guests vote from one address: the per-address limit (5) holds across
    # both servers, and every accepted vote is stored once.
    statuses = []
    for n in range(8):
        guest = stack.reader(BROWSER.format(build=200 + n))
        guest.get(ORIGIN + article.get_absolute_url())
        answer = post(
            guest,
            f"/danh-gia/{article.pk}/",
            {"score": str(1 + n % 5)},
            Accept="application/json",
        )
        statuses.append(answer.status_code)
    assert statuses == [200] * 5 + [429] * 3, statuses
    assert Vote.objects.filter(article=article).count() == 5

    # One reader posts six comments in a row: four pass the limit (4 an hour, in
    # the shared Redis), the other two are refused by whichever server answers.
    reader = stack.reader()
    statuses = []
    for n in range(6):
        html = reader.get(ORIGIN + article.get_absolute_url()).text
        answer = post(
            reader,
            f"/binh-luan/bai-viet/{article.pk}/gui/",
            {
                "name": "Bạn đọc",
                "email": "ban-doc@example.org",
                "text": f"Ý kiến thứ {n + 1}.",
                "stamp": form_stamp(html),
                "website": "",
            },
            Accept="application/json",
        )
        statuses.append(answer.status_code)
    assert statuses == [201] * 4 + [429] * 2, statuses
    assert Comment.objects.filter(article=article).count() == 4


def test_a_login_lockout_on_one_server_holds_on_the_other(stack):
    make_user("bientap", role="Thư ký tòa soạn")
    attacker = stack.reader()
    before = stack.served("/admin/login/")
    attacker.get(ORIGIN + "/admin/login/")
    statuses = [
        post(
            attacker,
            "/admin/login/",
            {"username": "bientap", "password": f"sai-{n}"},
            # A made-up address in front of the real one changes nothing.
            **{"X-Forwarded-For": f"192.0.2.{n}"},
        ).status_code
        for n in range(30)
    ]
    assert statuses == [200] * 4 + [429] * 26, statuses
    # The login page and the 30 tries: each server answered half of them.
    assert sorted(stack.served_since(before, "/admin/login/", 31)) == [15, 16]

    # The right password, through nginx and straight to each app server.
    assert log_in(attacker, "bientap").status_code == 429
    for server in stack.servers:
        direct = requests.post(
            server.url + "/admin/login/",
            data={
                "username": "bientap",
                "password": "mat-khau-thu-1",
                "csrfmiddlewaretoken": attacker.cookies["csrftoken"],
            },
            cookies={"csrftoken": attacker.cookies["csrftoken"]},
            headers={
                "X-Forwarded-Proto": "https",
                "Origin": ORIGIN,
                "Host": "localhost",
            },
            allow_redirects=False,
        )
        assert direct.status_code == 429, server.port
        assert "tạm thời bị khóa đăng nhập" in direct.text


def test_media_lives_on_the_s3_stand_in_uploads_renditions_pages_and_deletion(stack):
    make_user("quantri", role="Quản trị viên", is_superuser=True)
    admin = stack.reader()
    assert log_in(admin, "quantri").status_code == 302
    admin.get(ORIGIN + "/admin/gallery/album/add/")
    files = [
        ("upload", (f"anh-{n}.jpg", image_bytes(size=(800, 600)), "image/jpeg"))
        for n in range(2)
    ]
    added = post(
        admin,
        "/admin/gallery/album/add/",
        {
            "title": "Hội nghị trên S3",
            "slug": "",
            "description": "",
            "date": "12/01/2024",
            "cover": "",
            "published": "on",
            "order": "0",
            "photos-TOTAL_FORMS": "0",
            "photos-INITIAL_FORMS": "0",
            "photos-MIN_NUM_FORMS": "0",
            "photos-MAX_NUM_FORMS": "1000",
        },
        files=files,
    )
    assert added.status_code == 302, added.text[:1000]
    album = Album.objects.get()
    photos = list(album.photos.all())
    assert len(photos) == 2
    keys = stack.s3.keys()
    for photo in photos:
        assert photo.image.name in keys
    assert len([k for k in keys if k.startswith("renditions/")]) == 2 * 4

    # Both servers show the album with pictures from the bucket, and allow them.
    for _ in range(2):
        page = stack.reader().get(ORIGIN + album.get_absolute_url())
        assert page.status_code == 200
        assert f"http://127.0.0.1:{S3_PORT}" in page.headers["Content-Security-Policy"]
        sources = re.findall(r'<img src="([^"]+)"', page.text)
        assert sources and all(
            s.startswith(f"http://127.0.0.1:{S3_PORT}/portal-media/renditions/")
            for s in sources
        ), sources
    picture = requests.get(sources[0], timeout=10)
    assert picture.status_code == 200
    assert picture.headers["Content-Type"] == "image/jpeg"

    # The article editor's upload goes to the bucket too.
    admin.get(ORIGIN + "/admin/news/article/add/")
    uploaded = post(
        admin,
        "/ckeditor/upload/",
        files={"upload": ("dan.png", image_bytes("PNG"), "image/png")},
    )
    assert uploaded.status_code == 200, uploaded.text[:500]
    url = uploaded.json()["url"]
    assert url.startswith(f"http://127.0.0.1:{S3_PORT}/portal-media/uploads/")
    assert requests.get(url, timeout=10).status_code == 200
    # The editor's image browser lists it from the bucket.
    browse = admin.get(ORIGIN + "/ckeditor/browse/")
    assert browse.status_code == 200
    assert url in browse.text

    # Deleting the album deletes its photos' files and renditions.
    delete_path = f"/admin/gallery/album/{album.pk}/delete/"
    admin.get(ORIGIN + delete_path)
    assert post(admin, delete_path, {"post": "yes"}).status_code == 302
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(
        k.startswith(("gallery/", "renditions/")) for k in stack.s3.keys()
    ):
        time.sleep(0.2)
    left = stack.s3.keys()
    assert not [k for k in left if k.startswith(("gallery/", "renditions/"))], left
    assert [k for k in left if k.startswith("uploads/")]


def test_nginx_serves_static_files_compressed_and_sends_the_security_headers(stack):
    reader = stack.reader()
    plain = requests.get(
        f"http://127.0.0.1:{HTTP_PORT}/tin-tuc/", allow_redirects=False, timeout=5
    )
    assert plain.status_code == 301
    assert plain.headers["Location"] == f"https://127.0.0.1:{HTTPS_PORT}/tin-tuc/"

    before = stack.served("/static/")
    css = reader.get(
        ORIGIN + "/static/css/site.css", headers={"Accept-Encoding": "gzip"}
    )
    assert css.status_code == 200
    assert css.headers["Content-Encoding"] == "gzip"
    assert stack.served("/static/") == before  # nginx answered, not the app

    home = reader.get(ORIGIN + "/")
    assert home.status_code == 200
    assert home.headers["Content-Encoding"] == "gzip"
    assert home.raw.headers.getlist("Strict-Transport-Security") == ["max-age=31536000"]
    assert "script-src 'self'" in home.headers["Content-Security-Policy"]
    for header, value in [
        ("X-Frame-Options", "DENY"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "same-origin"),
    ]:
        assert home.raw.headers.getlist(header) == [value], header
    assert len(home.raw.headers.getlist("Content-Security-Policy")) == 1
    # The app knows the request came over HTTPS: its cookies are Secure.
    assert all(cookie.secure for cookie in reader.cookies)

    health = reader.get(ORIGIN + "/healthz")
    assert health.status_code == 200
    assert health.text == "database: ok\ncache: ok\n"


def test_too_large_an_upload_is_refused_by_nginx_with_a_clear_page(stack):
    context = ssl.create_default_context(cafile=str(stack.nginx.folder / "cert.pem"))
    conn = http.client.HTTPSConnection("localhost", HTTPS_PORT, context=context)
    conn.putrequest("POST", "/admin/gallery/album/add/")
    conn.putheader("Content-Type", "multipart/form-data; boundary=x")
    conn.putheader("Content-Length", str(101 * 1024 * 1024))
    conn.endheaders()
    response = conn.getresponse()
    body = response.read().decode()
    conn.close()
    assert response.status == 413
    assert "Tệp gửi lên quá lớn" in body
    assert response.getheader("Content-Security-Policy").startswith(
        "default-src 'self'"
    )


def test_a_backup_with_media_on_s3_restores_into_a_new_database_and_bucket(stack):
    """backup and restore read and write the media through the storage, so a
    bucket is backed up like a folder."""
    from news.gallery.services import add_photos
    from tests.factories import image_upload, make_album

    with override_settings(STORAGES=s3_storages(stack.env)):
        article = make_article(title="Tin có ảnh", image=image_upload("bia.jpg"))
        add_photos(album=make_album(), files=[image_upload("anh.jpg")])
    source_keys = stack.s3.keys()
    assert article.image.name in source_keys and len(source_keys) > 5
    folder = stack.nginx.folder / "backup"
    manage(stack.env, "backup", str(folder))

    client = stack.s3.client()
    client.create_bucket(Bucket="portal-restored")
    name = f"{connection.settings_dict['NAME']}_s3restore"
    admin = psycopg2.connect(
        database_url({**connection.settings_dict, "NAME": "postgres"})
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        target = database_url({**connection.settings_dict, "NAME": name})
        output = manage(
            {**stack.env, "DATABASE_URL": target, "S3_BUCKET": "portal-restored"},
            "restore",
            str(folder),
        )
        assert "every count matches the manifest" in output
        restored = client.list_objects_v2(Bucket="portal-restored")["Contents"]
        assert sorted(item["Key"] for item in restored) == source_keys
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def s3_storages(env):
    """STORAGES for this test process with the app servers' bucket."""
    from django.conf import settings

    return {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": env["S3_BUCKET"],
                "endpoint_url": env["S3_ENDPOINT_URL"],
                "access_key": env["S3_ACCESS_KEY_ID"],
                "secret_key": env["S3_SECRET_ACCESS_KEY"],
                "region_name": env["S3_REGION"],
                "querystring_auth": False,
                "file_overwrite": False,
                "addressing_style": "path",
            },
        },
    }
