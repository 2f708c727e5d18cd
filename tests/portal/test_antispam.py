"""The anti-spam shared by comments and the contact form (portal.antispam)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from portal.antispam import banned_words_in, count_links, hit, parse_limits
from portal.models import BannedWord


def test_counting_links():
    assert count_links("a https://a.vn b http://b.vn www.c.vn d.vn") == 3
    assert count_links("không có liên kết") == 0


def test_banned_words_match_whole_words_in_any_case_but_respect_tones():
    words = ["cờ bạc", "lừa"]
    assert banned_words_in("Chơi CỜ BẠC là sai", words) == ["cờ bạc"]
    assert banned_words_in("con lừa.", words) == ["lừa"]
    assert banned_words_in("lựa chọn", words) == []
    assert banned_words_in("lừabịp", words) == []


def test_rate_limits_are_counted_per_scope_and_address():
    assert parse_limits("1/30, 5/3600") == [(1, 30), (5, 3600)]
    now = 1_899_999_990  # the start of a 30-second window
    assert hit("comments", "ip-a", "1/30", now=now) is None
    assert hit("comments", "ip-a", "1/30", now=now + 10) == 20
    # Another form and another address have their own allowance.
    assert hit("contact", "ip-a", "1/30", now=now + 10) is None
    assert hit("comments", "ip-b", "1/30", now=now + 10) is None
    assert hit("comments", "ip-a", "1/30", now=now + 30) is None


@pytest.mark.django_db(transaction=True)
def test_the_banned_words_move_from_comments_to_portal_with_their_rows():
    executor = MigrationExecutor(connection)
    before = [("comments", "0001_initial"), ("portal", "0002_banners")]
    executor.migrate(before)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO comments_bannedword (word, created) "
            "VALUES ('lừa đảo', '2024-01-12T02:02:00+07:00'), ('cá độ', now())"
        )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    words = BannedWord.objects.order_by("id")
    assert [w.word for w in words] == ["lừa đảo", "cá độ"]
    assert words[0].created.isoformat() == "2024-01-11T19:02:00+00:00"
    assert "comments_bannedword" not in connection.introspection.table_names()
