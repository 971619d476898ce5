#!/usr/bin/env python3
"""Whole-build benchmark: baocao against Hugo on the same generated articles.

Run from the repository root:

    python3 benches/portal/bench.py            # N = 1,000 and 10,000, 3 runs each
    N=1000 RUNS=5 python3 benches/portal/bench.py

It writes two sites per N under /dev/shm (tmpfs, so the disk's write cache
does not decide the figures):

* a baocao site: N articles of 600-900 words (headings, a list, a table,
  bold text), 500 units in two levels (25 provinces, 475 communes) with 9
  yearly records each, every article with figures in its prose (`num`,
  `pct`, `compare`), one `bar` and one `trend` chart, tags and a category;
* then, output on the repository's disk (`target/bench-out`, or
  BENCH_DISK_DIR), a second baocao build with nothing changed: its time
  and how many files it wrote;
* a Hugo site with the same articles without data expressions and charts,
  and minimal templates (article, home paginated by 20, sections, tag list
  and tag pages, 404).

Then it alternates the two builds (baocao, Hugo, baocao, Hugo, ...) after
one warm-up build of each, with the output folder emptied before every
build, and prints the median wall time, the peak RSS (the child's own
`getrusage` figure, as `/usr/bin/time -v` reports it), the HTML pages per
second and the ratios baocao / Hugo.

The corpus is generated from a fixed word list and a seeded PRNG, so the
same N gives byte-identical input on every machine. Hugo is Debian's
`hugo` package, installed with apt-get when it is missing. Nothing here
runs under `cargo test`.
"""

import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK = Path(os.environ.get("BENCH_DIR", "/dev/shm/baocao-bench"))
SEED = 12

WORDS = (
    "cải cách hành chính thủ tục hồ sơ người dân doanh nghiệp trung tâm phục vụ "
    "công chức viên chức tiếp nhận giải quyết trực tuyến dịch vụ công chuyển đổi "
    "số ứng dụng phần mềm một cửa liên thông địa phương ủy ban nhân dân xã phường "
    "tỉnh thành phố hội nghị sơ kết tổng kết nhiệm vụ giải pháp kết quả đạt được "
    "hạn chế nguyên nhân khắc phục tăng cường nâng cao chất lượng hiệu quả minh bạch "
    "công khai kiểm tra giám sát đánh giá mức độ hài lòng tổ chức cá nhân cán bộ "
    "lãnh đạo chỉ đạo quyết liệt đồng bộ thống nhất triển khai thực hiện kế hoạch "
    "chương trình đề án quy định văn bản điện tử ký số lưu trữ số hóa dữ liệu "
    "hệ thống thông tin nền tảng hạ tầng kết nối chia sẻ an toàn bảo mật đào tạo "
    "bồi dưỡng kỹ năng tuyên truyền phổ biến hướng dẫn hỗ trợ thanh toán bưu chính"
).split()

TAGS = [
    "Cải cách hành chính", "Chuyển đổi số", "Một cửa", "Dịch vụ công",
    "Số hóa", "Bưu chính công ích", "Hài lòng", "Thanh toán trực tuyến",
    "Văn bản điện tử", "Đề án 06", "Kiểm soát thủ tục", "Tổ công nghệ số",
]
CATEGORIES = ["Tin Ủy ban nhân dân", "Tin địa phương", "Sự kiện", "Thông báo"]
SECTIONS = {"tin-tuc": "Tin tức", "su-kien": "Sự kiện", "thong-bao": "Thông báo"}
YEARS = list(range(2016, 2025))  # 9 yearly records per unit
PROVINCES = 25
COMMUNES_PER_PROVINCE = 19  # 25 + 25 * 19 = 500 units


def units():
    out = []
    for p in range(PROVINCES):
        pid = f"tinh-{p + 1:02d}"
        out.append((pid, f"Tỉnh Mẫu {p + 1}", None, "province"))
        for c in range(COMMUNES_PER_PROVINCE):
            out.append((f"{pid}-xa-{c + 1:02d}", f"Xã Mẫu {p + 1}.{c + 1}", pid, "commune"))
    return out


def sentence(rng, lo=8, hi=18):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def paragraph(rng, sentences):
    return " ".join(sentence(rng) for _ in range(sentences))


