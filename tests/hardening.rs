//! Hardening: nothing is written outside the output folder, templates
//! cannot run for ever, and what template functions emit reaches the page
//! as one opaque block. Each test failed before its fix.

mod common;
use common::*;

use std::path::Path;

const ARTICLE: &str = "content/articles/tin-tuc/thuan-an-9-thang.md";

/// Every file and link under `dir`, as sorted relative paths.
fn listing(dir: &Path) -> Vec<String> {
    let mut all: Vec<String> = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .follow_links(false)
        .into_iter()
        .map(|e| {
            let e = e.unwrap();
            e.path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    all.sort();
    all
}

#[test]
fn a_page_whose_name_slugs_to_nothing_is_an_error_not_a_write_at_the_root() {
    let site = SiteTest::fixture("good").write(
        "content/pages/---.md",
        "---\ntitle: Trang\n---\nNội dung.\n",
    );
    // `check` renders in memory only, so even the old code could not write
    // to `/` here; the error must name the file.
    site.check()
        .fails()
        .stderr_has("error: `---` gives an empty part of the URL")
        .stderr_has("--> content/pages/---.md:1:1")
        .stderr_has("slug:");
}

#[test]
fn a_folder_whose_name_slugs_to_nothing_is_an_error() {
    let site = SiteTest::fixture("good").write(
        "content/articles/!!!/x/a.md",
        "---\ntitle: A\ndate: 2023-01-01\nslug: web\n---\nA.\n",
    );
    site.check()
        .fails()
        .stderr_has("error: `!!!` gives an empty part of the URL")
        .stderr_has("--> content/articles/!!!/x/a.md")
        .stderr_has("rename the folder `!!!`");
}

#[cfg(unix)]
#[test]
fn symlinks_in_the_output_are_replaced_not_followed() {
    use std::os::unix::fs::symlink;
    let site = SiteTest::fixture("good");
    site.build().succeeds();
    let outside = site.root.join("outside");
    std::fs::create_dir_all(outside.join("dir")).unwrap();
    std::fs::write(outside.join("victim.html"), "keep me").unwrap();
    std::fs::write(outside.join("stale-target.txt"), "keep me too").unwrap();
    let out = site.out();
    std::fs::remove_file(out.join("index.html")).unwrap();
    symlink(outside.join("victim.html"), out.join("index.html")).unwrap();
    std::fs::remove_dir_all(out.join("tin-tuc")).unwrap();
    symlink(outside.join("dir"), out.join("tin-tuc")).unwrap();
    symlink(outside.join("stale-target.txt"), out.join("stale.txt")).unwrap();
    symlink(
        outside.join("missing.html"),
        out.join(".baocao-output-link"),
    )
    .unwrap();

    site.build().succeeds();

    assert_eq!(
        std::fs::read_to_string(outside.join("victim.html")).unwrap(),
        "keep me"
    );
    assert_eq!(
        std::fs::read_to_string(outside.join("stale-target.txt")).unwrap(),
        "keep me too"
    );
    assert!(
        listing(&outside.join("dir")).is_empty(),
        "pages written through the link"
    );
    let meta = std::fs::symlink_metadata(out.join("index.html")).unwrap();
    assert!(meta.is_file(), "index.html is a real file again");
    let meta = std::fs::symlink_metadata(out.join("tin-tuc")).unwrap();
    assert!(meta.is_dir(), "tin-tuc/ is a real folder again");
    assert!(out.join("tin-tuc/index.html").is_file());
    assert!(std::fs::symlink_metadata(out.join("stale.txt")).is_err());
}

#[test]
fn nested_ranges_stop_with_a_located_error() {
    let site = SiteTest::fixture("good").edit(
        ARTICLE,
        "Ghi chú[^nguon].",
        "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}",
    );
    let start = std::time::Instant::now();
    site.build()
        .fails()
        .stderr_has("steps of work")
        .stderr_has(&format!("--> {ARTICLE}:"))
        .stderr_has("hint:");
    // Not a timing assertion of speed, a guard against a hang: the old
    // code ran for hours.
    assert!(start.elapsed().as_secs() < 120);
}

#[test]
fn doubling_a_string_stops_before_memory_runs_out() {
    let doubling = "{% set_global s = s ~ s %}".repeat(40);
    let site = SiteTest::fixture("good").edit(
        ARTICLE,
        "Ghi chú[^nguon].",
        &format!("{{% set_global s = \"ab\" %}}{doubling}{{{{ s | length }}}}"),
    );
    site.build()
        .fails()
        .stderr_has("the template built a text of more than")
        .stderr_has(&format!("--> {ARTICLE}:"));
}

#[test]
fn data_text_with_markdown_stays_inside_the_chart() {
    let site = SiteTest::fixture("good")
        .edit(
            "content/data/thuan-an.yaml",
            "source: \"Báo cáo số 245/BC-UBND\"",
            "source: \"Báo cáo\\n\\n# Tiêu đề giả\\n\\n[bấm](javascript:alert(1))\"",
        )
        .edit(
            "content/site.yaml",
            "name: \"Thành phố Thuận An & vùng <lân cận>\"",
            "name: \"[Mẫu](javascript:alert(1)) *đậm* # x\"",
        )
        .edit(
            ARTICLE,
            "Ghi chú[^nguon].",
            "{{ chart(kind=\"bar\", metrics=[\"received\", \"resolved\"]) }}\nDòng ngay sau [biểu đồ](khong-co.md).\n\nĐơn vị: {{ unit.name }}.",
        );
    // The line right after the chart is Markdown again: its link is checked.
    site.build().fails().stderr_has("broken link `khong-co.md`");
    let site = site.edit(ARTICLE, "[biểu đồ](khong-co.md)", "**biểu đồ**");
    site.build().succeeds();
    let page = site.html("tin-tuc/thuan-an-9-thang/index.html");
    let hrefs = attrs(&page, "a", "href");
    assert!(
        hrefs
            .iter()
            .all(|h| !h.to_lowercase().contains("javascript")),
        "{hrefs:?}"
    );
    assert!(texts(&page, "figure h1, .bc-chart h1").is_empty());
    assert!(texts(&page, "article h1, main h1").len() <= 1);
    let text = texts(&page, "main").join(" ");
    assert!(
        text.contains("[Mẫu](javascript:alert(1)) *đậm* # x"),
        "{text}"
    );
    assert!(texts(&page, "main strong").iter().any(|t| t == "biểu đồ"));
    assert!(texts(&page, "main em").iter().all(|t| t != "đậm"));
}

#[test]
fn javascript_links_are_refused_in_bodies_and_menus() {
    let site = SiteTest::fixture("good")
        .edit(ARTICLE, "Ghi chú[^nguon].", "[bấm](JavaScript:alert(1))")
        .edit(
            "content/site.yaml",
            "url: \"/gioi-thieu/\"",
            "url: \" javascript:alert(1)\"",
        );
    site.build()
        .fails()
        .stderr_has("broken link `JavaScript:alert(1)`: a link may not run code")
        .stderr_has("links to  javascript:alert(1): a link may not run code");
}

#[test]
fn images_that_point_at_missing_files_are_reported() {
    let site = SiteTest::fixture("good").edit(
        ARTICLE,
        "Ghi chú[^nguon].",
        "![a](../../static/images/khong-co.png) ![b](/images/cung-khong-co.png)",
    );
    site.build()
        .fails()
        .stderr_has("broken link `../../static/images/khong-co.png`")
        .stderr_has("is not in content/static/")
        .stderr_has("broken link `/images/cung-khong-co.png`")
        .stderr_has("put the file in content/static/")
        .stderr_lacks(".md file");
}

#[test]
fn images_in_static_are_linked_by_their_url() {
    let site = SiteTest::fixture("good")
        .write_bytes("content/static/images/co.png", b"\x89PNG")
        .edit(
            ARTICLE,
            "Ghi chú[^nguon].",
            "![a](../../static/images/co.png)",
        );
    site.build().succeeds();
    let page = site.html("tin-tuc/thuan-an-9-thang/index.html");
    assert!(attrs(&page, "img", "src").contains(&"../../images/co.png".to_string()));
}

#[test]
fn per_page_zero_is_an_error() {
    let site = SiteTest::fixture("good").edit("content/site.yaml", "per_page: 2", "per_page: 0");
    site.check()
        .fails()
        .stderr_has("error: per_page is 0")
        .stderr_has("--> content/site.yaml:15:");
}

#[cfg(unix)]
#[test]
fn symlinked_content_is_reported_not_skipped_silently() {
    let site = SiteTest::fixture("good");
    let outside = site.root.join("outside.md");
    std::fs::write(&outside, "---\ntitle: Ngoài\ndate: 2023-01-01\n---\nx\n").unwrap();
    std::os::unix::fs::symlink(&outside, site.root.join("content/articles/ngoai.md")).unwrap();
    site.build()
        .succeeds()
        .stderr_has("warning: content/articles/ngoai.md is a symbolic link and is skipped");
    site.build_with(&["--strict"]).fails();
}

#[test]
fn values_shared_many_times_over_pay_for_their_size() {
    // `[m, m]` thirty times is a billion leaves in a few kilobytes: every
    // walk over it (arguments, comparison, sorting) must stop at the budget.
    let doubled = "{% set m = [1] %}{% set n = [1] %}{% for i in range(end=30) %}{% set_global m = [m, m] %}{% set_global n = [n, n] %}{% endfor %}";
    for tail in [
        "{{ chart(kind=\"bar\", metrics=m) }}",
        "{{ chart(kind=\"bar\", metrics=[\"received\"], title=m) }}",
        "{{ kpis(metrics=[m]) }}",
        "{% if m == n %}y{% endif %}",
        "{{ m | sort | length }}",
    ] {
        let site = SiteTest::fixture("good").edit(
            ARTICLE,
            "Ghi chú[^nguon].",
            &format!("{doubled}{tail}"),
        );
        site.build()
            .fails()
            .stderr_has("steps of work")
            .stderr_has(&format!("--> {ARTICLE}:"));
    }
}

#[test]
fn a_loop_of_charts_is_bounded_like_any_loop() {
    let site = SiteTest::fixture("good").edit(
        ARTICLE,
        "Ghi chú[^nguon].",
        "{% for i in range(end=1000) %}{% for j in range(end=1000) %}{% set x = chart(kind=\"bar\", metrics=[\"received\", \"resolved\"], title=\"T\" ~ i ~ j) %}{% endfor %}{% endfor %}",
    );
    site.build().fails().stderr_has("steps of work");
}

#[test]
fn raw_html_that_links_styles_or_scripts_is_refused() {
    for html in [
        "<a href=\"javascript:alert(1)\">x</a>",
        "<A HREF=\"jav&#x61;script:alert(1)\">x</A>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<form action=\"javascript:alert(1)\"></form>",
        "<span style=\"color:red\">x</span>",
        // Comments that a browser closes early: what follows is markup.
        "<!--><img src=x onerror=alert(1)>-->",
        "<!---><img src=x onerror=alert(1)>-->",
        "<!-- a --!><img src=x onerror=alert(1)>-->",
    ] {
        let site = SiteTest::fixture("good").edit(
            ARTICLE,
            "Ghi chú[^nguon].",
            &format!("Xem {html} nhé."),
        );
        site.build()
            .fails()
            .stderr_has("is not allowed in an article")
            .stderr_has(&format!("--> {ARTICLE}:"));
    }
    // Plain formatting passes, and a forged opaque block does not smuggle
    // HTML past the check.
    let site = SiteTest::fixture("good").edit(
        ARTICLE,
        "Ghi chú[^nguon].",
        "m<sup>2</sup>, <span class=\"ghi-chu\">ghi chú</span>\n\n<!--baocao-block <script>alert(1)</script> baocao-block-->",
    );
    site.build().succeeds();
    let page = site.html("tin-tuc/thuan-an-9-thang/index.html");
    assert_eq!(texts(&page, "main sup"), ["2"]);
    assert!(texts(&page, "script").iter().all(|s| !s.contains("alert")));
}

#[test]
fn small_items_of_the_review() {
    // A slug of dashes only is as empty as a file named `---.md`.
    let site = SiteTest::fixture("good").edit(ARTICLE, "author:", "slug: \"---\"\nauthor:");
    site.check().fails().stderr_has("is not a valid slug");
    // Control characters in a message are shown, not sent to the terminal.
    let site =
        SiteTest::fixture("good").edit(ARTICLE, "Ghi chú[^nguon].", "[x](khong\u{1b}[31mco.md)");
    let out = site.build();
    out.fails();
    assert!(!out.stderr.contains('\u{1b}'), "{}", out.stderr);
    // A static file whose name holds `\` is named in an error.
    #[cfg(unix)]
    {
        let site = SiteTest::fixture("good").write("content/static/a\\b.txt", "x");
        site.build()
            .fails()
            .stderr_has("content/static/a\\b.txt has `\\` in its name");
    }
}

/// Deep nesting in site.yaml fails fast with the loader's located error:
/// reading `language:` for the messages must not parse it first (the YAML
/// reader takes quadratic time on deep flow nesting before failing).
#[test]
fn deep_nesting_in_site_yaml_fails_fast() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let site = SiteTest::fixture("good");
    let path = site.root.join("content/site.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}\nextra: {deep}\n")).unwrap();
    let started = std::time::Instant::now();
    // No BAOCAO_LANG: the language comes from site.yaml.
    let out = capped(env!("CARGO_BIN_EXE_baocao"))
        .env_remove("BAOCAO_LANG")
        .args(["check", "--root"])
        .arg(&site.root)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    // A guard against a hang (it took over a minute), not a timing test.
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("lồng nhau sâu quá 64 cấp"), "{stderr}");
    assert!(stderr.contains("content/site.yaml"), "{stderr}");
}

