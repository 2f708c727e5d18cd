"""Importing the articles of a NukeViet news module (rows joined with detail).

What maps to what is in docs/import.md. In short: the old id is kept as ours when
it is free; titles and short texts are unescaped to plain text; the body goes
through our sanitiser with its upload links rewritten; the status becomes ours
(table below); the main category is ours and the others are kept on the link;
the rating sums and the view count become opening balances.
"""

from pathlib import PurePosixPath
from urllib.parse import urlsplit

import reversion
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _

from news.legacy.files import ARTICLE_RENDITIONS
from news.legacy.importer import Kind, fingerprint
from news.legacy.text import BadRow, moment, one_line, plain, rewrite_links, storable
from news.models import Article
from news.services import add_attachment
from news.text import slugify_vi
from ratings.models import OpeningRating
from stats.models import OpeningArticleViews

# NukeViet's status of an article (rows.status) → ours. 1 published and 2
# scheduled are both published here (the publish time decides), 3 expired is
# published with its take-down time (or withdrawn without one), 0 suspended is
# withdrawn, 4 draft and the rejected ones (6, 9) are drafts, and the ones sent
# for approval or publishing (5, 7, 8, 10) wait for review. Above 20 the
# article is locked because its category is suspended: the status is then
# 21 + the status it had.
STATUSES = {
    0: Article.Status.UNPUBLISHED,
    1: Article.Status.PUBLISHED,
    2: Article.Status.PUBLISHED,
    3: Article.Status.PUBLISHED,
    4: Article.Status.DRAFT,
    5: Article.Status.REVIEW,
    6: Article.Status.DRAFT,
    7: Article.Status.REVIEW,
    8: Article.Status.REVIEW,
    9: Article.Status.DRAFT,
    10: Article.Status.REVIEW,
}
ROW_LOCKED = 20
# Counters and positions change without the article changing.
NOT_CONTENT = {"hitstotal", "hitscm", "total_rating", "click_rating", "weight"}
BODY_MAX_CHARS = 1_000_000
SOURCE = "NukeViet"


def article_state(row):
    """``(status, publish_at, take_down_at)`` of an old article row."""
    old = row["status"]
    if old > ROW_LOCKED:
        old -= ROW_LOCKED + 1
    if old not in STATUSES:
        raise BadRow(_("trạng thái %(status)s không rõ.") % {"status": row["status"]})
    publish_at = moment(row["publtime"], "publtime", required=True)
    take_down_at = moment(row["exptime"], "exptime")
    if take_down_at is not None and take_down_at <= publish_at:
        take_down_at = None
    status = STATUSES[old]
    if old == 3 and take_down_at is None:
        status = Article.Status.UNPUBLISHED
    return status, publish_at, take_down_at


def import_articles(importer):
    source = importer.source
    table = source.table("rows")
    context = {
        "sources": source.sources(),
        "tags": source.article_tags(),
    }
    importer.each_row(
        "articles",
        source.articles(),
        table,
        lambda row: _article(importer, row, context),
        key="id",
        total=source.count(table),
    )


def _article(importer, row, context):
    old_id = row["id"]
    link = importer.links.get((Kind.ARTICLE, old_id))
    tag_ids = context["tags"].get(old_id, [])
    content = {k: v for k, v in row.items() if k not in NOT_CONTENT}
    fp = fingerprint(content, tag_ids)
    if (
        link is not None
        and link.fingerprint == fp
        and not (importer.uploads.changed_since(link.data.get("missing", [])))
    ):
        for path in link.data.get("missing", []):
            importer.uploads.problems.append(
                _("%(table)s #%(id)s: vẫn thiếu tệp %(path)s.")
                % {"table": importer.source.table("rows"), "id": old_id, "path": path}
            )
        _opening_balances(importer, link.article, row)
        return "skipped"
    values, tags, data = _values(importer, row, context, tag_ids)
    if link is not None:
        article = link.article
        if article.updated.isoformat() != link.data.get("updated"):
            raise BadRow(
                _(
                    "bài đã được sửa ở đây sau lần nhập trước; giữ bản ở đây, không "
                    "ghi đè."
                )
            )
    elif Article.objects.filter(pk=old_id).exists():
        article = Article()  # the old id is taken here: a new one
    else:
        article = Article(pk=old_id)
    created = article._state.adding
    for name, value in values.items():
        setattr(article, name, value)
    message = (
        _("Nhập từ NukeViet (mã cũ %(id)s).")
        if created
        else _("Cập nhật từ NukeViet (mã cũ %(id)s).")
    )
    with reversion.create_revision():
        reversion.set_comment(message % {"id": old_id})
        article.save(force_insert=created and article.pk is not None)
        article.tags.set(tags)
    # created and updated come from the old row (save() would set them to now).
    Article.objects.filter(pk=article.pk).update(
        created=data.pop("created"), updated=data["updated_at"]
    )
    article.refresh_from_db(fields=["created", "updated"])
    data["updated"] = article.updated.isoformat()
    del data["updated_at"]
    previous = link.data.get("files", []) if link is not None else []
    _attach(importer, article, data["files"], old_id, previous)
    category = values["category"]
    alias = row["alias"] or slugify_vi(values["title"])
    importer.save_link(
        link,
        kind=Kind.ARTICLE,
        old_id=old_id,
        target=article,
        alias=alias,
        path=importer.module_path(
            importer.category_aliases.get(row["catid"], category.slug),
            f"{alias}-{old_id}.html",
        ),
        fp=fp,
        data=data,
    )
    _opening_balances(importer, article, row)
    return "created" if created else "updated"


