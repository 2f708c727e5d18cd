"""Importing what hangs off the articles: readers' comments, and the visit
counters of the old site as opening figures of ours."""

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from comments.models import NAME_MAX_LENGTH, TEXT_MAX_LENGTH, Comment
from news.legacy.importer import Kind, fingerprint
from news.legacy.text import BadRow, moment, one_line, plain, storable
from portal.clientip import hash_ip
from portal.models import SiteSettings
from stats.models import OpeningVisits

MONTHS = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
]


def import_comments(importer):
    """Comments of the module from the shared comment table: approved (status 1)
    or waiting (0), their reply tree kept (our threads are one level deep: a
    reply joins the thread of its top comment and says whom it answers), the
    address hashed like ours."""
    source = importer.source
    table = source.comment_table
    if table is None:
        return
    module = importer.site.module_name

    def handle(row):
        return _comment(importer, row)

    importer.each_row(
        "comments",
        source.comments(module),
        table,
        handle,
        key="cid",
        total=source.count(table, "WHERE module = %s", [module]),
    )


def _comment(importer, row):
    link = importer.links.get((Kind.COMMENT, row["cid"]))
    content = {k: v for k, v in row.items() if k not in ("likes", "dislikes")}
    fp = fingerprint(content)
    if link is not None and link.fingerprint == fp:
        return "skipped"
    article_link = importer.links.get((Kind.ARTICLE, row["id"]))
    if article_link is None:
        raise BadRow(_("bài viết #%(id)s không được nhập.") % {"id": row["id"]})
    text = storable(plain(row.get("content")), "content")
    if not text:
        raise BadRow(_("nội dung trống."))
    if len(text) > TEXT_MAX_LENGTH:
        raise BadRow(
            _("nội dung dài %(n)s ký tự, quá giới hạn %(max)s.")
            % {"n": len(text), "max": TEXT_MAX_LENGTH}
        )
    answered = None
    if row.get("pid"):
        parent_link = importer.links.get((Kind.COMMENT, row["pid"]))
        if parent_link is None:
            importer.report.problems.append(
                _(
                    "%(table)s #%(id)s: bình luận được trả lời #%(pid)s không được "
                    "nhập; nhập như bình luận mới."
                )
                % {
                    "table": importer.source.comment_table,
                    "id": row["cid"],
                    "pid": row["pid"],
                }
            )
        else:
            answered = parent_link.comment
    created = moment(row.get("post_time"), "post_time", required=True)
    approved = row.get("status") == 1
    comment = link.comment if link is not None else Comment()
    outcome = "created" if comment.pk is None else "updated"
    if comment.moderated_by_id is None:
        # Unless a moderator here has decided since, the old state holds.
        comment.state = Comment.State.APPROVED if approved else Comment.State.WAITING
        comment.moderated_at = created if approved else None
    comment.article = article_link.article
    comment.parent = (answered.parent or answered) if answered else None
    comment.reply_to = answered
    comment.name = one_line(row.get("post_name"))[:NAME_MAX_LENGTH] or _("Bạn đọc")
    comment.email = (row.get("post_email") or "").strip()[:254]
    comment.text = text
    comment.created = created
    comment.ip_hash = hash_ip(row["post_ip"]) if row.get("post_ip") else ""
    comment.save()
    importer.save_link(
        link,
        kind=Kind.COMMENT,
        old_id=row["cid"],
        target=comment,
        fp=fp,
        data={},
    )
    return outcome


def import_counters(importer):
    """The old counter table as opening figures: the total visits become
    ``SiteSettings.visits_offset``; visits per year, and per month of the year
    the counter last counted in (NukeViet resets its months every January),
    become ``OpeningVisits``. Days and hours are not kept (docs/import.md)."""
    rows = importer.source.counters()
    if not rows:
        return
    tally = importer.report.tables["counters"]
    counts = {
        (row["c_type"], str(row["c_val"])): int(row["c_count"] or 0) for row in rows
    }
    tally.read = len(rows)
    site = SiteSettings.load()
    total = counts.get(("total", "hits"), 0)
    if site.visits_offset != total:
        site.visits_offset = total
        site.save(update_fields=["visits_offset"])
        tally.add("updated")
    else:
        tally.add("skipped")
    wanted = _opening_visits(counts)
    existing = {(row.year, row.month): row for row in OpeningVisits.objects.all()}
    for (year, month), visits in wanted.items():
        row = existing.pop((year, month), None)
        if row is None:
            OpeningVisits.objects.create(year=year, month=month, visits=visits)
            tally.add("created")
        elif row.visits != visits:
            OpeningVisits.objects.filter(pk=row.pk).update(visits=visits)
            tally.add("updated")
        else:
            tally.add("skipped")
    for row in existing.values():
        row.delete()
        tally.add("updated")
    cache.delete("stats:visit-figures")


def _opening_visits(counts):
    """``{(year, month): visits}`` from the counter rows; month 0 holds the part
    of a year the counter does not split by month."""
    try:
        last = moment(counts.get(("c_time", "last"), 0), "c_time")
    except BadRow:
        last = None
    last_year = timezone.localtime(last or timezone.now()).year
    years = {
        int(value): n
        for (kind, value), n in counts.items()
        if kind == "year" and value.isdigit() and n > 0
    }
    known = {
        (row.year, row.month): row.visits
        for row in OpeningVisits.objects.filter(month__gt=0)
    }
    wanted = {}
    for year, visits in sorted(years.items()):
        if year == last_year:
            months = {
                number: counts.get(("month", name), 0)
                for number, name in enumerate(MONTHS, start=1)
            }
        else:
            # Months of a past year were reset by the old site; keep what an
            # earlier run brought of them.
            months = {m: v for (y, m), v in known.items() if y == year}
        months = {m: v for m, v in months.items() if v > 0}
        wanted.update({(year, m): v for m, v in months.items()})
        rest = visits - sum(months.values())
        if rest > 0:
            wanted[(year, 0)] = rest
    return wanted
