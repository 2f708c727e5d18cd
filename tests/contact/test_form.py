"""The contact form: stored first, emailed to the department, the comment form's
anti-spam, and every bad input a clear 4xx that stores nothing."""

import re
import time

import pytest
import time_machine
from django.utils import timezone

from portal.contact.forms import sign_stamp
from portal.contact.models import ContactMessage, Department
from portal.models import BannedWord, SiteSettings

pytestmark = pytest.mark.django_db
URL = "/lien-he/"


@pytest.fixture(autouse=True)
def _generous_rate_limit(settings):
    settings.CONTACT_RATE_LIMITS = "1000/60"


@pytest.fixture
def office():
    return Department.objects.create(
        name="Văn phòng", emails="vanphong@example.org, chanhvp@example.org", order=1
    )


@pytest.fixture
def board():
    return Department.objects.create(
        name="Ban biên tập", emails="bbt@example.org", order=2
    )


def letter(department=None, *, age=10, **fields):
    data = {
        "name": "Nguyễn Thị Hoa",
        "email": "hoa@example.org",
        "phone": "0912 345 678",
        "subject": "Hỏi về thủ tục",
        "message": "Xin hỏi thủ tục đăng ký\r\nsinh hoạt câu lạc bộ.",
        "department": department.pk if department else "",
        "stamp": sign_stamp(issued_at=time.time() - age),
        "website": "",
    }
    data.update(fields)
    return data


def alert(response):
    match = re.search(
        r'<p class="form-error" role="alert">(.*?)</p>', response.content.decode()
    )
    return match.group(1) if match else None


def page_stamp(response):
    return re.search(r'name="stamp" value="([^"]+)"', response.content.decode()).group(
        1
    )


def test_the_contact_page_has_the_form_with_the_departments(client, office, board):
    Department.objects.create(
        name="Đã giải thể", emails="x@example.org", is_active=False
    )
    html = client.get(URL).content.decode()
    form = html.split('<form class="contact-form"', 1)[1].split("</form>", 1)[0]
    for label in ("Họ và tên", "Email", "Điện thoại", "Tiêu đề", "Gửi tới bộ phận"):
        assert f">{label}" in form
    assert 'name="csrfmiddlewaretoken"' in form
    assert re.search(r'name="stamp" value="[^"]+"', form)
    assert '<input type="tel" name="phone"' in form
    options = re.findall(r"<option value=\"\d+\"[^>]*>([^<]+)</option>", form)
    assert options == ["Văn phòng", "Ban biên tập"]
    assert html.count("<h1") == 1


def test_a_message_is_stored_emailed_to_the_department_and_confirmed(
    client, office, mailoutbox
):
    response = client.post(URL, letter(office))
    assert response.status_code == 302
    assert response["Location"] == "/lien-he/da-gui/"
    stored = ContactMessage.objects.get()
    assert stored.department == office
    assert (stored.name, stored.email, stored.phone) == (
        "Nguyễn Thị Hoa",
        "hoa@example.org",
        "0912 345 678",
    )
    assert stored.message == "Xin hỏi thủ tục đăng ký\nsinh hoạt câu lạc bộ."
    assert stored.delivery == ContactMessage.Delivery.SENT
    assert stored.emailed_at is not None and not stored.is_handled
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["vanphong@example.org", "chanhvp@example.org"]
    assert mail.reply_to == ["hoa@example.org"]
    assert mail.subject == "Thư liên hệ: Hỏi về thủ tục"
    assert "Nguyễn Thị Hoa <hoa@example.org>" in mail.body
    assert "Bộ phận: Văn phòng" in mail.body
    assert "Điện thoại: 0912 345 678" in mail.body
    assert "sinh hoạt câu lạc bộ." in mail.body
    assert (
        f"http://testserver/admin/contact/contactmessage/{stored.pk}/change/"
        in mail.body
    )
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Chúng tôi đã nhận được thư của bạn" in page.content.decode()


