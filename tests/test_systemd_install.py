"""systemd/README.md's install steps, followed literally under a temporary root, start.

Every command of the README's shell blocks runs as written (through bash, from the top of the
checkout), with absolute paths under /etc, /var and /opt moved under a temporary root and
HOME pointing into it. Only what cannot run here is stood in for, each by an exact pattern, so
an added or changed command is never skipped silently:

- `python3 -m venv DIR && DIR/bin/pip install /path/to/checkout`: DIR links to this venv;
- `sudoedit FILE` / `${EDITOR:-nano} FILE`: the user's edit sets a loopback feed and channel;
- `systemctl daemon-reload && systemctl enable --now UNIT`: the installed unit file is read
  and its ExecStart run with the unit's Environment= and EnvironmentFile= (paths mapped); a
  Type=notify daemon must send READY=1, a oneshot must exit with a success status;
- `loginctl enable-linger "$USER"`: nothing to do outside a login session.

`sudo` runs its command as the test's user, with root's umask taken as 027 (a hardened
system), so files the service's dynamic user must read have to be made readable. A system
service must write nothing under /etc (ProtectSystem=strict) and keep its state in its
StateDirectory.
"""

from __future__ import annotations

import configparser
import re
import shlex
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, cli_env
from tests.feeds import rss, rss_item
from tests.notify_support import HookReceiver
from tests.servers import FeedServer, wait_for
from tests.test_systemd import Listener

pytestmark = pytest.mark.slow

README = ROOT / "systemd" / "README.md"
VENV = Path(sys.prefix)

VENV_LINE = re.compile(r"^(?:sudo )?python3 -m venv (\S+) && (?:sudo )?(\S+)/bin/pip install "
                       r"/path/to/checkout$")
EDIT_LINE = re.compile(r"^(?:sudoedit|\$\{EDITOR:-nano\}) (\S+)$")
START_LINE = re.compile(r"^(?:sudo )?systemctl( --user)? daemon-reload && "
                        r"(?:sudo )?systemctl( --user)? enable --now (\S+)$")
LINGER_LINE = 'loginctl enable-linger "$USER"'
MAPPED = re.compile(r"(?<![\w.~$/-])/(etc|var|opt)(?=/)")


def shell_blocks(readme: Path) -> list[list[str]]:
    """Each ```sh block's commands, comments and blank lines dropped."""
    blocks = re.findall(r"^```sh\n(.*?)^```", readme.read_text(encoding="utf-8"), re.S | re.M)
    return [[line.strip() for line in (re.sub(r"\s+#.*$", "", raw) for raw in block.splitlines())
             if line.strip() and not line.lstrip().startswith("#")] for block in blocks]


def block_with(readme: Path, marker: str) -> list[str]:
    """The one shell block with a command ending in `marker`."""
    found = [block for block in shell_blocks(readme) if any(c.endswith(marker) for c in block)]
    assert len(found) == 1, f"{readme} has {len(found)} shell blocks with {marker!r}"
    return found[0]


