//! Building a good site: the pages, the figures as Vietnamese text, links.

mod common;
use common::*;

fn built() -> SiteTest {
    let site = SiteTest::fixture("good");
    site.build().succeeds();
    site
}

#[test]
fn article_page_shows_computed_figures_in_vietnamese_format() {
    let site = built();
    let doc = site.html("tin-tuc/thuan-an-9-thang/index.html");
    assert_eq!(texts(&doc, "h1"), ["Thuận An: kết quả 9 tháng"]);
    assert_eq!(
        texts(&doc, ".bc-article__date time"),
        ["Thứ Năm, 26/10/2023 | 07:00 GMT+7"]
    );
    assert_eq!(
        attrs(&doc, ".bc-article__date time", "datetime"),
        ["2023-10-26T07:00:00+07:00"]
    );
    assert_eq!(
        texts(&doc, ".bc-article__lead"),
        ["Tiếp nhận 10.551 hồ sơ, trước hạn 82,34%."]
    );
    assert_eq!(texts(&doc, ".bc-article__author"), ["Hà Thu – Minh Trí"]);
    assert_eq!(
        texts(&doc, ".bc-article__category"),
        ["Tin Ủy ban nhân dân"]
    );
    assert_eq!(
        texts(&doc, ".bc-article__source"),
        ["Nguồn số liệu: Báo cáo số 245/BC-UBND"]
    );
    let body = texts(&doc, ".bc-prose").join(" ");
    for expected in [
        "Trong 9 tháng đầu năm 2023, Thành phố Thuận An & vùng <lân cận> tiếp nhận 10.551 hồ sơ.",
        "Sớm hạn 8.906 (82,34%); quá hạn 272.",
        "Thanh toán 4,7 triệu đồng. Đã giải quyết 99,6%.",
        "Hồng Ngự đạt 99,95%, Cần Giuộc có 275 thủ tục.",
        "{{ nguyên văn }}",
    ] {
        assert!(body.contains(expected), "{expected:?} not in {body}");
    }
    // The unit name's `&` and `<` stay text, not markup.
    assert_eq!(texts(&doc, ".bc-prose strong"), ["10.551"]);
    assert_eq!(texts(&doc, ".bc-prose td"), ["Hồ sơ đang giải quyết", "40"]);
}

#[test]
fn markdown_gets_heading_ids_footnotes_and_rewritten_links() {
    let site = built();
    let doc = site.html("tin-tuc/thuan-an-9-thang/index.html");
    assert_eq!(attrs(&doc, ".bc-prose h2", "id"), ["ket-qua-giai-quyet"]);
    assert_eq!(attrs(&doc, ".bc-footnote", "id"), ["fn-nguon"]);
    assert_eq!(attrs(&doc, ".bc-footnote-ref a", "href"), ["#fn-nguon"]);
    let links = attrs(&doc, ".bc-prose a:not(.bc-footnote-ref a)", "href");
    assert_eq!(
        links,
        [
            "../../su-kien/2023/lao-cai-nam-2023/#ket-qua",
            "../../gioi-thieu/"
        ]
    );
    let page = site.html("gioi-thieu/index.html");
    assert_eq!(
        attrs(&page, ".bc-prose a", "href"),
        ["../tin-tuc/thuan-an-9-thang/", "../"]
    );
}

#[test]
fn compare_against_the_same_period_and_prev() {
    let site = built();
    let doc = site.html("su-kien/2023/lao-cai-nam-2023/index.html");
    let body = texts(&doc, ".bc-prose p").join(" ");
    assert!(
        body.contains("Tiếp nhận 83.786 hồ sơ, tăng 17.582 hồ sơ (+26,56%) so với cùng kỳ."),
        "{body}"
    );
    assert!(
        body.contains(
            "Trực tuyến 54,76%, tăng 12,3 điểm phần trăm so với cùng kỳ; năm trước 66.204."
        ),
        "{body}"
    );
}

#[test]
fn urls_follow_folders_slugs_and_pages() {
    let site = built();
    for page in [
        "index.html",
        "trang/2/index.html",
        "tin-tuc/index.html",
        "tin-tuc/thuan-an-9-thang/index.html",
        "tin-tuc/thong-bao/index.html",
        "su-kien/index.html",
        "su-kien/2023/index.html",
        "su-kien/2023/lao-cai-nam-2023/index.html",
        "gioi-thieu/index.html",
        "files/huong-dan.txt",
        "css/baocao.css",
    ] {
        assert!(site.out().join(page).is_file(), "{page} missing");
    }
    assert!(
        !site.out().join("tin-tuc/ban-nhap").exists(),
        "drafts are not built"
    );
    assert!(!site.out().join("tin-tuc/_index").exists());
    assert_eq!(site.read("files/huong-dan.txt"), "Hướng dẫn nộp hồ sơ.\n");
}

