//! Search: the page `tim-kiem/`, its index built at build time as a script
//! (so it loads from file://), and the theme's script that searches it
//! with Vietnamese accents folded (run with node when node is installed).

mod common;
use common::*;

use std::path::Path;
use std::process::Command;

const PREFIX: &str = "window.baocaoSearchIndex = ";

/// The index the build wrote, parsed as JSON.
fn index(site: &SiteTest) -> Vec<serde_json::Value> {
    let script = site.read("tim-kiem/chi-muc.js");
    let json = script
        .strip_prefix(PREFIX)
        .and_then(|s| s.strip_suffix(";\n"))
        .unwrap_or_else(|| panic!("not one assignment: {script}"));
    serde_json::from_str(json).unwrap()
}

fn titles(entries: &[serde_json::Value]) -> Vec<&str> {
    entries
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect()
}

#[test]
fn the_search_page_loads_its_index_and_script_relative_to_itself() {
    let site = SiteTest::fixture("good");
    site.build().succeeds();
    let doc = site.html("tim-kiem/index.html");
    assert_eq!(texts(&doc, "h1"), ["Tìm kiếm"]);
    // A plain GET form: without JavaScript it reloads the page with ?q=.
    assert_eq!(attrs(&doc, "main form", "method"), ["get"]);
    assert!(attrs(&doc, "main form", "action").is_empty());
    assert_eq!(attrs(&doc, "main form input[type=search]", "name"), ["q"]);
    let id = &attrs(&doc, "main form input", "id")[0];
    assert_eq!(
        &attrs(&doc, "main form label", "for"),
        std::slice::from_ref(id)
    );
    assert_eq!(texts(&doc, "noscript").len(), 1);
    let scripts = attrs(&doc, "main script", "src");
    assert_eq!(scripts, ["../tim-kiem/chi-muc.js", "../js/tim-kiem.js"]);
    for s in &scripts {
        assert!(site.out().join("tim-kiem").join(s).is_file(), "{s}");
    }
    assert_eq!(attrs(&doc, "[data-module=bc-search]", "data-root"), ["../"]);
    // Readers may find it; the sitemap lists it.
    assert!(
        site.read("sitemap.xml")
            .contains("<loc>https://thu.example.gov.vn/tim-kiem/</loc>")
    );
}

#[test]
fn the_index_holds_every_published_article_and_page() {
    let site = SiteTest::fixture("good");
    site.build().succeeds();
    let entries = index(&site);
    let t = titles(&entries);
    assert!(t.contains(&"Thuận An: kết quả 9 tháng"), "{t:?}");
    assert!(t.contains(&"Thông báo lịch tiếp công dân"), "{t:?}");
    assert!(t.contains(&"Giới thiệu"), "{t:?}");
    // Drafts are not published, so not searchable.
    let draft =
        std::fs::read_to_string(site.root.join("content/articles/tin-tuc/ban-nhap.md")).unwrap();
    assert!(draft.contains("draft: true"));
    assert_eq!(entries.len(), 4, "{t:?}");
    for e in &entries {
        // URLs are from the site root, each a page of the output.
        let url = e["url"].as_str().unwrap();
        assert!(!url.starts_with('/') && !url.contains("://"), "{url}");
        assert!(
            site.out().join(url).join("index.html").is_file(),
            "{url} is not a page"
        );
    }
    let lao_cai = entries
        .iter()
        .find(|e| e["url"] == "su-kien/2023/lao-cai-nam-2023/")
        .unwrap();
    assert_eq!(lao_cai["date"], "2024-01-28");
    assert_eq!(lao_cai["date_text"], "28/01/2024");
    assert_eq!(lao_cai["section"], "2023");
    assert_eq!(lao_cai["tags"], serde_json::json!(["Cải cách hành chính"]));
    // Summaries are rendered: figures, not template code.
    let thuan_an = entries
        .iter()
        .find(|e| e["title"] == "Thuận An: kết quả 9 tháng")
        .unwrap();
    assert_eq!(
        thuan_an["summary"],
        "Tiếp nhận 10.551 hồ sơ, trước hạn 82,34%."
    );
    // Newest first.
    assert_eq!(t[0], "Lào Cai: 83.786 hồ sơ");
}

