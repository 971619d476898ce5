//! Tag, category, period and unit pages, the yearly summary, and the
//! yearly summary site of `build --year`, on the `portal` fixture: a
//! province, three communes and a centre, with records and articles of
//! 2022, 2023 and 2024.

mod common;
use common::*;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn built() -> SiteTest {
    let site = SiteTest::fixture("portal");
    site.build().succeeds();
    site
}

fn built_for(year: &str) -> SiteTest {
    let site = SiteTest::fixture("portal");
    site.build_with(&["--year", year]).succeeds();
    site
}

/// The titles of the articles a list page shows.
fn listed(doc: &Html) -> Vec<String> {
    texts(doc, ".bc-list__title")
}

/// Every file of the output, as paths relative to it.
fn files(out: &Path) -> BTreeSet<String> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(out)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}

/// Every internal link (`href`, `src`) of every HTML page: the page and
/// the output path it leads to (`…/` is the folder's `index.html`).
fn internal_links(out: &Path) -> Vec<(String, String)> {
    let mut links = Vec::new();
    for page in files(out).into_iter().filter(|f| f.ends_with(".html")) {
        // The page for missing URLs links from the site's root, wherever a
        // server shows it.
        if page == "404.html" {
            continue;
        }
        let doc = Html::parse_document(&std::fs::read_to_string(out.join(&page)).unwrap());
        let found = attrs(&doc, "[href]", "href")
            .into_iter()
            .chain(attrs(&doc, "[src]", "src"));
        for link in found {
            if link.contains("://")
                || link.starts_with('#')
                || link.starts_with("mailto:")
                || link.starts_with("tel:")
            {
                continue;
            }
            let path = link.split(['#', '?']).next().unwrap();
            let mut target = PathBuf::from(&page);
            target.pop();
            for part in path.split('/') {
                match part {
                    "" | "." => {}
                    ".." => assert!(target.pop(), "{page}: {link} leaves the site"),
                    p => target.push(p),
                }
            }
            let mut target = target.to_string_lossy().replace('\\', "/");
            if path.is_empty() || path.ends_with('/') {
                target = if target.is_empty() {
                    "index.html".into()
                } else {
                    format!("{target}/index.html")
                };
            }
            links.push((page.clone(), target));
        }
    }
    links
}

