//! The plan of a build: which documents are published, every route the
//! site produces and who claims it. Two claims on one URL are an error
//! naming both; problems that keep a document off the site are reported
//! here, before anything renders.

use crate::messages::{Hint, Msg, Part, Text};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::data::{Figures, UnitId};
use crate::diagnostic::Diagnostic;
use crate::fs::posix;
use crate::model::{Document, Site};
use crate::text::slugify;

use super::index::{SiteIndex, is_section_doc};
use super::route::{DataFormat, Route};

/// One route of the plan and the document it shows, if any.
#[derive(Clone, Debug)]
pub struct Planned<'a> {
    /// Where it goes.
    pub route: Route,
    /// The article or page, for those routes.
    pub doc: Option<&'a Document>,
    /// What produced it, for collision messages.
    pub origin: Text,
}

/// The documents a build publishes, checked: drafts left out unless asked
/// for, and documents whose names give no URL reported and left out.
pub fn publishable<'a>(
    site: &'a Site,
    drafts: bool,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<&'a Document>, Vec<&'a Document>) {
    let shown = |d: &&Document| drafts || !d.front.draft;
    let articles: Vec<&Document> = site
        .articles
        .iter()
        .filter(|d| !is_section_doc(d))
        .filter(shown)
        .collect();
    let pages: Vec<&Document> = site.pages.iter().filter(shown).collect();
    for d in articles.iter().chain(&pages) {
        if let Some(image) = &d.front.image {
            if !site
                .static_files
                .contains_key(image.trim_start_matches('/'))
            {
                diags.push(
                    Diagnostic::error(crate::msg!(Msg::ImageNotInStatic, image))
                        .file(&d.path)
                        .find(&d.text, image, |l| l.starts_with("image:"))
                        .hint(Hint::PutFileContentStaticGive),
                );
            }
        }
    }
    // A name without letters or digits slugs to nothing: its URL would
    // start with `/` or hold `//`. Such documents are reported and left out.
    let mut empty = BTreeSet::new();
    for d in articles.iter().chain(&pages) {
        if let Some(diag) = empty_slug(d) {
            diags.push(diag);
            empty.insert(d.path.clone());
        }
    }
    let keep = |d: &&Document| !empty.contains(&d.path);
    let articles: Vec<&Document> = articles.into_iter().filter(keep).collect();
    let pages: Vec<&Document> = pages.into_iter().filter(keep).collect();
    for a in &articles {
        if a.front.date.is_none() {
            diags.push(
                Diagnostic::error(Msg::ArticleWithoutDate)
                    .file(&a.path)
                    .at(&a.text, 1, 1)
                    .hint(Hint::AddDate),
            );
        }
    }
    (articles, pages)
}

/// Every page route of the site, in a stable order: home pages, articles,
/// section pages, standalone pages, files for machines, open data, then
/// tag, category, period and unit pages and the yearly summaries. URL
/// claims are checked here.
pub fn routes<'a>(
    index: &SiteIndex<'a>,
    figures: &Figures,
    per_page: usize,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Planned<'a>> {
    let plan = unchecked(index, figures, per_page);
    check_claims(&plan, diags);
    plan
}

/// Puts the new version of each document of `swaps` (old, new) in place
/// of the old in `plan`, whose routes stay (see [`SiteIndex::swap`]).
pub fn swap<'a>(plan: &mut [Planned<'a>], swaps: &[(&'a Document, &'a Document)]) {
    for e in plan.iter_mut() {
        if let Some(doc) = e.doc {
            if let Some((_, new)) = swaps.iter().find(|(old, _)| std::ptr::eq(*old, doc)) {
                e.doc = Some(new);
            }
        }
    }
}

