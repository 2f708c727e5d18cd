from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from stats.forms import MAX_DAYS
from stats.history import generate


class Command(BaseCommand):
    help = (
        "Write plausible day-level traffic for the days before today (demo and "
        "benchmark data). Idempotent: days already filled are left as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=90)
        parser.add_argument(
            "--daily-visits", type=int, default=900, help="Visits on an ordinary day."
        )
        parser.add_argument(
            "--articles",
            type=int,
            default=200,
            help="How many of the latest published articles get views.",
        )

    def handle(self, *args, days, daily_visits, articles, **options):
        if not 1 <= days <= MAX_DAYS or daily_visits < 0 or articles < 0:
            raise CommandError(
                f"--days must be 1..{MAX_DAYS}; --daily-visits and --articles ≥ 0."
            )
        written = generate(
            today=timezone.localdate(),
            days=days,
            daily_visits=daily_visits,
            articles=articles,
        )
        self.stdout.write(
            f"History for {days} day(s): {written} page views generated "
            "(days that already had figures were kept as they were)."
        )
