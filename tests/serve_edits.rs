//! `serve` renders only what an edit of an article or of the data
//! changes: each edit here is applied to a built site with
//! `Built::revise`, and the pages on show afterwards (the build's, with
//! the revised pages put over them) must be byte for byte what a full
//! build of the edited site renders. A page key that misses something a
//! page shows, or a read of a record that is not noted, fails here.

// The sink's diagnostics are returned only on failure (as in the library).
#![allow(clippy::result_large_err)]

mod common;
use common::*;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use baocao::BuildOptions;
use baocao::render::{self, revise::Revised};

/// One edit: a file, and a text in it replaced by another.
type Edit<'e> = (&'e str, &'e str, &'e str);

/// What one step of edits did.
#[derive(Debug, PartialEq)]
enum Step {
    /// The pages rendered again, by output path.
    Done(Vec<String>),
    /// A full build is needed.
    Replan,
    /// The edited site has errors.
    Failed,
}

fn options(root: &Path) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        output: None,
        base_url: None,
        drafts: false,
        strict: false,
        year: None,
    }
}

/// Every file of a full build of the site as it is on disk.
fn full(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let p = baocao::prepare(&options(root), &|_| {}).unwrap_or_else(|d| panic!("{d:?}"));
    render::site(&p.site, &p.figures, &p.options)
        .unwrap_or_else(|d| panic!("{d:?}"))
        .files
}

/// Builds the site, then applies each step of edits to its files and to
/// the built site (`revise`, against the keys of what is on show),
/// checking after each step done that what is on show is a full build
/// of the edited site.
fn steps(site: &SiteTest, steps: &[&[Edit<'_>]]) -> Vec<Step> {
    let root = site.root.clone();
    let mut p = baocao::prepare(&options(&root), &|_| {}).unwrap();
    // As `serve` renders: noting what each page reads.
    p.options.record_reads = true;
    let memory = render::Memory::default();
    let mut outcomes = Vec::new();
    let mut then = |built: &render::Built<'_>, _: render::Counts| {
        let mut shown_files = memory.take();
        let mut shown = built.keys();
        let built_records = std::sync::Arc::clone(&shown.records);
        built.warm();
        // As `serve` keeps them: every version, and the last index.
        let arena = typed_arena::Arena::new();
        let mut edited: BTreeMap<PathBuf, &baocao::model::Document> = BTreeMap::new();
        let mut layout = None;
        let mut data = None;
        'steps: for step in steps {
            let mut fresh = Vec::new();
            for (rel, from, to) in *step {
                let path = root.join(rel);
                let text = std::fs::read_to_string(&path).unwrap();
                assert!(text.contains(from), "{rel} does not contain {from:?}");
                std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
                if rel.starts_with("content/data/") {
                    let site = &p.site;
                    let mut diags = Vec::new();
                    let records =
                        baocao::site::records(&root, &site.catalogue, &site.units, &mut diags);
                    let (figures, more) =
                        baocao::data::compute_with_units(records, &site.catalogue, &site.units);
                    diags.extend(more);
                    assert!(!diags.iter().any(|d| d.is_error()), "{diags:?}");
                    data = built.data(figures, &built_records, data.as_ref());
                    if data.is_none() {
                        outcomes.push(Step::Replan);
                        continue 'steps;
                    }
                    continue;
                }
                let mut diags = Vec::new();
                let doc = baocao::site::document(
                    &root,
                    &root.join("content/articles"),
                    &path,
                    &p.site.units,
                    &mut diags,
                )
                .unwrap();
                assert!(diags.is_empty(), "{diags:?}");
                let doc = &*arena.alloc(doc);
                fresh.push(doc);
                edited.insert(doc.path.clone(), doc);
            }
            match built.revise((&edited, &fresh), data.as_ref(), &shown, &mut layout) {
                Revised::Replan => outcomes.push(Step::Replan),
                Revised::Failed(_) => outcomes.push(Step::Failed),
                Revised::Done(r) => {
                    let paths = r.pages.iter().map(|(p, _)| p.clone()).collect();
                    shown_files.extend(r.pages);
                    shown = r.keys;
                    same(&shown_files, &full(&root));
                    outcomes.push(Step::Done(paths));
                }
            }
        }
    };
    let sink = |path: &str, bytes| memory.put(path, bytes);
    render::site_then(&p.site, &p.figures, &p.options, &sink, &mut then).unwrap();
    outcomes
}

