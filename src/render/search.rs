//! The search family: the search page (`tim-kiem/`) and its index, built
//! at build time. The index is a script (`tim-kiem/chi-muc.js`) that sets
//! one global, because a page opened from `file://` may load a script but
//! not fetch a JSON file; the theme's `js/tim-kiem.js` searches it in the
//! reader's browser, folding Vietnamese accents.

use std::borrow::Cow;
use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use super::context::{Common, Crumb, Inputs};
use super::open_data::Unwritten;
use super::route::{Route, SitePath};
use crate::format::{self, DateFormat};
use crate::model::Document;

/// The global the index script sets; `js/tim-kiem.js` reads it.
pub const INDEX_GLOBAL: &str = "baocaoSearchIndex";

/// The theme's search script.
pub const SCRIPT: &str = "js/tim-kiem.js";

/// The context of the search page.
#[derive(Serialize)]
pub struct SearchPage<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    title: &'a str,
    breadcrumb: Vec<Crumb>,
    /// Link from the page to the index script.
    index_href: String,
    /// Link from the page to the search script.
    script_href: String,
}

/// The context of `Route::Search`.
pub fn page<'a>(route: &Route, inputs: &Inputs<'a>) -> SearchPage<'a> {
    let title = inputs.words.get("search_title");
    SearchPage {
        common: Common::new(route, inputs),
        title,
        breadcrumb: vec![
            inputs.home_crumb(route),
            Crumb {
                name: title.to_string(),
                href: None,
            },
        ],
        index_href: Route::SearchIndex.link_from(route),
        script_href: Route::Static(SCRIPT.to_string()).link_from(route),
    }
}

/// One article or page in the index. Empty fields are left out to keep
/// the index small.
#[derive(Serialize)]
pub struct Entry<'a> {
    /// Title.
    pub title: &'a str,
    /// URL path from the site root (`tin-tuc/bai/`); the script makes it
    /// relative to the search page.
    pub url: String,
    /// `YYYY-MM-DD`, for `<time datetime>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The date as pages show it (`26/10/2023`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_text: Option<String>,
    /// The rendered summary, as text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<&'a str>,
    /// The title of the article's section.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Tags.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub tags: &'a [String],
}

/// The written entries of the articles as loaded, by address, kept while
/// a site is served: an edit writes the index again with only the edited
/// articles' entries made anew (their text does not change otherwise).
#[derive(Default)]
pub struct Written(std::sync::Mutex<HashMap<usize, Box<[u8]>>>);

/// The entries written before, and the articles (by address) whose
/// entries are made anew all the same: their summaries were rendered
/// again (they read figures a data edit changed).
#[derive(Clone, Copy)]
pub struct Memo<'m> {
    /// The entries written before.
    pub written: &'m Written,
    /// The articles whose entries are made anew.
    pub renewed: &'m std::collections::HashSet<usize>,
}

/// One entry written, and the address to remember it by (articles as
/// loaded only).
type Part<'p> = (Option<usize>, Cow<'p, [u8]>);

/// The bytes of `tim-kiem/chi-muc.js`: `window.baocaoSearchIndex = […];`,
/// the array written by serde_json, of the published articles newest
/// first, then the standalone pages. A title holding `</script>` is only
/// text inside a JSON string of a script file, never HTML.
pub fn index_script(inputs: &Inputs<'_>) -> Result<Vec<u8>, Unwritten> {
    let index = inputs.index;
    // A few sections hold thousands of articles: each titled once.
    let titles: HashMap<&SitePath, String> = index
        .sections
        .keys()
        .map(|s| (s, inputs.section_title(s)))
        .collect();
    let entry = |d: &Document, route: Route, section: Option<String>| {
        serde_json::to_vec(&Entry {
            title: &d.front.title,
            url: route.url_path(),
            date: d.front.date.map(|t| t.date.to_string()),
            date_text: d.front.date.map(|t| format::date(&t, DateFormat::Short)),
            summary: inputs
                .bodies
                .get(&d.path)
                .and_then(|b| b.summary.as_deref()),
            section,
            tags: &d.front.tags,
        })
    };
    let loaded = inputs.site.articles.as_ptr_range();
    let loaded = loaded.start as usize..loaded.end as usize;
    let mut memo = inputs.search_memo.map(|m| {
        m.written
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    });
    let known = memo.as_deref();
    let renewed = |at: usize| inputs.search_memo.is_some_and(|m| m.renewed.contains(&at));
    let articles = index.articles.par_iter().filter_map(|d| {
        let at = std::ptr::from_ref(*d) as usize;
        if let Some(bytes) = known.filter(|_| !renewed(at)).and_then(|m| m.get(&at)) {
            return Some(Ok((None, Cow::Borrowed(&bytes[..]))));
        }
        let path = index.paths.get(&d.path)?;
        let section = path.parent().map(|s| {
            titles
                .get(&s)
                .cloned()
                .unwrap_or_else(|| inputs.section_title(&s))
        });
        let json = entry(d, Route::Article(path.clone()), section);
        let kept = known.is_some() && loaded.contains(&at) && !renewed(at);
        Some(json.map(|j| (kept.then_some(at), Cow::Owned(j))))
    });
    let pages = index.pages.par_iter().filter_map(|d| {
        let path = index.paths.get(&d.path)?;
        Some(entry(d, Route::Page(path.clone()), None).map(|j| (None, Cow::Owned(j))))
    });
    let parts: Vec<Part<'_>> = articles
        .chain(pages)
        .collect::<Result<_, serde_json::Error>>()?;
    let mut script = format!("window.{INDEX_GLOBAL} = [").into_bytes();
    for (i, (_, part)) in parts.iter().enumerate() {
        if i > 0 {
            script.push(b',');
        }
        script.extend_from_slice(part);
    }
    script.extend_from_slice(b"];\n");
    let new: Vec<(usize, Box<[u8]>)> = parts
        .into_iter()
        .filter_map(|(at, part)| Some((at?, part.into_owned().into_boxed_slice())))
        .collect();
    if let Some(memo) = memo.as_mut() {
        memo.extend(new);
    }
    // U+2028 and U+2029 are valid in JSON strings but ended JavaScript
    // lines before ES2019; escaped, older browsers read the file too. A
    // copy only when there is one (they are rare).
    if memchr::memmem::find(&script, "\u{2028}".as_bytes()).is_some()
        || memchr::memmem::find(&script, "\u{2029}".as_bytes()).is_some()
    {
        let text = String::from_utf8_lossy(&script)
            .replace('\u{2028}', "\\u2028")
            .replace('\u{2029}', "\\u2029");
        return Ok(text.into_bytes());
    }
    Ok(script)
}
