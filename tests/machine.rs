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

/// An element of a parsed XML document.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    text: String,
    children: Vec<Node>,
}

impl Node {
    fn all(&self, name: &str) -> Vec<&Node> {
        self.children.iter().filter(|c| c.name == name).collect()
    }

    fn one(&self, name: &str) -> &Node {
        let found = self.all(name);
        assert_eq!(found.len(), 1, "<{}> needs one <{name}>", self.name);
        found[0]
    }

    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The document as a tree, read by quick-xml; panics unless well-formed.
fn tree(xml: &str) -> Node {
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![Node::default()];
    let open = |e: &quick_xml::events::BytesStart<'_>| Node {
        name: e.name().as_ref().to_string(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.expect("well-formed attribute");
                (
                    a.key.as_ref().to_string(),
                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .expect("known entities")
                        .into_owned(),
                )
            })
            .collect(),
        ..Node::default()
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(open(&e)),
            Event::Empty(e) => {
                let node = open(&e);
                stack.last_mut().unwrap().children.push(node);
            }
            Event::End(_) => {
                let node = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(node);
            }
            Event::Text(t) => {
                let text = t.xml10_content();
                let text = quick_xml::escape::unescape(&text).expect("known entities");
                stack.last_mut().unwrap().text.push_str(&text);
            }
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref().expect("a valid character") {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::unescape(&format!("&{};", r.into_inner()))
                        .expect("a predefined entity")
                        .into_owned(),
                };
                stack.last_mut().unwrap().text.push_str(&text);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    let mut doc = stack.pop().unwrap();
    assert_eq!(doc.children.len(), 1, "one root element");
    doc.children.pop().unwrap()
}

/// RFC 3339 as Atom wants it: `2023-10-26T07:00:00+07:00`.
fn is_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 20
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && (s.ends_with('Z') || matches!(b[b.len() - 6], b'+' | b'-'))
}

#[test]
fn the_feed_is_atom_with_every_required_element() {
    // A title and summary with the characters XML escapes.
    let site = SiteTest::fixture("good").write(
        "content/articles/tin-tuc/ky-tu.md",
        "---\ntitle: \"Hỏi & đáp: <thủ tục> \\\"một cửa\\\" 'liên thông'\"\ndate: 2019-05-01T08:30:00+07:00\nsummary: \"A & B < C\"\n---\nNội dung.\n",
    );
    site.build().succeeds();
    let feed = tree(&site.read("feed.xml"));
    assert_eq!(feed.name, "feed");
    assert_eq!(feed.attr("xmlns"), Some("http://www.w3.org/2005/Atom"));
    assert_eq!(feed.one("id").text, "https://thu.example.gov.vn/");
    assert_eq!(feed.one("title").text, "Cổng thông tin thử nghiệm");
    assert!(is_rfc3339(&feed.one("updated").text));
    // A feed-level author stands for entries that name none.
    assert!(!feed.one("author").one("name").text.is_empty());
    let links = feed.all("link");
    assert!(links.iter().any(|l| l.attr("rel") == Some("self")
        && l.attr("href") == Some("https://thu.example.gov.vn/feed.xml")));
    let entries = feed.all("entry");
    assert_eq!(entries.len(), 4);
    let mut ids = std::collections::BTreeSet::new();
    for e in &entries {
        let id = &e.one("id").text;
        assert!(id.starts_with("https://thu.example.gov.vn/"), "{id}");
        assert!(ids.insert(id.clone()), "{id} twice");
        assert!(!e.one("title").text.is_empty());
        assert!(is_rfc3339(&e.one("updated").text), "{e:?}");
        let link = e.one("link");
        assert_eq!(link.attr("rel"), Some("alternate"));
        assert_eq!(link.attr("href"), Some(id.as_str()));
    }
    let odd = entries
        .iter()
        .find(|e| e.one("id").text.ends_with("/tin-tuc/ky-tu/"))
        .unwrap();
    assert_eq!(
        odd.one("title").text,
        "Hỏi & đáp: <thủ tục> \"một cửa\" 'liên thông'"
    );
    assert_eq!(odd.one("summary").text, "A & B < C");
    assert_eq!(odd.one("updated").text, "2019-05-01T08:30:00+07:00");
}

/// Python's feedparser, when installed, reads the feed without a fault
/// (`bozo` is 0) and finds every entry.
#[test]
fn feedparser_reads_the_feed_when_it_is_installed() {
    let has = std::process::Command::new("python3")
        .args(["-c", "import feedparser"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has {
        eprintln!("python3 with feedparser is not installed: skipped");
        return;
    }
    let site = SiteTest::fixture("good");
    site.build().succeeds();
    let out = std::process::Command::new("python3")
        .args([
            "-c",
            "import sys, feedparser\nd = feedparser.parse(open(sys.argv[1], 'rb').read())\nprint(int(d.bozo), d.version, len(d.entries), repr(d.get('bozo_exception')))",
        ])
        .arg(site.out().join("feed.xml"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("0 atom10 3 "), "{text}");
}