/// The two sets of files are the same, or the paths that differ.
fn same(shown: &BTreeMap<String, Vec<u8>>, built: &BTreeMap<String, Vec<u8>>) {
    let differ: Vec<&String> = built
        .iter()
        .filter(|(p, b)| shown.get(*p) != Some(*b))
        .map(|(p, _)| p)
        .chain(shown.keys().filter(|p| !built.contains_key(*p)))
        .collect();
    assert!(
        differ.is_empty(),
        "pages on show differ from a full build: {differ:?}"
    );
}

/// Asserts that every step was rendered through the keys (no full build,
/// no failure).
fn all_done(out: &[Step]) {
    for (i, step) in out.iter().enumerate() {
        assert!(matches!(step, Step::Done(_)), "step {i}: {out:?}");
    }
}

const HONG_NGU: &str = "content/articles/tin-tuc/hong-ngu-6-thang-2022.md";
const CHAU_DOC: &str = "content/articles/tin-tuc/chau-doc-tong-ket-cchc-2020.md";

fn rendered(step: &Step) -> &[String] {
    match step {
        Step::Done(p) => p,
        other => panic!("not rendered: {other:?}"),
    }
}

#[test]
fn a_title_edit_renders_the_article_and_the_pages_that_list_it() {
    let site = SiteTest::example();
    let out = steps(&site, &[&[(HONG_NGU, "title: \"", "title: \"Tin sửa: ")]]);
    let pages = rendered(&out[0]);
    assert!(pages.contains(&"tin-tuc/hong-ngu-6-thang-2022/index.html".to_string()));
    assert!(pages.contains(&"tim-kiem/chi-muc.js".to_string()));
    assert!(pages.contains(&"feed.xml".to_string()));
    // Not every page: the article is not among the newest.
    let all = full(&site.root)
        .keys()
        .filter(|p| p.ends_with(".html"))
        .count();
    let html = pages.iter().filter(|p| p.ends_with(".html")).count();
    assert!(html * 2 < all, "{html} of {all} pages rendered: {pages:?}");
    assert!(!pages.contains(&"gioi-thieu/index.html".to_string()));
    assert!(!pages.iter().any(|p| p.starts_with("du-lieu/")));
}

#[test]
fn date_summary_unit_and_category_edits_match_a_full_build() {
    let site = SiteTest::example();
    let out = steps(
        &site,
        &[
            // Older: it moves down every list.
            &[(HONG_NGU, "date: 2022-07-07", "date: 2019-07-07")],
            // The newest: the sidebar of every page changes.
            &[(CHAU_DOC, "date: 2020-12-17", "date: 2026-11-30")],
            &[(HONG_NGU, "summary: 'Trong", "summary: 'Tóm tắt mới. Trong")],
            &[(HONG_NGU, "unit: hong-ngu", "unit: hong-ngu-cap-xa")],
            &[(
                HONG_NGU,
                "category: \"Cải cách hành chính\"",
                "category: \"Chuyển đổi số\"",
            )],
            // Back to the built front matter, then a body edit: the
            // pages as built come back.
            &[(CHAU_DOC, "date: 2026-11-30", "date: 2020-12-17")],
            &[(
                CHAU_DOC,
                "## Ứng dụng công nghệ",
                "## Ứng dụng mới công nghệ",
            )],
            &[(
                CHAU_DOC,
                "## Ứng dụng mới công nghệ",
                "## Ứng dụng công nghệ",
            )],
        ],
    );
    all_done(&out);
    // The move to the top reached every page.
    assert!(rendered(&out[1]).contains(&"gioi-thieu/index.html".to_string()));
}

#[test]
fn a_broken_summary_fails_and_its_fix_shows_every_change_since() {
    let site = SiteTest::example();
    let out = steps(
        &site,
        &[
            &[(
                HONG_NGU,
                "summary: 'Trong",
                "summary: '{{ khong_co }} Trong",
            )],
            // Another article edited meanwhile, then the fix.
            &[(CHAU_DOC, "title: \"", "title: \"Mới: ")],
            &[(
                HONG_NGU,
                "summary: '{{ khong_co }} Trong",
                "summary: 'Nay trong",
            )],
        ],
    );
    assert_eq!(out[0], Step::Failed);
    assert_eq!(out[1], Step::Failed, "the broken summary is still there");
    let pages = rendered(&out[2]);
    assert!(pages.contains(&"tin-tuc/chau-doc-tong-ket-cchc-2020/index.html".to_string()));
    assert!(pages.contains(&"tin-tuc/hong-ngu-6-thang-2022/index.html".to_string()));
}

const HONG_NGU_DATA: &str = "content/data/dong-thap/hong-ngu-2022-h1.csv";
const VI_DU_DATA: &str = "content/data/vi-du/tinh-vi-du.yaml";
const CHAU_DOC_DATA: &str = "content/data/an-giang/chau-doc-2020.yaml";
const XA_DATA: &str = "content/data/vi-du/xa-phuong-tu-01-7-2025.csv";