#[test]
fn a_title_that_closes_a_script_stays_text_in_the_index() {
    let title = "Tin \\\"lạ\\\" </script><script>alert(1)</script>\u{2028}kết thúc";
    let site = SiteTest::fixture("good").write(
        "content/articles/tin-tuc/la.md",
        &format!("---\ntitle: \"{title}\"\ndate: 2020-01-01\n---\nNội dung.\n"),
    );
    site.build().succeeds();
    let entries = index(&site);
    assert!(
        titles(&entries).contains(&"Tin \"lạ\" </script><script>alert(1)</script>\u{2028}kết thúc"),
        "{:?}",
        titles(&entries)
    );
    // The script escapes the line separator older browsers end lines at.
    assert!(!site.read("tim-kiem/chi-muc.js").contains('\u{2028}'));
}

#[test]
fn the_missing_page_has_a_search_box_at_the_site_path() {
    let site = SiteTest::fixture("good");
    site.build_with(&["--base-url", "https://cchc.example.gov.vn/cchc/"])
        .succeeds();
    let doc = site.html("404.html");
    assert_eq!(attrs(&doc, "main form", "action"), ["/cchc/tim-kiem/"]);
    assert_eq!(attrs(&doc, "main form", "method"), ["get"]);
    assert_eq!(attrs(&doc, "main form input[type=search]", "name"), ["q"]);
}

/// Runs `code` with node, the theme's script loaded as `s` and the built
/// index as `entries`; `None` when node is not installed.
fn node(site: &SiteTest, code: &str) -> Option<String> {
    if Command::new("node").arg("--version").output().is_err() {
        eprintln!("node is not installed: the search script is left to the e2e checks");
        return None;
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/js/tim-kiem.js");
    let prelude = r#"
const fs = require("fs");
const m = { exports: {} };
new Function("module", fs.readFileSync(process.argv[1], "utf8"))(m);
const s = m.exports;
const w = {};
new Function("window", fs.readFileSync(process.argv[2], "utf8"))(w);
const entries = s.index(w.baocaoSearchIndex);
const titles = (q) => s.search(entries, q).map((e) => e.title);
"#;
    let out = Command::new("node")
        .arg("-e")
        .arg(format!("{prelude}\n{code}"))
        .arg(&script)
        .arg(site.out().join("tim-kiem/chi-muc.js"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn the_script_folds_accents_and_ranks_title_hits_first() {
    // An older article whose title says "cải cách", beside newer ones that
    // only carry it as a tag.
    let site = SiteTest::fixture("good").write(
        "content/articles/tin-tuc/cu.md",
        "---\ntitle: \"Đẩy mạnh cải cách hành chính ở Đồng Tháp\"\ndate: 2019-01-01\n---\nNội dung.\n",
    );
    site.build().succeeds();
    let Some(out) = node(
        &site,
        r#"
console.log(JSON.stringify({
  fold: [s.fold("Cải cách Hành chính"), s.fold("ĐỒNG THÁP"), s.fold("Ca\u0309i ca\u0301ch"), s.fold("Lào Cai: 83.786 hồ sơ")],
  caiCach: titles("cai cach"),
  accented: titles("Cải Cách"),
  d: titles("dong thap"),
  dd: titles("đồng"),
  prefix: titles("lao ca"),
  none: titles("không có gì như thế"),
  empty: titles("  ,, "),
}));
"#,
    ) else {
        return;
    };
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(
        v["fold"],
        serde_json::json!([
            "cai cach hanh chinh",
            "dong thap",
            "cai cach",
            "lao cai 83 786 ho so"
        ])
    );
    let cai_cach: Vec<&str> = v["caiCach"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    // The title hit first, though older; then the tag hits, newest first.
    assert_eq!(cai_cach[0], "Đẩy mạnh cải cách hành chính ở Đồng Tháp");
    assert_eq!(cai_cach[1], "Lào Cai: 83.786 hồ sơ");
    assert!(cai_cach.contains(&"Thuận An: kết quả 9 tháng"));
    assert_eq!(v["accented"], v["caiCach"]);
    assert_eq!(
        v["d"],
        serde_json::json!(["Đẩy mạnh cải cách hành chính ở Đồng Tháp"])
    );
    assert_eq!(v["dd"], v["d"]);
    assert_eq!(v["prefix"], serde_json::json!(["Lào Cai: 83.786 hồ sơ"]));
    assert_eq!(v["none"], serde_json::json!([]));
    assert_eq!(v["empty"], serde_json::json!([]));
}