/// [`routes`] without checking the claims: for an edited site whose routes
/// are compared with those of a checked plan.
pub fn unchecked<'a>(
    index: &SiteIndex<'a>,
    figures: &Figures,
    per_page: usize,
) -> Vec<Planned<'a>> {
    let pages_of = |n: usize| n.div_ceil(per_page).max(1);
    let mut plan = Vec::new();
    for page in 1..=pages_of(index.articles.len()) {
        plan.push(Planned {
            route: Route::Home { page },
            doc: None,
            origin: Part::OriginHome.into(),
        });
    }
    for a in &index.articles {
        if let Some(path) = index.paths.get(&a.path) {
            plan.push(Planned {
                route: Route::Article(path.clone()),
                doc: Some(a),
                origin: posix(&a.path).into(),
            });
        }
    }
    for (section, list) in &index.sections {
        for page in 1..=pages_of(list.len()) {
            plan.push(Planned {
                route: Route::Section {
                    section: section.clone(),
                    page,
                },
                doc: None,
                origin: crate::msg!(Part::OriginSection, section.as_str()).into(),
            });
        }
    }
    for p in &index.pages {
        if let Some(path) = index.paths.get(&p.path) {
            plan.push(Planned {
                route: Route::Page(path.clone()),
                doc: Some(p),
                origin: posix(&p.path).into(),
            });
        }
    }
    // Files for servers and machines, whatever the content.
    for (route, origin) in [
        (Route::NotFound, Part::OriginNotFound.into()),
        (Route::Feed, Part::OriginFeed.into()),
        (Route::Sitemap, Part::OriginSitemap.into()),
        (Route::Robots, Text::from("robots.txt")),
        (Route::Search, Part::OriginSearch.into()),
        (Route::SearchIndex, Part::OriginSearchIndex.into()),
    ] {
        plan.push(Planned {
            route,
            doc: None,
            origin,
        });
    }
    plan.extend(open_data(figures));
    plan.extend(archives(index, figures, per_page));
    plan
}

/// The open-data files: each computed record as CSV and JSON, and each
/// year's records as one CSV.
fn open_data<'a>(figures: &Figures) -> Vec<Planned<'a>> {
    let mut plan = Vec::new();
    let mut years = BTreeSet::new();
    for (unit, period) in figures.records.keys() {
        years.insert(period.year());
        for format in DataFormat::ALL {
            // The loader refuses unit ids that are not slugs, so every
            // record has its files; a route is only ever made checked.
            if let Some(route) = Route::data(unit, period, format) {
                plan.push(Planned {
                    route,
                    doc: None,
                    origin: crate::msg!(Part::OriginOpenData, unit, period.id()).into(),
                });
            }
        }
    }
    for year in years {
        plan.push(Planned {
            route: Route::YearData(year),
            doc: None,
            origin: crate::msg!(Part::OriginYearData, year).into(),
        });
    }
    plan
}

/// Tag, category, period and unit pages (each paginated) and the yearly
/// summaries: one for every year that has records.
fn archives<'a>(index: &SiteIndex<'a>, figures: &Figures, per_page: usize) -> Vec<Planned<'a>> {
    let pages_of = |n: usize| 1..=n.div_ceil(per_page).max(1);
    let mut plan = Vec::new();
    let mut add = |route: Route, origin: Text| {
        plan.push(Planned {
            route,
            doc: None,
            origin,
        })
    };
    for (tag, name, n) in index.tag_pages() {
        for page in pages_of(n) {
            let route = Route::Tag {
                tag: tag.clone(),
                page,
            };
            add(route, crate::msg!(Part::OriginTag, name).into());
        }
    }
    for (category, name, n) in index.category_pages() {
        for page in pages_of(n) {
            let route = Route::Category {
                category: category.clone(),
                page,
            };
            add(route, crate::msg!(Part::OriginCategory, name).into());
        }
    }
    for (period, n) in index.periods() {
        for page in pages_of(n) {
            let route = Route::Period {
                period: *period,
                page,
            };
            add(route, crate::msg!(Part::OriginPeriod, period.id()).into());
        }
    }
    // A unit has a page when articles are about it or it has records.
    let mut units: BTreeMap<&UnitId, usize> = index.units().collect();
    for (unit, _) in figures.records.keys() {
        units.entry(unit).or_insert(0);
    }
    for (unit, n) in units {
        for page in pages_of(n) {
            if let Some(route) = Route::unit(unit, page) {
                add(route, crate::msg!(Part::OriginUnit, unit).into());
            }
        }
    }
    for year in record_years(figures) {
        add(
            Route::Summary(year),
            crate::msg!(Part::OriginSummary, year).into(),
        );
    }
    plan
}

/// The years that have records, in order.
pub fn record_years(figures: &Figures) -> BTreeSet<i32> {
    figures.records.keys().map(|(_, p)| p.year()).collect()
}

