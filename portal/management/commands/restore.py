from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Load a backup made by `backup` into the configured database and media "
        "storage, which must be empty unless --force is given; every table's count "
        "is checked against the backup's manifest afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="a folder written by `manage.py backup`")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace what the database and the media storage already hold",
        )

    def handle(self, *args, source, force, **options):
        try:
            restore(source, force=force, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Restored from {source}."))
