"""`manage.py ensure_admin` (run by `make run` and `make serve`)."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def ensure_admin(password_file):
    out = StringIO()
    call_command("ensure_admin", password_file=password_file, stdout=out)
    return out.getvalue()


def test_the_first_run_creates_the_admin_with_the_kept_password(tmp_path):
    password_file = tmp_path / "admin_password"
    output = ensure_admin(password_file)
    password = password_file.read_text().strip()
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff and admin.is_active
    assert admin.check_password(password)
    assert admin.groups.filter(name="Quản trị viên").exists()
    assert f"password: {password}" in output


def test_running_again_keeps_the_password_and_the_admin_signed_in(client, tmp_path):
    password_file = tmp_path / "admin_password"
    ensure_admin(password_file)
    password = password_file.read_text().strip()
    # Signed in through the login page, as a person does (the lockout backend
    # wants the request).
    signed_in = client.post(
        "/admin/login/?next=/admin/", {"username": "admin", "password": password}
    )
    assert signed_in.status_code == 302
    assert client.get("/admin/").status_code == 200

    output = ensure_admin(password_file)

    assert f"password: {password}" in output
    # The session's hash of the password is still valid: not signed out.
    assert client.get("/admin/").status_code == 200


def test_a_password_changed_by_the_admin_is_kept_and_not_printed(client, tmp_path):
    password_file = tmp_path / "admin_password"
    ensure_admin(password_file)
    admin = get_user_model().objects.get(username="admin")
    admin.set_password("mat-khau-rieng-cua-toi")
    admin.save()

    output = ensure_admin(password_file)

    admin.refresh_from_db()
    assert admin.check_password("mat-khau-rieng-cua-toi")
    assert password_file.read_text().strip() not in output
    assert "changed since it was created" in output