def test_the_emailed_admin_link_uses_site_url_when_set(
    client, office, mailoutbox, settings
):
    """Behind a proxy the request's own host may be an inner name: the link in
    the email goes to the address the site is known by, as comment emails do."""
    settings.SITE_URL = "https://tin.example.vn/"
    client.post(URL, letter(office))
    stored = ContactMessage.objects.get()
    assert (
        f"https://tin.example.vn/admin/contact/contactmessage/{stored.pk}/change/"
        in mailoutbox[0].body
    )
    assert "testserver" not in mailoutbox[0].body


def test_without_departments_the_message_goes_to_the_site_email(client, mailoutbox):
    site = SiteSettings.load()
    site.email = "lienhe@example.org"
    site.save()
    html = client.get(URL).content.decode()
    assert 'name="department"' not in html
    assert client.post(URL, letter()).status_code == 302
    assert mailoutbox[0].to == ["lienhe@example.org"]
    assert ContactMessage.objects.get().department is None


def test_without_any_recipient_the_message_is_kept_and_says_why(client, mailoutbox):
    assert client.post(URL, letter()).status_code == 302
    stored = ContactMessage.objects.get()
    assert stored.delivery == ContactMessage.Delivery.FAILED
    assert "Không có địa chỉ nhận" in stored.delivery_error
    assert mailoutbox == []


def test_a_mail_server_outage_loses_nothing(client, office, settings, caplog):
    # A real SMTP connection to a port where nothing listens (this branch's range).
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = (
        "127.0.0.1",
        8549,
        2,
    )
    response = client.post(URL, letter(office, message="Thư quan trọng."))
    assert response.status_code == 302  # the reader is told it was received
    stored = ContactMessage.objects.get()
    assert stored.message == "Thư quan trọng."
    assert stored.delivery == ContactMessage.Delivery.FAILED
    assert "ConnectionRefusedError" in stored.delivery_error
    assert stored.emailed_at is None
    assert "Could not email contact message" in caplog.text


def test_a_form_sent_twice_stores_one_message(client, office, mailoutbox):
    data = letter(office)
    assert client.post(URL, data).status_code == 302
    assert client.post(URL, data).status_code == 302
    assert ContactMessage.objects.count() == 1
    assert len(mailoutbox) == 1


@pytest.mark.parametrize(
    ("fields", "field", "error"),
    [
        ({"name": ""}, "name", "Vui lòng nhập họ và tên."),
        ({"name": "n" * 81}, "name", "Họ và tên dài tối đa 80 ký tự."),
        ({"email": "khong-phai-email"}, "email", "Địa chỉ email không hợp lệ."),
        ({"subject": "   "}, "subject", "Vui lòng nhập tiêu đề."),
        ({"subject": "t" * 201}, "subject", "Tiêu đề dài tối đa 200 ký tự."),
        ({"message": " \r\n "}, "message", "Vui lòng nhập nội dung thư."),
        ({"message": "x" * 5001}, "message", "Nội dung dài tối đa 5000 ký tự"),
        ({"phone": "gọi tôi"}, "phone", "Số điện thoại không hợp lệ"),
        ({"phone": "123"}, "phone", "Số điện thoại không hợp lệ"),
        ({"department": ""}, "department", "Vui lòng chọn bộ phận nhận thư."),
        ({"department": "999999"}, "department", "không còn nhận thư"),
        ({"department": "abc"}, "department", "không còn nhận thư"),
    ],
)
def test_bad_fields_are_400_next_to_the_field_and_keep_what_was_typed(
    client, office, fields, field, error
):
    data = letter(office, message="Nội dung giữ nguyên")
    data.update(fields)
    response = client.post(URL, data)
    assert response.status_code == 400
    assert error in " ".join(response.context["form"].errors[field])
    html = response.content.decode()
    assert alert(response) == "Thư chưa được gửi. Vui lòng sửa các lỗi dưới đây."
    assert error in html.split('<form class="contact-form"', 1)[1]
    if field != "message":
        assert "Nội dung giữ nguyên</textarea>" in html
    assert ContactMessage.objects.count() == 0


