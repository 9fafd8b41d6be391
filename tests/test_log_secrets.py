"""No secret in any log line (issue 16): the Telegram token httpx logs at INFO, tokens in URLs."""

from __future__ import annotations

import io
import logging

from hotline.log_secrets import hide_secrets

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def test_the_bot_token_and_other_secrets_never_reach_the_log() -> None:
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    hide_secrets([handler])
    log = logging.getLogger("httpx")
    log.addHandler(handler)
    before = log.level
    log.setLevel(logging.INFO)
    try:
        url = f"https://api.telegram.org/bot{TOKEN}/sendMessage"
        log.info('HTTP Request: %s %s "%s"', "POST", url, "HTTP/1.1 200 OK")
        log.info("GET /open311/v2/requests.json?api_key=s3cr3t-agency&status=open")
        log.info("refresh at https://oauth.zaloapp.com/v4/oa/access_token?refresh_token=rt-987")
        log.warning("headers: Authorization: Bearer abc.def-123")
    finally:
        log.removeHandler(handler)
        log.setLevel(before)
    written = out.getvalue()
    for secret in ("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", "s3cr3t-agency", "rt-987", "abc.def-123"):
        assert secret not in written
    assert "sendMessage" in written and "status=open" in written and written.count("<hidden>") == 4
