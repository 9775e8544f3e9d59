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


def nginx_blocks(text: str) -> list[str]:
    return re.findall(r"```nginx\n(.*?)```", text, re.DOTALL)


def test_several_processes_keep_each_browser_on_one_process_for_every_request():
    # Field log (issue 13): streamlit/streamlit#2936 and #4173, the uploader's PUT answered "400 session
    # invalid" behind several replicas: the websocket and the upload reached different processes.
    [config] = [block for block in nginx_blocks(section("Deployment")) if "upstream partnerskapsmonitor" in block]
    upstream = re.search(r"upstream partnerskapsmonitor \{(.*?)\}", config, re.DOTALL)
    assert upstream is not None
    assert re.search(r"^\s*hash \$pm_route consistent;$", upstream.group(1), re.MULTILINE)
    # One location for everything: the websocket, the upload and the downloads follow the same hash.
    assert re.findall(r"^\s*location (\S+) \{", config, re.MULTILINE) == ["/"]
    assert re.findall(r"^\s*proxy_pass (\S+);", config, re.MULTILINE) == ["http://partnerskapsmonitor"]


def test_the_proxy_keeps_a_quiet_websocket_open():
    # Field log (issue 13): streamlit/streamlit#4297, a proxy's read timeout closed the websocket of a
    # page left open and Streamlit began a new session, losing its widget values.
    blocks = nginx_blocks(section("Deployment"))
    assert blocks != []
    assert "proxy_read_timeout 86400;" in section("Deployment").split("```")[0]
    assert [block for block in blocks if "proxy_pass" in block and "proxy_read_timeout 86400;" not in block] == []
