//! The output folder: byte-identical rebuilds, in-place updates, refusals.

mod common;
use common::*;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::SystemTime;

fn files(dir: &Path) -> BTreeMap<String, (Vec<u8>, SystemTime)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            (
                rel,
                (
                    std::fs::read(e.path()).unwrap(),
                    e.metadata().unwrap().modified().unwrap(),
                ),
            )
        })
        .collect()
}

#[test]
fn two_builds_of_the_same_input_are_byte_identical() {
    let site = SiteTest::fixture("good");
    let a = site.root.join("out-a");
    let b = site.root.join("out-b");
    site.build_with(&["--output", a.to_str().unwrap()])
        .succeeds();
    site.build_with(&["--output", b.to_str().unwrap()])
        .succeeds();
    let (fa, fb) = (files(&a), files(&b));
    assert!(fa.len() > 10);
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for (k, (bytes, _)) in &fa {
        assert_eq!(bytes, &fb[k].0, "{k} differs");
    }
}

#[test]
fn rebuilds_update_in_place_and_remove_stale_files() {
    let site = SiteTest::fixture("good");
    site.build().succeeds();
    let first = files(&site.out());
    std::thread::sleep(std::time::Duration::from_millis(20));
    let out = site.build();
    out.succeeds();
    // Every file but the `.baocao-output` marker is the build's.
    let unchanged = format!("(0 written, {} unchanged, 0 removed)", first.len() - 1);
    assert!(first.contains_key(".baocao-output"));
    assert!(out.stdout.contains(&unchanged), "{}", out.stdout);
    assert_eq!(
        files(&site.out()),
        first,
        "unchanged files keep their bytes and times"
    );

    let site = site.remove("content/articles/tin-tuc/thong-bao.md").edit(
        "content/articles/tin-tuc/thuan-an-9-thang.md",
        "Ghi chú[^nguon].",
        "Ghi chú mới[^nguon].",
    );
    let out = site.build();
    out.succeeds();
    let after = files(&site.out());
    assert!(
        !site.out().join("tin-tuc/thong-bao").exists(),
        "a removed article's folder goes"
    );
    assert!(
        !site.out().join("trang/2").exists(),
        "a page no longer needed goes"
    );
    assert_eq!(after["css/baocao.css"], first["css/baocao.css"]);
    assert_ne!(
        after["tin-tuc/thuan-an-9-thang/index.html"].0,
        first["tin-tuc/thuan-an-9-thang/index.html"].0
    );
    assert!(
        out.stdout.contains("removed)") && !out.stdout.contains(" 0 removed"),
        "{}",
        out.stdout
    );
}

#[test]
fn refuses_an_output_folder_that_holds_or_is_the_sources() {
    let site = SiteTest::fixture("good");
    let root = site.root.to_str().unwrap().to_string();
    for bad in [
        root.clone(),
        format!("{root}/content"),
        format!("{root}/content/static/out"),
        format!("{root}/.."),
    ] {
        site.build_with(&["--output", &bad])
            .fails()
            .stderr_has("refusing to write the site into");
    }
    assert!(
        site.root.join("content/site.yaml").is_file(),
        "nothing of the site was touched"
    );
    assert!(!site.root.join("content/static/out").exists());
}

#[test]
fn refuses_a_foreign_non_empty_folder() {
    let site = SiteTest::fixture("good").write("tai-lieu/ghi-chu.txt", "đừng xóa");
    site.build_with(&["--output", site.root.join("tai-lieu").to_str().unwrap()])
        .fails()
        .stderr_has("is not empty and was not made by baocao");
    assert_eq!(
        std::fs::read_to_string(site.root.join("tai-lieu/ghi-chu.txt")).unwrap(),
        "đừng xóa"
    );
}

#[test]
fn a_build_with_nothing_changed_renders_and_writes_nothing() {
    // The example site builds without warnings, so its build is stamped.
    let site = SiteTest::example();
    site.build().succeeds();
    let first = files(&site.out());
    let page = site.out().join("index.html");
    // Same size, same time, other bytes: only a build that renders would
    // notice, and the stamp says there is nothing to render.
    let meta = std::fs::metadata(&page).unwrap();
    let mut bytes = std::fs::read(&page).unwrap();
    bytes[0] = b'#';
    std::fs::write(&page, &bytes).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&page)
        .unwrap()
        .set_modified(meta.modified().unwrap())
        .unwrap();
    let out = site.build();
    out.succeeds();
    let unchanged = format!("(0 written, {} unchanged, 0 removed)", first.len() - 1);
    assert!(out.stdout.contains(&unchanged), "{}", out.stdout);
    assert_eq!(std::fs::read(&page).unwrap(), bytes, "nothing was rendered");

    // A file removed from the output is noticed, and the build runs.
    std::fs::remove_file(site.out().join("404.html")).unwrap();
    site.build().succeeds();
    assert!(site.out().join("404.html").is_file());
    assert_eq!(std::fs::read(&page).unwrap(), first["index.html"].0);

    // So is a changed source.
    let site = site.edit("content/site.yaml", "title: ", "title: Mới ");
    let out = site.build();
    out.succeeds();
    assert!(!out.stdout.contains(" 0 written"), "{}", out.stdout);
}
