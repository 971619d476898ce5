//! The portal theme: the frame every page shares (skip link, banner search,
//! menu without script, sidebar, footer, favicon), the article page (lead
//! image, captions, tools, share links, meta and JSON-LD) and the home
//! page (lead article, figure highlights).

mod common;
use common::*;

const ARTICLE: &str = "content/articles/tin-tuc/thuan-an-9-thang.md";
const LAO_CAI: &str = "content/articles/su-kien/2023/lao-cai.md";

/// A PNG header that says 800×450: enough for the size in `<img>`.
fn png() -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    b.extend(800u32.to_be_bytes());
    b.extend(450u32.to_be_bytes());
    b.extend([8, 2, 0, 0, 0]);
    b
}

fn one(doc: &Html, css: &str) -> usize {
    doc.select(&Selector::parse(css).unwrap()).count()
}

fn meta(doc: &Html, css: &str) -> String {
    let v = attrs(doc, css, "content");
    assert_eq!(v.len(), 1, "{css}: {v:?}");
    v[0].clone()
}

/// The good fixture with a lead image and a captioned image in the body of
/// the Thuận An article.
fn illustrated() -> SiteTest {
    SiteTest::fixture("good")
        .write_bytes("content/static/images/hoi-nghi.png", &png())
        .edit(
            ARTICLE,
            "author:",
            "image: images/hoi-nghi.png\nimage_alt: \"Quang cảnh hội nghị\"\nimage_caption: \"Hội nghị sơ kết 9 tháng <năm 2023>\"\nauthor:",
        )
        .edit(
            ARTICLE,
            "## Kết quả giải quyết",
            "![Quầy một cửa](../../static/images/hoi-nghi.png \"Bộ phận tiếp nhận & trả kết quả\")\n\n## Kết quả giải quyết",
        )
}

#[test]
fn every_page_has_the_skip_link_menu_search_and_favicon() {
    let site = SiteTest::fixture("good");
    site.build().succeeds();
    for (page, root) in [
        ("index.html", ""),
        ("tin-tuc/index.html", "../"),
        ("tin-tuc/thuan-an-9-thang/index.html", "../../"),
        ("gioi-thieu/index.html", "../"),
    ] {
        let doc = site.html(page);
        assert_eq!(
            attrs(&doc, "a.bc-skip-link", "href"),
            ["#noi-dung"],
            "{page}"
        );
        assert_eq!(attrs(&doc, "main", "id"), ["noi-dung"], "{page}");
        // The menu is a disclosure: it opens on a phone without script.
        assert_eq!(one(&doc, "nav.bc-nav details > summary"), 1, "{page}");
        assert_eq!(
            texts(&doc, "nav.bc-nav details .bc-nav__link"),
            ["Trang chủ", "Tin tức", "Giới thiệu"],
            "{page}"
        );
        // The banner's search box is a GET form to the search page, `q`.
        let search = format!("header form[role=search][method=get][action=\"{root}tim-kiem/\"]");
        assert_eq!(one(&doc, &search), 1, "{page}");
        assert_eq!(
            attrs(&doc, &format!("{search} input[type=search]"), "name"),
            ["q"]
        );
        let input = attrs(&doc, &format!("{search} input"), "id");
        assert_eq!(
            attrs(&doc, &format!("{search} label"), "for"),
            input,
            "{page}: the search box has a label"
        );
        assert_eq!(
            attrs(&doc, "link[rel=icon][type=\"image/svg+xml\"]", "href"),
            [format!("{root}favicon.svg")]
        );
        assert_eq!(
            attrs(&doc, "link[rel=stylesheet]", "href"),
            [format!("{root}css/baocao.css")]
        );
        // A sidebar beside the main column, with a search box of its own.
        assert_eq!(
            one(&doc, "aside.bc-sidebar form[role=search] input[name=q]"),
            1
        );
        assert!(!texts(&doc, "aside.bc-sidebar .bc-sidebar__item a").is_empty());
    }
    assert!(site.read("favicon.svg").starts_with("<svg"));
    // Ids are unique on a page with two search boxes.
    let doc = site.html("index.html");
    let ids = attrs(&doc, "[id]", "id");
    let unique: std::collections::BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
}

