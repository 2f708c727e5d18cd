"""Debian's nginx running docs/deploy/nginx.conf."""

import datetime
import os
import signal
import subprocess
from pathlib import Path

import requests

from tests.deploy.harness.base import NGINX, ROOT, wait_for


def self_signed_certificate(folder):
    """A certificate and key for localhost, written to ``folder``."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = Path(folder) / "cert.pem", Path(folder) / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


class Nginx:
    """Debian's nginx, as a foreground process with its own prefix under ``folder``,
    running docs/deploy/nginx.conf with local ports, folders and app servers."""

    CONFIG = ROOT / "docs" / "deploy" / "nginx.conf"

    def __init__(self, folder, *, http_port, https_port, upstreams, static_root):
        self.folder = Path(folder)
        self.http_port, self.https_port = http_port, https_port
        self.upstreams, self.static_root = upstreams, Path(static_root)
        self.process = None

    @property
    def url(self):
        return f"https://localhost:{self.https_port}"

    def site_config(self):
        """docs/deploy/nginx.conf with this machine's ports, folders and servers;
        every replaced line must be found, so the test runs the documented file."""
        cert, key = self_signed_certificate(self.folder)
        media = self.folder / "media"
        media.mkdir(exist_ok=True)
        text = self.CONFIG.read_text()
        replacements = [
            (
                "    server 127.0.0.1:8000 max_fails=3 fail_timeout=10s;\n",
                "".join(
                    f"    server 127.0.0.1:{port} max_fails=3 fail_timeout=10s;\n"
                    for port in self.upstreams
                ),
            ),
            ("listen 80;", f"listen 127.0.0.1:{self.http_port};"),
            ("listen [::]:80;\n", ""),
            ("listen 443 ssl http2;", f"listen 127.0.0.1:{self.https_port} ssl http2;"),
            ("listen [::]:443 ssl http2;\n", ""),
            ("server_name tin.example.vn;", "server_name localhost 127.0.0.1;"),
            ("/etc/letsencrypt/live/tin.example.vn/fullchain.pem", str(cert)),
            ("/etc/letsencrypt/live/tin.example.vn/privkey.pem", str(key)),
            ("root /srv/portal/static;", f"root {self.static_root};"),
            ("alias /srv/portal/static/;", f"alias {self.static_root}/;"),
            ("alias /srv/portal/media/;", f"alias {media}/;"),
            # The redirect keeps the test's port (a real site listens on 443).
            (
                "return 301 https://$host$request_uri;",
                f"return 301 https://$host:{self.https_port}$request_uri;",
            ),
        ]
        for old, new in replacements:
            if old not in text:
                raise AssertionError(f"docs/deploy/nginx.conf no longer has {old!r}")
            text = text.replace(old, new)
        return text

    def start(self):
        for sub in ("logs", "temp"):
            (self.folder / sub).mkdir(parents=True, exist_ok=True)
        (self.folder / "site.conf").write_text(self.site_config())
        temp = self.folder / "temp"
        main = f"""
user root;
worker_processes 1;
pid {self.folder}/nginx.pid;
error_log {self.folder}/logs/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {self.folder}/logs/access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {self.folder}/site.conf;
}}
"""
        (self.folder / "nginx.conf").write_text(main)
        subprocess.run(
            [
                NGINX,
                "-t",
                "-p",
                str(self.folder),
                "-c",
                str(self.folder / "nginx.conf"),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        self.process = subprocess.Popen(
            [NGINX, "-p", str(self.folder), "-c", str(self.folder / "nginx.conf")]
            + ["-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        wait_for(
            lambda: (
                requests.get(
                    f"http://127.0.0.1:{self.http_port}/",
                    timeout=2,
                    allow_redirects=False,
                ).status_code
                == 301
            ),
            timeout=15,
            what="nginx",
        )
        return self

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGQUIT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
