//! The archive family: tag, category and period pages, each a paginated
//! list of articles under its own title. Turns such a route into its typed
//! context; the theme's `archive.html` makes the bytes.

use serde::Serialize;

use super::context::{Common, Crumb, Inputs, Link, ListItem, capitalize};
use super::list::{Pagination, paginate};
use super::route::Route;
use crate::model::Document;

/// The context of a tag, category or period page.
#[derive(Serialize)]
pub struct ArchivePage<'a> {
    #[serde(flatten)]
    common: Common<'a>,
    /// "Chủ đề: Cải cách hành chính".
    title: String,
    /// The tag, category or period alone.
    name: String,
    articles: Vec<ListItem>,
    pagination: Pagination,
    breadcrumb: Vec<Crumb>,
    /// For a period: the summary of its year, when the build has one.
    summary: Option<Link>,
}

/// The context of `Route::Tag`, `Route::Category` or `Route::Period`.
pub fn context<'a>(route: &Route, inputs: &Inputs<'a>) -> ArchivePage<'a> {
    let words = inputs.words;
    let (title_key, name, list): (&str, String, Vec<&'a Document>) = match route {
        Route::Tag { tag, .. } => {
            let (name, list) = inputs.index.tag_page(tag).unwrap_or_default();
            ("tag_title", name.to_string(), list)
        }
        Route::Category { category, .. } => {
            let (name, list) = inputs.index.category_page(category).unwrap_or_default();
            ("category_title", name.to_string(), list)
        }
        Route::Period { period, .. } => (
            "period_title",
            capitalize(&words.period(period)),
            inputs.index.of_period(period).collect(),
        ),
        _ => ("tag_title", String::new(), Vec::new()),
    };
    let title = words.get(title_key).replace("{name}", &name);
    let (articles, pagination) = paginate(route, &list, inputs);
    let summary = match route {
        Route::Period { period, .. } => {
            let to = Route::Summary(period.year());
            inputs.link(&to, route).map(|href| Link {
                name: summary_title(inputs, period.year()),
                href: Some(href),
            })
        }
        _ => None,
    };
    let mut breadcrumb = vec![inputs.home_crumb(route)];
    if let Some(s) = &summary {
        breadcrumb.push(Crumb {
            name: s.name.clone(),
            href: s.href.clone(),
        });
    }
    breadcrumb.push(Crumb {
        name: title.clone(),
        href: None,
    });
    ArchivePage {
        common: Common::new(route, inputs),
        title,
        name,
        articles,
        pagination,
        breadcrumb,
        summary,
    }
}

/// "Tổng kết năm 2023" in the site's words.
pub fn summary_title(inputs: &Inputs<'_>, year: i32) -> String {
    inputs
        .words
        .get("summary_title")
        .replace("{y}", &year.to_string())
}