def _values(importer, row, context, tag_ids):
    """The article's fields, its tags and what the link keeps (its other
    categories, its attachments, missing files)."""
    status, publish_at, take_down_at = article_state(row)
    title = one_line(row["title"])
    if not title:
        raise BadRow(_("tiêu đề trống."))
    category = importer.categories.get(row["catid"])
    if category is None:
        raise BadRow(_("chuyên mục #%(id)s không được nhập.") % {"id": row["catid"]})
    body = storable(row.get("bodyhtml") or "", "bodyhtml")
    if len(body) > BODY_MAX_CHARS:
        raise BadRow(
            _("nội dung dài %(n)s ký tự, quá giới hạn %(max)s.")
            % {"n": len(body), "max": BODY_MAX_CHARS}
        )
    uploads = importer.uploads
    before, failed_before = len(uploads.problems), len(uploads.failed)
    body = rewrite_links(body, uploads.body_url)
    image = _lead_image(importer, row)
    files = _files(importer, row)
    uploads.problems[before:] = [
        f"{importer.source.table('rows')} #{row['id']}: {line}"
        for line in uploads.problems[before:]
    ]
    missing = uploads.failed[failed_before:]
    created = moment(row.get("addtime"), "addtime") or publish_at
    source, source_url, external_url = _source(row, context["sources"])
    values = {
        "title": title[:300],
        "slug": slugify_vi(row["alias"] or title, max_length=200),
        "summary": storable(plain(row.get("hometext")), "hometext"),
        "body": body,
        "image": image or "",
        "image_caption": one_line(row.get("homeimgalt"))[:300],
        "category": category,
        "source": source,
        "source_url": source_url,
        "external_url": external_url,
        "author": one_line(row.get("author"))[:150],
        "status": status,
        "publish_at": publish_at,
        "take_down_at": take_down_at,
        "allow_comments": str(row.get("allowed_comm") or "").strip() not in ("", "0"),
        "allow_ratings": bool(row.get("allowed_rating")),
    }
    tags = [importer.tags[tid] for tid in tag_ids if tid in importer.tags]
    topic = importer.topics.get(row.get("topicid"))
    if topic is not None and topic not in tags:
        tags.append(topic)
    other = [
        int(c)
        for c in str(row.get("listcatid") or "").split(",")
        if c.strip().isdigit() and int(c) != row["catid"]
    ]
    data = {
        "other_categories": other,
        "files": files,
        "missing": missing,
        "created": created,
        "updated_at": moment(row.get("edittime"), "edittime") or created,
    }
    return values, tags, data


def _lead_image(importer, row):
    name, kind = (row.get("homeimgfile") or "").strip(), row.get("homeimgthumb")
    if not name:
        return None
    if kind == 3 or urlsplit(name).scheme in ("http", "https"):
        importer.uploads.problems.append(
            _("Ảnh đại diện của bài #%(id)s là địa chỉ ngoài (%(url)s), không chép.")
            % {"id": row["id"], "url": name}
        )
        return None
    return importer.uploads.image(
        importer.uploads.in_module(name), renditions=ARTICLE_RENDITIONS
    )