#[test]
fn a_site_theme_replaces_the_favicon() {
    let site = SiteTest::fixture("good")
        .edit(
            "content/site.yaml",
            "language: vi",
            "language: vi\ntheme: rieng",
        )
        .write("themes/rieng/static/favicon.svg", "<svg id=\"rieng\"/>");
    site.build().succeeds();
    assert_eq!(site.read("favicon.svg"), "<svg id=\"rieng\"/>");
}

#[test]
fn the_footer_links_real_contacts_and_never_placeholders() {
    let site = SiteTest::fixture("good")
        .edit(
            "content/site.yaml",
            "phone: \"0200 000 000\"",
            "phone: \"(điện thoại)\"",
        )
        .edit(
            "content/site.yaml",
            "email: \"bbt@thu.example.gov.vn\"",
            "email: \"(thư điện tử)\"",
        );
    site.build().succeeds();
    let doc = site.html("index.html");
    let footer = texts(&doc, ".bc-footer").join(" ");
    for part in [
        "Ủy ban nhân dân thành phố Thử",
        "Trưởng Ban biên tập: Nguyễn Văn A",
        "Địa chỉ: 1 Đường Chính, TP Thử",
        "Điện thoại: (điện thoại)",
        "Email: (thư điện tử)",
        "Giấy phép số 01/GP-TTĐT",
    ] {
        assert!(footer.contains(part), "{part} not in {footer}");
    }
    assert!(attrs(&doc, ".bc-footer a", "href").is_empty());

    // An address at a reserved example domain is a placeholder too.
    let site = SiteTest::fixture("good");
    site.build().succeeds();
    assert_eq!(
        attrs(&site.html("index.html"), ".bc-footer a", "href"),
        ["tel:0200000000"]
    );

    let site = SiteTest::fixture("good").edit(
        "content/site.yaml",
        "bbt@thu.example.gov.vn",
        "bbt@thu.gov.vn",
    );
    site.build().succeeds();
    assert_eq!(
        attrs(&site.html("index.html"), ".bc-footer a", "href"),
        ["tel:0200000000", "mailto:bbt@thu.gov.vn"]
    );
}

#[test]
fn the_article_shows_its_lead_image_captions_and_tools() {
    let site = illustrated();
    site.build().succeeds();
    let doc = site.html("tin-tuc/thuan-an-9-thang/index.html");
    assert_eq!(
        texts(&doc, ".bc-article__date time"),
        ["Thứ Năm, 26/10/2023 | 07:00 GMT+7"]
    );
    // The lead in bold comes before the lead image, a figure with alt text,
    // size and caption.
    assert_eq!(
        texts(&doc, ".bc-article__lead"),
        ["Tiếp nhận 10.551 hồ sơ, trước hạn 82,34%."]
    );
    let img = "figure.bc-article__figure > img";
    assert_eq!(attrs(&doc, img, "src"), ["../../images/hoi-nghi.png"]);
    assert_eq!(attrs(&doc, img, "alt"), ["Quang cảnh hội nghị"]);
    assert_eq!(attrs(&doc, img, "width"), ["800"]);
    assert_eq!(attrs(&doc, img, "height"), ["450"]);
    assert_eq!(
        texts(&doc, "figure.bc-article__figure > figcaption"),
        ["Hội nghị sơ kết 9 tháng <năm 2023>"]
    );
    // A Markdown image with a title is a figure with that caption.
    let fig = ".bc-prose figure.bc-figure";
    assert_eq!(
        attrs(&doc, &format!("{fig} > img"), "alt"),
        ["Quầy một cửa"]
    );
    assert_eq!(
        attrs(&doc, &format!("{fig} > img"), "src"),
        ["../../images/hoi-nghi.png"]
    );
    assert_eq!(
        texts(&doc, &format!("{fig} > figcaption")),
        ["Bộ phận tiếp nhận & trả kết quả"]
    );
    assert_eq!(one(&doc, ".bc-prose p > figure"), 0);

    // Text size and contrast: buttons that a script brings to life, hidden
    // until it runs; the script is a file of the theme, loaded deferred.
    let size = ".bc-tools .bc-js-only[data-module=bc-text-size] button[type=button]";
    assert_eq!(
        texts(&doc, size),
        [
            "A− (giảm cỡ chữ)",
            "A (cỡ chữ mặc định)",
            "A+ (tăng cỡ chữ)"
        ]
    );
    assert_eq!(
        attrs(
            &doc,
            ".bc-tools .bc-js-only[data-module=bc-contrast]",
            "aria-pressed"
        ),
        ["false"]
    );
    assert_eq!(texts(&doc, ".bc-tools [data-module=bc-print]"), ["In bài"]);
    assert_eq!(attrs(&doc, "script[src]", "src"), ["../../js/baocao.js"]);
    assert_eq!(one(&doc, "script[src][defer]"), 1);
    let js = site.read("js/baocao.js");
    for needle in ["localStorage", "bc-text", "bc-contrast", "window.print"] {
        assert!(js.contains(needle), "{needle}");
    }
    // The setting is applied before the page paints, on every page.
    let home = site.read("index.html");
    assert!(home.contains("getItem(\"bc-text\")") && home.contains("bc-contrast"));

    // Share: plain links with the page's absolute URL, no script of theirs.
    let url = "https://thu.example.gov.vn/tin-tuc/thuan-an-9-thang/";
    let q = "https%3A%2F%2Fthu.example.gov.vn%2Ftin-tuc%2Fthuan-an-9-thang%2F";
    assert_eq!(
        attrs(&doc, ".bc-share a", "href"),
        [
            format!("https://www.facebook.com/sharer/sharer.php?u={q}"),
            format!("https://sp.zalo.me/share_to_zalo?url={q}"),
            url.to_string(),
        ]
    );
    assert!(
        attrs(&doc, "script[src]", "src")
            .iter()
            .all(|s| !s.contains("://"))
    );

    // Author and source end the article, then the tags in their block.
    assert_eq!(texts(&doc, ".bc-article__author"), ["Hà Thu – Minh Trí"]);
    assert_eq!(
        texts(&doc, ".bc-tags .bc-tags__item"),
        ["Cải cách hành chính"]
    );
    // Previous (older) and next (newer) articles.
    assert_eq!(
        texts(&doc, ".bc-pager a[rel=prev] .bc-pager__title"),
        ["Thông báo lịch tiếp công dân"]
    );
    assert_eq!(
        attrs(&doc, ".bc-pager a[rel=next]", "href"),
        ["../../su-kien/2023/lao-cai-nam-2023/"]
    );
    // The sidebar does not offer the page itself.
    assert!(
        !texts(&doc, ".bc-sidebar__item a")
            .iter()
            .any(|t| t == "Thuận An: kết quả 9 tháng")
    );
}

