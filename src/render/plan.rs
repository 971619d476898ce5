//! The plan of a build: which documents are published, every route the
//! site produces and who claims it. Two claims on one URL are an error
//! naming both; problems that keep a document off the site are reported
//! here, before anything renders.

use crate::messages::{Hint, Msg, Part, Text};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::data::Figures;
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
/// section pages, standalone pages, files for machines, open data. URL
/// claims are checked here.
pub fn routes<'a>(
    index: &SiteIndex<'a>,
    figures: &Figures,
    per_page: usize,
    diags: &mut Vec<Diagnostic>,
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
    check_claims(&plan, diags);
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
