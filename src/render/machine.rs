//! The machine family: the page for a missing URL (`404.html`), the Atom
//! feed, the sitemap and `robots.txt`. Turns each route into its typed
//! context; the theme's templates make the bytes.

use serde::Serialize;

use super::context::{Common, Inputs};
use super::route::Route;

/// How many articles the feed carries.
const FEED_ENTRIES: usize = 20;

/// The context of `404.html`. A server shows it at any missing URL, so
/// its links start at the site's path (`/`, or `/cchc/` under a sub-path)
/// instead of being relative to where it lies.
#[derive(Serialize)]
pub struct NotFoundPage<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    title: &'a str,
}

/// The context of `404.html`.
pub fn not_found<'a>(inputs: &Inputs<'a>) -> NotFoundPage<'a> {
    let mut common = Common::new(&Route::NotFound, inputs);
    let base_path = base_path(inputs.base_url);
    for item in &mut common.nav {
        if !item.href.contains("://") {
            item.href = format!("{base_path}{}", item.href.trim_start_matches("./"));
        }
    }
    // The sidebar's links likewise: from the site's path, not the page's.
    common.sidebar.latest = inputs
        .index
        .articles
        .iter()
        .take(super::frame::SIDEBAR_ARTICLES)
        .map(|d| inputs.list_item_rebased(d, &base_path))
        .collect();
    common.search_href = format!("{base_path}{}", Route::Search.url_path());
    common.root = base_path;
    NotFoundPage {
        common,
        title: inputs.words.get("not_found_title"),
    }
}

/// The path of an absolute base URL: `https://x.gov.vn/cchc/` → `/cchc/`.
fn base_path(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    match after_scheme.find('/') {
        Some(i) => after_scheme[i..].to_string(),
        None => "/".to_string(),
    }
}

/// One article of the feed.
#[derive(Serialize)]
pub struct FeedEntry<'a> {
    title: &'a str,
    url: String,
    date: Option<String>,
    summary: Option<String>,
    author: &'a Option<String>,
    category: &'a Option<String>,
}

/// The context of `feed.xml` (Atom) and `sitemap.xml`.
#[derive(Serialize)]
pub struct MachinePage<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    /// The newest article's date, for the feed's `updated`.
    updated: Option<String>,
    /// The latest articles, newest first.
    entries: Vec<FeedEntry<'a>>,
    /// Absolute URLs of every page, for the sitemap.
    urls: Vec<String>,
}

/// The context of `feed.xml`, `sitemap.xml` or `robots.txt`; `pages` are
/// the routes of the plan that readers browse.
pub fn machine<'a>(route: &Route, pages: &[Route], inputs: &Inputs<'a>) -> MachinePage<'a> {
    let absolute = |r: &Route| format!("{}{}", inputs.base_url, r.url_path());
    let entries = match route {
        Route::Feed => inputs
            .index
            .articles
            .iter()
            .take(FEED_ENTRIES)
            .map(|d| FeedEntry {
                title: &d.front.title,
                url: inputs
                    .index
                    .paths
                    .get(&d.path)
                    .map(|p| absolute(&Route::Article(p.clone())))
                    .unwrap_or_default(),
                date: d.front.date.map(|t| t.rfc3339()),
                summary: inputs.bodies.get(&d.path).and_then(|b| b.summary.clone()),
                author: &d.front.author,
                category: &d.front.category,
            })
            .collect(),
        _ => Vec::new(),
    };
    let urls = match route {
        Route::Sitemap => pages.iter().filter(|r| r.is_page()).map(absolute).collect(),
        _ => Vec::new(),
    };
    MachinePage {
        common: Common::new(route, inputs),
        updated: inputs
            .index
            .articles
            .first()
            .and_then(|d| d.front.date)
            .map(|t| t.rfc3339()),
        entries,
        urls,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths() {
        assert_eq!(base_path("https://x.gov.vn/"), "/");
        assert_eq!(base_path("https://x.gov.vn/cchc/"), "/cchc/");
        assert_eq!(base_path("https://x.gov.vn"), "/");
    }
}
