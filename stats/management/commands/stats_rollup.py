from django.core.management.base import BaseCommand

from stats.services import prune, rollup


class Command(BaseCommand):
    help = (
        "Add raw page views to the day-level statistics and prune what the visit and "
        "online-now windows no longer need. Safe to run from cron every minute, "
        "repeatedly or from several machines at once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-prune", action="store_true", help="Only roll up, delete nothing."
        )

    def handle(self, *args, no_prune=False, **options):
        added = rollup()
        self.stdout.write(f"Rolled up {added} page view(s).")
        if not no_prune:
            deleted = prune()
            self.stdout.write(
                "Pruned "
                + ", ".join(f"{count} {name}" for name, count in deleted.items())
                + "."
            )
