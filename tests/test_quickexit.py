"""The command line ends without taking its heap apart (alerts.quickexit, issue #17), and
loses nothing an ordinary exit would have kept: buffered output, exit functions, the exit
status, threads still at work, a profiler's results. Each case runs the real CLI
(alerts.cli.main) in a subprocess."""

from __future__ import annotations

import subprocess
import sys
import threading

from alerts.quickexit import can_finish_quickly
from tests.conftest import cli_env

# Python finalises this object only in an ordinary exit, which frees every object.
FINALISED = """
import sys
class Marker:
    def __del__(self):
        sys.stderr.write("finalised\\n")
marker = Marker()
"""


def run(code: str, *args: str, buffered: bool = False) -> subprocess.CompletedProcess[str]:
    env = cli_env()
    if buffered:  # as when a timer or a pipe runs it: output in blocks, written at exit
        env.pop("PYTHONUNBUFFERED", None)
    return subprocess.run([sys.executable, "-c", code + "\nfrom alerts.cli import main\n"
                           "sys.argv = ['alerts', *sys.argv[1:]]\nmain()", *args],
                          env=env, capture_output=True, text=True, timeout=60)


def test_the_cli_ends_without_freeing_its_objects():
    done = run(FINALISED, "--help")
    assert done.returncode == 0, done.stderr
    assert "finalised" not in done.stderr


def test_buffered_output_is_written_before_the_process_ends():
    done = run("import sys", "--help", buffered=True)
    assert done.returncode == 0, done.stderr
    assert "Usage: alerts" in done.stdout and done.stdout.rstrip().endswith(
        "in the browser...")


def test_the_exit_status_and_error_message_are_kept(tmp_path):
    done = run("import sys", "--config", str(tmp_path / "missing.yaml"), "check",
               buffered=True)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "missing.yaml" in done.stderr


def test_exit_functions_run():
    # Its output is buffered and written after the command's last flush.
    done = run("import atexit, sys\natexit.register(print, 'exit function ran')", "--help",
               buffered=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("exit function ran")
    assert done.stdout.count("exit function ran") == 1


def test_a_thread_still_at_work_is_waited_for():
    code = ("import sys, threading, time\n"
            "def later():\n    time.sleep(0.5)\n    print('thread finished', flush=True)\n"
            "threading.Thread(target=later).start()")
    done = run(code, "--help")
    assert done.returncode == 0, done.stderr
    assert "thread finished" in done.stdout


def test_a_profiler_or_tracer_gets_the_ordinary_exit(tmp_path):
    # cProfile and trace write their results once the program has ended.
    for tool, written in ((["cProfile", "-o", str(tmp_path / "run.prof"), "-m"], "run.prof"),
                          (["trace", "--count", f"--file={tmp_path / 'counts'}",
                            f"--coverdir={tmp_path / 'cover'}", "--module"], "counts")):
        done = subprocess.run([sys.executable, "-m", *tool, "alerts", "--help"],
                              env=cli_env(), capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert (tmp_path / written).stat().st_size > 0, tool


def test_a_message_as_exit_status_gets_the_ordinary_exit():
    code = ("from alerts.quickexit import finish\n"
            "finish('the run failed: see above')\nraise SystemExit('the run failed: see above')")
    done = subprocess.run([sys.executable, "-c", code], env=cli_env(), capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 1
    assert "the run failed: see above" in done.stderr


def test_a_stream_that_cannot_be_flushed_gets_the_ordinary_exit():
    code = ("import io, sys\nfrom alerts.quickexit import finish\n"
            "class Broken(io.StringIO):\n"
            "    def flush(self):\n        raise BrokenPipeError(32, 'Broken pipe')\n"
            "real, sys.stdout = sys.stdout, Broken()\nfinish(0)\nsys.stdout = real\n"
            "print('ordinary exit')\nraise SystemExit(5)")
    done = subprocess.run([sys.executable, "-c", code], env=cli_env(), capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 5 and "ordinary exit" in done.stdout, done.stderr


def test_only_the_main_thread_ends_the_process():
    answers: list[bool] = []
    thread = threading.Thread(target=lambda: answers.append(can_finish_quickly(0)))
    thread.start()
    thread.join()
    assert answers == [False]