def test_an_inactive_department_is_refused(client, office):
    office.is_active = False
    office.save()
    other = Department.objects.create(name="Khác", emails="khac@example.org")
    response = client.post(URL, letter(office))
    assert response.status_code == 400
    assert ContactMessage.objects.count() == 0
    assert client.post(URL, letter(other)).status_code == 302


def test_a_filled_honeypot_is_refused(client, office):
    response = client.post(URL, letter(office, website="http://spam.example"))
    assert response.status_code == 400
    assert alert(response) == "Không gửi được. Ô cuối biểu mẫu phải để trống."
    assert ContactMessage.objects.count() == 0


def test_a_form_sent_too_soon_says_so_and_goes_through_later(client, office):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        response = client.post(URL, letter(office, age=1, subject="Vội"))
        assert response.status_code == 400
        assert alert(response).startswith(
            "Biểu mẫu được gửi quá nhanh sau khi mở trang. Vui lòng đợi 2 giây"
        )
        assert 'value="Vội"' in response.content.decode()
        clock.shift(2)
        again = client.post(
            URL, letter(office, subject="Vội", stamp=page_stamp(response))
        )
    assert again.status_code == 302
    assert ContactMessage.objects.get().subject == "Vội"


def test_an_expired_form_is_renewed_and_sent_without_retyping(client, office):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        response = client.post(URL, letter(office, age=3 * 3600))
        assert response.status_code == 400
        assert alert(response).startswith("Trang đã mở quá lâu nên biểu mẫu hết hạn.")
        clock.shift(3)
        again = client.post(URL, letter(office, stamp=page_stamp(response)))
    assert again.status_code == 302


@pytest.mark.parametrize("stamp", ["", "gia-mao"])
def test_a_missing_or_forged_stamp_is_refused(client, office, stamp):
    response = client.post(URL, letter(office, stamp=stamp))
    assert response.status_code == 400
    assert alert(response).startswith("Biểu mẫu không hợp lệ.")


def test_a_comment_forms_stamp_does_not_open_the_contact_form(client, office):
    from comments.forms import sign_stamp as comment_stamp

    stamp = comment_stamp(1, issued_at=time.time() - 10)
    response = client.post(URL, letter(office, stamp=stamp))
    assert response.status_code == 400
    assert ContactMessage.objects.count() == 0


def test_too_many_messages_from_one_address_are_429(client, office, settings):
    settings.CONTACT_RATE_LIMITS = "1/60"
    with time_machine.travel(1_900_000_020, tick=False):  # a 60-second window starts
        assert client.post(URL, letter(office)).status_code == 302
        response = client.post(URL, letter(office, subject="Lần hai"))
        assert response.status_code == 429
        assert response["Retry-After"] == "60"
        assert alert(response) == (
            "Bạn gửi thư quá nhiều. Vui lòng thử lại sau 60 giây."
        )
        assert 'value="Lần hai"' in response.content.decode()
        other = client.post(URL, letter(office), REMOTE_ADDR="198.51.100.7")
        assert other.status_code == 302
    assert ContactMessage.objects.count() == 2


def test_links_and_banned_words_hold_a_message_back_from_email(
    client, office, mailoutbox
):
    BannedWord.objects.create(word="cá độ")
    links = "Xem https://a.example https://b.example https://c.example"
    assert client.post(URL, letter(office, message=links)).status_code == 302
    assert (
        client.post(URL, letter(office, subject="Mời cá độ bóng đá")).status_code == 302
    )
    held = ContactMessage.objects.order_by("id")
    assert [m.delivery for m in held] == ["held", "held"]
    assert held[0].held_reason == "có 3 liên kết"
    assert held[1].held_reason == "có từ cấm: cá độ"
    assert mailoutbox == []  # stored, waiting for a person in the admin


def test_other_methods_are_refused(client):
    assert client.put(URL).status_code == 405
    assert client.post("/lien-he/da-gui/").status_code == 405


def test_the_form_in_english(client, office):
    client.cookies["django_language"] = "en"
    html = client.get(URL).content.decode()
    assert ">Write to us</h2>" in html and ">Send to" in html
    response = client.post(URL, letter(office, email="sai"))
    assert "The message was not sent." in alert(response)
