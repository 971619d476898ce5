//! The article family: news articles and standalone pages. Turns an
//! article or page route into its typed context; the theme makes the bytes.

use serde::Serialize;

use super::context::{Common, Crumb, Inputs, Link, ListItem, PeriodCtx, UnitCtx};
use super::open_data::{self, DataLink};
use super::route::{Route, href, root_of};
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
    content: Option<String>,
    summary: Option<String>,
    headings: Option<Vec<Heading>>,
    date_full: Option<String>,
    image: Option<String>,
    data_source: Option<String>,
    category_href: Option<String>,
}

/// The context of an article or page.
#[derive(Serialize)]
pub struct ArticlePage<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    title: &'a str,
    page: PageView<'a>,
    breadcrumb: Vec<Crumb>,
    related: Vec<ListItem<'a>>,
    others: Vec<ListItem<'a>>,
    newer: Option<ListItem<'a>>,
    older: Option<ListItem<'a>>,
    /// The open-data files of the article's record (unit and period).
    data_links: Vec<DataLink>,
}

/// The context of `Route::Article` or `Route::Page` showing `d`.
pub fn context<'a>(route: &Route, d: &'a Document, inputs: &Inputs<'a>) -> ArticlePage<'a> {
    let f = &d.front;
    let body = inputs.bodies.get(&d.path);
    let record = match (&f.unit, &f.period) {
        (Some(u), Some(p)) => inputs.figures.get(u, p),
        _ => None,
    };
    let root = root_of(&route.url_path());
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
        content: body.map(|b| b.html.clone()),
        summary: body.and_then(|b| b.summary.clone()),
        headings: body.map(|b| b.headings.clone()),
        date_full: f
            .date
            .map(|d| format::date_named(&d, DateFormat::Full, inputs.words.weekday(d.date))),
        image: f
            .image
            .as_ref()
            .map(|i| href(&root, i.trim_start_matches('/'))),
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
    ArticlePage {
        common: Common::new(route, inputs),
        title: &f.title,
        page,
        breadcrumb,
        related: related.into_iter().map(item).collect(),
        others: others.into_iter().map(item).collect(),
        newer: newer.map(item),
        older: older.map(item),
        data_links,
    }
}
