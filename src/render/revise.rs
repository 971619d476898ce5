//! A built site edited while `serve` runs, rendered again in part. Edited
//! articles replace their loaded versions; the index and plan are made
//! again (a tenth of a second for 10,000 articles); then only the pages
//! whose [`PageKeys`] changed are rendered, with the build's compiled
//! theme, bodies, figures and link targets. An edit that changes which
//! pages there are (an article's address, a tag page more or less, a
//! list's page count) is left to a full build.

use std::collections::BTreeMap;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::fs::posix;
use crate::model::Document;

use super::context::Inputs;
use super::index::{SiteIndex, doc_path};
use super::page_keys::{self, PageKeys};
use super::plan::{self, Planned};
use super::route::Route;
use super::{Bodies, Built, Wanted, bodies, doc_source, page_charts, render_route};

/// What rendering an edited site again gave.
pub enum Revised {
    /// The edit changes which pages there are, or an edited article's
    /// place on the site: build the whole site again.
    Replan,
    /// The pages whose keys changed, rendered.
    Done(Revision),
    /// The edited site's errors; nothing was rendered for good.
    Failed(Vec<Diagnostic>),
}

/// The pages an edit changed.
pub struct Revision {
    /// Output path and bytes of each page rendered again.
    pub pages: Vec<(String, Vec<u8>)>,
    /// Charts those pages drew.
    pub charts: usize,
    /// The keys of every page of the edited site.
    pub keys: PageKeys,
}

