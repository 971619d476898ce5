#!/usr/bin/env python3
"""`baocao serve` on a large site: from saving an article to the reload event.

Run from the repository root:

    python3 benches/serve/edit.py                  # N = 10,000, 10 body, 9 front-matter, 6 data edits
    N=1000 EDITS=20 FULL=6 DATA=3 python3 benches/serve/edit.py
    BAOCAO_BIN=path/to/baocao python3 benches/serve/edit.py   # that binary, not a fresh release build

It uses the corpus of the whole-build benchmark (benches/portal/bench.py,
generated under /dev/shm/baocao-bench/n<N> when missing), copied to a
scratch folder on /dev/shm so the edits do not touch it, and the release
binary (built with `cargo build --release` first). It starts
`baocao serve --port 0`, listens on the server-sent events of the page
reloads as a browser does, then:

* appends a sentence to the body of one article after another (the
  incremental path: only that article's page is rendered again) and
  measures the time from just before the file is written to the `reload`
  event;
* edits the front matter of one article after another, in turn its
  title, its summary and its date (a few days earlier): the pages that
  show it are rendered again (its own, the list pages and related lists
  that show it, its year's summary, the feed, the search index), and
  measures the same;
* edits one record of the data file after another (a commune's year: one
  dossier moved from "resolved early" to "resolved on time", so the
  catalogue's checks still hold): the pages that read that record are
  rendered again (the articles whose figures or charts use it, the
  unit's page, the year's summary, the open data), and measures the same.

It prints each time, their median, and the server's status lines ("đã
dựng lại N trang ..."), which say how many pages each change rendered.
Nothing here runs under `cargo test`.
"""

import importlib.util
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK = Path(os.environ.get("BENCH_DIR", "/dev/shm/baocao-bench"))