/// Asserts that every internal link of the output resolves to a file of
/// it. Open-data files (`du-lieu/`) are made by the open-data family:
/// until a build makes them, links to them are left out of the check.
fn assert_links_resolve(out: &Path) {
    let have = files(out);
    let data_made = have.iter().any(|f| f.starts_with("du-lieu/"));
    let broken: Vec<String> = internal_links(out)
        .into_iter()
        .filter(|(_, target)| !have.contains(target))
        .filter(|(_, target)| data_made || !target.starts_with("du-lieu/"))
        .map(|(page, target)| format!("{page} → {target}"))
        .collect();
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn tag_pages_list_the_articles_of_tags_that_slug_alike_with_pagination() {
    let site = built();
    let page1 = site.html("chu-de/cai-cach-hanh-chinh/index.html");
    // "Cải cách hành chính" and "cải cách hành chính" are one tag; newest
    // first, two a page.
    assert_eq!(texts(&page1, "h1"), ["Chủ đề: Cải cách hành chính"]);
    assert_eq!(
        listed(&page1),
        [
            "Xã Cát: 9 tháng đầu năm 2023",
            "Hội nghị cải cách hành chính"
        ]
    );
    assert_eq!(
        attrs(&page1, "head link[rel=next]", "href"),
        ["../../chu-de/cai-cach-hanh-chinh/trang/2/"]
    );
    let page2 = site.html("chu-de/cai-cach-hanh-chinh/trang/2/index.html");
    assert_eq!(listed(&page2), ["Xã An: kết quả năm 2022"]);
    assert_eq!(
        attrs(&page2, "head link[rel=prev]", "href"),
        ["../../../../chu-de/cai-cach-hanh-chinh/"]
    );
    assert!(attrs(&page2, "head link[rel=next]", "href").is_empty());
    assert_eq!(
        texts(&page2, ".bc-breadcrumb__item"),
        ["Trang chủ", "Chủ đề: Cải cách hành chính"]
    );
    assert_eq!(
        listed(&site.html("chu-de/chuyen-doi-so/index.html")),
        ["Xã An: quý I năm 2024", "Tỉnh Mẫu tổng kết năm 2023"]
    );
}

#[test]
fn category_and_period_pages_list_their_articles() {
    let site = built();
    let doc = site.html("chuyen-muc/tin-dia-phuong/index.html");
    assert_eq!(texts(&doc, "h1"), ["Chuyên mục: Tin địa phương"]);
    assert_eq!(
        listed(&doc),
        ["Xã Cát: 9 tháng đầu năm 2023", "Xã An: kết quả năm 2022"]
    );
    assert_eq!(
        listed(&site.html("chuyen-muc/tin-tinh/index.html")),
        ["Tỉnh Mẫu tổng kết năm 2023", "Ngày hội chuyển đổi số 2022"]
    );
    let doc = site.html("ky-bao-cao/2023-9M/index.html");
    assert_eq!(texts(&doc, "h1"), ["Kỳ báo cáo: 9 tháng đầu năm 2023"]);
    assert_eq!(listed(&doc), ["Xã Cát: 9 tháng đầu năm 2023"]);
    // A period's page leads to the summary of its year.
    assert_eq!(
        attrs(&doc, ".bc-breadcrumb a", "href"),
        ["../../", "../../tong-ket/2023/"]
    );
    assert_eq!(
        listed(&site.html("ky-bao-cao/2023/index.html")),
        ["Tỉnh Mẫu tổng kết năm 2023"]
    );
}

#[test]
fn articles_link_their_tags_category_unit_and_period() {
    let site = built();
    let doc = site.html("tin-tuc/a-2022/index.html");
    assert_eq!(
        attrs(&doc, ".bc-tags a", "href"),
        [
            "../../chu-de/cai-cach-hanh-chinh/",
            "../../chu-de/chuyen-doi-so/"
        ]
    );
    assert_eq!(
        texts(&doc, ".bc-tags a"),
        ["Cải cách hành chính", "Chuyển đổi số"]
    );
    assert_eq!(
        attrs(&doc, ".bc-article__category a", "href"),
        ["../../chuyen-muc/tin-dia-phuong/"]
    );
    assert_eq!(
        attrs(&doc, ".bc-article__about a", "href"),
        ["../../don-vi/xa-a/", "../../ky-bao-cao/2022/"]
    );
    // The tag written in lower case leads to the same page.
    let doc = site.html("tin-tuc/d-2023/index.html");
    assert_eq!(
        attrs(&doc, ".bc-tags a", "href"),
        ["../../chu-de/cai-cach-hanh-chinh/"]
    );
}

#[test]
fn a_unit_page_has_its_articles_trends_and_records_with_downloads() {
    let site = built();
    let doc = site.html("don-vi/xa-a/index.html");
    assert_eq!(texts(&doc, "h1"), ["Xã An"]);
    assert_eq!(
        listed(&doc),
        ["Xã An: quý I năm 2024", "Xã An: kết quả năm 2022"]
    );
    assert_eq!(
        texts(&doc, ".bc-breadcrumb__item"),
        ["Trang chủ", "Tỉnh Mẫu", "Xã An"]
    );
    assert_eq!(
        attrs(&doc, ".bc-unit__family a", "href"),
        ["../../don-vi/tinh/"]
    );
    // Received over the years (2022, 2023): the span it reports most.
    let trends = texts(&doc, ".bc-chart--trend .bc-chart__title");
    assert_eq!(
        trends,
        [
            "Hồ sơ tiếp nhận",
            "Tỷ lệ giải quyết đúng và trước hạn",
            "Tỷ lệ hồ sơ trực tuyến"
        ]
    );
    let periods = texts(&doc, ".bc-chart--trend .bc-chart__period");
    assert_eq!(periods[0], "Năm 2022 – năm 2023");
    // Every record, newest first, with its open-data files.
    assert_eq!(
        texts(&doc, ".bc-records tbody th"),
        ["Quý I/2024", "Năm 2023", "6 tháng đầu năm 2023", "Năm 2022"]
    );
    let downloads = attrs(&doc, ".bc-records__files a", "href");
    assert_eq!(downloads.len(), 8);
    assert_eq!(downloads[0], "../../du-lieu/xa-a/2024-Q1.csv");
    assert_eq!(downloads[1], "../../du-lieu/xa-a/2024-Q1.json");
    assert_eq!(downloads[7], "../../du-lieu/xa-a/2022.json");
    // One column, one precision; a missing figure is marked, not 0.
    let rows = summary_rows(&doc, ".bc-records tbody tr");
    assert_eq!(rows[0][..3], ["Quý I/2024", "300", "90"]);
    assert_eq!(rows[1][..3], ["Năm 2023", "1.200", "300"]);
    assert_eq!(rows[2][..4], ["6 tháng đầu năm 2023", "550", "120", "–"]);

    // The province's page lists the units under it that have pages.
    let doc = site.html("don-vi/tinh/index.html");
    assert_eq!(
        texts(&doc, ".bc-unit__children a"),
        [
            "Xã An",
            "Xã Bình",
            "Xã Cát",
            "Trung tâm Phục vụ hành chính công tỉnh"
        ]
    );
    // A unit with one reporting period has no trend.
    let doc = site.html("don-vi/xa-c/index.html");
    assert!(texts(&doc, ".bc-chart--trend").is_empty());
    assert_eq!(
        texts(&doc, ".bc-records tbody th"),
        ["9 tháng đầu năm 2023"]
    );
}

/// The summary table's rows: unit, period, then the figures.
fn summary_rows(doc: &Html, css: &str) -> Vec<Vec<String>> {
    let row = Selector::parse(css).unwrap();
    let cell = Selector::parse("th, td").unwrap();
    doc.select(&row)
        .map(|r| {
            r.select(&cell)
                .map(|c| c.text().collect::<String>().trim().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn the_yearly_summary_has_every_unit_totals_that_add_up_and_rankings() {
    let site = built();
    let doc = site.html("tong-ket/2023/index.html");
    assert_eq!(texts(&doc, "h1"), ["Tổng kết năm 2023"]);
    assert_eq!(
        texts(&doc, ".bc-summary__table thead th"),
        [
            "Đơn vị",
            "Kỳ số liệu",
            "Tiếp nhận",
            "Trực tuyến",
            "Đã giải quyết",
            "Quá hạn",
            "Tỷ lệ đúng hạn",
            "Tỷ lệ trực tuyến",
            "Hài lòng"
        ]
    );
    // Every unit with figures of the year, in the order of the tree; the
    // whole year where there is one, else the latest period from January.
    let rows = summary_rows(&doc, ".bc-summary__table tbody tr");
    let shown: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(
        shown,
        [
            ("Tỉnh Mẫu", "Năm 2023"),
            ("Xã An", "Năm 2023"),
            ("Xã Bình", "Năm 2023"),
            ("Xã Cát", "9 tháng đầu năm 2023")
        ]
    );
    assert_eq!(
        rows[1][2..],
        ["1.200", "300", "1.000", "20", "98,00%", "25%", "98,0%"]
    );
    assert_eq!(
        attrs(&doc, ".bc-summary__table tbody th a", "href")[3],
        "../../don-vi/xa-c/"
    );
    // The centre has only a quarter: named, not summed in.
    assert_eq!(
        texts(&doc, ".bc-summary__section .bc-summary__note a"),
        ["Trung tâm Phục vụ hành chính công tỉnh"]
    );
    // One total: the two communes of the whole year (the province is not
    // added to its own communes, the 9-month commune not to the years).
    // Counts summed; rates from the sums: (1.100 + 580) / 1.750 = 96%,
    // 700 / 2.000 = 35%, not the means 95,67% and 37,5%; satisfaction has
    // no formula, so no total.
    let totals = summary_rows(&doc, ".bc-summary__table tfoot tr");
    assert_eq!(
        totals,
        [[
            "Cộng 2 đơn vị thuộc Tỉnh Mẫu",
            "Năm 2023",
            "2.000",
            "700",
            "1.750",
            "70",
            "96,00%",
            "35%",
            "–"
        ]]
    );
    // Sortable with a script: numbers as data, missing ones empty.
    assert_eq!(
        attrs(&doc, "table[data-module=bc-sortable]", "data-module").len(),
        1
    );
    assert_eq!(
        attrs(
            &doc,
            ".bc-summary__table tbody tr:nth-child(4) td",
            "data-sort"
        )[6],
        ""
    );
    assert_eq!(
        attrs(&doc, "script[src]", "src"),
        ["../../js/sort-table.js"]
    );
    assert!(site.read("js/sort-table.js").contains("aria-sort"));

    // Rankings: best first, ties share a rank, only units with the metric.
    let rankings: Vec<Vec<String>> = {
        let list = Selector::parse(".bc-ranking").unwrap();
        doc.select(&list)
            .map(|r| {
                let html = Html::parse_fragment(&r.html());
                texts(&html, "li a")
            })
            .collect()
    };
    assert_eq!(
        rankings,
        [
            vec!["Xã Cát", "Xã An", "Tỉnh Mẫu", "Xã Bình"],
            vec!["Xã Bình", "Tỉnh Mẫu", "Xã An", "Xã Cát"],
            vec!["Xã An", "Tỉnh Mẫu", "Xã Bình"],
        ]
    );
    assert_eq!(
        attrs(&doc, ".bc-ranking:nth-of-type(2) li", "value"),
        ["1", "2", "3", "3"]
    );
    // Comparison charts, of one period each.
    assert_eq!(texts(&doc, ".bc-chart--compare").len(), 3);
    assert_eq!(
        texts(&doc, ".bc-chart--compare .bc-chart__period"),
        ["Năm 2023", "Năm 2023", "Năm 2023"]
    );
    // The year's articles: by period, else by date.
    assert_eq!(
        texts(&doc, ".bc-summary__articles a"),
        [
            "Tỉnh Mẫu tổng kết năm 2023",
            "Xã Cát: 9 tháng đầu năm 2023",
            "Hội nghị cải cách hành chính"
        ]
    );
    let links = attrs(&doc, ".bc-summary__links a", "href");
    assert_eq!(
        links,
        [
            "../../du-lieu/2023.csv",
            "../../tong-ket/2022/",
            "../../tong-ket/2024/"
        ]
    );
    assert!(
        site.read("css/baocao.css").contains("@page { size: A4"),
        "the summary prints on A4"
    );
}

#[test]
fn every_internal_link_of_the_full_site_resolves() {
    let site = built();
    assert_links_resolve(&site.out());
}

#[test]
fn a_yearly_site_holds_the_year_only_and_every_link_resolves() {
    let site = built_for("2023");
    let out = site.out();
    let have = files(&out);
    // The summary is the home page.
    let home = site.html("index.html");
    assert_eq!(texts(&home, "h1"), ["Tổng kết năm 2023"]);
    assert_eq!(summary_rows(&home, ".bc-summary__table tbody tr").len(), 4);
    // Only the year's articles (by period, else by date).
    for kept in [
        "tin-tuc/b-2023/index.html",
        "tin-tuc/c-2023/index.html",
        "tin-tuc/d-2023/index.html",
        "tong-ket/2023/index.html",
        "ky-bao-cao/2023-9M/index.html",
        "don-vi/trung-tam/index.html",
        "gioi-thieu/index.html",
    ] {
        assert!(have.contains(kept), "{kept} is missing");
    }
    let other_years = [
        "tin-tuc/a-2022/",
        "tin-tuc/e-2024/",
        "su-kien/",
        "tong-ket/2022/",
        "tong-ket/2024/",
        "ky-bao-cao/2022/",
        "ky-bao-cao/2024-Q1/",
        "trang/2/",
    ];
    for gone in other_years {
        assert!(
            !have.contains(&format!("{gone}index.html")),
            "{gone} belongs to another year"
        );
    }
    // No page links to another year: menus drop such entries, bodies lead
    // to the summary instead, lists hold the year's articles only.
    for (page, target) in internal_links(&out) {
        for gone in other_years {
            assert!(!target.starts_with(gone), "{page} links to {target}");
        }
        if let Some(data) = target.strip_prefix("du-lieu/") {
            assert!(
                data == "2023.csv" || data.contains("/2023"),
                "{page} links to the data of another year: {target}"
            );
        }
    }
    assert_links_resolve(&out);
    assert_eq!(
        texts(&home, ".bc-nav__link"),
        ["Trang chủ", "Tin tức", "Giới thiệu"]
    );
    assert_eq!(
        attrs(&site.html("gioi-thieu/index.html"), ".bc-prose a", "href"),
        ["../", "../tin-tuc/c-2023/", "../"]
    );
    // Lists and unit pages of the year only.
    assert_eq!(
        listed(&site.html("chu-de/chuyen-doi-so/index.html")),
        ["Tỉnh Mẫu tổng kết năm 2023"]
    );
    let unit = site.html("don-vi/xa-a/index.html");
    assert_eq!(
        texts(&unit, ".bc-records tbody th"),
        ["Năm 2023", "6 tháng đầu năm 2023"]
    );
    assert!(listed(&unit).is_empty());
    let feed = site.read("feed.xml");
    assert!(
        !feed.contains("a-2022") && !feed.contains("e-2024"),
        "{feed}"
    );
    let sitemap = site.read("sitemap.xml");
    assert!(
        !sitemap.contains("2022") && !sitemap.contains("2024"),
        "{sitemap}"
    );
}

#[test]
fn a_yearly_site_of_a_year_without_records_or_articles_is_an_error() {
    let site = SiteTest::fixture("portal");
    site.build_with(&["--year", "2019"])
        .fails()
        .stderr_has("error: there are no records or articles of 2019 to build a yearly site from")
        .stderr_has("hint: years with records or articles: 2022, 2023, 2024");
    assert!(!site.out().join("index.html").exists());
    let vi = site.run_in(
        "vi",
        &[
            "build",
            "--root",
            site.root.to_str().unwrap(),
            "--year",
            "2019",
        ],
    );
    assert_eq!(vi.code, 1);
    assert!(
        vi.plain
            .contains("không có số liệu hay bài viết nào của năm 2019 để dựng trang tổng kết năm"),
        "{}",
        vi.stderr
    );
}