def article(rng, i, unit_ids, with_data):
    """(front matter fields, body) of article i; the body's filler words are
    the same for both sites because `rng` is seeded per article."""
    unit = rng.choice(unit_ids)
    year = rng.choice(YEARS[1:])  # a year with a cùng kỳ record before it
    section = list(SECTIONS)[i % len(SECTIONS)]
    tags = sorted(rng.sample(TAGS, rng.randint(1, 3)))
    category = rng.choice(CATEGORIES)
    title = sentence(rng, 6, 11).rstrip(".")
    day = 1 + i % 28
    month = 1 + (i // 28) % 12
    date = f"{year + 1}-{month:02d}-{day:02d}T07:00:00+07:00"
    target = rng.randint(600, 900)
    parts = []
    words = 0

    def add(text, count=True):
        nonlocal words
        parts.append(text)
        if count:
            words += len(text.split())

    add(paragraph(rng, 3))
    if with_data:
        add(
            "Trong kỳ, đơn vị tiếp nhận **{{ data.received | num }}** hồ sơ, "
            "{{ compare(key=\"received\") }}; tỷ lệ giải quyết đúng và trước hạn "
            "đạt {{ data.on_time_rate | pct }}, {{ compare(key=\"on_time_rate\") }}. "
            "Tỷ lệ hồ sơ trực tuyến là {{ data.online_rate | pct }}."
        )
    add("## " + sentence(rng, 4, 8).rstrip("."))
    add(paragraph(rng, 4))
    add("\n".join("- " + sentence(rng, 5, 12) for _ in range(4)))
    if with_data:
        add('{{ chart(kind="bar", metrics=["received", "resolved", "pending"]) }}', False)
    add("## " + sentence(rng, 4, 8).rstrip("."))
    add(paragraph(rng, 3) + " **" + sentence(rng, 4, 8) + "**")
    rows = ["| Nội dung | Đánh giá |", "|---|---|"]
    rows += [f"| {sentence(rng, 2, 4)} | {sentence(rng, 2, 5)} |" for _ in range(4)]
    add("\n".join(rows))
    if with_data:
        add('{{ chart(kind="trend", metric="received", periods=5) }}', False)
    while words < target:
        add(paragraph(rng, rng.randint(2, 5)))
    body = "\n\n".join(parts) + "\n"
    meta = {
        "title": title,
        "date": date,
        "unit": unit,
        "period": str(year),
        "section": section,
        "tags": tags,
        "category": category,
        "summary": sentence(rng, 12, 20),
    }
    return meta, body


def q(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def records(rng, unit_list):
    """CSV rows: every unit, every year; counts that satisfy the catalogue's checks."""
    lines = ["unit,period,received_online,received_direct,carried_over,"
             "resolved_early,resolved_on_time,resolved_late,satisfaction"]
    for uid, _name, parent, _level in unit_list:
        scale = 20 if parent is None else 1
        for year in YEARS:
            online = rng.randint(200, 3000) * scale
            direct = rng.randint(200, 3000) * scale
            carried = rng.randint(0, 300) * scale
            total = online + direct + carried
            resolved = total - rng.randint(0, total // 20)
            late = rng.randint(0, resolved // 50)
            early = rng.randint(resolved // 2, resolved - late)
            on_time = resolved - late - early
            sat = rng.randint(900, 1000) / 10
            lines.append(f"{uid},{year},{online},{direct},{carried},{early},{on_time},{late},{sat}")
    return "\n".join(lines) + "\n"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def generate(n, base):
    """Both sites for N articles; returns (baocao root, hugo root)."""
    bao, hugo = base / "baocao", base / "hugo"
    # Hugo's settings and templates are cheap: always rewritten, so a change
    # to them here applies to a corpus generated before.
    write(hugo / "config.toml", HUGO_CONFIG)
    for rel, text in HUGO_LAYOUTS.items():
        write(hugo / "layouts" / rel, text)
    if (base / ".done").exists():
        return bao, hugo
    shutil.rmtree(base, ignore_errors=True)
    unit_list = units()
    unit_ids = [u[0] for u in unit_list]

    # baocao site
    site = [
        'title: "Cổng thông tin cải cách hành chính (bộ đo)"',
        'base_url: "https://bench.example.gov.vn/"',
        "language: vi",
        "owner:",
        '  name: "Ủy ban nhân dân tỉnh Mẫu"',
        '  responsible: "Trưởng Ban biên tập: Nguyễn Văn A"',
        '  address: "Số 1 đường Mẫu"',
        '  phone: "0000 000 000"',
        '  email: "bbt@bench.example.gov.vn"',
        '  licence: "Giấy phép minh họa"',
        "menu:",
        '  - { name: "Trang chủ", url: "/" }',
        "units:",
    ]
    for uid, name, parent, level in unit_list:
        site.append(f"  - id: {uid}")
        site.append(f"    name: {q(name)}")
        if parent:
            site.append(f"    parent: {parent}")
        site.append(f"    level: {level}")
    write(bao / "content/site.yaml", "\n".join(site) + "\n")
    write(bao / "content/data/don-vi.csv", records(random.Random(SEED), unit_list))
    for sid, title in SECTIONS.items():
        write(bao / f"content/articles/{sid}/_index.md", f"---\ntitle: {q(title)}\n---\n")
        write(hugo / f"content/{sid}/_index.md", f"---\ntitle: {q(title)}\n---\n")

    write(hugo / "config.toml", HUGO_CONFIG)
    for rel, text in HUGO_LAYOUTS.items():
        write(hugo / "layouts" / rel, text)
    for i in range(n):
        seed = SEED * 1_000_003 + i
        meta, body = article(random.Random(seed), i, unit_ids, True)
        _, plain = article(random.Random(seed), i, unit_ids, False)
        tags = "[" + ", ".join(q(t) for t in meta["tags"]) + "]"
        common = (
            f"title: {q(meta['title'])}\ndate: {meta['date']}\n"
            f"category: {q(meta['category'])}\ntags: {tags}\n"
        )
        name = f"bai-{i + 1:05d}.md"
        write(
            bao / "content/articles" / meta["section"] / name,
            "---\n" + common + f"unit: {meta['unit']}\nperiod: \"{meta['period']}\"\n"
            f"summary: {q(meta['summary'])}\nlint: false\n---\n" + body,
        )
        write(
            hugo / "content" / meta["section"] / name,
            "---\n" + common.replace("category: ", "categories: [", 1).replace(
                "\ntags:", "]\ntags:", 1)
            + f"summary: {q(meta['summary'])}\n---\n" + plain,
        )
    (base / ".done").write_text("")
    return bao, hugo


HUGO_CONFIG = """baseURL = "https://bench.example.gov.vn/"
languageCode = "vi"
title = "Cổng thông tin cải cách hành chính (bộ đo)"
paginate = 20
disableKinds = ["RSS", "sitemap", "robotsTXT"]
[taxonomies]
tag = "tags"
category = "categories"
[markup.goldmark.renderer]
unsafe = false
"""

_HEAD = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title></head><body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header><main>"""
_FOOT = "</main><footer>{{ .Site.Title }}</footer></body></html>\n"
_LIST = """<h1>{{ .Title }}</h1>{{ $p := .Paginate .Pages }}<ul>{{ range $p.Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "02/01/2006" }}
<p>{{ .Summary }}</p></li>{{ end }}</ul>
<nav>{{ if $p.HasPrev }}<a href="{{ $p.Prev.URL }}">Trước</a>{{ end }}
{{ if $p.HasNext }}<a href="{{ $p.Next.URL }}">Sau</a>{{ end }}</nav>"""

HUGO_LAYOUTS = {
    "_default/single.html": _HEAD + """<article><h1>{{ .Title }}</h1>
<p>{{ .Date.Format "02/01/2006" }}</p>{{ .Content }}
<ul>{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
</article>""" + _FOOT,
    "index.html": _HEAD + """{{ $p := .Paginate .Site.RegularPages 20 }}
<ul>{{ range $p.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "02/01/2006" }}
<p>{{ .Summary }}</p></li>{{ end }}</ul>
<nav>{{ if $p.HasPrev }}<a href="{{ $p.Prev.URL }}">Trước</a>{{ end }}
{{ if $p.HasNext }}<a href="{{ $p.Next.URL }}">Sau</a>{{ end }}</nav>""" + _FOOT,
    "_default/list.html": _HEAD + _LIST + _FOOT,
    "_default/taxonomy.html": _HEAD + _LIST + _FOOT,
    "_default/terms.html": _HEAD + """<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>""" + _FOOT,
    "404.html": _HEAD + "<h1>Không tìm thấy trang</h1>" + _FOOT,
}


def ensure_hugo():
    if shutil.which("hugo"):
        return
    print("hugo is missing: installing Debian's package with apt-get", flush=True)
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run(sudo + ["apt-get", "install", "-y", "hugo"], check=True)


def run(cmd, out):
    """One build: (wall seconds, peak RSS in KiB, HTML pages written)."""
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"build failed ({proc.returncode}): {' '.join(map(str, cmd))}\n{err[-4000:]}")
    pages = sum(1 for _ in Path(out).rglob("*.html"))
    return wall, usage.ru_maxrss, pages


def bench(n, runs, binary):
    base = WORK / f"n{n}"
    t0 = time.perf_counter()
    bao, hugo = generate(n, base)
    print(f"\nN = {n:,}: corpus in {base} ({time.perf_counter() - t0:.1f} s to generate)", flush=True)
    out_b, out_h = base / "out-baocao", base / "out-hugo"
    cmd_b = [binary, "build", "--root", bao, "--output", out_b]
    cmd_h = ["hugo", "--quiet", "--source", hugo, "--destination", out_h]
    run(cmd_b, out_b)  # warm-up: page cache, first-run costs
    run(cmd_h, out_h)
    res = {"baocao": [], "hugo": []}
    for r in range(runs):
        res["baocao"].append(run(cmd_b, out_b))
        res["hugo"].append(run(cmd_h, out_h))
        b, h = res["baocao"][-1], res["hugo"][-1]
        print(f"  run {r + 1}: baocao {b[0]:.2f} s {b[1] / 1024:.0f} MiB | "
              f"hugo {h[0]:.2f} s {h[1] / 1024:.0f} MiB", flush=True)
    row = {}
    for name, xs in res.items():
        wall = statistics.median(x[0] for x in xs)
        rss = statistics.median(x[1] for x in xs) / 1024
        pages = xs[-1][2]
        row[name] = (wall, rss, pages, pages / wall)
    # On a noisy machine the ratio of each alternated pair is steadier than
    # the ratio of the medians.
    row["pairs"] = statistics.median(b[0] / h[0] for b, h in zip(res["baocao"], res["hugo"]))
    row["again"] = rebuild(n, binary, bao, runs)
    return row


def rebuild(n, binary, bao, runs):
    """A second build with nothing changed, output on the repository's disk
    (not tmpfs): (median wall seconds, files written, files kept)."""
    out = Path(os.environ.get("BENCH_DISK_DIR", ROOT / "target/bench-out")) / f"n{n}"
    cmd = [binary, "build", "--root", bao, "--output", out]
    run(cmd, out)
    times, written, kept = [], None, None
    for _ in range(max(runs, 3)):
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        times.append(time.perf_counter() - start)
        m = re.search(r"\((?:ghi )?(\d+)(?: written)?, (?:giữ nguyên )?(\d+)", done.stdout)
        written, kept = (int(m.group(1)), int(m.group(2))) if m else (None, None)
    print(f"  no-change rebuild on disk ({out}): {statistics.median(times):.2f} s, "
          f"{written} written, {kept} kept", flush=True)
    return statistics.median(times), written, kept


def main():
    ns = [int(x) for x in os.environ.get("N", "1000,10000").replace(" ", "").split(",") if x]
    runs = int(os.environ.get("RUNS", "3"))
    ensure_hugo()
    print("building baocao (release)", flush=True)
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    binary = ROOT / "target/release/baocao"
    hv = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip()
    print(f"{hv}\n{os.cpu_count()} CPUs; output on {WORK}; medians of {runs} alternated runs")
    rows = [(n, bench(n, runs, binary)) for n in ns]
    print("\n| articles | baocao: wall, peak RSS, HTML pages, pages/s "
          "| Hugo: wall, peak RSS, HTML pages, pages/s | ratio time | ratio RSS "
          "| median of pairwise time ratios |")
    print("|---|---|---|---|---|---|")
    for n, row in rows:
        b, h = row["baocao"], row["hugo"]
        cell = lambda x: f"{x[0]:.2f} s, {x[1]:,.0f} MiB, {x[2]:,}, {x[3]:,.0f}/s"
        print(f"| {n:,} | {cell(b)} | {cell(h)} | {b[0] / h[0]:.2f}× | {b[1] / h[1]:.2f}× | {row['pairs']:.2f}× |")
    print("\n| articles | no-change rebuild on disk | files written | files kept |")
    print("|---|---|---|---|")
    for n, row in rows:
        t, w, k = row["again"]
        print(f"| {n:,} | {t:.2f} s | {w} | {k:,} |")
    if len(rows) > 1:
        (n0, r0), (n1, r1) = rows[0], rows[-1]
        print(f"\ngrowth {n0:,} → {n1:,} articles: baocao {r1['baocao'][0] / r0['baocao'][0]:.1f}× "
              f"the time, Hugo {r1['hugo'][0] / r0['hugo'][0]:.1f}×")


if __name__ == "__main__":
    main()