def corpus(n):
    """The baocao site of the whole-build benchmark for `n` articles."""
    spec = importlib.util.spec_from_file_location("portal_bench", ROOT / "benches/portal/bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    bao, _ = bench.generate(n, WORK / f"n{n}")
    return bao


class Server:
    """`baocao serve` and one event stream, read on threads."""

    def __init__(self, binary, root):
        # The server's stderr (with BAOCAO_TIMINGS=1, the phases of each
        # edit) goes to the file BENCH_STDERR names, if any.
        err = os.environ.get("BENCH_STDERR")
        self.proc = subprocess.Popen(
            [binary, "serve", "--root", root, "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=open(err, "w") if err else subprocess.DEVNULL,
            text=True,
        )
        self.lines = []
        self.url = None
        started = threading.Event()

        def read_stdout():
            for line in self.proc.stdout:
                line = line.rstrip("\n")
                self.lines.append((time.monotonic(), line))
                m = re.search(r"http://[^ ]+/", line)
                if m and self.url is None:
                    self.url = m.group(0)
                    started.set()

        threading.Thread(target=read_stdout, daemon=True).start()
        if not started.wait(600):
            raise SystemExit("the server did not start")
        self.reloads = []  # monotonic times of `reload` events
        self.cond = threading.Condition()
        host, port = re.match(r"http://([^:/]+):(\d+)/", self.url).groups()
        self.sock = socket.create_connection((host, int(port)))
        self.sock.sendall(b"GET /__baocao/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
        threading.Thread(target=self.read_events, daemon=True).start()

    def read_events(self):
        buf = b""
        event = None
        while True:
            data = self.sock.recv(65536)
            if not data:
                return
            buf += data
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                line = line.rstrip(b"\r")
                if line.startswith(b"event: "):
                    event = line[7:].decode()
                elif line == b"" and event:
                    if event == "reload":
                        with self.cond:
                            self.reloads.append(time.monotonic())
                            self.cond.notify_all()
                    elif event == "error":
                        print("  (the server reports an error)", flush=True)
                    event = None

    def wait_reload(self, after, timeout=120):
        """The time of the first reload after `after`."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                later = [t for t in self.reloads if t > after]
                if later:
                    return later[0]
                left = deadline - time.monotonic()
                if left <= 0:
                    raise SystemExit("no reload event")
                self.cond.wait(left)

    def status_after(self, after):
        return [line for t, line in self.lines if t > after]

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


def earlier(text, n):
    """The article dated `n` days earlier (its time of day kept)."""
    def move(m):
        import datetime
        day = datetime.date.fromisoformat(m.group(1)) - datetime.timedelta(days=n)
        return f"date: {day.isoformat()}"
    return re.sub(r"^date: (\d{4}-\d{2}-\d{2})", move, text, count=1, flags=re.M)


# Front-matter edits, in turn: what lists, feeds and related articles show.
FRONT_EDITS = [
    ("title", lambda s, n: re.sub(r'^title: "(.*)"$', rf'title: "\1 {n}"', s, count=1, flags=re.M)),
    ("summary", lambda s, n: re.sub(r'^summary: "(.*)"$', rf'summary: "\1 Thêm {n}."', s, count=1, flags=re.M)),
    ("date", earlier),
]


def moved_dossier(text, n):
    """One dossier of the n-th commune record moved from early to on time."""
    lines = text.split("\n")
    # Communes only: a province's records are read by more articles, but a
    # commune's edit is the common case of an officer correcting a figure.
    rows = [i for i, line in enumerate(lines) if "-xa-" in line.split(",", 1)[0]]
    i = rows[(n * 613) % len(rows)]
    cells = lines[i].split(",")
    cells[5] = str(int(cells[5]) - 1)
    cells[6] = str(int(cells[6]) + 1)
    lines[i] = ",".join(cells)
    return "\n".join(lines), cells[0] + " " + cells[1]


def timed(server, path, change):
    """Writes `change(text)` to `path`; ms from the write to the reload."""
    text = path.read_text(encoding="utf-8")
    new = change(text)
    t0 = time.monotonic()
    path.write_text(new, encoding="utf-8")
    t1 = server.wait_reload(t0)
    # Let the status line arrive, and the watcher settle.
    time.sleep(0.3)
    return (t1 - t0) * 1000, server.status_after(t0)


def main():
    n = int(os.environ.get("N", "10000"))
    edits = int(os.environ.get("EDITS", "10"))
    fulls = int(os.environ.get("FULL", "9"))
    datas = int(os.environ.get("DATA", "6"))
    binary = os.environ.get("BAOCAO_BIN")
    if not binary:
        print("building baocao (release)", flush=True)
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        binary = ROOT / "target/release/baocao"
    source = corpus(n)
    scratch = Path(tempfile.mkdtemp(prefix="baocao-serve-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None))
    site = scratch / "site"
    try:
        shutil.copytree(source, site)
        articles = sorted((site / "content/articles").rglob("bai-*.md"))
        print(f"N = {n:,}: {len(articles):,} articles, copied to {site}", flush=True)
        t = time.monotonic()
        server = Server(binary, site)
        print(f"first build served after {time.monotonic() - t:.1f} s", flush=True)
        try:
            time.sleep(1)
            body = []
            for i in range(edits):
                path = articles[(i * 997) % len(articles)]
                ms, status = timed(server, path, lambda s: s.rstrip("\n") + f"\n\nCâu thêm lần {i + 1}.\n")
                body.append(ms)
                print(f"  body edit {i + 1} ({path.name}): {ms:.0f} ms  {' | '.join(status)}", flush=True)
            full = []
            for i in range(fulls):
                path = articles[(i * 991 + 5) % len(articles)]
                kind, change = FRONT_EDITS[i % len(FRONT_EDITS)]
                ms, status = timed(server, path, lambda s: change(s, i + 1))
                full.append(ms)
                print(f"  front-matter edit {i + 1}, {kind} ({path.name}): {ms:.0f} ms  {' | '.join(status)}", flush=True)
            data = []
            csv = site / "content/data/don-vi.csv"
            for i in range(datas):
                record = moved_dossier(csv.read_text(encoding="utf-8"), i + 1)[1]
                ms, status = timed(server, csv, lambda s: moved_dossier(s, i + 1)[0])
                data.append(ms)
                print(f"  data edit {i + 1} ({record}): {ms:.0f} ms  {' | '.join(status)}", flush=True)
        finally:
            server.stop()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"\n| N = {n:,} | median, write → reload | min | max |")
    print("|---|---|---|---|")
    print(f"| body edit ({edits}×, one page rendered) | {statistics.median(body):.0f} ms | {min(body):.0f} ms | {max(body):.0f} ms |")
    print(f"| front-matter edit ({fulls}×, the pages that show it) | {statistics.median(full):.0f} ms | {min(full):.0f} ms | {max(full):.0f} ms |")
    if data:
        print(f"| data edit ({datas}×, the pages that read the record) | {statistics.median(data):.0f} ms | {min(data):.0f} ms | {max(data):.0f} ms |")


if __name__ == "__main__":
    sys.exit(main())