def _files(importer, row):
    """The article's attachments (NukeViet ``files``), copied; listed on the link
    too, old name beside stored name (docs/import.md)."""
    found = []
    for name in str(row.get("files") or "").split(","):
        if name.strip():
            stored = importer.uploads.file(importer.uploads.in_module(name))
            found.append({"old": name.strip(), "stored": stored})
            if stored:
                importer.report.attachments.append((row["id"], stored))
    return found


def _attach(importer, article, files, old_id, previous):
    """Attach the article's copied ``files`` under it, in their old order, checked
    by content as an editor's upload is (news.services.add_attachment). Each
    attachment is a copy of its own, since a body may link to the imported file
    and deleting the attachment deletes its file. Each entry of ``files`` records
    its attachment's id, and ``previous`` (the old link's entries) those of the
    last run, so a second run attaches nothing. One that is not a document we
    attach (an image, a text file) stays copied and linked, and the summary says
    why. In a dry run nothing was copied and nothing is attached."""
    if importer.dry_run or not files:
        return
    kept = set(
        article.attachments.filter(
            pk__in=[e["attachment"] for e in previous if e.get("attachment")]
        ).values_list("pk", flat=True)
    )
    before = {e["old"]: e.get("attachment") for e in previous}
    for order, entry in enumerate(files):
        if before.get(entry["old"]) in kept:
            entry["attachment"] = before[entry["old"]]
            continue
        if not entry["stored"]:
            continue
        old_name = PurePosixPath(entry["old"].replace("\\", "/"))
        try:
            with default_storage.open(entry["stored"], "rb") as handle:
                document = File(handle, name=old_name.name)
                document.size = default_storage.size(entry["stored"])
                attachment = add_attachment(
                    article=article, file=document, title=old_name.stem, order=order
                )
        except ValidationError as error:
            importer.uploads.problems.append(
                _("%(table)s #%(id)s: tệp %(path)s không được đính kèm: %(why)s")
                % {
                    "table": importer.source.table("rows"),
                    "id": old_id,
                    "path": entry["old"],
                    "why": " ".join(error.messages),
                }
            )
            continue
        entry["attachment"] = attachment.pk


def _source(row, sources):
    """``(source, source_url, external_url)``: the source's name and address
    from the sources table and ``sourcetext``; an article that is only an
    external link sends readers to ``sourcetext``."""
    text = one_line(row.get("sourcetext"))
    is_url = urlsplit(text).scheme in ("http", "https") and len(text) <= 500
    known = sources.get(row.get("sourceid")) or {}
    name = one_line(known.get("title"))
    url = text if is_url else (known.get("link") or "").strip()
    if not name:
        name = urlsplit(text).hostname or "" if is_url else text
    if urlsplit(url).scheme not in ("http", "https") or len(url) > 500:
        url = ""
    external = text if is_url and row.get("external_link") else ""
    return name[:200], url, external


def _opening_balances(importer, article, row):
    """The old rating sums and view count as opening balances (upserted)."""
    tallies = importer.report.tables
    total, count = (
        max(row.get("total_rating") or 0, 0),
        max(row.get("click_rating") or 0, 0),
    )
    rating = OpeningRating.objects.filter(article=article).first()
    if total or count or rating:
        tallies["ratings"].read += 1
        if count and not count <= total <= 5 * count:
            importer.report.problem(
                "ratings",
                importer.source.table("rows"),
                row["id"],
                _("tổng điểm %(total)s không khớp %(count)s đánh giá; vẫn giữ nguyên.")
                % {"total": total, "count": count},
            )
        outcome = _upsert(
            OpeningRating, rating, article, total=total, count=count, source=SOURCE
        )
        tallies["ratings"].add(outcome)
    views = max(row.get("hitstotal") or 0, 0)
    opening = OpeningArticleViews.objects.filter(article=article).first()
    if views or opening:
        tallies["views"].read += 1
        outcome = _upsert(OpeningArticleViews, opening, article, views=views)
        tallies["views"].add(outcome)


def _upsert(model, row, article, **values):
    if row is None:
        model.objects.create(article=article, **values)
        return "created"
    if all(getattr(row, name) == value for name, value in values.items()):
        return "skipped"
    model.objects.filter(pk=row.pk).update(**values)
    return "updated"
