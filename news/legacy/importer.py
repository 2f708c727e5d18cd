"""Importing one NukeViet news module: the run, its report, categories and tags.

Articles are in ``news.legacy.articles``, comments and counters in
``news.legacy.extras``. Every old record gets a ``LegacyLink`` holding a
fingerprint of the row it came from: a second run skips what did not change,
updates what did and adds what is new. Each row is written in its own savepoint,
so a row that fails is reported (table and id) and the others go on; the whole
run is one transaction, rolled back at the end of a dry run.
"""

import hashlib
import json
from dataclasses import dataclass, field

from django.core.management.color import no_style
from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from news.legacy.files import Uploads
from news.legacy.models import LegacyLink, LegacySite
from news.legacy.redirects import normalize
from news.legacy.text import BadRow, one_line, plain
from news.models import Article, Category, Tag
from news.text import slugify_vi
from portal import pagecache

Kind = LegacyLink.Kind

# Report rows, in the order they are imported and shown.
TABLES = {
    "categories": gettext_lazy("Chuyên mục"),
    "topics": gettext_lazy("Dòng sự kiện"),
    "tags": gettext_lazy("Từ khóa"),
    "articles": gettext_lazy("Bài viết"),
    "ratings": gettext_lazy("Đánh giá ban đầu"),
    "views": gettext_lazy("Lượt xem ban đầu"),
    "comments": gettext_lazy("Bình luận"),
    "counters": gettext_lazy("Thống kê truy cập"),
    "files": gettext_lazy("Ảnh và tệp"),
}


@dataclass
class Tally:
    read: int = 0
    created: int = 0
    updated: int = 0
    skipped: int = 0
    problems: int = 0

    def add(self, outcome):
        """Count one row as "created", "updated" or "skipped"."""
        setattr(self, outcome, getattr(self, outcome) + 1)


@dataclass
class Report:
    """What a run read and did, per table, and one line per problem."""

    tables: dict = field(default_factory=lambda: {key: Tally() for key in TABLES})
    problems: list = field(default_factory=list)
    attachments: list = field(default_factory=list)

    def problem(self, table, source_table, row_id, message):
        self.tables[table].problems += 1
        self.problems.append(f"{source_table} #{row_id}: {message}")


