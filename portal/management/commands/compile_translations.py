from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Compile every locale/*/LC_MESSAGES/*.po (the project's and each app's) into .mo with polib, so no gettext "
        "binary is needed on the machine (makemessages, for developers, still is)."
    )

    def handle(self, *args, **options):
        compiled = 0
        folders = [Path(p) for p in settings.LOCALE_PATHS] + [
            Path(config.path) / "locale"
            for config in apps.get_app_configs()
            if is_project_app(Path(config.path))
        ]
        for folder in folders:
            for po_path in sorted(Path(folder).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if (
                    mo_path.exists()
                    and mo_path.stat().st_mtime >= po_path.stat().st_mtime
                ):
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                compiled += 1
        self.stdout.write(f"Compiled {compiled} translation file(s).")


def is_project_app(path):
    """The project's own apps, not the installed packages (.venv may sit inside it)."""
    path = path.resolve()
    return path.is_relative_to(settings.BASE_DIR.resolve()) and not (
        {"site-packages", "dist-packages"} & set(path.parts)
    )
