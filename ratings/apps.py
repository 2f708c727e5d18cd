from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RatingsConfig(AppConfig):
    name = "ratings"
    verbose_name = _("Đánh giá bài viết")

    def ready(self):
        from news import jsonld
        from ratings.summary import aggregate_rating

        jsonld.add_extender(aggregate_rating)
