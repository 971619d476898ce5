//! The article family: news articles and standalone pages. Turns an
//! article or page route into its typed context; the theme makes the bytes.

use serde::Serialize;

use super::bodies::Body;
use super::context::{Common, Crumb, Inputs, Link, ListItem, PeriodCtx, Picture, UnitCtx};
use super::frame;
use super::open_data::{self, DataLink};
use super::route::Route;
use crate::format::{self, DateFormat};
use crate::markdown::Heading;
use crate::model::Document;

/// A document as `page` in the theme.
#[derive(Serialize)]
pub struct PageView<'a> {
    title: &'a str,
    /// RFC 3339 date.
    date: Option<String>,
    author: &'a Option<String>,
    category: &'a Option<String>,
    /// Each tag with the link to its page.
    tags: Vec<Link>,
    source: &'a Option<String>,
    unit: Option<UnitCtx<'a>>,
    /// Links to the unit's page and the period's archive.
    unit_href: Option<String>,
    period_href: Option<String>,
    period: Option<PeriodCtx>,
    /// The body's HTML, handed to the engine without another copy.
    content: Option<tera::Value>,
    summary: Option<String>,
    headings: Option<Vec<Heading>>,
    date_full: Option<String>,
    /// The lead image, its text alternative and caption.
    image: Option<Picture<'a>>,
    data_source: Option<String>,
    category_href: Option<String>,
}

/// Links that share the page: plain links with its absolute URL, no
/// third-party script.
#[derive(Serialize)]
pub struct Share {
    /// The page's absolute URL (the copy-link target).
    url: String,
    /// Facebook's sharer.
    facebook: String,
    /// Zalo's share page.
    zalo: String,
}

impl Share {
    /// The share links of the page at the absolute `url`.
    pub fn of(url: &str) -> Share {
        let q = frame::query_value(url);
        Share {
            url: url.to_string(),
            facebook: format!("https://www.facebook.com/sharer/sharer.php?u={q}"),
            zalo: format!("https://sp.zalo.me/share_to_zalo?url={q}"),
        }
    }
}

/// The context of an article or page.
#[derive(Serialize)]
pub struct ArticlePage<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    title: &'a str,
    page: PageView<'a>,
    breadcrumb: Vec<Crumb>,
    related: Vec<ListItem>,
    others: Vec<ListItem>,
    newer: Option<ListItem>,
    older: Option<ListItem>,
    /// The summary as one line of plain text, for `meta description`.
    description: Option<String>,
    /// Share links.
    share: Share,
    /// JSON-LD `NewsArticle` of an article, escaped for a `<script>`.
    json_ld: Option<String>,
    /// The open-data files of the article's record (unit and period).
    data_links: Vec<DataLink>,
}