impl Built<'_> {
    /// The keys of the built site's pages.
    pub fn keys(&self) -> PageKeys {
        let loaded = &self.inputs.site.articles;
        page_keys::keys(
            self.plan,
            self.inputs.index,
            self.inputs.per_page,
            loaded,
            None,
        )
    }

    /// Writes the search index's entries ahead, so that the first edit
    /// writes only its own.
    pub fn warm(&self) {
        let inputs = Inputs {
            shared: self.inputs.shared.for_articles(&[]),
            search_memo: Some(self.search_memo),
            ..*self.inputs
        };
        // Only the entries are wanted; an error shows with the edit.
        let _ = super::search::index_script(&inputs);
    }

    /// The built site with `edited` in place of the published articles of
    /// the same source paths: the pages whose keys differ from `shown`
    /// (the keys of what is on show), rendered.
    pub fn revise(&self, edited: &BTreeMap<PathBuf, Document>, shown: &PageKeys) -> Revised {
        let old = self.inputs.index;
        if self.inputs.year.is_some() || !edited.values().all(|d| self.keeps_place(d)) {
            return Revised::Replan;
        }
        let articles: Vec<&Document> = old
            .articles
            .iter()
            .map(|d| edited.get(&d.path).unwrap_or(d))
            .collect();
        crate::timings::mark(&"edit: start");
        let index = SiteIndex::new(articles, old.pages.clone(), &self.inputs.site.articles);
        crate::timings::mark(&"edit: indexed");
        let per_page = self.inputs.per_page;
        let plan = plan::unchecked(&index, self.inputs.figures, per_page);
        if !same_routes(self.plan, &plan) {
            return Revised::Replan;
        }
        crate::timings::mark(&"edit: planned");
        let loaded = &self.inputs.site.articles;
        let keys = page_keys::keys(&plan, &index, per_page, loaded, Some(shown));
        crate::timings::mark(&"edit: keyed");
        let bodies = match self.bodies_with(edited) {
            Ok(b) => b,
            Err(e) => return Revised::Failed(e),
        };
        let edited_articles: Vec<&Document> = edited.values().collect();
        let inputs = Inputs {
            index: &index,
            bodies: &bodies.done,
            // Entries of the edited articles made anew, the others' kept.
            shared: self.inputs.shared.for_articles(&edited_articles),
            search_memo: Some(self.search_memo),
            earlier: Some(&self.inputs.shared),
            ..*self.inputs
        };
        crate::timings::mark(&"edit: summaries");
        let routes: Vec<Route> = plan.iter().map(|e| e.route.clone()).collect();
        let mut dirty: Vec<&Planned<'_>> = plan
            .iter()
            .filter(|e| !keys_agree(shown, &keys, &e.route))
            .collect();
        // The longest first (a year's summary lists a thousand articles),
        // each page a task of its own, so both cores stay busy.
        dirty.sort_by_key(|e| !matches!(e.route, Route::Summary(_) | Route::SearchIndex));
        let rendered: Vec<Result<_, Vec<Diagnostic>>> = dirty
            .par_iter()
            .with_max_len(1)
            .map(|e| {
                let (bytes, body_charts) = render_route(self.theme, e, &routes, &inputs, &bodies)?;
                let charts = page_charts(&e.route, &bytes, body_charts, &inputs);
                Ok((e.route.output_path(), bytes, charts))
            })
            .collect();
        crate::timings::mark(&"edit: rendered");
        let mut revision = Revision {
            pages: Vec::with_capacity(rendered.len()),
            charts: 0,
            keys,
        };
        let mut errors = Vec::new();
        for r in rendered {
            match r {
                Ok((path, bytes, charts)) => {
                    revision.pages.push((path, bytes));
                    revision.charts += charts;
                }
                Err(e) => errors.extend(e),
            }
        }
        crate::drop_later(inputs.shared);
        if errors.is_empty() {
            Revised::Done(revision)
        } else {
            Revised::Failed(errors)
        }
    }

    /// Whether the edited `d` is published where its built version was:
    /// the same address, dated, not a draft, its image there.
    fn keeps_place(&self, d: &Document) -> bool {
        let site = self.inputs.site;
        let built = self.inputs.index.paths.get(&d.path);
        built.is_some()
            && !d.front.draft
            && d.front.date.is_some()
            && doc_path(d).as_ref() == built
            && d.front
                .image
                .as_ref()
                .is_none_or(|i| site.static_files.contains_key(i.trim_start_matches('/')))
    }

    /// The build's bodies, the summaries of `edited` rendered again.
    fn bodies_with(
        &self,
        edited: &BTreeMap<PathBuf, Document>,
    ) -> Result<Bodies<'_>, Vec<Diagnostic>> {
        let mut done = self.bodies.done.clone();
        let mut errors = Vec::new();
        for d in edited.values() {
            match self.bodies.summary(d) {
                Ok(body) => {
                    done.insert(d.path.clone(), body);
                }
                Err(e) => errors.extend(e),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Bodies {
            done,
            base: self.bodies.base.clone(),
            inputs: self.bodies.inputs,
            later: self.bodies.later.clone(),
        })
    }
}

impl Bodies<'_> {
    /// The summary of an article, rendered alone.
    fn summary(&self, d: &Document) -> Result<super::Body, Vec<Diagnostic>> {
        let Some(summary) = d.front.summary.as_deref().filter(|s| !bodies::is_plain(s)) else {
            return bodies::render_body(&self.base, d, self.inputs, Wanted::Summary);
        };
        let mut tera = self.base.clone();
        tera.add_raw_template(&format!("{}#summary", posix(&d.path)), summary)
            .map_err(|e| {
                vec![crate::template::diagnose(
                    &e,
                    None,
                    &doc_source(d, self.inputs.figures, true),
                    &self.inputs.site.catalogue,
                )]
            })?;
        bodies::render_body(&tera, d, self.inputs, Wanted::Summary)
    }
}

/// Whether the page of `route` is on show as `keys` would render it.
fn keys_agree(shown: &PageKeys, keys: &PageKeys, route: &Route) -> bool {
    keys.get(route).is_some_and(|k| shown.agrees(route, k))
}

/// Whether two plans have the same routes. Articles keep their addresses
/// (checked before), so their routes may only change places, with their
/// dates; every other route comes in the same order from the same groups.
fn same_routes(a: &[Planned<'_>], b: &[Planned<'_>]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            matches!((&x.route, &y.route), (Route::Article(_), Route::Article(_)))
                || x.route == y.route
        })
}
