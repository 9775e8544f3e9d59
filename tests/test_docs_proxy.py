"""The README's reverse-proxy example sets the security headers the deployment relies on."""

import re

from tests.test_docs import section


def test_the_proxy_example_sets_the_security_headers():
    headers = dict(re.findall(r'^\s*add_header ([\w-]+) "([^"]*)" always;$', section("Deployment"), re.MULTILINE))
    assert headers == {
        "Content-Security-Policy": "frame-ancestors 'none'",
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    }