#[test]
fn the_article_has_meta_open_graph_and_news_article_json_ld() {
    let site = illustrated().edit(
        ARTICLE,
        "title: \"Thuận An: kết quả 9 tháng\"",
        "title: \"Thuận An: kết quả 9 tháng </script><!-- x\"",
    );
    site.build().succeeds();
    let doc = site.html("tin-tuc/thuan-an-9-thang/index.html");
    let url = "https://thu.example.gov.vn/tin-tuc/thuan-an-9-thang/";
    let summary = "Tiếp nhận 10.551 hồ sơ, trước hạn 82,34%.";
    assert_eq!(meta(&doc, "meta[name=description]"), summary);
    assert_eq!(attrs(&doc, "link[rel=canonical]", "href"), [url]);
    assert_eq!(meta(&doc, "meta[property=\"og:url\"]"), url);
    assert_eq!(meta(&doc, "meta[property=\"og:type\"]"), "article");
    assert_eq!(
        meta(&doc, "meta[property=\"og:title\"]"),
        "Thuận An: kết quả 9 tháng </script><!-- x"
    );
    assert_eq!(meta(&doc, "meta[property=\"og:description\"]"), summary);
    assert_eq!(
        meta(&doc, "meta[property=\"og:image\"]"),
        "https://thu.example.gov.vn/images/hoi-nghi.png"
    );
    assert_eq!(meta(&doc, "meta[property=\"og:locale\"]"), "vi_VN");
    assert_eq!(
        meta(&doc, "meta[name=\"twitter:card\"]"),
        "summary_large_image"
    );
    assert_eq!(meta(&doc, "meta[name=\"twitter:description\"]"), summary);

    // One JSON-LD script; the title's `</script>` did not end it.
    let sel = Selector::parse("script[type=\"application/ld+json\"]").unwrap();
    let scripts: Vec<String> = doc.select(&sel).map(|e| e.text().collect()).collect();
    assert_eq!(scripts.len(), 1);
    let raw = site.read("tin-tuc/thuan-an-9-thang/index.html");
    assert_eq!(
        raw.matches("</script>").count(),
        raw.matches("<script").count(),
        "{raw}"
    );
    let ld: serde_json::Value = serde_json::from_str(&scripts[0]).unwrap();
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["headline"], "Thuận An: kết quả 9 tháng </script><!-- x");
    assert_eq!(ld["datePublished"], "2023-10-26T07:00:00+07:00");
    assert_eq!(ld["url"], url);
    assert_eq!(ld["description"], summary);
    assert_eq!(ld["author"]["name"], "Hà Thu – Minh Trí");
    assert_eq!(ld["publisher"]["name"], "Ủy ban nhân dân thành phố Thử");
    assert_eq!(
        ld["image"][0],
        "https://thu.example.gov.vn/images/hoi-nghi.png"
    );
    assert_eq!(ld["inLanguage"], "vi");

    // A standalone page has no NewsArticle; its description falls back.
    let page = site.html("gioi-thieu/index.html");
    assert_eq!(one(&page, "script[type=\"application/ld+json\"]"), 0);
    assert_eq!(attrs(&page, "meta[name=description]", "content").len(), 1);

    // Under a sub-path, the absolute URLs follow the base URL.
    site.build_with(&["--base-url", "https://x.gov.vn/cchc/"])
        .succeeds();
    let doc = site.html("tin-tuc/thuan-an-9-thang/index.html");
    assert_eq!(
        meta(&doc, "meta[property=\"og:url\"]"),
        "https://x.gov.vn/cchc/tin-tuc/thuan-an-9-thang/"
    );
}

