from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Write a consistent backup of the site into a new folder: the database "
        "(pg_dump, custom format), the uploaded media (media.tar) and a manifest "
        "with versions, counts and checksums. See docs/deploy.md, 'Backups'."
    )

    def add_arguments(self, parser):
        parser.add_argument("destination", help="a new or empty folder")

    def handle(self, *args, destination, **options):
        try:
            manifest = backup(destination, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {destination} ({manifest['versions']['pg_dump']})."
            )
        )