/// Whether an article belongs to `year`: its period lies in the year, or
/// it has no period and is dated in the year.
pub fn article_in_year(d: &Document, year: i32) -> bool {
    match (&d.front.period, &d.front.date) {
        (Some(p), _) => p.year() == year,
        (None, Some(t)) => t.date.year == year,
        (None, None) => false,
    }
}

/// The years a yearly site can be built for: those with records or
/// articles, in order.
pub fn years(index: &SiteIndex<'_>, figures: &Figures) -> BTreeSet<i32> {
    let mut years = record_years(figures);
    for d in &index.articles {
        match (&d.front.period, &d.front.date) {
            (Some(p), _) => years.insert(p.year()),
            (None, Some(t)) => years.insert(t.date.year),
            (None, None) => false,
        };
    }
    years
}

/// A yearly site for a year without records or articles is an error that
/// names the years there are.
pub fn check_year(year: i32, index: &SiteIndex<'_>, figures: &Figures) -> Result<(), Diagnostic> {
    let years = years(index, figures);
    if years.contains(&year) {
        return Ok(());
    }
    let list: Vec<String> = years.iter().map(i32::to_string).collect();
    let hint = if list.is_empty() {
        Hint::AddRecordsOrArticles
    } else {
        crate::msg!(Hint::YearsThereAre, list.join(", "))
    };
    Err(Diagnostic::error(crate::msg!(Msg::NoSuchYear, year)).hint(hint))
}

/// The plan of a yearly site (`build --year`): the routes of `plan` that
/// belong to `year`. `plan` is made from `index`, the index of the year's
/// articles, so lists hold only those; each route answers for itself,
/// and those whose content decides are asked about it here.
pub fn for_year<'a>(
    plan: Vec<Planned<'a>>,
    year: i32,
    index: &SiteIndex<'a>,
    figures: &Figures,
) -> Vec<Planned<'a>> {
    let record_units: BTreeSet<&UnitId> = figures
        .records
        .keys()
        .filter(|(_, p)| p.year() == year)
        .map(|(u, _)| u)
        .collect();
    let article_units: BTreeSet<&UnitId> = index.units().map(|(u, _)| u).collect();
    plan.into_iter()
        .filter(|e| match e.route.in_year(year) {
            Some(keep) => keep,
            None => match (&e.route, e.doc) {
                (Route::Article(_), Some(d)) => article_in_year(d, year),
                (Route::Unit { unit, page }, _) => {
                    article_units.contains(unit) || (*page == 1 && record_units.contains(unit))
                }
                // Pages are not of a year; sections, tags and categories
                // were planned from the year's articles only.
                _ => true,
            },
        })
        .collect()
}

/// Two routes that write the same file are an error naming both.
fn check_claims(plan: &[Planned<'_>], diags: &mut Vec<Diagnostic>) {
    let mut claimed: BTreeMap<String, &Planned<'_>> = BTreeMap::new();
    for e in plan {
        if let Some(first) = claimed.insert(e.route.output_path(), e) {
            let url = format!("/{}", e.route.url_path());
            let mut d =
                Diagnostic::error(crate::msg!(Msg::UrlCollision, first.origin, e.origin, url));
            if let Some(doc) = e.doc {
                d = d
                    .file(&doc.path)
                    .find(&doc.text, "", |l| l.starts_with("title:"));
            }
            diags.push(d.hint(Hint::GiveOneThemAnother));
        }
    }
}

/// An error when a folder of `d`, or its file name without a `slug:`, has
/// no letter or digit to make a URL from.
fn empty_slug(d: &Document) -> Option<Diagnostic> {
    let rel = Path::new(&d.rel);
    let folder = rel
        .parent()
        .into_iter()
        .flat_map(Path::components)
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .find(|name| slugify(name).is_empty());
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (name, hint) = match folder {
        Some(name) => {
            let hint = crate::msg!(Hint::RenameFolderLettersDigits, name);
            (name, hint)
        }
        None if d.front.slug.is_none() && slugify(&stem).is_empty() => {
            (stem, Hint::GiveSlugFrontMatter)
        }
        None => return None,
    };
    Some(
        Diagnostic::error(crate::msg!(Msg::EmptyUrlPart, name))
            .file(&d.path)
            .at(&d.text, 1, 1)
            .hint(hint),
    )
}
