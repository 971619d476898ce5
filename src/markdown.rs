//! Markdown → HTML with pulldown-cmark: heading ids slugged like URLs,
//! footnote ids prefixed per document, and internal links rewritten.

use std::collections::{BTreeMap, HashMap};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::text::slugify;

/// A heading of the document, for a table of contents.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    /// 1–6.
    pub level: u8,
    /// The `id` attribute.
    pub id: String,
    /// Plain text.
    pub text: String,
}

/// The rendered document.
#[derive(Clone, Debug, Default)]
pub struct Html {
    /// HTML.
    pub html: String,
    /// Headings in order.
    pub headings: Vec<Heading>,
}

/// How links are rewritten: given a link target, the new target, or an
/// error message for a broken internal link.
pub type LinkResolver<'a> = dyn Fn(&str) -> Result<Option<String>, crate::messages::Part> + 'a;

/// What a document's Markdown may not publish.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Problems {
    /// Broken links: the target and why.
    pub broken: Vec<(String, crate::messages::Part)>,
    /// Raw HTML tags that are not plain formatting.
    pub refused: Vec<String>,
}

/// Renders Markdown. `id_prefix` keeps footnote ids unique on pages that
/// show several documents. Broken links and refused raw HTML are returned.
pub fn render(markdown: &str, id_prefix: &str, resolve: &LinkResolver<'_>) -> (Html, Problems) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut events: Vec<Event<'_>> = Parser::new_ext(markdown, options).collect();
    let mut broken = Vec::new();
    let mut refused = Vec::new();
    let mut guard = crate::html_guard::Guard::default();
    let headings = heading_ids(&mut events);
    let mut footnotes: HashMap<String, usize> = HashMap::new();
    let number = |label: &str, notes: &mut HashMap<String, usize>| {
        let n = notes.len() + 1;
        *notes.entry(label.to_string()).or_insert(n)
    };
    for ev in &mut events {
        match ev {
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => match resolve(dest_url) {
                Ok(Some(new)) => *dest_url = CowStr::from(new),
                Ok(None) => {}
                Err(why) => broken.push((dest_url.to_string(), why)),
            },
            Event::Html(html) | Event::InlineHtml(html) => {
                if let Some(tag) = guard.refused(html) {
                    refused.push(tag);
                }
            }
            Event::FootnoteReference(label) => {
                let n = number(label, &mut footnotes);
                let id = slugify(label);
                *ev = Event::InlineHtml(CowStr::from(format!(
                    "<sup class=\"bc-footnote-ref\" id=\"{id_prefix}fnref-{id}\"><a href=\"#{id_prefix}fn-{id}\">{n}</a></sup>"
                )));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let n = number(label, &mut footnotes);
                let id = slugify(label);
                *ev = Event::Html(CowStr::from(format!(
                    "<div class=\"bc-footnote\" id=\"{id_prefix}fn-{id}\"><span class=\"bc-footnote__number\">{n}.</span> "
                )));
            }
            Event::End(TagEnd::FootnoteDefinition) => *ev = Event::Html(CowStr::from("</div>\n")),
            _ => {}
        }
    }
    captioned_images(&mut events);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    (Html { html, headings }, Problems { broken, refused })
}