#[test]
fn home_lists_newest_first_with_pagination_and_the_portal_frame() {
    let site = built();
    let home = site.html("index.html");
    // The newest is the lead article; the list holds the rest of the page.
    assert_eq!(texts(&home, ".bc-lead__title"), ["Lào Cai: 83.786 hồ sơ"]);
    assert_eq!(
        attrs(&home, ".bc-lead__title a", "href"),
        ["su-kien/2023/lao-cai-nam-2023/"]
    );
    assert_eq!(
        texts(&home, ".bc-list__title"),
        ["Thuận An: kết quả 9 tháng"]
    );
    assert_eq!(
        attrs(&home, ".bc-list__title a", "href"),
        ["tin-tuc/thuan-an-9-thang/"]
    );
    assert_eq!(
        attrs(&home, ".bc-pagination a[rel=next]", "href"),
        ["trang/2/"]
    );
    let second = site.html("trang/2/index.html");
    assert_eq!(
        texts(&second, ".bc-list__title"),
        ["Thông báo lịch tiếp công dân"]
    );
    assert_eq!(
        attrs(&second, ".bc-pagination a[rel=prev]", "href"),
        ["../../"]
    );
    assert_eq!(attrs(&home, "html", "lang"), ["vi"]);
    assert_eq!(attrs(&home, ".bc-skip-link", "href"), ["#noi-dung"]);
    assert_eq!(attrs(&home, "main", "id"), ["noi-dung"]);
    let footer = texts(&home, ".bc-footer").join(" ");
    for part in [
        "Ủy ban nhân dân thành phố Thử",
        "Trưởng Ban biên tập",
        "1 Đường Chính",
        "0200 000 000",
        "bbt@thu.example.gov.vn",
        "Giấy phép số 01/GP-TTĐT",
    ] {
        assert!(footer.contains(part), "{part} not in footer");
    }
    let article = site.html("tin-tuc/thuan-an-9-thang/index.html");
    assert_eq!(
        attrs(&article, ".bc-nav__link", "href"),
        ["../../", "../../tin-tuc/", "../../gioi-thieu/"]
    );
    assert_eq!(
        attrs(&article, ".bc-nav__link[aria-current]", "href"),
        ["../../tin-tuc/"]
    );
    assert_eq!(
        texts(&article, ".bc-breadcrumb__item"),
        ["Trang chủ", "Tin tức", "Thuận An: kết quả 9 tháng"]
    );
    assert_eq!(
        attrs(&article, "link[rel=stylesheet]", "href"),
        ["../../css/baocao.css"]
    );
    assert_eq!(
        texts(&article, "section[aria-labelledby=tin-lien-quan] a"),
        ["Lào Cai: 83.786 hồ sơ"]
    );
    assert_eq!(
        texts(&article, "section[aria-labelledby=tin-khac] a"),
        ["Thông báo lịch tiếp công dân"]
    );
}

#[test]
fn sections_list_their_articles_with_the_index_page_intro() {
    let site = built();
    let sec = site.html("tin-tuc/index.html");
    assert_eq!(texts(&sec, "h1"), ["Tin tức"]);
    assert_eq!(texts(&sec, ".bc-prose"), ["Giới thiệu chuyên mục."]);
    assert_eq!(
        texts(&sec, ".bc-list__title"),
        ["Thuận An: kết quả 9 tháng", "Thông báo lịch tiếp công dân"]
    );
    let nested = site.html("su-kien/index.html");
    assert_eq!(texts(&nested, ".bc-list__title"), ["Lào Cai: 83.786 hồ sơ"]);
}

#[test]
fn drafts_are_built_with_the_flag() {
    let site = SiteTest::fixture("good");
    site.build_with(&["--drafts"]).succeeds();
    assert_eq!(
        texts(&site.html("tin-tuc/ban-nhap/index.html"), "h1"),
        ["Bản nháp"]
    );
}

#[test]
fn base_url_with_a_sub_path_keeps_links_relative() {
    let site = SiteTest::fixture("good");
    site.build_with(&["--base-url", "https://thu.example.gov.vn/cchc"])
        .succeeds();
    let doc = site.html("tin-tuc/thuan-an-9-thang/index.html");
    assert_eq!(
        attrs(&doc, "link[rel=canonical]", "href"),
        ["https://thu.example.gov.vn/cchc/tin-tuc/thuan-an-9-thang/"]
    );
    let html = site.read("tin-tuc/thuan-an-9-thang/index.html");
    assert!(!html.contains("href=\"/"), "no root-absolute links");
}

