import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from portal.roles import ADMINISTRATOR


class Command(BaseCommand):
    help = (
        "Make sure the development admin account exists and print its login. The "
        "password is set only when the account is created, so running it again "
        "(every `make run`) never signs the admin out."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument(
            "--password-file",
            type=Path,
            default=settings.BASE_DIR / "var" / "admin_password",
            help="Where the password given at creation is kept.",
        )

    def handle(self, *args, username, password_file, **options):
        users = get_user_model().objects
        user = users.filter(username=username).first()
        url = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/admin/"
        if user is None:
            password = self.creation_password(password_file)
            user = users.create_superuser(
                username=username, email=f"{username}@localhost", password=password
            )
            group = Group.objects.filter(name=ADMINISTRATOR).first()
            if group:
                user.groups.add(group)
            shown = password
        elif password_file.exists() and user.check_password(
            password_file.read_text().strip()
        ):
            shown = password_file.read_text().strip()
        else:
            shown = f"(changed since it was created; not the one in {password_file})"
        self.stdout.write(
            self.style.SUCCESS(f"Admin: {url}  user: {username}  password: {shown}")
        )

    def creation_password(self, password_file):
        if not password_file.exists():
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(secrets.token_urlsafe(12))
            password_file.chmod(0o600)
        return password_file.read_text().strip()
