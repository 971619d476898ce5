//! Files for servers and machines: the Atom feed, the sitemap, robots.txt
//! and the page for a missing URL, each a route of its own.

mod common;
use common::*;

use quick_xml::Reader;
use quick_xml::events::Event;

/// The text of every element named `name`, in order.
fn elements(xml: &str, name: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut inside = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == name => inside = true,
            Event::End(e) if e.name().as_ref() == name => inside = false,
            Event::Text(t) if inside => out.push(t.into_inner().replace("&amp;", "&")),
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn feed_sitemap_and_robots_point_at_absolute_urls() {
    let site = SiteTest::fixture("good");
    site.build_with(&["--base-url", "https://cchc.example.gov.vn/cchc/"])
        .succeeds();
    let feed = site.read("feed.xml");
    let ids = elements(&feed, "id");
    // The feed's own id, then one per article, newest first.
    assert_eq!(ids[0], "https://cchc.example.gov.vn/cchc/");
    assert!(ids.len() > 3, "{ids:?}");
    assert!(
        ids[1..]
            .iter()
            .all(|id| id.starts_with("https://cchc.example.gov.vn/cchc/") && id.ends_with('/')),
        "{ids:?}"
    );
    let updated = elements(&feed, "updated");
    assert!(
        updated.iter().all(|u| u.len() >= 20 && u.contains('T')),
        "{updated:?}"
    );
    let sitemap = site.read("sitemap.xml");
    let locs = elements(&sitemap, "loc");
    for id in &ids[1..] {
        assert!(locs.contains(id), "{id} is not in the sitemap");
    }
    assert!(locs.contains(&"https://cchc.example.gov.vn/cchc/".to_string()));
    assert!(
        locs.iter()
            .all(|l| !l.ends_with(".xml") && !l.ends_with("404.html"))
    );
    assert!(
        site.read("robots.txt")
            .contains("Sitemap: https://cchc.example.gov.vn/cchc/sitemap.xml")
    );
}

#[test]
fn the_missing_page_links_from_the_site_path_in_the_frame() {
    let site = SiteTest::fixture("good");
    site.build_with(&["--base-url", "https://cchc.example.gov.vn/cchc/"])
        .succeeds();
    let page = site.html("404.html");
    assert_eq!(texts(&page, "h1"), ["Không tìm thấy trang"]);
    let hrefs = attrs(&page, "a", "href");
    assert!(hrefs.contains(&"/cchc/".to_string()), "{hrefs:?}");
    assert!(
        hrefs
            .iter()
            .filter(|h| {
                !h.starts_with('#')
                    && !h.starts_with("mailto:")
                    && !h.starts_with("tel:")
                    && !h.contains("://")
            })
            .all(|h| h.starts_with("/cchc/")),
        "{hrefs:?}"
    );
    assert_eq!(
        attrs(&page, "link[rel=stylesheet]", "href"),
        ["/cchc/css/baocao.css"]
    );
    assert!(attrs(&page, "link[rel=canonical]", "href").is_empty());
}
