"""What the built programs load and start: their shared libraries (ldd), every file they open
while they run (strace), the GStreamer elements they can use and the programs they start."""

import concurrent.futures
import glob
import json
import os
import re
import select
import shutil
import signal
import subprocess
import tempfile
import threading
import time

KIOSK_ROLES = ("delegate", "chair", "tally", "bridge", "join")

# Files a program opens that say nothing about packages: the build tree, temporary and
# per-user files, the kernel's.
IGNORED_PREFIXES = ("/proc/", "/sys/", "/dev/", "/tmp/", "/run/", "/var/", "/root/", "/home/")


def shared_libraries(binary):
    """{library path} of a binary (ldd: the whole NEEDED tree), and the names ldd could not
    find."""
    output = subprocess.run(["ldd", binary], capture_output=True, text=True, check=True).stdout
    found, missing = set(), set()
    for line in output.splitlines():
        match = re.match(r"\s*(\S+) => (\S+)", line)
        if match:
            if match.group(2) == "not":
                missing.add(match.group(1))
            else:
                found.add(match.group(2))
        elif line.strip().startswith("/"):
            found.add(line.split()[0])
    return found, missing


class Tracer:
    """Runs programs and collects what they used: every shared object they loaded, linked or
    dlopen'ed (the dynamic loader's own record, LD_DEBUG=files), and every other file they
    opened (strace). gst-plugin-scanner, which loads every GStreamer plugin installed to fill
    the registry, is left out."""

    def __init__(self, work_dir):
        self.work_dir = work_dir
        self.count = 0
        self.lock = threading.Lock()

    def command(self, argv):
        """The command line that runs `argv` traced, and the prefix of its trace files. Both
        strace and the program under it get SIGKILL when their parent dies (setpriv
        --pdeathsig), so a killed test leaves nothing running."""
        with self.lock:
            self.count += 1
            prefix = os.path.join(self.work_dir, "trace-%d" % self.count)
        return (DIE_WITH_PARENT + ["strace", "-f", "-qq", "-e", "trace=open,openat,execve",
                                   "-o", prefix + ".strace"]
                + DIE_WITH_PARENT + ["env", "LD_DEBUG=files", "LD_DEBUG_OUTPUT=" + prefix + ".ld"]
                + argv), prefix

    @staticmethod
    def used_files(prefix, build_dir):
        """{path} of the shared objects loaded and the data files opened."""
        files = set()
        for log in glob.glob(prefix + ".ld.*"):
            with open(log, encoding="utf-8", errors="replace") as stream:
                text = stream.read()
            if "gst-plugin-scanner" in text:
                continue
            for path in re.findall(r"calling init: (/\S+)", text):
                files.add(path)
            for path in re.findall(r"file=(/\S+) \[\d+\];\s+dynamically loaded", text):
                files.add(path)
        with open(prefix + ".strace", encoding="utf-8", errors="replace") as stream:
            lines = stream.readlines()
        scanner_pids = {line.split(None, 1)[0] for line in lines
                        if "execve(" in line and "gst-plugin-scanner" in line}
        for line in lines:
            if line.split(None, 1)[0] in scanner_pids or "= -1 " in line:
                continue
            match = re.search(r'(?:openat|open)\((?:[A-Z_]+, )?"([^"]+)"', line)
            # Shared objects count only when loaded (above): Qt opens every plugin installed
            # to read its metadata.
            if match and not SHARED_OBJECT.search(match.group(1)):
                files.add(match.group(1))
        kept = set()
        for path in files:
            path = os.path.normpath(path)
            if not path.startswith("/") or path.startswith(IGNORED_PREFIXES):
                continue
            if path.startswith(build_dir) or not os.path.isfile(path):
                continue
            kept.add(path)
        return kept


# util-linux's setpriv (Essential): the program it runs gets SIGKILL when its parent dies.
DIE_WITH_PARENT = ["setpriv", "--pdeathsig", "KILL", "--"]

SHARED_OBJECT = re.compile(r"\.so(\.[\w.]+)?$")


def environment(home):
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["QT_LOGGING_RULES"] = "qt.*.debug=false"
    env["XDG_RUNTIME_DIR"] = home
    return env


