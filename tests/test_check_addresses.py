"""`alerts check` warns about feeds the address guard will refuse, before any poll."""

from __future__ import annotations

from tests.conftest import run_cli, write_config


def test_check_warns_about_feeds_on_refused_addresses(tmp_path):
    config = write_config(tmp_path, feeds=[
        {"url": "http://127.0.0.1:9/local.xml", "name": "Local"},
        {"url": "http://10.1.2.3/intranet.xml", "name": "Intranet"},
        {"url": "http://[::1]:9/v6.xml", "name": "Loopback six"},
        {"url": "http://192.168.7.7/allowed.xml", "name": "Allowed"},
        {"url": "http://93.184.216.34/public.xml", "name": "Public"},
    ], channels={"terminal": "console://"},
        fetch={"allow_networks": ["192.168.7.0/24"]})
    done = run_cli("--config", str(config), "check")
    assert done.returncode == 0, done.stderr  # warnings, not problems
    warned = [line for line in done.stderr.splitlines() if line.startswith("warning:")]
    assert len(warned) == 3, done.stderr
    for name, ip in (("Local", "127.0.0.1"), ("Intranet", "10.1.2.3"), ("Loopback six", "::1")):
        line = next(w for w in warned if f"feed '{name}'" in w)
        assert f"resolves to {ip}" in line and "fetch.allow_networks" in line
        assert str(config) in line and "will never be fetched" in line
    assert "Allowed" not in done.stderr and "Public" not in done.stderr