#[test]
fn a_formula_that_gives_a_figure_no_report_holds_is_an_error() {
    let site = SiteTest::fixture("good").write(
        "content/metrics.yaml",
        "metrics:\n  - key: huge\n    label: \"Rất lớn\"\n    unit: count\n    formula: \"received * received * received * received\"\n",
    );
    site.build()
        .fails()
        .stderr_has("the formula of `huge` gives")
        .stderr_has("more than any report holds");
}

#[test]
fn a_csv_wider_than_any_report_is_an_error_not_minutes_of_work() {
    let header: Vec<String> = (0..20_000).map(|i| format!("cot{i}")).collect();
    let row: Vec<&str> = (0..20_000).map(|_| "1").collect();
    let site = SiteTest::fixture("good").write(
        "content/data/rong.csv",
        &format!("{}\n{}\n", header.join(","), row.join(",")),
    );
    site.build()
        .fails()
        .stderr_has("has 20000 fields, beyond the limit of 1000 columns")
        .stderr_has("--> content/data/rong.csv:1:1");
}

#[test]
fn a_spreadsheet_build_cannot_read_is_named() {
    let site = SiteTest::fixture("good").write_bytes("content/data/cu.xls", b"\xd0\xcf\x11\xe0");
    site.build().succeeds().stderr_has(
        "warning: content/data/cu.xls is not read: data files are .yaml, .csv and .xlsx",
    );
}