#[test]
fn other_news_is_never_empty_while_other_articles_exist() {
    // Every other article shares the tag: all are related, and "Các tin
    // bài khác" still lists the section's latest.
    let site = SiteTest::fixture("good").edit(
        "content/articles/tin-tuc/thong-bao.md",
        "date: 2023-01-05",
        "date: 2023-01-05\ntags: [\"Cải cách hành chính\"]",
    );
    site.build().succeeds();
    let doc = site.html("tin-tuc/thuan-an-9-thang/index.html");
    assert_eq!(
        texts(&doc, "section[aria-labelledby=tin-lien-quan] li a"),
        ["Lào Cai: 83.786 hồ sơ", "Thông báo lịch tiếp công dân"]
    );
    assert!(!texts(&doc, "section[aria-labelledby=tin-khac] li a").is_empty());
    // Otherwise the section's latest that are not related come first.
    let site = SiteTest::fixture("good");
    site.build().succeeds();
    let doc = site.html("su-kien/2023/lao-cai-nam-2023/index.html");
    assert_eq!(
        texts(&doc, "section[aria-labelledby=tin-lien-quan] li a"),
        ["Thuận An: kết quả 9 tháng"]
    );
    assert_eq!(
        texts(&doc, "section[aria-labelledby=tin-khac] li a"),
        ["Thông báo lịch tiếp công dân"]
    );
}