def trace_kiosk(bin_dir, tracer, failures):
    """Files used by every role's self-test (three at a time: each waits on its window)."""
    def run(role):
        data = tempfile.mkdtemp(prefix="kiosk-" + role + "-", dir=tracer.work_dir)
        argv, prefix = tracer.command([os.path.join(bin_dir, "chamber-kiosk"), "--self-test",
                                       "--role", role, "--data", data])
        result = subprocess.run(argv, capture_output=True, text=True, timeout=120,
                                env=environment(tracer.work_dir))
        failure = None
        if result.returncode != 0:
            failure = "chamber-kiosk --self-test --role %s failed (exit %d): %s" % (
                role, result.returncode, last_lines(result.stderr))
        return Tracer.used_files(prefix, os.path.dirname(bin_dir)), failure

    files = set()
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        for used, failure in pool.map(run, KIOSK_ROLES):
            files |= used
            if failure:
                failures.append(failure)
    files |= trace_kiosk_on_x(bin_dir, tracer, failures)
    return files


def trace_kiosk_on_x(bin_dir, tracer, failures):
    """Files used by the bridge's self-test on a real display (Xvfb, QT_QPA_PLATFORM=xcb):
    the xcb platform plugin, OpenGL and the video surface's GStreamer GL elements, which the
    offscreen runs never load. An empty set, with a note in `failures`, without Xvfb."""
    if not shutil.which("Xvfb"):
        failures.append("no Xvfb (package xvfb, test.list): the kiosk on a display not checked")
        return set()
    read_end, write_end = os.pipe()
    server = subprocess.Popen(DIE_WITH_PARENT + ["Xvfb", "-displayfd", str(write_end),
                                                 "-screen", "0", "1280x1024x24", "-nolisten",
                                                 "tcp"],
                              pass_fds=[write_end], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    os.close(write_end)
    try:
        with os.fdopen(read_end) as stream:
            display = stream.readline().strip()
        if not display:
            failures.append("Xvfb did not start")
            return set()
        data = tempfile.mkdtemp(prefix="kiosk-x-", dir=tracer.work_dir)
        argv, prefix = tracer.command([os.path.join(bin_dir, "chamber-kiosk"), "--self-test",
                                       "--role", "bridge", "--data", data])
        env = environment(tracer.work_dir)
        env.update({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":" + display})
        result = subprocess.run(argv, capture_output=True, text=True, timeout=120, env=env)
        if result.returncode != 0:
            failures.append("chamber-kiosk --self-test --role bridge on Xvfb failed (exit %d): %s"
                            % (result.returncode, last_lines(result.stderr)))
        return Tracer.used_files(prefix, os.path.dirname(bin_dir))
    finally:
        server.terminate()
        server.wait()


def last_lines(text, count=4):
    return " | ".join(text.strip().splitlines()[-count:])


def read_until(stream, predicate, timeout):
    """Lines of `stream` (a pipe) until one satisfies `predicate` (returned with all seen) or
    time runs out (None). Reads the pipe itself: a buffered readline() would keep lines that
    select() no longer reports."""
    deadline = time.monotonic() + timeout
    descriptor = stream.fileno()
    pending = b""
    seen = []
    while True:
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            text = line.decode("utf-8", "replace")
            seen.append(text)
            if predicate(text):
                return text, seen
        left = deadline - time.monotonic()
        if left <= 0:
            return None, seen
        ready, _, _ = select.select([descriptor], [], [], left)
        if not ready:
            return None, seen
        chunk = os.read(descriptor, 65536)
        if not chunk:
            return None, seen
        pending += chunk


def children(pid):
    """The pids of a process's children."""
    try:
        with open("/proc/%d/task/%d/children" % (pid, pid)) as stream:
            return [int(word) for word in stream.read().split()]
    except OSError:
        return []


def wait_for_line(path, predicate, timeout, process):
    """The first line of the file `path` (a log being written by `process`) that satisfies
    `predicate`, with all lines so far; None when the process ends or time runs out first."""
    deadline = time.monotonic() + timeout
    while True:
        with open(path, encoding="utf-8", errors="replace") as stream:
            lines = stream.read().splitlines()
        for line in lines:
            if predicate(line):
                return line, lines
        if process.poll() is not None or time.monotonic() > deadline:
            return None, lines
        time.sleep(0.05)


def trace_server(bin_dir, tracer, failures):
    """Files opened by chamberd (demo meeting, health, a seat-card PDF through chamberctl) and
    by chamberctl. Returns {program: files}."""
    data = tempfile.mkdtemp(prefix="chamberd-", dir=tracer.work_dir)
    argv, prefix = tracer.command([os.path.join(bin_dir, "chamberd"), "--data", data,
                                   "--listen", "127.0.0.1:0", "--log-format", "json",
                                   "--demo"])
    env = environment(tracer.work_dir)
    server_log = open(prefix + ".stderr", "wb")
    server = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=server_log, env=env)
    ctl_files = set()
    try:
        def listening(line):
            try:
                return json.loads(line).get("msg") == "listening"
            except ValueError:
                return False
        line, seen = wait_for_line(prefix + ".stderr", listening, 60, server)
        if line is None:
            failures.append("chamberd did not start listening: " + last_lines("\n".join(seen)))
        else:
            port = json.loads(line)["port"]
            url = "https://127.0.0.1:%d" % port
            for command in (["health"], ["meeting", "list"],
                            ["seat-cards", "1", "--output", os.path.join(data, "cards.pdf")]):
                argv, ctl_log = tracer.command([os.path.join(bin_dir, "chamberctl"), "--server",
                                                url, "--data", data] + command)
                result = subprocess.run(argv, capture_output=True, text=True, timeout=60,
                                        env=env)
                if result.returncode != 0:
                    failures.append("chamberctl %s failed (exit %d): %s" % (
                        " ".join(command), result.returncode, last_lines(result.stderr)))
                ctl_files |= Tracer.used_files(ctl_log, os.path.dirname(bin_dir))
    finally:
        # To chamberd itself, strace's child: it stops as a service manager would stop it.
        for child in children(server.pid) or [server.pid]:
            os.kill(child, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        server_log.close()
    return {"chamberd": Tracer.used_files(prefix, os.path.dirname(bin_dir)),
            "chamberctl": ctl_files}


def trace_media(bin_dir, tracer, failures):
    """Files opened by chamber-media: the test programme and one bridge's offer."""
    argv, log = tracer.command([os.path.join(bin_dir, "chamber-media"), "--video", "test",
                                "--audio", "test", "--ice-address", "127.0.0.1"])
    # Its log goes to a file: a pipe nobody reads would stop it once full.
    with open(log + ".stderr", "wb") as media_log:
        media = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=media_log, env=environment(tracer.work_dir))
    try:
        line, seen = read_until(media.stdout, lambda text: '"ready"' in text, 60)
        if line is None:
            failures.append("chamber-media did not get ready: " + last_lines("\n".join(seen)))
        else:
            media.stdin.write(b'{"type":"add-peer","peer":"deps"}\n')
            media.stdin.flush()
            line, seen = read_until(media.stdout, lambda text: '"offer"' in text, 60)
            if line is None:
                failures.append("chamber-media made no offer: " + last_lines("\n".join(seen)))
        media.stdin.close()
        media.wait(timeout=30)
    except subprocess.TimeoutExpired:
        media.kill()
        media.wait()
    return Tracer.used_files(log, os.path.dirname(bin_dir))


def list_elements(binary):
    result = subprocess.run([binary, "--list-elements"], capture_output=True, text=True,
                            timeout=60, env=environment(tempfile.gettempdir()))
    if result.returncode != 0:
        raise RuntimeError("%s --list-elements failed: %s" % (binary, result.stderr.strip()))
    return [line.strip() for line in result.stdout.splitlines() if line.strip()]


def element_plugin(element):
    """The plugin file an element comes from (gst-inspect-1.0), or None if none has it."""
    result = subprocess.run(["gst-inspect-1.0", element], capture_output=True, text=True,
                            timeout=60)
    if result.returncode != 0:
        return None
    for line in result.stdout.splitlines():
        match = re.match(r"\s+Filename\s+(/\S+)", line)
        if match:
            return match.group(1)
    return None


def find_program(name):
    """Where `name` is found on PATH (as QStandardPaths::findExecutable would), or in the
    sbin directories a non-root PATH may lack."""
    path = os.environ.get("PATH", "") + ":/usr/sbin:/sbin"
    return shutil.which(name, path=path)
