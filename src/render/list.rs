//! The list family: the home page and section pages, each paginated.
//! Turns a list route into its typed context; the theme makes the bytes.

use serde::Serialize;

use super::context::{Common, Crumb, Inputs, ListItem};
use super::frame::Highlight;
use super::route::Route;
use crate::model::Document;

/// How many page links on each side of the current page.
const WINDOW: usize = 2;

/// A link to one page of a list.
#[derive(Serialize)]
pub struct PageLink {
    /// Page number.
    pub n: usize,
    /// Link from the current page.
    pub href: String,
    /// Whether it is the current page.
    pub current: bool,
    /// Whether pages are left out before this one (show "…").
    pub gap_before: bool,
}

/// The pagination of a list: the first and last page and a window around
/// the current one, never a link per page of a long list.
#[derive(Serialize)]
pub struct Pagination {
    /// Current page, from 1.
    pub current: usize,
    /// Number of pages.
    pub total: usize,
    /// Link to the previous page.
    pub prev: Option<String>,
    /// Link to the next page.
    pub next: Option<String>,
    /// The page links shown.
    pub pages: Vec<PageLink>,
}

/// The context of a home or section page.
#[derive(Serialize)]
pub struct ListPage<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    title: String,
    articles: Vec<ListItem>,
    pagination: Pagination,
    intro: Option<String>,
    breadcrumb: Vec<Crumb>,
    /// The home page's lead article: the newest, shown large.
    lead: Option<ListItem>,
    /// The home page's figure cards of the top-level units.
    highlights: &'a [Highlight],
    /// The heading element of each article's title: `h3` below the home
    /// page's section headings, else `h2`.
    list_heading: &'static str,
}

/// One page of `list` (page `route.page()`) as list entries linked from
/// `route`, and the links to the other pages of the list.
pub fn paginate<'a>(
    route: &Route,
    list: &[&'a Document],
    inputs: &Inputs<'a>,
) -> (Vec<ListItem>, Pagination) {
    let n = route.page();
    let total = list.len().div_ceil(inputs.per_page).max(1);
    let articles: Vec<ListItem> = inputs.list_items(
        list.iter()
            .copied()
            .skip((n - 1) * inputs.per_page)
            .take(inputs.per_page),
        route,
    );
    let link = |k: usize| route.with_page(k).link_from(route);
    let shown: Vec<usize> = (1..=total)
        .filter(|&k| k == 1 || k == total || k.abs_diff(n) <= WINDOW)
        .collect();
    let pages = shown
        .iter()
        .enumerate()
        .map(|(i, &k)| PageLink {
            n: k,
            href: link(k),
            current: k == n,
            gap_before: i > 0 && shown[i - 1] + 1 != k,
        })
        .collect();
    let pagination = Pagination {
        current: n,
        total,
        prev: (n > 1).then(|| link(n - 1)),
        next: (n < total).then(|| link(n + 1)),
        pages,
    };
    (articles, pagination)
}

/// The context of a list route: `Route::Home` or `Route::Section`.
pub fn context<'a>(route: &Route, inputs: &Inputs<'a>) -> ListPage<'a> {
    let list: &[&'a Document] = match route {
        Route::Section { section, .. } => inputs
            .index
            .sections
            .get(section)
            .map(Vec::as_slice)
            .unwrap_or_default(),
        _ => inputs.index.articles.as_slice(),
    };
    let (mut articles, pagination) = paginate(route, list, inputs);
    let (title, intro, breadcrumb) = match route {
        Route::Section { section, .. } => {
            let intro = (route.page() == 1)
                .then(|| {
                    inputs
                        .index
                        .section_docs
                        .get(section)
                        .and_then(|d| inputs.bodies.get(&d.path))
                        .map(|b| b.html.clone())
                })
                .flatten();
            (
                inputs.section_title(section),
                intro,
                inputs.crumbs_to(section, route, false),
            )
        }
        _ => (inputs.site.config.title.clone(), None, Vec::new()),
    };
    let front = matches!(route, Route::Home { page: 1 });
    // The lead is the newest article of the page that has an image, else
    // the newest: a portal leads with a picture when it has one.
    let lead_at = articles.iter().position(|a| a.has_image).unwrap_or(0);
    let lead = (front && !articles.is_empty()).then(|| articles.remove(lead_at));
    ListPage {
        lead,
        highlights: if front { inputs.highlights } else { &[] },
        list_heading: if front { "h3" } else { "h2" },
        common: Common::new(route, inputs),
        title,
        articles,
        pagination,
        intro,
        breadcrumb,
    }
}
