from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GalleryConfig(AppConfig):
    name = "news.gallery"
    label = "gallery"
    verbose_name = _("Thư viện hình ảnh")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from news.gallery.models import Album, Photo
        from news.gallery.templatetags.gallery_tags import forget_recent_photos

        for model in (Album, Photo):
            post_save.connect(forget_recent_photos, sender=model)
            post_delete.connect(forget_recent_photos, sender=model)