@dataclass
class Install:
    root: Path
    feed_url: str
    channel_url: str
    started: list[tuple[str, bool]] = field(default_factory=list)  # (unit, user manager)

    @property
    def home(self) -> Path:
        return self.root / "home" / "desk"

    def map(self, text: str) -> str:
        text = re.sub(r"(?<![\w/])~/", f"{self.home}/", text)
        return MAPPED.sub(lambda m: f"{self.root}/{m.group(1)}", text)

    def follow(self, commands: list[str]) -> None:
        # What every systemd host has before the install.
        for folder in (self.home, self.root / "etc" / "systemd" / "system",
                       self.root / "var" / "lib", self.root / "opt"):
            folder.mkdir(parents=True, exist_ok=True)
        for command in commands:
            if found := VENV_LINE.match(command):
                assert found.group(1) == found.group(2), command
                venv = Path(self.map(found.group(1)))
                venv.parent.mkdir(parents=True, exist_ok=True)
                venv.symlink_to(VENV, target_is_directory=True)
            elif found := EDIT_LINE.match(command):
                self.edit(Path(self.map(found.group(1))))
            elif found := START_LINE.match(command):
                assert found.group(1) == found.group(2), command
                self.started.append((found.group(3), bool(found.group(1))))
            elif command == LINGER_LINE:
                continue
            else:
                self.run(command)

    def run(self, command: str) -> None:
        script = f'sudo() {{ "$@"; }}\numask 027\nset -e\n{self.map(command)}\n'
        env = cli_env() | {"HOME": str(self.home), "USER": "desk"}
        done = subprocess.run(["bash", "-c", script], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, (f"the README's command failed: {command}\n"
                                      f"{done.stdout}{done.stderr}")

    def edit(self, config: Path) -> None:
        """What the user does in the editor: their feeds and channels (here on loopback)."""
        data = yaml.safe_load(config.read_text(encoding="utf-8"))
        data["feeds"] = [{"url": self.feed_url, "name": "Wire"}]
        data["channels"] = {"desk": self.channel_url}
        data.setdefault("defaults", {})["channels"] = ["desk"]
        data.setdefault("fetch", {})["allow_networks"] = ["127.0.0.0/8"]
        config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")

    def unit_file(self, name: str, user: bool) -> Path:
        folder = (self.home / ".config" / "systemd" / "user" if user
                  else self.root / "etc" / "systemd" / "system")
        path = folder / (name if "." in name else f"{name}.service")
        assert path.is_file(), f"the README enables {name}, but {path} was not installed"
        return path


def read_unit(path: Path) -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser(strict=False, interpolation=None,
                                          dict_type=_MultiDict)  # type: ignore[arg-type]
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


class _MultiDict(dict):
    """Repeated keys (Environment=, SystemCallFilter=) kept, joined by newlines."""

    def __setitem__(self, key: str, value: object) -> None:
        if isinstance(value, list) and key in self:
            self[key].extend(value)
        else:
            super().__setitem__(key, value)


def service_env(install: Install, service: configparser.SectionProxy, expand) -> dict[str, str]:
    env = cli_env()
    for spec in service.get("EnvironmentFile", "").splitlines():
        optional = spec.startswith("-")
        path = Path(expand(spec.lstrip("-")))
        if not path.exists():
            assert optional, f"EnvironmentFile {spec} is missing"
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                key, _, value = line.partition("=")
                env[key.strip()] = value.strip()
    for line in service.get("Environment", "").splitlines():
        for assignment in shlex.split(expand(line)):
            key, _, value = assignment.partition("=")
            env[key] = value
    return env


def tree(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(folder.rglob("*"))
            if not p.is_symlink()}


def start(install: Install, name: str, user: bool, feed_server: FeedServer) -> Path:
    """Start an enabled unit as systemd would; returns the state database it wrote."""
    unit_path = install.unit_file(name, user)
    if unit_path.suffix == ".timer":
        timer = read_unit(unit_path)
        target = timer["Timer"].get("Unit", unit_path.with_suffix(".service").name)
        unit_path = install.unit_file(target, user)
    unit = read_unit(unit_path)
    service = unit["Service"]

    def expand(value: str) -> str:
        return install.map(value.replace("%h", str(install.home)))

    env = service_env(install, service, expand)
    config = Path(env["ALERTS_CONFIG"])
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    state = config.parent / settings.get("state", "state/alerts.db")
    feeds = [feed["url"] for feed in settings.get("feeds") or []]
    assert feeds == [install.feed_url], (f"{config} still has the feeds {feeds}: the README "
                                         "never has the user set theirs")
    if not user:
        # DynamicUser: what the service reads must be readable by anyone, secrets excepted.
        for path in [config.parent, *config.parent.rglob("*")]:
            mode = path.stat().st_mode & 0o777
            if path.name == "secrets.env":
                assert mode == 0o600, (path, oct(mode))
            else:
                needed = 0o005 if path.is_dir() else 0o004
                assert mode & needed == needed, (f"{path} is {oct(mode)}: the service's dynamic "
                                                 "user cannot read it")
        state_dir = install.root / "var" / "lib" / service["StateDirectory"]
        state_dir.mkdir(parents=True, exist_ok=True)  # systemd creates it at start
        assert state.parent == state_dir, (f"state: {state} is outside the unit's "
                                           f"StateDirectory {state_dir}, which is the only "
                                           "place the service may write")
    etc_before = tree(install.root / "etc")
    command = shlex.split(expand(service["ExecStart"]))
    before = len(feed_server.statuses("/wire.xml"))
    if service.get("Type") == "notify":
        listener = Listener()
        proc = subprocess.Popen(command, env=env | {"NOTIFY_SOCKET": "@" + listener.name},
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            ready = wait_for(lambda: bool(listener.lines("READY=1")) or proc.poll() is not None,
                             timeout=60)
            if proc.poll() is not None:
                pytest.fail(f"the daemon did not start (status {proc.returncode}): "
                            f"{proc.stderr.read() if proc.stderr else ''}")
            assert ready, "no READY=1 from the daemon"
            assert wait_for(lambda: len(feed_server.statuses("/wire.xml")) > before, timeout=60)
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
            try:
                _, err = proc.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                _, err = proc.communicate()
            listener.close()
        assert listener.lines("READY=1"), err
        assert proc.returncode == 0, err
    else:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        allowed = {0, *(int(s) for s in service.get("SuccessExitStatus", "").split())}
        assert done.returncode in allowed, done.stderr
        assert len(feed_server.statuses("/wire.xml")) > before
    assert state.is_file(), f"no state database at {state}"
    if not user:
        assert tree(install.root / "etc") == etc_before, "the service wrote under /etc"
    return state


def install_for(tmp_path: Path, feed_server: FeedServer, receiver: HookReceiver) -> Install:
    url = feed_server.put("/wire.xml", rss(rss_item("Envoy urges ceasefire", guid="1")))
    return Install(root=tmp_path / "root", feed_url=url, channel_url=receiver.json_url)


@pytest.fixture
def receiver():
    hook = HookReceiver()
    yield hook
    hook.close()


def test_the_system_install_starts_as_written(tmp_path, feed_server, receiver):
    install = install_for(tmp_path, feed_server, receiver)
    install.follow(block_with(README, "sudo systemctl enable --now alerts"))
    assert install.started == [("alerts", False)]
    state = start(install, "alerts", False, feed_server)
    assert state == install.root / "var" / "lib" / "alerts" / "alerts.db"


def test_the_timer_install_starts_as_written(tmp_path, feed_server, receiver):
    install = install_for(tmp_path, feed_server, receiver)
    system = block_with(README, "sudo systemctl enable --now alerts")
    # "Run the system install above up to `check`, then:"
    checked = next(i for i, c in enumerate(system) if c.endswith(" check"))
    install.follow(system[:checked + 1] + block_with(README, "enable --now alerts-poll.timer"))
    assert install.started == [("alerts-poll.timer", False)]
    start(install, "alerts-poll.timer", False, feed_server)


def test_the_user_install_starts_as_written(tmp_path, feed_server, receiver):
    install = install_for(tmp_path, feed_server, receiver)
    install.follow(block_with(README, "systemctl --user enable --now alerts"))
    assert install.started == [("alerts", True)]
    start(install, "alerts", True, feed_server)


def test_the_steps_left_to_the_user_are_the_ones_stood_in_for():
    """Each stand-in matches a command the README really has: none is dead code."""
    commands = [c for block in shell_blocks(README) for c in block]
    for pattern in (VENV_LINE, EDIT_LINE, START_LINE):
        assert any(pattern.match(c) for c in commands), pattern.pattern
    assert LINGER_LINE in commands