/// The context of `Route::Article` or `Route::Page` showing `d`.
pub fn context<'a>(
    route: &Route,
    d: &'a Document,
    body: Option<&Body>,
    inputs: &Inputs<'a>,
) -> ArticlePage<'a> {
    let f = &d.front;
    let record = match (&f.unit, &f.period) {
        (Some(u), Some(p)) => inputs.figures.get(u, p),
        _ => None,
    };
    let summary = body.and_then(|b| b.summary.clone());
    let page = PageView {
        title: &f.title,
        date: f.date.map(|d| d.rfc3339()),
        author: &f.author,
        category: &f.category,
        tags: f
            .tags
            .iter()
            .map(|t| Link {
                name: t.clone(),
                href: Route::tag(t, 1).and_then(|r| inputs.link(&r, route)),
            })
            .collect(),
        source: &f.source,
        unit_href: f
            .unit
            .as_ref()
            .and_then(|u| inputs.unit_link(u, route).href),
        period_href: f
            .period
            .as_ref()
            .and_then(|p| inputs.period_link(p, route).href),
        unit: f
            .unit
            .as_ref()
            .and_then(|u| inputs.site.units.get(u))
            .map(UnitCtx::from),
        period: f.period.as_ref().map(|p| PeriodCtx::new(p, inputs.words)),
        content: body.map(|b| tera::Value::from(b.html.as_str())),
        summary: summary.clone(),
        headings: body.map(|b| b.headings.clone()),
        date_full: f
            .date
            .map(|d| format::date_named(&d, DateFormat::Full, inputs.words.weekday(d.date))),
        image: inputs.picture(d, route),
        data_source: record.and_then(|r| r.source.clone()),
        category_href: f
            .category
            .as_ref()
            .and_then(|c| Route::category(c, 1))
            .and_then(|r| inputs.link(&r, route)),
    };
    let is_article = matches!(route, Route::Article(_));
    let mut breadcrumb = match route {
        Route::Article(path) => match path.parent() {
            Some(sec) => inputs.crumbs_to(&sec, route, true),
            None => vec![inputs.home_crumb(route)],
        },
        _ => vec![inputs.home_crumb(route)],
    };
    breadcrumb.push(Crumb {
        name: f.title.clone(),
        href: None,
    });
    let (related, others) = if is_article {
        inputs.index.related(d)
    } else {
        (Vec::new(), Vec::new())
    };
    let (newer, older) = if is_article {
        inputs.index.neighbours(d)
    } else {
        (None, None)
    };
    let data_links = match (&f.unit, &f.period) {
        (Some(u), Some(p)) => open_data::links(u, p, route, inputs),
        _ => Vec::new(),
    };
    let item = |a: &'a Document| inputs.list_item(a, route);
    let common = Common::new(route, inputs);
    let json_ld =
        is_article.then(|| news_article(inputs.site, d, &page, &common, summary.as_deref()));
    ArticlePage {
        share: Share::of(&common.url),
        description: summary.as_deref().map(frame::one_line),
        json_ld,
        common,
        title: &f.title,
        page,
        breadcrumb,
        related: inputs.list_items(related, route),
        others: inputs.list_items(others, route),
        newer: newer.map(item),
        older: older.map(item),
        data_links,
    }
}

/// The JSON-LD `NewsArticle` of an article, serialized by serde_json and
/// made safe inside `<script>`: `</` and `<!--` cannot end or bend it.
fn news_article(
    site: &crate::model::Site,
    d: &Document,
    page: &PageView<'_>,
    common: &Common<'_>,
    summary: Option<&str>,
) -> String {
    let f = &d.front;
    let site = &site.config;
    let publisher = if site.owner.name.is_empty() {
        site.title.as_str()
    } else {
        site.owner.name.as_str()
    };
    let mut ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": f.title,
        "url": common.url,
        "mainEntityOfPage": common.url,
        "inLanguage": site.language.code(),
        "publisher": { "@type": "Organization", "name": publisher },
    });
    let mut put = |key: &str, value: serde_json::Value| {
        if let Some(map) = ld.as_object_mut() {
            map.insert(key.to_string(), value);
        }
    };
    if let Some(date) = &page.date {
        put("datePublished", date.as_str().into());
        put("dateModified", date.as_str().into());
    }
    if let Some(s) = summary {
        put("description", frame::one_line(s).into());
    }
    if let Some(a) = &f.author {
        put(
            "author",
            serde_json::json!({ "@type": "Person", "name": a }),
        );
    }
    if let Some(c) = &f.category {
        put("articleSection", c.as_str().into());
    }
    if !f.tags.is_empty() {
        put("keywords", f.tags.join(", ").into());
    }
    if let Some(p) = &page.image {
        put("image", serde_json::json!([p.url]));
    }
    script_safe(&ld.to_string())
}

/// JSON text that an HTML parser cannot end early inside `<script>`.
fn script_safe(json: &str) -> String {
    json.replace("</", "<\\/").replace("<!--", "<\\u0021--")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_in_a_script_cannot_close_it() {
        let json =
            serde_json::json!({ "headline": "a </script><script>x()</script> <!-- b" }).to_string();
        let safe = script_safe(&json);
        assert!(!safe.contains("</"), "{safe}");
        assert!(!safe.contains("<!--"), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["headline"], "a </script><script>x()</script> <!-- b");
    }

    #[test]
    fn share_links_carry_the_encoded_url() {
        let s = Share::of("https://x.gov.vn/tin-tuc/a/");
        assert_eq!(
            s.facebook,
            "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fx.gov.vn%2Ftin-tuc%2Fa%2F"
        );
        assert_eq!(
            s.zalo,
            "https://sp.zalo.me/share_to_zalo?url=https%3A%2F%2Fx.gov.vn%2Ftin-tuc%2Fa%2F"
        );
    }
}
