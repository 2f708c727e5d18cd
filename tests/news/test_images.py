import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from news.images import RENDITIONS, rendition_url, validate_image_file
from tests.factories import image_bytes, image_upload, make_article


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "GIF", "WEBP"])
def test_real_images_of_allowed_formats_pass(fmt):
    assert validate_image_file(image_upload(f"a.{fmt.lower()}", fmt)) == fmt


def test_a_text_file_named_jpg_is_refused_with_a_reason():
    fake = SimpleUploadedFile("anh.jpg", b"<?php echo 1; ?>", content_type="image/jpeg")
    with pytest.raises(ValidationError) as error:
        validate_image_file(fake)
    assert error.value.code == "image_invalid"


def test_an_allowed_but_unlisted_format_is_refused(settings):
    bmp = SimpleUploadedFile("a.bmp", image_bytes("BMP"), content_type="image/bmp")
    with pytest.raises(ValidationError) as error:
        validate_image_file(bmp)
    assert error.value.code == "image_format"


def test_too_large_files_and_too_many_pixels_are_refused(settings):
    settings.IMAGE_MAX_BYTES = 100
    with pytest.raises(ValidationError) as error:
        validate_image_file(image_upload(size=(300, 300)))
    assert error.value.code == "image_too_large"
    settings.IMAGE_MAX_BYTES = 10_000_000
    settings.IMAGE_MAX_PIXELS = 1000
    with pytest.raises(ValidationError) as error:
        validate_image_file(image_upload(size=(100, 100)))
    assert error.value.code == "image_pixels"


@pytest.mark.django_db
def test_list_pages_show_a_rendition_not_the_upload(client):
    article = make_article(image=image_upload("lon.jpg", size=(1600, 1000)))
    page = client.get(article.category.get_absolute_url()).content.decode()
    assert "/media/renditions/thumb/" in page
    assert article.image.url not in page
    url = rendition_url(article.image, "thumb")
    from django.conf import settings as django_settings
    from PIL import Image

    path = django_settings.MEDIA_ROOT / url.removeprefix(django_settings.MEDIA_URL)
    with Image.open(path) as image:
        assert image.size == RENDITIONS["thumb"][:2]
