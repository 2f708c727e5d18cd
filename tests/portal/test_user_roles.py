"""The user pages of the admin: the role is one choice that also sets staff status."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from portal.roles import ADMINISTRATOR, MANAGING_EDITOR, REPORTER
from tests.factories import admin_form_data, make_user

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def superuser(client):
    user = make_user(is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def role_names(user):
    return sorted(user.groups.values_list("name", flat=True))


def change(client, user, **fields):
    url = reverse("admin:auth_user_change", args=[user.pk])
    data = admin_form_data(client.get(url).context["adminform"].form)
    data.update(fields)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    user.refresh_from_db()
    return user


def test_a_new_reporter_is_made_in_one_step_with_the_role_and_staff_status(
    client, superuser
):
    response = client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "phongvien.lan",
            "password1": "Mat-khau-rat-kho-doan-2024",
            "password2": "Mat-khau-rat-kho-doan-2024",
            "role": REPORTER,
            "last_name": "Nguyễn Thị",
            "first_name": "Lan",
            "email": "lan@example.org",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="phongvien.lan")
    assert user.is_staff and not user.is_superuser
    assert role_names(user) == [REPORTER]
    assert user.email == "lan@example.org" and user.get_full_name() == "Lan Nguyễn Thị"
    client.force_login(user)
    assert client.get(reverse("admin:news_article_add")).status_code == 200


def test_the_add_page_offers_the_roles_and_no_password_based_switch(client, superuser):
    html = client.get(reverse("admin:auth_user_add")).content.decode()
    for label in ["Phóng viên / Biên tập viên", "Thư ký tòa soạn", "Quản trị viên"]:
        assert label in html
    assert 'name="role"' in html and 'type="radio"' in html
    assert 'name="usable_password"' not in html


def test_changing_the_role_replaces_the_role_group_and_keeps_other_groups(
    client, superuser
):
    other = Group.objects.create(name="Ban đọc bài")
    user = make_user(role=REPORTER)
    user.groups.add(other)
    page = client.get(reverse("admin:auth_user_change", args=[user.pk]))
    assert page.context["adminform"].form["role"].value() == REPORTER

    change(client, user, role=MANAGING_EDITOR)
    assert role_names(user) == ["Ban đọc bài", MANAGING_EDITOR]
    assert user.is_staff

    change(client, user, role="")
    assert role_names(user) == ["Ban đọc bài"]
    assert not user.is_staff


def test_a_save_without_touching_the_role_leaves_the_generic_fields_in_charge(
    client, superuser
):
    user = make_user(role=REPORTER)
    change(client, user, is_staff="", last_name="Trần")
    assert not user.is_staff
    assert role_names(user) == [REPORTER]


def test_the_list_shows_each_users_role(client, superuser):
    make_user("thuky.hoa", role=MANAGING_EDITOR)
    html = client.get(reverse("admin:auth_user_changelist")).content.decode()
    assert "thuky.hoa" in html and "Thư ký tòa soạn" in html


def test_an_administrator_who_is_not_superuser_cannot_make_a_superuser(client):
    client.force_login(make_user(role=ADMINISTRATOR))
    user = make_user(role=REPORTER)
    change(client, user, is_superuser="on", role=ADMINISTRATOR)
    assert not user.is_superuser
    assert role_names(user) == [ADMINISTRATOR]