/// An image with a title alone in its paragraph (`![alt](src "caption")`)
/// becomes a figure: the image, then the title as its caption. An image
/// inside a sentence keeps its title as a tooltip.
fn captioned_images(events: &mut [Event<'_>]) {
    let mut i = 0;
    while i + 1 < events.len() {
        let titled = matches!(
            (&events[i], &events[i + 1]),
            (Event::Start(Tag::Paragraph), Event::Start(Tag::Image { title, .. })) if !title.trim().is_empty()
        );
        if !titled {
            i += 1;
            continue;
        }
        // The image's end, then the paragraph's end right after it.
        let Some(end) =
            (i + 2..events.len()).find(|&j| matches!(events[j], Event::End(TagEnd::Image)))
        else {
            break;
        };
        if !matches!(events.get(end + 1), Some(Event::End(TagEnd::Paragraph))) {
            i = end;
            continue;
        }
        let caption = match &mut events[i + 1] {
            Event::Start(Tag::Image { title, .. }) => {
                std::mem::replace(title, CowStr::from("")).to_string()
            }
            _ => String::new(),
        };
        events[i] = Event::Html(CowStr::from("<figure class=\"bc-figure\">"));
        events[end + 1] = Event::Html(CowStr::from(format!(
            "<figcaption class=\"bc-figure__caption\">{}</figcaption></figure>\n",
            crate::chart::html::escape(caption.trim())
        )));
        i = end + 2;
    }
}

/// The markers of an opaque block: an HTML comment, which CommonMark
/// passes through untouched up to its `-->`, blank lines and Markdown
/// syntax included. They hold a number drawn once per run, so an article
/// cannot forge one to smuggle HTML past the checks; the markers never
/// reach the output, so the output does not depend on it.
fn opaque_markers() -> &'static (String, String) {
    static MARKERS: std::sync::OnceLock<(String, String)> = std::sync::OnceLock::new();
    MARKERS.get_or_init(|| {
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(u64::from(std::process::id()));
        let nonce = h.finish();
        (
            format!("<!--baocao-block-{nonce:016x} "),
            format!(" baocao-block-{nonce:016x}-->"),
        )
    })
}

/// Wraps block HTML (a chart, cards, a table) so that Markdown passes it
/// through whole: never re-read as Markdown, never joined with the text
/// around it. [`unwrap_opaque`] restores it after rendering.
pub fn opaque(html: &str) -> String {
    // The HTML escapes all user text, so `-->` cannot occur in it; make
    // sure anyway, since it would end the comment early.
    let html = if memchr::memmem::find(html.as_bytes(), b"-->").is_some() {
        std::borrow::Cow::Owned(html.replace("-->", "--&gt;"))
    } else {
        std::borrow::Cow::Borrowed(html)
    };
    let (open, close) = opaque_markers();
    format!("\n\n{open}{html}{close}\n\n")
}

/// Replaces every opaque block of rendered HTML by the HTML it holds.
/// Inside code, `<` is escaped, so only real blocks match.
pub fn unwrap_opaque(html: &str) -> String {
    let (open, close) = opaque_markers();
    let (open, close) = (open.as_str(), close.as_str());
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(open) {
        let inner = &rest[start + open.len()..];
        let Some(end) = inner.find(close) else {
            break;
        };
        out.push_str(&rest[..start]);
        out.push_str(&inner[..end]);
        rest = &inner[end + close.len()..];
    }
    out.push_str(rest);
    out
}

/// Tera's escape function for Markdown bodies: a value is text. HTML's
/// special characters become entities, Markdown's punctuation is escaped
/// with `\`, and line breaks become spaces, so a unit name like
/// `[Mẫu](javascript:…)` or a `# heading` prints as written.
pub fn escape_text(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut buf = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => buf.push_str("&amp;"),
            '<' => buf.push_str("&lt;"),
            '>' => buf.push_str("&gt;"),
            '"' => buf.push_str("&quot;"),
            '\'' => buf.push_str("&#39;"),
            '\n' | '\r' => buf.push(' '),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.'
            | '!' | '|' | '~' | '^' | '=' | ':' => {
                buf.push('\\');
                buf.push(c);
            }
            c if c.is_control() && c != '\t' => {}
            c => buf.push(c),
        }
    }
    out.write_all(buf.as_bytes())
}

/// Ids the theme uses on every page.
pub const RESERVED_IDS: &[&str] = &["noi-dung", "tin-lien-quan", "tin-khac"];

