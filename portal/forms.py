from django.contrib.auth.forms import PasswordResetForm


class StaffPasswordResetForm(PasswordResetForm):
    """Password reset for the back office: only active staff accounts get a link.

    The page says the same whatever address is typed, so it tells nobody which
    addresses have an account.
    """

    def get_users(self, email):
        return (user for user in super().get_users(email) if user.is_staff)
