from django import template

from portal.models import Banner

register = template.Library()


def visible_banners(request):
    """Every banner shown now, loaded once per request for all positions."""
    if request is None:
        return list(Banner.objects.visible())
    if not hasattr(request, "_visible_banners"):
        request._visible_banners = list(Banner.objects.visible())
    return request._visible_banners


@register.inclusion_tag("includes/banners.html", takes_context=True)
def banners(context, position):
    """The banners of one position (side, header, footer) as a list of image links."""
    return {
        "position": position,
        "banners": [
            banner
            for banner in visible_banners(context.get("request"))
            if banner.position == position
        ],
    }


@register.filter
def tel_href(phone):
    """``tel:`` address of a phone number as people write it (``0200 3 812 345``)."""
    digits = "".join(ch for ch in str(phone) if ch.isdigit() or ch == "+")
    return f"tel:{digits}" if digits else ""
