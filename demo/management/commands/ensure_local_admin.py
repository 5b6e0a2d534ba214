import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from demo.blog import ensure_author

USERNAME = "admin"


class Command(BaseCommand):
    help = "Local development only: make sure an admin account exists and print how to log in."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="where runserver listens")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing: ensure_local_admin only runs with DEBUG on.")
        password_file = settings.BASE_DIR / "var" / "local-admin-password"
        password_file.parent.mkdir(parents=True, exist_ok=True)
        if not password_file.exists():
            password_file.write_text(secrets.token_urlsafe(12))
            password_file.chmod(0o600)
        password = password_file.read_text().strip()
        User = get_user_model()
        user, _ = User.objects.get_or_create(username=USERNAME, defaults={"email": ""})
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        ensure_author(user, display_name="Local Admin", slug="local-admin")
        self.stdout.write(
            self.style.SUCCESS(
                f"Local admin: http://127.0.0.1:{options['port']}/admin/  user: {USERNAME}  "
                f"password: {password}  (kept in {password_file})"
            )
        )
        if settings.ACCOUNTS_REQUIRE_TWO_FACTOR:
            self.stdout.write("Two-factor authentication is required: set it up at first login.")
        else:
            self.stdout.write(
                self.style.WARNING(
                    "Two-factor authentication is optional in this local run "
                    "(ACCOUNTS_REQUIRE_TWO_FACTOR=0; production requires it). "
                    "Try it: make run REQUIRE_TWO_FACTOR=1"
                )
            )
