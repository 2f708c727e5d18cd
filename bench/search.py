"""Search speed over many articles: median and 95th percentile per query.

    .venv/bin/python bench/search.py [ARTICLES]    # default 5000

Builds the articles inside a transaction that is rolled back, so the database
is left as it was. Goal: a search page's queries (count + page of results) under 150 ms at the
95th percentile for 5000 articles on the embedded server, however many match
(every matching row is ranked, so a word found in nearly every article is the
slowest case).
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from news.models import Article, Category  # noqa: E402
from news.search import update_search_vectors  # noqa: E402

SYLLABLES = (
    "thi đua khen thưởng tổ chức chính trị xã hội hội nghị tổng kết công tác năm "
    "mặt trận tổ quốc việt nam nhân dân cán bộ đảng viên phong trào nông thôn mới "
    "đô thị văn minh chuyển đổi số kinh tế văn hóa giáo dục y tế an sinh bảo hiểm "
    "đoàn kết dân tộc tỉnh huyện xã phường thị trấn ban thường trực ủy ban triển "
    "khai kế hoạch nhiệm vụ giải pháp đại biểu hội đồng lãnh đạo chỉ đạo điều hành"
).split()
QUERIES = [
    "thi dua",
    "TỔ CHỨC chính trị",
    "nong thon moi",
    "chuyen doi so kinh te",
    "xa",
    "bang",
]


# Rarer syllables, so that most queries match a part of the articles, not all.
RARE = [
    f"{a}{v}{c}"
    for a in "bcdghklmnpqrstvx"
    for v in "aeiouy"
    for c in ("", "n", "ng", "m", "t", "c")
]


def words(rng, n):
    return " ".join(
        rng.choice(SYLLABLES) if rng.random() < 0.15 else rng.choice(RARE)
        for _ in range(n)
    )


def build(count):
    rng = random.Random(1)
    category = Category.objects.create(name="Bench", slug="bench-search")
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            title=words(rng, 14).capitalize(),
            slug=f"bench-{i}",
            summary=words(rng, 40),
            body="".join(f"<p>{words(rng, 60)}</p>" for _ in range(5)),
            category=category,
            status=Article.Status.PUBLISHED,
            publish_at=now - timezone.timedelta(minutes=i),
        )
        for i in range(count)
    )
    ids = list(Article.objects.filter(category=category).values_list("id", flat=True))
    for start in range(0, len(ids), 500):
        update_search_vectors(ids[start : start + 500])


def measure(query, rounds=20):
    timings = []
    for _ in range(rounds):
        begin = time.perf_counter()
        results = Article.objects.published().search(query)
        results.count()
        list(results.only("id", "title", "summary", "body")[:20])
        timings.append((time.perf_counter() - begin) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    with transaction.atomic():
        begin = time.perf_counter()
        build(count)
        print(f"{count} articles indexed in {time.perf_counter() - begin:.1f} s")
        for query in QUERIES:
            hits = Article.objects.published().search(query).count()
            median, p95 = measure(query)
            print(
                f"{query!r:28} {hits:6} hits  median {median:6.1f} ms  p95 {p95:6.1f} ms"
            )
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
