//! `baocao new DIR`: a site that builds at once, with no warning.

mod common;
use common::*;

#[test]
fn a_new_site_builds_without_warnings() {
    let site = SiteTest::fixture("good");
    let dir = site.root.join("trang-moi");
    let out = site.run(&["new", dir.to_str().unwrap()]);
    out.succeeds();
    assert!(out.stdout.contains("baocao serve --root"), "{}", out.stdout);
    let built = site.run(&["build", "--root", dir.to_str().unwrap(), "--strict"]);
    built.succeeds().stderr_lacks("warning");
    // The article's chart and the unit page's two trends.
    assert!(built.stdout.contains("3 charts"), "{}", built.stdout);
    let html =
        std::fs::read_to_string(dir.join("output/tin-tuc/ket-qua-nam-2023/index.html")).unwrap();
    let doc = Html::parse_document(&html);
    let body = texts(&doc, ".bc-prose").join(" ");
    assert!(
        body.contains("đã giải quyết 12.400 hồ sơ; tỷ lệ giải quyết đúng và trước hạn đạt 99,03%"),
        "{body}"
    );
    assert!(
        body.contains(
            "Tỷ lệ hồ sơ nộp trực tuyến đạt 48,8%, tăng 11,3 điểm phần trăm so với cùng kỳ"
        ),
        "{body}"
    );
    assert_eq!(
        texts(&doc, ".bc-article__lead"),
        [
            "Trong năm 2023, Huyện Mẫu tiếp nhận 12.500 hồ sơ, tăng 1.300 hồ sơ (+11,61%) so với cùng kỳ."
        ]
    );
    assert_eq!(
        attrs(&doc, "figure", "class"),
        ["bc-chart bc-chart--stacked"]
    );
}

#[test]
fn new_refuses_a_folder_that_is_not_empty() {
    let site = SiteTest::fixture("good");
    site.run(&["new", site.root.to_str().unwrap()])
        .fails()
        .stderr_has("already exists and is not an empty folder");
    assert!(site.root.join("content/site.yaml").is_file());
}

/// The command `new` prints works as printed: a shell splits it into the
/// command, its arguments and the folder, even with a space in its name.
#[cfg(unix)]
#[test]
fn the_printed_next_step_works_when_pasted_into_a_shell() {
    let site = SiteTest::fixture("good");
    for name in ["trang-moi", "trang mới", "it's $HOME"] {
        let dir = site.root.join(name);
        let out = site.run(&["new", dir.to_str().unwrap()]);
        out.succeeds();
        let command = out
            .stdout
            .split('`')
            .nth(1)
            .unwrap_or_else(|| panic!("{}", out.stdout));
        let words = std::process::Command::new("sh")
            .args(["-c", &format!("printf '%s\\n' {command}")])
            .output()
            .unwrap();
        let words: Vec<String> = String::from_utf8(words.stdout)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect();
        assert_eq!(
            words,
            ["baocao", "serve", "--root", dir.to_str().unwrap()],
            "{command}"
        );
    }
}
