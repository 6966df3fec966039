"""Security headers that Django's own middleware does not set: a strict content security policy.

No inline scripts and no third-party origin: every script and style is served by citydip itself
(respondents' IP addresses must not reach anyone else). A configured tile server is allowed for images.
"""
from django.conf import settings


def content_security_policy():
    img = "'self' data: blob:"
    tile = getattr(settings, "CITYDIP_TILE_URL", "")
    if tile:
        from urllib.parse import urlsplit

        parts = urlsplit(tile.replace("{s}", "a"))
        img += f" {parts.scheme}://{parts.netloc.split('{')[0]}" if parts.netloc else ""
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        f"img-src {img}; font-src 'self'; connect-src 'self'; "
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"
    )


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.csp = content_security_policy()

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.csp)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response