#[test]
fn home_leads_with_the_newest_article_and_shows_the_latest_figures() {
    let site = SiteTest::fixture("good")
        .write_bytes("content/static/images/lao-cai.png", &png())
        .edit(
            LAO_CAI,
            "slug:",
            "image: images/lao-cai.png\nimage_alt: \"Trung tâm Lào Cai\"\nslug:",
        )
        .write_bytes("content/static/images/hoi-nghi.png", &png())
        .edit(ARTICLE, "author:", "image: images/hoi-nghi.png\nauthor:");
    site.build().succeeds();
    let home = site.html("index.html");
    assert_eq!(texts(&home, "h1"), ["Cổng thông tin thử nghiệm"]);
    assert_eq!(texts(&home, ".bc-lead__title"), ["Lào Cai: 83.786 hồ sơ"]);
    assert_eq!(attrs(&home, ".bc-lead img", "src"), ["images/lao-cai.png"]);
    assert_eq!(attrs(&home, ".bc-lead img", "alt"), ["Trung tâm Lào Cai"]);
    assert_eq!(texts(&home, ".bc-lead time"), ["28/01/2024"]);
    // The rest of the page: thumbnail (decorative: the title says it all),
    // date and summary.
    assert_eq!(
        texts(&home, ".bc-list__title"),
        ["Thuận An: kết quả 9 tháng"]
    );
    assert_eq!(
        attrs(&home, ".bc-list__thumb", "src"),
        ["images/hoi-nghi.png"]
    );
    assert_eq!(attrs(&home, ".bc-list__thumb", "alt"), [""]);
    assert_eq!(texts(&home, ".bc-list__item time"), ["26/10/2023"]);
    assert_eq!(
        texts(&home, ".bc-list__summary"),
        ["Tiếp nhận 10.551 hồ sơ, trước hạn 82,34%."]
    );
    // Section lists show thumbnails and dates too.
    let sec = site.html("tin-tuc/index.html");
    assert_eq!(
        attrs(&sec, ".bc-list__thumb", "src"),
        ["../images/hoi-nghi.png"]
    );
    assert_eq!(
        texts(&sec, ".bc-list__item time"),
        ["26/10/2023", "05/01/2023"]
    );

    // The province reports nothing: its units that do are shown, the most
    // recent figures first, each with its latest period's cards.
    assert_eq!(
        texts(&home, ".bc-highlight__unit"),
        [
            "Trung tâm PVHCC tỉnh Lào Cai",
            "Thành phố Thuận An & vùng <lân cận>",
            "Thành phố Hồng Ngự",
            "Huyện Cần Giuộc"
        ]
    );
    assert_eq!(
        texts(&home, ".bc-highlight__period"),
        [
            "năm 2023",
            "9 tháng đầu năm 2023",
            "6 tháng đầu năm 2022",
            "năm 2020"
        ]
    );
    let lao_cai = Selector::parse(".bc-highlight").unwrap();
    let card = home.select(&lao_cai).next().unwrap();
    let values: Vec<String> = card
        .select(&Selector::parse(".bc-kpi__value").unwrap())
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(values, ["83.786", "54,76%"]);
    assert_eq!(
        texts(&home, ".bc-highlight .bc-kpi__change")[..2],
        [
            "▲ tăng 17.582 hồ sơ (+26,56%) so với cùng kỳ",
            "▲ tăng 12,3 điểm phần trăm so với cùng kỳ"
        ]
    );
    // Other pages show the first of them in the sidebar, not the home page.
    assert_eq!(one(&home, ".bc-sidebar .bc-kpi"), 0);
    let sec = site.html("tin-tuc/index.html");
    assert_eq!(
        texts(&sec, ".bc-sidebar .bc-sidebar__unit"),
        ["Trung tâm PVHCC tỉnh Lào Cai"]
    );
    // Page 2 of the home page is a plain list.
    let second = site.html("trang/2/index.html");
    assert_eq!(one(&second, ".bc-lead, .bc-highlight"), 0);
    assert_eq!(texts(&second, "h1"), ["Tin mới nhất"]);
}

#[test]
fn the_lead_is_the_newest_article_with_an_image() {
    let site = SiteTest::fixture("good")
        .write_bytes("content/static/images/hoi-nghi.png", &png())
        .edit(ARTICLE, "author:", "image: images/hoi-nghi.png\nauthor:");
    site.build().succeeds();
    let home = site.html("index.html");
    assert_eq!(
        texts(&home, ".bc-lead__title"),
        ["Thuận An: kết quả 9 tháng"]
    );
    assert_eq!(texts(&home, ".bc-list__title"), ["Lào Cai: 83.786 hồ sơ"]);
}

#[test]
fn a_province_with_figures_is_shown_alone() {
    let site = SiteTest::fixture("good").write(
        "content/data/tinh-thu.yaml",
        "unit: tinh-thu\nperiod: 2023\nmetrics:\n  received: 120000\n  on_time_rate: 98.5\n",
    );
    site.build().succeeds();
    let home = site.html("index.html");
    assert_eq!(texts(&home, ".bc-highlight__unit"), ["Tỉnh Thử"]);
    assert_eq!(
        texts(&home, ".bc-highlight .bc-kpi__value"),
        ["120.000", "98,5%"]
    );
}

#[test]
fn print_hides_the_menu_sidebar_and_controls_and_keeps_charts() {
    let site = SiteTest::fixture("good");
    site.build().succeeds();
    let css = site.read("css/baocao.css");
    let print = css
        .split("@media print")
        .nth(1)
        .expect("a print stylesheet");
    let hidden = print.split("display: none").next().unwrap_or("");
    for class in [
        ".bc-nav",
        ".bc-sidebar",
        ".bc-tools",
        ".bc-sitesearch",
        ".bc-breadcrumb",
    ] {
        assert!(hidden.contains(class), "{class} is printed");
    }
    assert!(!hidden.contains(".bc-chart,") && !hidden.contains(".bc-chart "));
    assert!(print.contains("attr(href)"));
}
