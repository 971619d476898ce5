//! What an officer reads when something is wrong: the exact error output
//! (snapshots in tests/snapshots/), in Vietnamese for a Vietnamese site,
//! and a code and a Vietnamese text for every message a build prints.
//! `UPDATE_SNAPSHOTS=1 cargo test --test messages` rewrites the snapshots.

mod common;
use common::*;

const ARTICLE: &str = "content/articles/tin-tuc/thuan-an-9-thang.md";

/// The good fixture without its notes column, so each snapshot shows only
/// its own problem.
fn site() -> SiteTest {
    SiteTest::fixture("good").write(
        "content/data/hong-ngu.csv",
        "Đơn vị,Kỳ báo cáo,Tỷ lệ giải quyết đúng hạn\nhong-ngu,2022-H1,99.95\n",
    )
}

fn snapshot(name: &str, text: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.txt"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() && std::env::var_os("CI").is_none() {
        std::fs::write(&path, text).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {}: run with UPDATE_SNAPSHOTS=1",
            path.display()
        )
    });
    assert_eq!(text, expected, "snapshot {name} differs");
}

fn build_vi(site: &SiteTest, extra: &[&str]) -> Outcome {
    let root = site.root.to_str().unwrap();
    let mut args = vec!["build", "--root", root];
    args.extend_from_slice(extra);
    site.run_in("vi", &args)
}

#[test]
fn unknown_metric_key_in_a_data_file() {
    let s = site().edit(
        "content/data/thuan-an.yaml",
        "  carried_over: 305",
        "  carried_ovr: 305",
    );
    let out = build_vi(&s, &[]);
    out.fails();
    snapshot("unknown-metric-key.vi", &out.stderr);
    // The same error in English keeps its code.
    let en = s.build();
    snapshot("unknown-metric-key.en", &en.stderr);
    assert!(out.stderr.contains("lỗi[E0203]") && en.stderr.contains("error[E0203]"));
}

#[test]
fn malformed_period() {
    let out = build_vi(
        &site().edit(
            "content/data/thuan-an.yaml",
            "period: 2023-9M",
            "period: 2023-Q5",
        ),
        &[],
    );
    out.fails();
    snapshot("bad-period.vi", &out.stderr);
}

#[test]
fn unknown_unit_in_a_spreadsheet() {
    let out = build_vi(
        &site().edit("content/data/hong-ngu.csv", "hong-ngu,", "hong-ngo,"),
        &[],
    );
    out.fails();
    snapshot("unknown-unit.vi", &out.stderr);
}

#[test]
fn article_figure_without_value() {
    let out = build_vi(
        &site().edit(
            ARTICLE,
            "quá hạn {{ data.resolved_late | num }}",
            "lượt {{ data.visits | num }}",
        ),
        &[],
    );
    out.fails();
    snapshot("missing-value.vi", &out.stderr);
}

#[test]
fn front_matter_date() {
    let out = build_vi(
        &site().edit(
            ARTICLE,
            "date: 2023-10-26T07:00:00+07:00",
            "date: 26/10/2023",
        ),
        &[],
    );
    out.fails();
    snapshot("bad-date.vi", &out.stderr);
}

#[test]
fn misspelt_front_matter_field() {
    let out = build_vi(&site().edit(ARTICLE, "author:", "autor:"), &[]);
    out.fails();
    snapshot("misspelt-field.vi", &out.stderr);
}

#[test]
fn two_articles_at_one_url() {
    let out = build_vi(
        &site().edit(
            "content/articles/tin-tuc/thong-bao.md",
            "title:",
            "slug: thuan-an-9-thang\ntitle:",
        ),
        &[],
    );
    out.fails();
    snapshot("same-url.vi", &out.stderr);
}

#[test]
fn unknown_chart_kind() {
    let out = build_vi(
        &site().edit(
            "content/articles/tin-tuc/thong-bao.md",
            "Không có số liệu.",
            "{{ chart(kind=\"pie\", metrics=[\"received\"]) }}",
        ),
        &[],
    );
    out.fails();
    snapshot("chart-kind.vi", &out.stderr);
}

#[test]
fn inconsistent_figures_under_strict() {
    let out = build_vi(
        &site().edit(
            "content/data/thuan-an.yaml",
            "  resolved: 10816",
            "  resolved: 10816\n  pending: 99",
        ),
        &["--strict"],
    );
    out.fails();
    snapshot("inconsistent-strict.vi", &out.stderr);
}