/// Gives every heading without an explicit `{#id}` one slugged from its
/// text, unique within the document.
fn heading_ids(events: &mut [Event<'_>]) -> Vec<Heading> {
    // Ids the default theme gives its own landmarks: a heading "Nội dung"
    // must not steal the skip link's target.
    let mut used: BTreeMap<String, usize> =
        RESERVED_IDS.iter().map(|id| (id.to_string(), 1)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, id, .. }) = &events[i] {
            let level = heading_level(*level);
            let explicit = id.as_ref().map(|s| s.to_string());
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let base = explicit.clone().unwrap_or_else(|| {
                let s = slugify(&text);
                if s.is_empty() { "muc".to_string() } else { s }
            });
            let count = used.entry(base.clone()).or_insert(0);
            let unique = if *count == 0 || explicit.is_some() {
                base.clone()
            } else {
                format!("{base}-{count}")
            };
            *count += 1;
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i] {
                *id = Some(CowStr::from(unique.clone()));
            }
            out.push(Heading {
                level,
                id: unique,
                text,
            });
            i = j;
        }
        i += 1;
    }
    out
}

fn heading_level(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_links(_: &str) -> Result<Option<String>, crate::messages::Part> {
        Ok(None)
    }

    #[test]
    fn headings_get_unique_slug_ids() {
        let (out, _) = render(
            "## Kết quả giải quyết\n\n## Kết quả giải quyết\n\n### Tự đặt {#rieng}\n",
            "",
            &no_links,
        );
        assert!(
            out.html.contains("<h2 id=\"ket-qua-giai-quyet\">"),
            "{}",
            out.html
        );
        assert!(
            out.html.contains("<h2 id=\"ket-qua-giai-quyet-1\">"),
            "{}",
            out.html
        );
        assert!(out.html.contains("<h3 id=\"rieng\">"), "{}", out.html);
        assert_eq!(out.headings.len(), 3);
        let (out, _) = render("## Nội dung\n", "", &no_links);
        assert!(out.html.contains("<h2 id=\"noi-dung-1\">"), "{}", out.html);
    }

    #[test]
    fn footnotes_are_prefixed_and_numbered() {
        let (out, _) = render(
            "Số liệu[^nguon].\n\n[^nguon]: Báo cáo số 245.\n",
            "a-",
            &no_links,
        );
        assert!(
            out.html.contains("href=\"#a-fn-nguon\">1</a>"),
            "{}",
            out.html
        );
        assert!(out.html.contains("id=\"a-fn-nguon\""), "{}", out.html);
        assert!(!out.html.contains("id=\"nguon\""));
    }

    #[test]
    fn a_titled_image_alone_becomes_a_figure_with_a_caption() {
        let (out, _) = render(
            "![Quang cảnh](a.jpg \"Hội nghị <sơ kết> & khen thưởng\")\n\nChữ ![b](b.jpg \"tooltip\") giữa câu.\n\n![c](c.jpg)\n",
            "",
            &no_links,
        );
        assert!(
            out.html.contains("<figure class=\"bc-figure\"><img src=\"a.jpg\" alt=\"Quang cảnh\" /><figcaption class=\"bc-figure__caption\">Hội nghị &lt;sơ kết&gt; &amp; khen thưởng</figcaption></figure>"),
            "{}",
            out.html
        );
        // Inside a sentence, or without a title: a plain image.
        assert!(out.html.contains("title=\"tooltip\""), "{}", out.html);
        assert!(
            out.html.contains("<p><img src=\"c.jpg\" alt=\"c\" /></p>"),
            "{}",
            out.html
        );
        assert_eq!(out.html.matches("<figure").count(), 1);
    }

    #[test]
    fn tables_smart_punctuation_and_links() {
        let resolve = |d: &str| -> Result<Option<String>, crate::messages::Part> {
            match d {
                "b.md" => Ok(Some("../b/".into())),
                "missing.md" => Err(crate::messages::Part::NoUnit),
                _ => Ok(None),
            }
        };
        let (out, broken) = render(
            "| a | b |\n|---|--:|\n| 1 | 2 |\n\n\"Trích\" -- [b](b.md) [x](missing.md) [w](https://x.vn)\n",
            "",
            &resolve,
        );
        assert!(out.html.contains("<table>"));
        assert!(out.html.contains("“Trích”"));
        assert!(out.html.contains("href=\"../b/\""));
        assert!(out.html.contains("href=\"https://x.vn\""));
        assert_eq!(
            broken.broken,
            vec![("missing.md".to_string(), crate::messages::Part::NoUnit)]
        );
    }
}
