"""A source that cannot be read as asked: one clear line, exit code 2, nothing
written."""

import io
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from news.legacy.models import LegacyLink, LegacySite
from news.models import Article, Category
from portal.models import SiteSettings

pytestmark = pytest.mark.django_db


def run(database, *args):
    call_command(
        "import_nukeviet",
        "--database",
        database,
        *args,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )


def nothing_written():
    return (
        LegacySite.objects.count(),
        LegacyLink.objects.count(),
        Category.objects.count(),
        Article.objects.count(),
        SiteSettings.load().visits_offset,
    ) == (0, 0, 0, 0, 0)


def with_user(url, user):
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{user}@{rest.split('@', 1)[-1]}"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--prefix", "nv3"],
            "Không có bảng nv3_config: tiền tố bảng 'nv3' không đúng",
        ),
        (
            ["--lang", "en"],
            "Không có bảng nv4_en_modules: trang cũ không có ngôn ngữ 'en'.",
        ),
        (
            ["--module", "tin_tuc"],
            "Không có bảng nv4_vi_tin_tuc_cat: trang cũ không có module tin tức "
            "'tin_tuc' (có: news).",
        ),
        (["--prefix", "nv4; DROP"], "'nv4; DROP' không phải là tên hợp lệ"),
    ],
)
def test_a_wrong_prefix_language_or_module_is_one_line_and_exit_2(
    old_site, args, message
):
    with pytest.raises(CommandError) as raised:
        run(old_site.url, *args)
    assert raised.value.returncode == 2
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)
    assert nothing_written()


def test_bad_credentials_are_one_line_and_exit_2(old_site):
    with pytest.raises(CommandError) as raised:
        run(with_user(old_site.url, "nv_test_nobody:sai-mat-khau"))
    assert raised.value.returncode == 2
    assert (
        "từ chối tài khoản 'nv_test_nobody' (sai tên đăng nhập hoặc mật khẩu)"
        in str(raised.value)
    )
    assert nothing_written()


def test_an_unreachable_server_or_unknown_database_is_one_line_and_exit_2(old_site):
    with pytest.raises(CommandError) as raised:
        run("mysql://root@127.0.0.1:8449/nv_test_x")
    assert raised.value.returncode == 2
    assert str(raised.value) == (
        "Không kết nối được máy chủ cơ sở dữ liệu 127.0.0.1:8449."
    )
    with pytest.raises(CommandError) as raised:
        run(old_site.url + "_khong_co")
    assert "không có cơ sở dữ liệu" in str(raised.value)
    with pytest.raises(CommandError) as raised:
        run("postgres://localhost/x")
    assert raised.value.returncode == 2
    with pytest.raises(CommandError) as raised:
        run(old_site.url, "--uploads", "/khong/co/thu/muc")
    assert raised.value.returncode == 2
    assert nothing_written()


def test_the_real_command_exits_with_2_and_one_line(old_site):
    """As an operator runs it: a separate process, its exit status and stderr."""
    db = connection.settings_dict
    user = f"{quote(db['USER'] or '')}:{quote(db['PASSWORD'] or '')}"
    if (db["HOST"] or "").startswith("/"):  # the embedded server's socket folder
        where = f"/{db['NAME']}?host={quote(db['HOST'])}&port={db['PORT']}"
    else:
        where = f"{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": f"postgres://{user}@{where}"}
    result = subprocess.run(
        [
            sys.executable,
            str(Path(settings.BASE_DIR) / "manage.py"),
            "import_nukeviet",
            "--database",
            with_user(old_site.url, "nv_test_nobody:sai"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "sai tên đăng nhập hoặc mật khẩu" in lines[0]
    assert result.stdout == ""


def test_the_command_speaks_the_sites_language_whatever_is_active(old_site):
    from django.utils import translation

    with translation.override("en"), pytest.raises(CommandError) as raised:
        run(old_site.url, "--prefix", "nv3")
    assert str(raised.value).startswith("Không có bảng nv3_config")