#[test]
fn a_figure_edit_renders_the_pages_that_read_it() {
    let site = SiteTest::example();
    let out = steps(
        &site,
        &[&[(
            HONG_NGU_DATA,
            "hong-ngu,2022-H1,99.95",
            "hong-ngu,2022-H1,97.5",
        )]],
    );
    let pages = rendered(&out[0]);
    // Its article, its unit's page and the open data of the record; not
    // the articles of other units.
    assert!(pages.contains(&"tin-tuc/hong-ngu-6-thang-2022/index.html".to_string()));
    assert!(pages.contains(&"du-lieu/hong-ngu/2022-H1.csv".to_string()));
    assert!(
        !pages.contains(&"thong-bao/cong-khai-quy-iii-2025/index.html".to_string()),
        "{pages:?}"
    );
    let all = full(&site.root)
        .keys()
        .filter(|p| p.ends_with(".html"))
        .count();
    let html = pages.iter().filter(|p| p.ends_with(".html")).count();
    assert!(html * 2 < all, "{html} of {all} pages rendered: {pages:?}");
}

#[test]
fn data_edits_then_article_edits_match_a_full_build() {
    let site = SiteTest::example();
    let out = steps(
        &site,
        &[
            // The province's figures: its articles, summaries, charts of
            // other pages, the sidebar's cards.
            &[(VI_DU_DATA, "received: 236337", "received: 236999")],
            &[(VI_DU_DATA, "satisfaction: 93.8", "satisfaction: 91.2")],
            &[(CHAU_DOC_DATA, "resolved: ", "resolved: 1")],
            // Articles after the data: they render with the new figures.
            &[(HONG_NGU, "title: \"", "title: \"Sau số liệu: ")],
            &[(
                CHAU_DOC,
                "## Ứng dụng công nghệ",
                "## Ứng dụng mới công nghệ",
            )],
            &[(
                XA_DATA,
                "phuong-trung-tam,2025-07,2788",
                "phuong-trung-tam,2025-07,2790",
            )],
            // Back as built.
            &[(VI_DU_DATA, "received: 236999", "received: 236337")],
        ],
    );
    all_done(&out);
}

#[test]
fn a_record_added_needs_a_full_build() {
    let site = SiteTest::example();
    let out = steps(
        &site,
        &[&[(
            HONG_NGU_DATA,
            "hong-ngu,2022-H1,99.95",
            "hong-ngu,2022-H1,99.95\nhong-ngu,2021-H1,99.1",
        )]],
    );
    assert_eq!(out, [Step::Replan]);
}

#[test]
fn edits_that_change_which_pages_there_are_need_a_full_build() {
    for edit in [
        (HONG_NGU, "title: ", "slug: dia-chi-moi\ntitle: "),
        (HONG_NGU, "title: ", "draft: true\ntitle: "),
        (HONG_NGU, "tags: [", "tags: [\"Thẻ hoàn toàn mới\", "),
    ] {
        let site = SiteTest::example();
        assert_eq!(steps(&site, &[&[edit]]), [Step::Replan], "{edit:?}");
    }
}

#[test]
fn tag_edits_on_a_paginated_site_match_a_full_build() {
    let site = SiteTest::example().edit(
        "content/site.yaml",
        "language: vi\n",
        "language: vi\nper_page: 2\n",
    );
    let out = steps(
        &site,
        &[
            &[(HONG_NGU, "date: 2022-07-07", "date: 2025-11-07")],
            // One tag for another: each list's count changes by one, or
            // a list gains a page (then the site is built again).
            &[(HONG_NGU, "\"Chuyển đổi số\", ", "\"Sự hài lòng\", ")],
            &[(CHAU_DOC, "title: \"", "title: \"Sửa ")],
        ],
    );
    assert!(matches!(out[0], Step::Done(_)), "{out:?}");
    assert!(
        out.iter()
            .all(|s| matches!(s, Step::Done(_) | Step::Replan)),
        "{out:?}"
    );
}