#[test]
fn spreadsheet_columns_are_reported_when_skipped() {
    let site = SiteTest::fixture("good");
    site.build()
        .succeeds()
        .stderr_has("warning: unknown column `Ghi chú` is skipped")
        .stderr_has("--> content/data/hong-ngu.csv:1:45");
}

#[test]
fn check_renders_in_memory_and_writes_nothing() {
    let site = SiteTest::fixture("good");
    let out = site.check();
    out.succeeds();
    assert!(out.stdout.contains("checked 22 pages"), "{}", out.stdout);
    assert!(!site.out().exists());
}

#[test]
fn the_bundled_example_site_builds_without_warnings() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = tempfile::tempdir().unwrap();
    let site = SiteTest::fixture("good");
    let outcome = site.run(&[
        "build",
        "--root",
        root,
        "--output",
        out.path().join("o").to_str().unwrap(),
        "--strict",
    ]);
    outcome.succeeds().stderr_lacks("warning");
    let doc = Html::parse_document(
        &std::fs::read_to_string(
            out.path()
                .join("o/tin-tuc/lao-cai-trung-tam-pvhcc-2023/index.html"),
        )
        .unwrap(),
    );
    let body = texts(&doc, ".bc-prose").join(" ");
    assert!(
        body.contains("83.786 hồ sơ, tăng 17.582 hồ sơ (+26,56%) so với cùng kỳ"),
        "{body}"
    );
    assert!(
        body.contains("54,76%, tăng 12,3 điểm phần trăm so với cùng kỳ"),
        "{body}"
    );
}

#[test]
fn a_section_whose_name_ends_in_trang_is_not_a_pagination_page() {
    let site = SiteTest::fixture("good").write(
        "content/articles/tinh-trang/ho-so.md",
        "---\ntitle: Tình trạng hồ sơ\ndate: 2023-02-01\n---\nNội dung.\n",
    );
    site.build().succeeds();
    let sec = site.html("tinh-trang/index.html");
    assert_eq!(texts(&sec, ".bc-list__title"), ["Tình trạng hồ sơ"]);
    assert_eq!(texts(&sec, "h1"), ["Tinh trang"]);
    // A date without a time shows no invented time.
    let doc = site.html("tinh-trang/ho-so/index.html");
    assert_eq!(texts(&doc, ".bc-article__date"), ["Thứ Tư, 01/02/2023"]);
}

#[test]
fn a_heading_named_like_a_landmark_does_not_take_its_id() {
    let site = SiteTest::fixture("good").edit(
        "content/articles/tin-tuc/thong-bao.md",
        "Không có số liệu.",
        "## Nội dung\n\nKhông có số liệu.",
    );
    site.build().succeeds();
    let doc = site.html("tin-tuc/thong-bao/index.html");
    assert_eq!(attrs(&doc, "#noi-dung", "class"), ["bc-main"]);
    assert_eq!(attrs(&doc, ".bc-prose h2", "id"), ["noi-dung-1"]);
}

#[test]
fn long_lists_link_a_window_of_pages_not_every_page() {
    let mut site = SiteTest::fixture("good");
    for i in 0..40 {
        site = site.write(
            &format!("content/articles/tin-tuc/bai-{i:02}.md"),
            &format!(
                "---\ntitle: Bài {i}\ndate: 2022-01-{:02}\n---\nNội dung.\n",
                i % 28 + 1
            ),
        );
    }
    site.build().succeeds();
    let home = site.html("index.html");
    let links = texts(&home, ".bc-pagination__item");
    // Pages 1–3 around the first, and the last; a gap marks what is left out.
    assert!(links.len() <= 7, "{links:?}");
    assert_eq!(links.first().map(String::as_str), Some("1"));
    assert_eq!(links.last().map(String::as_str), Some("22"));
    assert_eq!(texts(&home, ".bc-pagination__gap").len(), 1);
    let middle = site.html("trang/11/index.html");
    let links = texts(&middle, ".bc-pagination__item");
    assert_eq!(links, ["1", "9", "10", "11", "12", "13", "22"]);
    assert_eq!(texts(&middle, ".bc-pagination__gap").len(), 2);
}

#[test]
fn data_files_read_like_import_utf16_and_tabs() {
    // Excel's "Unicode Text": UTF-16 with a byte-order mark, tab-separated.
    let text = "unit\tperiod\treceived\r\nhong-ngu\t2023-9M\t1.234\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let site = SiteTest::fixture("good")
        .write_bytes("content/data/unicode.csv", &bytes)
        .write(
            "content/articles/hn.md",
            "---\ntitle: HN\ndate: 2023-10-01\nunit: hong-ngu\nperiod: 2023-9M\n---\n{{ data.received | num }} hồ sơ\n",
        );
    site.build().succeeds();
    assert!(site.read("hn/index.html").contains("1.234 hồ sơ"));
}