/// Many kinds of bad input, each run in English: every diagnostic line must
/// carry a code, and every message and hint must have its Vietnamese entry.
#[test]
fn every_message_and_hint_has_a_code_and_vietnamese() {
    let cases: Vec<SiteTest> = vec![
        site().edit("content/data/thuan-an.yaml", "unit: thuan-an", "unit: thuan-am"),
        site().edit("content/data/thuan-an.yaml", "  received: 10551", "  received: [10551"),
        site().edit("content/data/thuan-an.yaml", "  received: 10551", "  received: \"10.551\""),
        site().edit("content/data/thuan-an.yaml", "  resolved: 10816", "  resolved: 10816\n  pending: 99\n  satisfaction: 930\n  online_rate: 0.5"),
        site().write("content/data/x.csv", "unit,period,received,Ghi chú\ncan-giuoc,2021,10.5,x\ncan-giuoc,2021-Q7,5,\n"),
        site().write("content/data/y.csv", "unit,period,received\ncan-giuoc,2022,5,6\n"),
        site().write("content/data/z.csv", "unit,received\ncan-giuoc,5\n"),
        site().write("content/data/w.csv", "period,received\n2022,5\n"),
        site().write("content/data/v.csv", "unit,period,received,Tiếp nhận\ncan-giuoc,2022,5,5\n"),
        site().write("content/data/again.yaml", "unit: lao-cai\nperiod: 2023\nmetrics: {received: 1}\n"),
        site().write_bytes("content/data/bad.xlsx", b"not a workbook"),
        site().write_bytes("content/data/latin.csv", b"unit,period\n\xe0\n"),
        site().write("content/metrics.yaml", "- key: Bad Key\n  label: X\n  unit: percent\n- key: x_rate\n  label: Y\n  unit: percent\n  formula: \"recieved / 2\"\n- key: y\n  label: Z\n- key: z\n  label: W\n  unit: count\n  formula: \"a <\"\nchecks: []\n"),
        site().write("content/metrics.yaml", "metrics:\n  - key: q\n    label: Tiếp nhận\n    unit: count\n    formula: \"received > 1\"\nchecks:\n  - {name: c1, expr: \"received\"}\n  - {name: c2, expr: \"received <= (\"}\n"),
        site().edit("content/site.yaml", "per_page: 2", "per_pages: 2"),
        site().edit("content/site.yaml", "language: vi", "language: vi\ntheme: khong-co"),
        site().edit("content/site.yaml", "  - { id: tinh-thu,", "  - { id: hong-ngu, name: X, level: city }\n  - { id: Sai Ma, name: Y, level: city }\n  - { id: con, name: Z, level: city, parent: cha }\n  - { id: tinh-thu,"),
        site().edit("content/site.yaml", "url: \"/gioi-thieu/\"", "url: \"/khong-co/\""),
        site().edit(ARTICLE, "date: 2023-10-26T07:00:00+07:00", "date: 2023-13-01"),
        site().edit(ARTICLE, "author:", "autor:"),
        site().edit(ARTICLE, "author:", "slug: Sai Slug\nimage: khong-co.jpg\nauthor:"),
        site().edit(ARTICLE, "period: 2023-9M", "period: quý 3"),
        site().edit(ARTICLE, "unit: thuan-an", "unit: thuan-am"),
        site().edit(ARTICLE, "quá hạn {{ data.resolved_late | num }}", "{{ data.visits }} {{ data.recieved | num }} {{ prev.received }} {{ compare(key=\"received\") }} {{ metric(key=\"received\", unit=\"x\") }}"),
        site().edit(ARTICLE, "quá hạn {{ data.resolved_late | num }}", "{{ metric(\"received\") }}"),
        site().edit(ARTICLE, "quá hạn {{ data.resolved_late | num }}", "{{ khong_co() }} {{ 1 | loc }}"),
        site().edit(ARTICLE, "quá hạn {{ data.resolved_late | num }}", "{{ data.received "),
        site().edit(ARTICLE, "quá hạn {{ data.resolved_late | num }}", "{{ compare(key=\"received\", against=\"x\") }} {{ page.date | date(format=\"x\") }} {{ metric(key=\"received\", period=\"2023-Q9\") }}"),
        site().edit(ARTICLE, "../su-kien/2023/lao-cai.md", "../khong-co.md").edit(ARTICLE, "Ghi chú", "[x](/khong-co/) Ghi chú"),
        site().edit("content/articles/tin-tuc/thong-bao.md", "title:", "slug: thuan-an-9-thang\ntitle:"),
        site().edit("content/articles/tin-tuc/thong-bao.md", "date: 2023-01-05\n", "").edit("content/articles/tin-tuc/thong-bao.md", "Không có số liệu.", "{{ data.received }}"),
        site().write("content/articles/a.md", "# no front matter\n").write("content/articles/b.md", "---\ntitle: T\n").write("content/articles/c.md", "---\n---\n").write("content/articles/d.md", "---\ndate: 2023-01-01\n---\n"),
        site().write("content/static/tin-tuc/thong-bao/index.html", "x"),
        // Parser limits: nesting, long chains, control characters.
        site().write("content/articles/sau.md", &format!("---\ntitle: T\ntags: {}\n---\n", "[".repeat(10_000))).write("content/articles/nul.md", "---\ntitle: T\ndate: 2023-01-01\n---\na\0b\n"),
        site().write("content/data/sau.yaml", &format!("unit: thuan-an\nperiod: 2023\nmetrics: {}\n", "{a: ".repeat(10_000))),
        site().write("content/metrics.yaml", &format!("metrics:\n  - {{key: a, label: A, unit: count, formula: \"{}1\"}}\n  - {{key: b, label: B, unit: count, formula: \"{}\"}}\n", "(".repeat(10_000), vec!["received"; 1_000].join(" + "))),
        site().edit("content/site.yaml", "per_page: 2", &format!("per_page: {}", "- ".repeat(1_000))),
        site().edit("content/articles/tin-tuc/thong-bao.md", "Không có số liệu.", concat!(
            "{{ chart(kind=\"pie\") }}{{ chart(kind=\"bar\") }}{{ chart(kind=\"bar\", metrics=[\"recieved\"], unit=\"thuan-an\", period=\"2023-9M\") }}",
            "{{ chart(kind=\"trend\", metric=\"received\", unit=\"thuan-an\", period=\"2023-9M\") }}{{ chart(kind=\"trend\", unit=\"thuan-an\", period=\"2023-9M\") }}",
            "{{ chart(kind=\"donut\", metrics=[\"received\"], unit=\"thuan-an\", period=\"2023-9M\") }}{{ chart(kind=\"bar\", metrics=[\"received\", \"online_rate\"], unit=\"thuan-an\", period=\"2023-9M\") }}",
            "{{ chart(kind=\"compare\", metric=\"received\", units=[\"thuan-an\"], period=\"2023-9M\") }}{{ chart(kind=\"bar\", metrcs=[\"x\"]) }}{{ chart(kind=\"stacked\", metrics=[\"received\", \"resolved\"], periods=0) }}",
            "{{ kpis() }}{{ table(metrics=[\"received\"]) }}{{ chart(kind=\"bar\", metrics=[\"pending_overdue\"], unit=\"thuan-an\", period=\"2023-9M\") }}"
        )),
    ];
    let mut problems = Vec::new();
    for site in &cases {
        // One function error stops a template, so each chart call is also
        // tried alone below; here the first error of each case is checked.
        let out = build_vi(site, &[]);
        assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
        check(&out.stderr, &mut problems);
    }
    let calls = [
        "{{ chart(kind=\"pie\") }}",
        "{{ chart(kind=\"bar\") }}",
        "{{ chart(kind=\"bar\", metrics=[\"recieved\"]) }}",
        "{{ chart(kind=\"trend\", metric=\"received\") }}",
        "{{ chart(kind=\"trend\") }}",
        "{{ chart(kind=\"donut\", metrics=[\"received\"]) }}",
        "{{ chart(kind=\"bar\", metrics=[\"received\", \"online_rate\"]) }}",
        "{{ chart(kind=\"compare\", metric=\"received\", units=[\"thuan-an\"]) }}",
        "{{ chart(kind=\"compare\", metric=\"received\", units=[\"thuan-am\"]) }}",
        "{{ chart(kind=\"bar\", metrcs=[\"x\"]) }}",
        "{{ chart(kind=\"stacked\", metrics=[\"received\", \"resolved\"], periods=0) }}",
        "{{ kpis() }}",
        "{{ kpis(metrics=[\"visits\"]) }}",
        "{{ table(metrics=[\"received\"], units=[\"hong-ngu\"]) }}",
        "{{ chart(kind=\"bar\", metrics=[\"pending_overdue\"]) }}",
        "{{ chart(kind=\"bar\", metrics=[\"received\"], unit=\"thuan-am\") }}",
        "{{ chart(kind=\"bar\", metrics=[\"received\"], period=\"2023-Q9\") }}",
        "{{ chart(kind=\"bar\", metrics=[\"received\"], periods=3) }}",
        "{{ chart(kind=\"donut\", metrics=[\"on_time_rate\", \"late_rate\"]) }}",
        "{{ chart(kind=\"stacked\", metrics=[\"received\", \"received\"]) }}",
        "{{ chart(kind=\"compare\", metric=\"received\", units=[\"thuan-an\", \"thuan-an\"]) }}",
        "{{ chart(kind=\"bar\", metrics=\"received\") }}",
        "{{ chart(kind=\"trend\", metric=\"received\", periods=\"3\") }}",
        "{{ chart(kind=\"bar\", metrics=[\"received\"], title=3) }}",
        "{{ chart(metrics=[\"received\"]) }}",
        "{{ table(metrics=[\"received\"], units=[\"thuan-an\"], periods=2) }}",
        "{{ chart(kind=\"stacked\", metrics=[\"received\", \"resolved\", \"pending\", \"carried_over\", \"resolved_early\", \"resolved_on_time\", \"resolved_late\"]) }}",
    ];
    for call in calls {
        let s = SiteTest::fixture("good").write(
            "content/articles/x.md",
            &format!(
                "---\ntitle: X\ndate: 2023-01-01\nunit: thuan-an\nperiod: 2023-9M\n---\n{call}\n"
            ),
        );
        let out = build_vi(&s, &[]);
        check(&out.stderr, &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Common English words that never belong in a Vietnamese sentence.
const ENGLISH: &[&str] = &[
    "the", "is", "are", "and", "not", "with", "from", "into", "this", "that", "cannot", "must",
    "should", "file", "page", "column", "row", "missing", "unknown", "expected", "found", "there",
    "write", "where", "which", "has", "have", "will", "would",
];

/// Checks a Vietnamese report: every error and warning has a code, and no
/// message or hint carries English words outside quotes (where names,
/// keys and values are shown as written).
fn check(stderr: &str, problems: &mut Vec<String>) {
    for line in stderr.lines() {
        let text = if let Some(rest) = line
            .strip_prefix("lỗi[")
            .or_else(|| line.strip_prefix("cảnh báo["))
        {
            rest.split_once("]: ").map_or("", |(_, m)| m)
        } else if line.starts_with("lỗi:") || line.starts_with("cảnh báo:") {
            problems.push(format!("no code: {line}"));
            continue;
        } else if let Some((_, hint)) = line.split_once(" = gợi ý: ") {
            hint
        } else if line.starts_with("error") || line.starts_with("warning") {
            problems.push(format!("English report: {line}"));
            continue;
        } else {
            continue;
        };
        let prose: String = text
            .split('`')
            .step_by(2)
            .flat_map(|s| s.split('"').step_by(2))
            .collect::<Vec<_>>()
            .join(" ");
        // `per_page` in a list of field names is a name, not a word.
        let english: Vec<String> = prose
            .split(|c: char| !(c.is_alphabetic() || c == '_' || c == '-'))
            .map(str::to_lowercase)
            .filter(|w| ENGLISH.contains(&w.as_str()))
            .collect();
        if !english.is_empty() {
            problems.push(format!("English {english:?} in: {line}"));
        }
    }
}

/// `baocao import` speaks through the same catalogue.
#[test]
fn import_messages_have_codes_and_vietnamese() {
    let site = site();
    let root = site.root.to_str().unwrap().to_string();
    let out = site.root.join("nhap").to_str().unwrap().to_string();
    let sheets = [
        ("khong-tieu-de.csv", "a,b\n1,2\n"),
        ("khong-ky.csv", "Đơn vị,Tiếp nhận\nTP Thuận An,5\n"),
        (
            "nhieu-loi.csv",
            "Đơn vị,Kỳ báo cáo,Tiếp nhận,Trực tuyến\nTP Thuận An,2023-Q3,abc,1.5\nPhường Mới,2023-Q3,3,1\n,2023-Q3,4,2\nTP Thuận An,2023-Q3,5,1\n",
        ),
        (
            "khong-don-vi.csv",
            "Đơn vị,Kỳ báo cáo,Tiếp nhận\n,2023-Q3,4\n",
        ),
        (
            "don-vi-la.csv",
            "Đơn vị,Kỳ báo cáo,Tiếp nhận\nPhường Mới,2023-Q3,4\n",
        ),
        (
            "dung.csv",
            "Đơn vị,Kỳ báo cáo,Tiếp nhận\nTP Thuận An,2023-Q3,5\n",
        ),
    ];
    let mut problems = Vec::new();
    for (name, text) in sheets {
        let path = site.root.join(name);
        std::fs::write(&path, text).unwrap();
        let file = path.to_str().unwrap();
        let r = site.run_in("vi", &["import", file, "--out", &out, "--root", &root]);
        assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
        check(&r.stderr, &mut problems);
        let r = site.run_in(
            "vi",
            &[
                "import", file, "--out", &out, "--root", &root, "--sheet", "Trang 1",
            ],
        );
        check(&r.stderr, &mut problems);
    }
    let r = site.run_in(
        "vi",
        &["import", "khong-co.xlsx", "--out", &out, "--root", &root],
    );
    check(&r.stderr, &mut problems);
    // The last import above wrote dung.csv's file: once more is refused.
    let again = site.run(&[
        "import",
        site.root.join("dung.csv").to_str().unwrap(),
        "--out",
        &out,
        "--root",
        &root,
    ]);
    again.fails().stderr_has("is not overwritten");
    let vi = site.run_in(
        "vi",
        &[
            "import",
            site.root.join("dung.csv").to_str().unwrap(),
            "--out",
            &out,
            "--root",
            &root,
        ],
    );
    assert!(
        vi.stderr.contains("đã có: không ghi đè") && vi.stderr.contains("gợi ý: dùng --force"),
        "{}",
        vi.stderr
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// "no `period` column in the header row" was taken by the pattern of
/// "no content/site.yaml in {}" and came out half English.
#[test]
fn header_row_messages_are_all_vietnamese() {
    let out = build_vi(
        &site()
            .write("content/data/z.csv", "unit,received\ncan-giuoc,5\n")
            .write("content/data/w.csv", "period,received\n2022,5\n"),
        &[],
    );
    out.fails();
    assert!(
        out.stderr
            .contains("dòng tiêu đề không có cột `period` (Kỳ báo cáo)")
            && out
                .stderr
                .contains("dòng tiêu đề không có cột `unit` (Đơn vị)"),
        "{}",
        out.stderr
    );
    for english in ["column", "header row", " in "] {
        assert!(!out.stderr.contains(english), "{english}: {}", out.stderr);
    }
}

#[test]
fn parser_errors_are_our_own_located_vietnamese_messages() {
    let cases = [
        (
            "content/data/x.yaml",
            "- period: 2023\n  metrics: { received: 1 }\n",
        ),
        (
            "content/data/x.yaml",
            "unit: thuan-an\nperiod: 2023\nperiod_note: x\nmetrics: { received: 1 }\n",
        ),
        ("content/data/x.yaml", "just a sentence\n"),
        (
            "content/data/x.yaml",
            "unit: thuan-an\nperiod: 2023\nmetrics: { received: [1] }\n",
        ),
        ("content/data/x.yaml", "unit: thuan-an\n\tperiod: 2023\n"),
        (
            "content/data/x.csv",
            "unit,period,received\nthuan-an,2021,1,2\n",
        ),
    ];
    for (file, text) in cases {
        let site = SiteTest::fixture("good").write(file, text);
        let out = build_vi(&site, &[]);
        out.fails();
        for english in [
            "missing field",
            "unknown field",
            "untagged enum",
            "invalid type",
            "expected",
            "found record",
            "tab character",
            "CSV error",
        ] {
            assert!(!out.stderr.contains(english), "{english}:\n{}", out.stderr);
        }
        assert!(
            out.stderr.contains(&format!("--> {file}:")),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn template_engine_errors_are_our_own_vietnamese_messages() {
    for body in [
        "{% set x %}",
        "{# x",
        "{{ 1 / 0 }}",
        "{{ 1 + }}",
        "{% khong_co %}",
    ] {
        let site = SiteTest::fixture("good").write(
            "content/articles/x.md",
            &format!("---\ntitle: X\ndate: 2023-01-01\n---\n{body}\n"),
        );
        let out = build_vi(&site, &[]);
        out.fails();
        let first = out
            .stderr
            .lines()
            .find(|l| l.starts_with("lỗi"))
            .unwrap_or("");
        for english in [
            "Invalid", "syntax", "Found", "expected", "divide", "Closing", "Unknown",
        ] {
            assert!(!first.contains(english), "{body}: {first}");
        }
        assert!(
            out.stderr.contains("--> content/articles/x.md:"),
            "{}",
            out.stderr
        );
    }
}

/// What made a colliding page is named in the site's language: "the
/// section tin-tuc/" reached Vietnamese reports in English.
#[test]
fn url_collisions_name_their_origin_in_vietnamese() {
    let s = site().write(
        "content/pages/tin-tuc.md",
        "---\ntitle: Tin tức\n---\nTrang giới thiệu.\n",
    );
    let out = build_vi(&s, &[]);
    out.fails();
    assert!(
        out.stderr
            .contains("lỗi[E0409]: chuyên mục tin-tuc/ và content/pages/tin-tuc.md"),
        "{}",
        out.stderr
    );
    let mut problems = Vec::new();
    check(&out.stderr, &mut problems);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
