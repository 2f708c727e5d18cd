"""Reading an article's revisions (django-reversion versions) as plain values."""

from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from reversion.models import Version

from news.models import Article, Category, Tag, TaggedArticle

# Fields shown when comparing revisions and when a save conflicts, in form order.
COMPARED_FIELDS = [
    "title",
    "slug",
    "category",
    "summary",
    "body",
    "tags",
    "image",
    "image_caption",
    "image_alt",
    "source",
    "source_url",
    "author",
    "external_url",
    "status",
    "publish_at",
    "take_down_at",
    "featured",
    "allow_comments",
    "allow_ratings",
]


def plain(value):
    """A value comparable across a stored version and a live row: files by name,
    times to the second (versions keep milliseconds, rows microseconds, and no
    editor makes a change smaller than a second)."""
    if hasattr(value, "name") and hasattr(value, "storage"):
        return value.name or ""
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    return value


def article_values(article):
    """``article``'s compared fields as plain values, tags as a set of names."""
    values = {
        name: plain(Article._meta.get_field(name).value_from_object(article))
        for name in COMPARED_FIELDS
        if name != "tags"
    }
    values["tags"] = {tag.name for tag in article.tags.all()}
    return values


def version_values(version):
    """The same values as ``article_values`` for a stored ``version``."""
    data = version.field_dict  # keyed by attname: category_id, tag_id...
    values = {}
    for name in COMPARED_FIELDS:
        if name != "tags":
            attname = Article._meta.get_field(name).attname
            if attname in data:
                values[name] = plain(data[attname])
    links = version.revision.version_set.filter(
        content_type=ContentType.objects.get_for_model(TaggedArticle)
    )
    tag_ids = set()
    for link in links:
        link_data = link.field_dict
        if link_data.get("content_object_id") == data.get("id"):
            tag_ids.add(link_data["tag_id"])
    values["tags"] = set(
        Tag.objects.filter(pk__in=tag_ids).values_list("name", flat=True)
    )
    values["updated"] = data.get("updated")
    return values


def missing_references(revision):
    """What ``revision`` points at that has been deleted since (a tag, a category,
    a user), as short descriptions; restoring it would fail on these."""
    missing = []
    for version in revision.version_set.all():
        data = version.field_dict
        for field in version._model._meta.concrete_fields:
            if not (field.is_relation and field.many_to_one):
                continue
            value = data.get(field.attname)
            manager = field.related_model._default_manager
            if value is not None and not manager.filter(pk=value).exists():
                missing.append(f"{field.related_model._meta.verbose_name} #{value}")
    return missing


def changed_fields(before, after):
    """Names of the compared fields whose values differ between two value dicts."""
    return [
        name
        for name in COMPARED_FIELDS
        if name in before and name in after and before[name] != after[name]
    ]


def versions_of(article):
    """``article``'s versions, newest first, with who saved them."""
    return Version.objects.get_for_object(article).select_related("revision__user")


def opened_version(article, token, *, search=50):
    """The values ``article`` had when a form showing ``token`` (its ``updated``
    time then) was opened, or None if no stored version matches."""
    try:
        opened_at = datetime.fromisoformat(token)
    except (TypeError, ValueError):
        return None
    for version in versions_of(article)[:search]:
        updated = version.field_dict.get("updated")
        # The JSON serializer keeps milliseconds only.
        if updated and abs(updated - opened_at) < timedelta(milliseconds=1):
            return version_values(version)
    return None


def display(name, value):
    """``value`` of field ``name`` as an editor reads it."""
    if value is None or value == "":
        return "—"
    if name == "tags":
        return ", ".join(sorted(value)) or "—"
    if name == "body":
        return strip_tags(value)
    if name == "category":
        category = Category.objects.filter(pk=value).first()
        return category.name if category else f"#{value}"
    if name == "status":
        return Article.Status(value).label if value in Article.Status.values else value
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
    return str(value)


def compare_rows(before, after):
    """(label, shown value before, shown value after, changed) per compared field."""
    rows = []
    for name in COMPARED_FIELDS:
        if name not in before:
            continue
        label = Article._meta.get_field(name).verbose_name
        old, new = before[name], after.get(name)
        rows.append((label, display(name, old), display(name, new), old != new))
    return rows
