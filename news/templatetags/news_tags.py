from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from news import jsonld
from news.images import rendition_url

register = template.Library()

# Django's Vietnamese locale says "Thứ 6"; Vietnamese news sites write the day out.
VI_WEEKDAYS = (
    "Thứ hai",
    "Thứ ba",
    "Thứ tư",
    "Thứ năm",
    "Thứ sáu",
    "Thứ bảy",
    "Chủ nhật",
)
EN_WEEKDAYS = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@register.filter
def dateline(value):
    """``Thứ sáu - 12/01/2024 02:02`` in the site time zone (English: ``Friday, 12 January 2024, 02:02``)."""
    if not value:
        return ""
    local = timezone.localtime(value)
    if (get_language() or "vi").startswith("en"):
        return (
            f"{EN_WEEKDAYS[local.weekday()]}, {local.day} {EN_MONTHS[local.month - 1]} "
            f"{local.year}, {local:%H:%M}"
        )
    return f"{VI_WEEKDAYS[local.weekday()]} - {local:%d/%m/%Y %H:%M}"


@register.filter
def shortdate(value):
    """``12/01/2024 02:02`` in the site time zone."""
    if not value:
        return ""
    return f"{timezone.localtime(value):%d/%m/%Y %H:%M}"


@register.simple_tag
def rendition(image_field, spec):
    """URL of a Pillow-made rendition (see news.images.RENDITIONS) of an image field."""
    return rendition_url(image_field, spec)


@register.simple_tag(takes_context=True)
def article_jsonld(context, article):
    """The article's schema.org ``NewsArticle`` as a JSON-LD script element."""
    data = jsonld.article_data(
        context["request"], article, context["site"], tags=context.get("tags")
    )
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(jsonld.dumps(data))
    )


@register.simple_tag(takes_context=True)
def absolute(context, url):
    """``url`` made absolute with the request's scheme and host (for og:image, feeds)."""
    return context["request"].build_absolute_uri(url)
