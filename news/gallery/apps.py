from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GalleryConfig(AppConfig):
    name = "news.gallery"
    label = "gallery"
    verbose_name = _("Thư viện hình ảnh")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete

        from news.gallery.models import Photo

        post_delete.connect(
            delete_photo_files, sender=Photo, dispatch_uid="gallery_photo_files"
        )


def delete_photo_files(sender, instance, **kwargs):
    """A deleted photo takes its file and renditions with it, once the delete
    is committed (a rolled-back delete keeps them)."""
    from django.db import transaction

    from news.gallery.services import delete_image

    if instance.image:
        name = instance.image.name
        transaction.on_commit(lambda: delete_image(name))
