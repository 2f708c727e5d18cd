import pytest

from news.text import fold, slugify_vi


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (
            "Cụm thi đua các tổ chức chính trị - xã hội tổng kết công tác thi đua, "
            "khen thưởng năm 2023",
            "cum-thi-dua-cac-to-chuc-chinh-tri-xa-hoi-tong-ket-cong-tac-thi-dua-khen-thuong-nam-2023",
        ),
        (
            "ĐẠI HỘI ĐẠI BIỂU Đoàn TNCS Hồ Chí Minh",
            "dai-hoi-dai-bieu-doan-tncs-ho-chi-minh",
        ),
        ("Ưu tiên   phát triển -- nông thôn", "uu-tien-phat-trien-nong-thon"),
        (
            "Người dân ở Điện Biên, Đắk Lắk và Quảng Trị",
            "nguoi-dan-o-dien-bien-dak-lak-va-quang-tri",
        ),
        ("Hội nghị “Dân vận khéo” năm 2024!", "hoi-nghi-dan-van-kheo-nam-2024"),
        ("Thủy lợi: tưới tiêu & phòng chống lũ", "thuy-loi-tuoi-tieu-phong-chong-lu"),
        ("Kỷ niệm 94 năm Ngày thành lập (18/11)", "ky-niem-94-nam-ngay-thanh-lap-1811"),
        ("Nữ hộ sinh giỏi", "nu-ho-sinh-gioi"),
        ("Quản lý_dữ liệu   số", "quan-ly-du-lieu-so"),
    ],
)
def test_vietnamese_titles_transliterate_to_ascii_slugs(title, slug):
    assert slugify_vi(title) == slug


def test_long_slug_is_cut_at_a_word_boundary():
    slug = slugify_vi("Thi đua " * 60, max_length=50)
    assert len(slug) <= 50
    assert not slug.endswith("-")
    assert slug.split("-")[-1] in {"thi", "dua"}


def test_fold_removes_marks_and_case():
    assert fold("THI ĐUA Khen Thưởng") == "thi dua khen thuong"