def fingerprint(*values):
    """A short hash of the old row(s): equal when nothing that comes over changed."""
    text = json.dumps(values, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


class Importer:
    """One run of ``import_nukeviet`` over a checked ``NukeVietSource``."""

    def __init__(self, source, module, *, address, uploads=None, dry_run=False):
        self.source = source
        self.module = module  # what NukeVietSource.check() found
        self.address = address
        self.dry_run = dry_run
        self.report = Report()
        self.uploads = Uploads(uploads, module["module_upload"], dry_run=dry_run)
        self.now = timezone.now()
        self.progress = lambda iterable, **kwargs: iterable

    def run(self, progress=None):
        """Import everything; returns the Report. Nothing stays written on a dry
        run."""
        from news.legacy import articles, extras

        if progress is not None:
            self.progress = progress
        with transaction.atomic():
            self.site = self._site()
            self.links = {
                (link.kind, link.old_id): link
                for link in LegacyLink.objects.filter(site=self.site)
            }
            self.import_categories()
            self.topics = self.import_tags(Kind.TOPIC, self.source.topics(), "topics")
            self.tags = self.import_tags(Kind.TAG, self.source.tags(), "tags")
            articles.import_articles(self)
            extras.import_comments(self)
            extras.import_counters(self)
            self._finish()
            if self.dry_run:
                transaction.set_rollback(True)
            else:
                # Opening ratings and figures are written without signals: every
                # kept page is rendered again once this commits.
                pagecache.touch(pagecache.EVERYTHING)
        self._count_files()
        return self.report

    # -- shared helpers ---------------------------------------------------------

    def module_path(self, *parts):
        """An old address of this module: ``/news/thoi-su/`` and the like."""
        prefix = f"/{self.site.language}" if self.site.multilingual else ""
        return "/".join([prefix, self.site.module_name, *parts])

    def each_row(self, table, rows, source_table, handle, *, key, total=None):
        """Call ``handle(row)`` for every row in its own savepoint; a BadRow or a
        database error is reported with the row's table and id (column ``key``).
        ``handle`` returns "created", "updated" or "skipped"."""
        tally = self.report.tables[table]
        for row in self.progress(rows, desc=str(TABLES[table]), total=total):
            tally.read += 1
            try:
                with transaction.atomic():
                    outcome = handle(row)
            except BadRow as error:
                self.report.problem(table, source_table, row.get(key), str(error))
                continue
            except (DatabaseError, ValueError, TypeError, KeyError) as error:
                # Data the checks above did not foresee: reported like a bad row
                # rather than stopping the whole import.
                message = (str(error).strip().splitlines() or [repr(error)])[0]
                self.report.problem(table, source_table, row.get(key), message)
                continue
            tally.add(outcome)

    def save_link(self, link, *, kind, old_id, target, alias="", path="", fp, data):
        """Create or update the link of an old record to ``target``."""
        if link is None:
            link = LegacyLink(site=self.site, kind=kind, old_id=old_id)
        setattr(link, {Kind.TOPIC: "tag"}.get(kind, kind), target)
        link.old_alias = normalize(alias)[:250]
        link.old_path = path[:600]
        link.fingerprint = fp
        link.data = data
        link.synced_at = self.now
        link.save()
        self.links[(kind, old_id)] = link
        return link

    # -- categories -------------------------------------------------------------

    def import_categories(self):
        table = self.source.table("cat")
        self.categories = {}
        self.category_aliases = {}
        parents = {}

        def handle(row):
            outcome = self._category(row)
            if outcome != "skipped":
                # Only a category that changed there gets its parent from there:
                # a parent changed here since is kept.
                parents[row["catid"]] = row["parentid"]
            return outcome

        self.each_row(
            "categories",
            self.source.categories(),
            table,
            handle,
            key="catid",
            total=self.source.count(table),
        )
        for catid, parentid in parents.items():
            category = self.categories.get(catid)
            parent = self.categories.get(parentid) if parentid else None
            if category is None:
                continue
            if parentid and parent is None:
                self.report.problem(
                    "categories",
                    table,
                    catid,
                    _("chuyên mục cha #%(id)s không có; đặt làm chuyên mục gốc.")
                    % {"id": parentid},
                )
            if category.parent_id != (parent.pk if parent else None):
                category.parent = parent
                category.save(update_fields=["parent"])

    def _category(self, row):
        self.category_aliases[row["catid"]] = row["alias"]
        link = self.links.get((Kind.CATEGORY, row["catid"]))
        fp = fingerprint(row)
        if link is not None and link.fingerprint == fp:
            self.categories[row["catid"]] = link.category
            return "skipped"
        name = one_line(row["title"])[:150]
        if not name:
            raise BadRow(_("tên chuyên mục trống."))
        if "status" in row:
            # 1: shown, and on the home page; 2: shown; 0 and 10: suspended.
            active, home = row["status"] in (1, 2), row["status"] == 1
        else:  # before 4.3: an 'inhome' flag, no suspension
            active, home = True, bool(row.get("inhome"))
        category = link.category if link else self._category_for(row, name)
        created = category.pk is None
        category.name = name
        category.order = row.get("weight") or 0
        category.description = plain(row.get("description"))
        category.is_active = active
        category.show_on_home = home
        category.save()
        self.categories[row["catid"]] = category
        self._warn_if_ours(row)
        self.save_link(
            link,
            kind=Kind.CATEGORY,
            old_id=row["catid"],
            target=category,
            alias=row["alias"],
            path=self.module_path(row["alias"], ""),
            fp=fp,
            data={},
        )
        return "created" if created and link is None else "updated"

    def _warn_if_ours(self, row):
        """Report a home-module category whose old address without the module
        (``/lien-he/``) is one of our pages: ours keeps answering it."""
        if not self.site.is_home_module:
            return
        path = f"/{row['alias']}/"
        try:
            resolve(path)
        except Resolver404:
            return
        self.report.problems.append(
            _(
                "%(table)s #%(id)s: địa chỉ cũ %(path)s là một trang của cổng mới; "
                "trang đó vẫn trả lời, %(module_path)s chuyển sang chuyên mục."
            )
            % {
                "table": self.source.table("cat"),
                "id": row["catid"],
                "path": path,
                "module_path": self.module_path(row["alias"], ""),
            }
        )

    def _category_for(self, row, name):
        """A new category, or the existing one with the same slug when no other
        old category is linked to it (the site may have been set up by hand)."""
        slug = (
            slugify_vi(row["alias"] or name, max_length=160)
            or f"chuyen-muc-{row['catid']}"
        )
        existing = Category.objects.filter(slug=slug).first()
        if existing is None:
            return Category(slug=slug)
        if not LegacyLink.objects.categories().filter(category=existing).exists():
            return existing
        return Category(slug=f"{slug[:150]}-{row['catid']}")

    # -- tags and topics ----------------------------------------------------------

    def import_tags(self, kind, rows, table_key):
        """Tags (or topics, which become tags too): ``{old id: Tag}``."""
        table = self.source.table("topics" if kind == Kind.TOPIC else "tags")
        found = {}

        def handle(row):
            old_id = row["topicid" if kind == Kind.TOPIC else "tid"]
            link = self.links.get((kind, old_id))
            fp = fingerprint(row)
            if link is not None and link.fingerprint == fp:
                found[old_id] = link.tag
                return "skipped"
            alias = row.get("alias") or ""
            name = one_line(
                row.get("title")
                or row.get("first_keyword")
                or alias.replace("-", " ").capitalize()
            )[:100]
            if not name:
                raise BadRow(_("từ khóa trống."))
            tag = link.tag if link else None
            if tag is None:
                tag = Tag.objects.filter(
                    name__iexact=name
                ).first() or Tag.objects.create(name=name)
                outcome = "created"
            else:
                outcome = "updated"
                if (
                    tag.name != name
                    and not Tag.objects.filter(name__iexact=name)
                    .exclude(pk=tag.pk)
                    .exists()
                ):
                    tag.name = name
                    tag.save()
            found[old_id] = tag
            segment = "topic" if kind == Kind.TOPIC else "tag"
            self.save_link(
                link,
                kind=kind,
                old_id=old_id,
                target=tag,
                alias=alias,
                path=self.module_path(segment, alias),
                fp=fp,
                data={},
            )
            return outcome

        if table in self.source.tables:
            self.each_row(
                table_key,
                rows,
                table,
                handle,
                key="topicid" if kind == Kind.TOPIC else "tid",
                total=self.source.count(table),
            )
        return found

    # -- the end ------------------------------------------------------------------

    def _site(self):
        module = self.module
        # The database is known by its name, not its server: the same site may
        # be read from its live server one day and from a restored dump the next.
        site, _created = LegacySite.objects.get_or_create(
            database=self.address.database[:64],
            table_prefix=self.source.prefix,
            language=self.source.lang,
            module_data=self.source.module,
            defaults={"module_name": module["module_name"]},
        )
        site.server = self.address.where[:200]
        site.module_name = module["module_name"]
        site.module_upload = module["module_upload"]
        site.is_home_module = module["is_home_module"]
        site.multilingual = module["multilingual"]
        site.save()
        return site

    def _finish(self):
        self.site.has_displaced_articles = (
            LegacyLink.objects.articles()
            .filter(site=self.site)
            .exclude(article_id=F("old_id"))
            .exists()
        )
        self.site.imported_at = self.now
        self.site.save()
        if not self.dry_run:
            # Articles keep their old ids where they were free: move the id
            # sequence past them (a setval is not undone by a rollback, hence
            # not on a dry run).
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), [Article]):
                    cursor.execute(sql)

    def _count_files(self):
        tally = self.report.tables["files"]
        tally.created = self.uploads.copied
        tally.skipped = self.uploads.reused
        tally.problems = len(self.uploads.problems)
        tally.read = tally.created + tally.skipped + tally.problems
        self.report.problems.extend(self.uploads.problems)