#[test]
fn a_figure_edited_and_put_back_matches_a_full_build() {
    let site = SiteTest::example().edit(
        "content/site.yaml",
        "language: vi\n",
        "language: vi\nper_page: 2\n",
    );
    let out = steps(
        &site,
        &[
            &[(
                HONG_NGU_DATA,
                "hong-ngu,2022-H1,99.95",
                "hong-ngu,2022-H1,97.5",
            )],
            // Back as built: the pages that read it are as the build's.
            &[(
                HONG_NGU_DATA,
                "hong-ngu,2022-H1,97.5",
                "hong-ngu,2022-H1,99.95",
            )],
            &[(HONG_NGU, "title: \"", "title: \"Sửa ")],
            &[(
                HONG_NGU_DATA,
                "hong-ngu,2022-H1,99.95",
                "hong-ngu,2022-H1,96.5",
            )],
        ],
    );
    for (i, step) in out.iter().enumerate() {
        assert!(
            matches!(step, Step::Done(p) if !p.is_empty()),
            "step {i}: {step:?}"
        );
    }
}

#[test]
fn a_summary_rendered_for_an_article_edit_still_follows_its_figures() {
    // The title edit renders the year's summary with its figures' part
    // kept from the build: what that part read must still count, so the
    // data edit after it renders the summary again.
    let site = SiteTest::example();
    let out = steps(
        &site,
        &[
            &[(CHAU_DOC, "title: \"", "title: \"Sửa ")],
            // A record the summary shows and no article's summary reads.
            &[
                (CHAU_DOC_DATA, "resolved: 8712", "resolved: 8710"),
                (CHAU_DOC_DATA, "pending: 22", "pending: 24"),
            ],
        ],
    );
    all_done(&out);
    assert!(
        rendered(&out[1]).contains(&"tong-ket/2020/index.html".to_string()),
        "{:?}",
        out[1]
    );
}

#[test]
fn an_article_saved_twice_in_one_step_shows_its_last_version() {
    let site = SiteTest::example();
    let out = steps(
        &site,
        &[
            &[(HONG_NGU, "title: \"", "title: \"A ")],
            // After a first edit, the index is updated in place: with
            // the last of the two versions.
            &[
                (HONG_NGU, "title: \"A ", "title: \"B "),
                (HONG_NGU, "title: \"B ", "title: \"C "),
            ],
        ],
    );
    all_done(&out);
}

const PTT_2026: &str = "content/articles/tin-tuc/phuong-trung-tam-6-thang-2026.md";
const VI_DU_2024: &str = "content/articles/su-kien/vi-du-tong-ket-cchc-2024.md";

#[test]
fn titles_data_and_a_move_in_turn_match_a_full_build() {
    // In-place index updates before and after the article moves (its
    // date), with data edits between them, then everything put back.
    let site = SiteTest::example();
    all_done(&steps(
        &site,
        &[
            &[(HONG_NGU, "title: \"", "title: \"A ")],
            &[(
                HONG_NGU_DATA,
                "hong-ngu,2022-H1,99.95",
                "hong-ngu,2022-H1,97.5",
            )],
            &[(HONG_NGU, "title: \"A ", "title: \"B ")],
            &[(HONG_NGU, "date: 2022-07-07", "date: 2025-12-30")],
            &[(HONG_NGU, "title: \"B ", "title: \"C ")],
            &[(
                HONG_NGU_DATA,
                "hong-ngu,2022-H1,97.5",
                "hong-ngu,2022-H1,99.95",
            )],
            &[(HONG_NGU, "title: \"C ", "title: \"")],
            &[(HONG_NGU, "date: 2025-12-30", "date: 2022-07-07")],
        ],
    ));
}

#[test]
fn the_newest_article_edited_and_moved_matches_a_full_build() {
    // Every page's sidebar lists it: each move changes them all.
    let site = SiteTest::example();
    all_done(&steps(
        &site,
        &[
            &[(PTT_2026, "title: \"", "title: \"A ")],
            &[(PTT_2026, "date: 2026-07-06", "date: 2019-07-06")],
            &[(PTT_2026, "title: \"A ", "title: \"B ")],
            &[(PTT_2026, "date: 2019-07-06", "date: 2026-07-06")],
            &[(PTT_2026, "title: \"B ", "title: \"")],
        ],
    ));
}

#[test]
fn summaries_kept_across_data_and_article_edits_match_a_full_build() {
    let site = SiteTest::example();
    all_done(&steps(
        &site,
        &[
            &[(VI_DU_DATA, "received: 236337", "received: 236999")],
            &[(VI_DU_2024, "title: \"", "title: \"A ")],
            &[(VI_DU_2024, "title: \"A ", "title: \"B ")],
            &[(CHAU_DOC_DATA, "resolved: 8712", "resolved: 8710")],
            &[(CHAU_DOC, "title: \"", "title: \"C ")],
            &[(VI_DU_DATA, "received: 236999", "received: 236337")],
            &[(CHAU_DOC_DATA, "resolved: 8710", "resolved: 8712")],
            &[(CHAU_DOC, "title: \"C ", "title: \"")],
        ],
    ));
}
