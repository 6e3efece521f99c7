"""Secrets out of what is shown, logged and stored: feed passwords, tokens, API keys.

A feed URL may carry credentials (`https://desk:${FEED_PASS}@wire.example/rss`, or
`?apikey=${WIRE_KEY}`); headers may carry a token. Everything a person or the database sees
goes through here: URLs lose the password of their user info and the values of query
parameters named like secrets, and any text loses the values of the secrets it was given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote

MASK = "***"

# Query parameters whose value is a credential, compared without case, '-' or '_'.
SECRET_PARAMS = frozenset({
    "password", "passwd", "pass", "pwd", "secret", "clientsecret", "token", "accesstoken",
    "authtoken", "apitoken", "auth", "apikey", "key", "accesskey", "privatekey", "sig",
    "signature", "session", "sessionid", "sid",
})
# Header names whose value is a credential (Authorization, X-Api-Key, Cookie...).
SECRET_HEADER = re.compile(r"auth|token|key|secret|pass|cookie|session|signature|credential",
                           re.IGNORECASE)
# scheme://user:password@ anywhere in a text (an exception message, an old error column).
_USERINFO = re.compile(r"(?P<head>\b[A-Za-z][A-Za-z0-9+.-]*://[^\s/@:?#]*:)(?P<pw>[^\s/@?#]*)@")
_PARAM = re.compile(r"(?P<head>[?&;](?P<name>[A-Za-z0-9_.-]+)=)(?P<value>[^&#\s\"'<>]*)")
_MIN_SECRET = 3  # shorter values would mask ordinary words; they are in no URL we print


def is_secret_param(name: str) -> bool:
    return name.lower().replace("-", "").replace("_", "") in SECRET_PARAMS


def redact_text(text: str) -> str:
    """Passwords in URL user info and values of secret-named query parameters, masked."""
    def param(m: re.Match[str]) -> str:
        if m.group("value") and m.group("value") != MASK and is_secret_param(m.group("name")):
            return m.group("head") + MASK
        return m.group(0)

    text = _USERINFO.sub(lambda m: m.group("head") + (MASK if m.group("pw") else "") + "@",
                         text)
    return _PARAM.sub(param, text)


class Redactor:
    """Masks the given secret values (as written and percent-encoded) and redact_text's."""

    def __init__(self, secrets: Iterable[str] = ()):
        forms: set[str] = set()
        for secret in secrets:
            if secret and len(secret) >= _MIN_SECRET:
                forms.update({secret, quote(secret, safe=""), quote(secret)})
        self._pattern = (re.compile("|".join(re.escape(f) for f in
                                             sorted(forms, key=len, reverse=True)))
                         if forms else None)

    def __call__(self, text: str) -> str:
        return redact_text(self.mask(text))

    def mask(self, text: str) -> str:
        """Only the given secrets masked."""
        return self._pattern.sub(MASK, text) if self._pattern is not None else text


def secrets_in(url: str) -> list[str]:
    """The password and the values of secret-named query parameters written in a URL."""
    found = [m.group("pw") for m in _USERINFO.finditer(url) if m.group("pw")]
    found += [m.group("value") for m in _PARAM.finditer(url)
              if m.group("value") and is_secret_param(m.group("name"))]
    return [s for s in found if s != MASK]
