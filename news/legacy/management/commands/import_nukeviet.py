from pathlib import Path

import pymysql
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from tqdm import tqdm

from news.legacy.importer import TABLES, Importer
from news.legacy.nukeviet import (
    NukeVietSource,
    SourceError,
    connect,
    parse_database_url,
)

# Exit code of a source that cannot be read as asked (nothing is written).
SOURCE_ERROR = 2


class Command(BaseCommand):
    help = (
        "Import categories, articles, tags, comments, ratings and visit counters "
        "from a NukeViet 4.x database; the old addresses answer 301 to the new "
        "pages. A second run brings only what is new or changed (docs/import.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--database",
            required=True,
            help="mysql://USER:PASS@HOST:PORT/DB (?unix_socket=PATH optional)",
        )
        parser.add_argument("--prefix", default="nv4", help="table prefix (nv4)")
        parser.add_argument("--lang", default="vi", help="data language (vi)")
        parser.add_argument(
            "--module", default="news", help="the news module's data name (news)"
        )
        parser.add_argument("--uploads", help="the old site's uploads folder")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="read and check everything, write nothing",
        )

    def handle(self, *args, **options):
        # The command speaks the site's language, whatever a caller left active.
        with translation.override(settings.LANGUAGE_CODE):
            self.import_site(options)

    def import_site(self, options):
        uploads = options["uploads"]
        if uploads and not Path(uploads).is_dir():
            raise CommandError(
                _("Không có thư mục uploads %(path)s.") % {"path": uploads},
                returncode=SOURCE_ERROR,
            )
        try:
            address = parse_database_url(options["database"])
            connection = connect(address)
        except SourceError as error:
            raise CommandError(str(error), returncode=SOURCE_ERROR) from None
        try:
            source = NukeVietSource(
                connection,
                prefix=options["prefix"],
                lang=options["lang"],
                module=options["module"],
            )
            module = source.check()
            importer = Importer(
                source,
                module,
                address=address,
                uploads=uploads,
                dry_run=options["dry_run"],
            )
            report = importer.run(progress=self.progress(options["verbosity"]))
        except SourceError as error:
            raise CommandError(str(error), returncode=SOURCE_ERROR) from None
        except pymysql.err.Error as error:
            raise CommandError(
                _("Lỗi khi đọc cơ sở dữ liệu cũ, không ghi gì: %(error)s")
                % {"error": error},
                returncode=SOURCE_ERROR,
            ) from None
        finally:
            connection.close()
        self.print_report(report, module, dry_run=options["dry_run"])

    def progress(self, verbosity):
        def bar(iterable, *, desc, total=None):
            return tqdm(
                iterable,
                desc=desc,
                total=total,
                unit=_("dòng"),
                file=self.stderr._out,
                disable=None if verbosity >= 1 else True,
                leave=False,
            )

        return bar

    def print_report(self, report, module, *, dry_run):
        write = self.stdout.write
        if dry_run:
            write(self.style.WARNING(_("Chạy thử: không ghi gì.")))
        headers = [
            _("Bảng"),
            _("Đọc"),
            _("Tạo mới"),
            _("Cập nhật"),
            _("Bỏ qua (không đổi)"),
            _("Lỗi"),
        ]
        rows = [
            [str(label), *map(str, vars(report.tables[key]).values())]
            for key, label in TABLES.items()
        ]
        widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(6)]
        for row in [headers, *rows]:
            write(
                "  ".join(
                    cell.ljust(width) if i == 0 else cell.rjust(width)
                    for i, (cell, width) in enumerate(zip(row, widths, strict=True))
                )
            )
        if report.problems:
            write(
                self.style.WARNING(
                    _("%(n)s vấn đề (các dòng khác vẫn được nhập):")
                    % {"n": len(report.problems)}
                )
            )
            for line in report.problems:
                write(f"  - {line}")
        if report.attachments and not dry_run:
            write(
                _(
                    "%(n)s tệp đính kèm đã chép vào media/nukeviet/, ghi trong liên "
                    "kết cũ của từng bài (sẽ gắn vào bài khi có chức năng đính kèm)."
                )
                % {"n": len(report.attachments)}
            )
        write(
            _("Địa chỉ cũ: /%(module)s/… trả lời 301 sang trang mới%(home)s.")
            % {
                "module": module["module_name"],
                "home": _(" (kể cả địa chỉ không có tên module)")
                if module["is_home_module"]
                else "",
            }
        )
