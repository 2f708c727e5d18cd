"""``manage.py bench_grow``: grow the current database to a ten-year-old portal's
size for the growth benchmark (bench/growth.py, bench/README.md): the articles, tags
and comments of ``portal.growth``, then 400 days of history with more than 10
million page views in the last 365 (``stats.history``, as
``stats_generate_history`` writes it). It refuses to grow a database twice.
"""

import random
import time
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count, Sum
from django.utils import timezone

from comments.models import Comment
from news.models import Article, Category, Tag
from portal import pagecache
from portal.growth import (
    add_articles,
    add_comments,
    already_grown,
    ensure_categories,
    vacuum_analyze,
)
from stats.history import generate
from stats.models import DailyTraffic


class Command(BaseCommand):
    help = (
        "Grow this database to a ten-year-old portal's size for bench/growth.py: "
        "100,000 articles, tags, 5,000 comments on one article, 10 million page "
        "views of history. Refuses to run twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=100_000)
        parser.add_argument("--years", type=int, default=10)
        parser.add_argument("--comments", type=int, default=5000)
        parser.add_argument(
            "--comments-on",
            type=int,
            help="The article that gets the comments (default: the newest published).",
        )
        parser.add_argument("--history-days", type=int, default=400)
        parser.add_argument(
            "--daily-visits",
            type=int,
            default=12_000,
            help="Visits on an ordinary day of the history (12,000: ≥ 10 million "
            "page views a year).",
        )
        parser.add_argument(
            "--viewed-articles",
            type=int,
            default=1000,
            help="How many of the latest articles the history's views go to.",
        )
        parser.add_argument("--seed", type=int, default=2024)

    def handle(self, *args, **options):
        numbers = ("articles", "years", "comments", "history_days", "daily_visits")
        if any(options[name] < 0 for name in numbers) or options["years"] < 1:
            raise CommandError("Counts must be ≥ 0 and --years ≥ 1.")
        if already_grown():
            raise CommandError(
                "This database has already been grown (its growth categories are "
                "there); nothing was done. Grow a fresh database: bench/growth.py "
                "--regrow makes one."
            )
        rng = random.Random(options["seed"])
        started = time.monotonic()
        commented = self.comment_target(options["comments_on"])
        with transaction.atomic():
            categories = self.step("categories", ensure_categories)
            self.step(
                "articles and tags",
                lambda: add_articles(
                    rng,
                    count=options["articles"],
                    years=options["years"],
                    categories=categories,
                ),
            )
            if commented is not None:
                self.step(
                    "comments",
                    lambda: add_comments(rng, commented, options["comments"]),
                )
            # Written in bulk, without signals: kept pages of running servers
            # are rendered again once this commits.
            pagecache.touch(pagecache.EVERYTHING)
        if options["history_days"]:
            self.step(
                "history",
                lambda: generate(
                    today=timezone.localdate(),
                    days=options["history_days"],
                    daily_visits=options["daily_visits"],
                    articles=options["viewed_articles"],
                ),
            )
        self.step("vacuum and analyze", vacuum_analyze)
        self.report(commented)
        self.stdout.write(f"Done in {time.monotonic() - started:.0f} s.")

    def comment_target(self, article_id):
        published = Article.objects.published().select_related("category")
        if article_id is None:
            return published.order_by("-publish_at", "-id").first()
        article = published.filter(pk=article_id).first()
        if article is None:
            raise CommandError(f"No published article {article_id}.")
        return article

    def step(self, name, work):
        started = time.monotonic()
        result = work()
        self.stdout.write(f"  {name}: {time.monotonic() - started:.1f} s")
        self.stdout.flush()
        return result

    def report(self, commented):
        today = timezone.localdate()
        year = DailyTraffic.objects.between(today - timedelta(days=364), today)
        page_views = year.aggregate(n=Sum("page_views"))["n"] or 0
        biggest = Category.objects.annotate(n=Count("articles")).order_by("-n").first()
        tags = Tag.objects.annotate(n=Count("tagged_articles")).order_by("-n", "name")
        most_used = ", ".join(f"{tag.name} {tag.n:,}" for tag in tags[:3])
        on = f", on {commented.get_absolute_url()}" if commented else ""
        self.stdout.write(
            f"{Article.objects.count():,} articles in {Category.objects.count()} "
            f"categories (largest: {biggest.slug}, {biggest.n:,}); "
            f"{Tag.objects.count():,} tags (most used: {most_used}); "
            f"{Comment.objects.visible().count():,} visible comments{on}; "
            f"{page_views:,} page views in the last 365 days."
        )
