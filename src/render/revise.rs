//! A built site edited while `serve` runs, rendered again in part. Edited
//! articles replace their loaded versions and edited data its figures;
//! the last edit's index and plan ([`Layout`]) are kept, updated in place
//! when the edited articles keep their places, else made again (50 ms for
//! 10,000 articles); then only the pages whose [`PageKeys`] changed are
//! rendered, with the build's compiled theme, bodies and link targets
//! (new figures reach the compiled functions through
//! [`crate::template::Live`]). An
//! edit that changes which pages there are (an article's address, a tag
//! page more or less, a list's page count, a record added or removed) is
//! left to a full build.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::data::Figures;
use crate::data::reads;
use crate::diagnostic::Diagnostic;
use crate::fs::posix;
use crate::model::Document;
use crate::template::Shared;

use super::bodies::{BodyInputs, BodyValues};
use super::context::Inputs;
use super::frame::Highlight;
use super::index::{SiteIndex, doc_path};
use super::page_keys::{self, Basis, PageKeys};
use super::plan::{self, Planned};
use super::record_keys::{ReadLog, RecordHashes};
use super::route::Route;
use super::{Bodies, Built, Wanted, bodies, doc_source, page_charts, render_route};

/// What rendering an edited site again gave.
pub enum Revised {
    /// The edit changes which pages there are, or an edited article's
    /// place on the site: build the whole site again.
    Replan,
    /// The pages whose keys changed, rendered.
    Done(Box<Revision>),
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
    /// The source paths of the articles whose pages were rendered again.
    pub articles: Vec<PathBuf>,
}

/// New figures for a built site (a data file edited), and what reads
/// them: the template functions' copy, each record's values for bodies,
/// the sidebar's figures.
pub struct Data {
    shared: Arc<Shared>,
    /// The figures' parts of summaries made with these figures.
    summaries: super::summary::Memo,
    values: BodyValues,
    highlights: Vec<Highlight>,
    records: Arc<RecordHashes>,
    /// The hashes of the records the build rendered with.
    built: Arc<RecordHashes>,
}

impl Data {
    /// The figures.
    pub fn figures(&self) -> &Figures {
        &self.shared.figures
    }
}

/// Hashes of the figure cards: the sidebar's (the first) and the home
/// page's (all).
fn highlights_hash(highlights: &[Highlight]) -> (u64, u64) {
    let hash = |cards: &[Highlight]| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        serde_json::to_string(cards)
            .unwrap_or_default()
            .hash(&mut h);
        h.finish()
    };
    (
        hash(highlights.get(..1).unwrap_or_default()),
        hash(highlights),
    )
}

/// The index and plan of an edited site, kept from one edit to the next:
/// an edit of an article's title, summary or body, or of the data,
/// changes neither.
pub struct Layout<'r> {
    index: SiteIndex<'r>,
    plan: Vec<Planned<'r>>,
}

impl<'b> Built<'b> {
    /// The keys of the built site's pages.
    pub fn keys(&self) -> PageKeys {
        page_keys::keys(
            self.plan,
            self.inputs.index,
            self.inputs.per_page,
            Basis {
                loaded: &self.inputs.site.articles,
                before: None,
                renewed: &BTreeSet::new(),
                log: self.reads.clone(),
                records: Arc::new(RecordHashes::new(self.inputs.figures)),
                highlights: highlights_hash(self.inputs.highlights),
            },
        )
    }

    /// Writes the search index's entries ahead, so that the first edit
    /// writes only its own.
    pub fn warm(&self) {
        let none = std::collections::HashSet::new();
        let inputs = Inputs {
            shared: self.inputs.shared.for_articles(&[]),
            search_memo: Some(super::search::Memo {
                written: self.search_memo,
                renewed: &none,
            }),
            ..*self.inputs
        };
        // Only the entries are wanted; an error shows with the edit.
        let _ = super::search::index_script(&inputs);
    }

    /// The built site with new `figures`, of the same records: `None`
    /// when records were added or removed (which changes the pages there
    /// are). `built` are the hashes of the build's records (those of
    /// [`Built::keys`]); `before` the figures of the last data edit.
    pub fn data(
        &self,
        figures: Figures,
        built: &Arc<RecordHashes>,
        before: Option<&Data>,
    ) -> Option<Data> {
        let site = self.inputs.site;
        // Hashed anew where they differ from the figures on show.
        let records = match before {
            Some(d) => d.records.since(d.figures(), &figures),
            None => built.since(self.inputs.figures, &figures),
        };
        let built = Arc::clone(built);
        crate::timings::mark(&"data: hashed");
        if !records.same_keys(&built) || figures.gaps != self.inputs.figures.gaps {
            return None;
        }
        let words = site.theme.words(site.config.language.code());
        let shared = Arc::new(Shared {
            catalogue: site.catalogue.clone(),
            figures,
            units: site.units.clone(),
            style: words.style(),
            words,
        });
        let figures = &shared.figures;
        let values = BodyValues::new(site, self.inputs.base_url, figures);
        let highlights = super::frame::highlights(site, figures, &shared.words);
        crate::timings::mark(&"data: values");
        Some(Data {
            shared,
            summaries: super::summary::Memo::default(),
            values,
            highlights,
            records: Arc::new(records),
            built,
        })
    }

    /// The built site with `edited` in place of the published articles of
    /// the same source paths, and `data`'s figures when given: the pages
    /// whose keys differ from `shown` (the keys of what is on show),
    /// rendered. `fresh` are the articles this edit changed (none for a
    /// data edit); `layout` the index and plan of the last edit, updated
    /// in place when the fresh articles are indexed alike, else made again.
    pub fn revise<'r>(
        &self,
        (edited, fresh): (&BTreeMap<PathBuf, &'r Document>, &[&'r Document]),
        data: Option<&Data>,
        shown: &PageKeys,
        layout: &mut Option<Layout<'r>>,
    ) -> Revised
    where
        'b: 'r,
    {
        if self.inputs.year.is_some() || !edited.values().all(|d| self.keeps_place(d)) {
            *layout = None;
            return Revised::Replan;
        }
        crate::timings::mark(&"edit: start");
        let per_page = self.inputs.per_page;
        let figures = data.map_or(self.inputs.figures, Data::figures);
        // The compiled theme's and bodies' functions read these figures.
        self.live.set(data.map_or(self.shared, |d| &d.shared));
        let Some(Layout { index, plan }) = self.lay_out((edited, fresh), figures, layout) else {
            return Revised::Replan;
        };
        crate::timings::mark(&"edit: planned");
        let body_inputs = BodyInputs {
            figures,
            shared: data.map_or(self.bodies.inputs.shared, |d| &d.shared),
            prebuilt: data.map_or(self.bodies.inputs.prebuilt, |d| &d.values),
            ..*self.bodies.inputs
        };
        let records = data.map_or_else(|| Arc::clone(&shown.records), |d| Arc::clone(&d.records));
        let mut log = shown.log.clone();
        let (bodies, renewed_paths) =
            match self.bodies_with(edited, data, &body_inputs, index, &mut log) {
                Ok(b) => b,
                Err(e) => return Revised::Failed(e),
            };
        // Articles whose list entries differ from the build's: edited, or
        // their summaries rendered again.
        let renewed: Vec<&Document> = renewed_paths
            .iter()
            .filter_map(|p| index.article(p))
            .collect();
        let renewed_at: std::collections::HashSet<usize> = renewed
            .iter()
            .map(|d| std::ptr::from_ref(*d) as usize)
            .collect();
        crate::timings::mark(&"edit: summaries");
        let highlights = data.map_or(self.inputs.highlights, |d| &d.highlights);
        let keys = page_keys::keys(
            plan,
            index,
            per_page,
            Basis {
                loaded: &self.inputs.site.articles,
                before: Some(shown),
                renewed: &renewed_paths,
                log,
                records,
                highlights: highlights_hash(highlights),
            },
        );
        crate::timings::mark(&"edit: keyed");
        let inputs = Inputs {
            index,
            bodies: &bodies.done,
            figures,
            highlights,
            // Their list entries made anew, the others' kept.
            shared: self.inputs.shared.for_articles(&renewed),
            search_memo: Some(super::search::Memo {
                written: self.search_memo,
                renewed: &renewed_at,
            }),
            summary_memo: Some(data.map_or(self.summary_memo, |d| &d.summaries)),
            earlier: Some(&self.inputs.shared),
            ..*self.inputs
        };
        let revised = self.render_dirty(plan, (shown, keys), &inputs, &bodies);
        crate::drop_later(inputs.shared);
        revised
    }

    /// The index and plan of the edited site: the last edit's, updated in
    /// place when the `fresh` articles keep their places, else made again;
    /// `None` when the routes differ from the build's (left to a full
    /// build).
    fn lay_out<'l, 'r>(
        &self,
        (edited, fresh): (&BTreeMap<PathBuf, &'r Document>, &[&'r Document]),
        figures: &Figures,
        layout: &'l mut Option<Layout<'r>>,
    ) -> Option<&'l Layout<'r>>
    where
        'b: 'r,
    {
        let swapped = layout.as_mut().and_then(|l| {
            let swaps = l.index.swap(fresh)?;
            plan::swap(&mut l.plan, &swaps);
            Some(())
        });
        if swapped.is_some() {
            return layout.as_ref();
        }
        let old = self.inputs.index;
        let articles: Vec<&Document> = old
            .articles
            .iter()
            .map(|d| edited.get(&d.path).copied().unwrap_or(d))
            .collect();
        let index = SiteIndex::new(articles, old.pages.clone(), &self.inputs.site.articles);
        crate::timings::mark(&"edit: indexed");
        let plan = plan::unchecked(&index, figures, self.inputs.per_page);
        if !same_routes(self.plan, &plan) {
            *layout = None;
            return None;
        }
        Some(layout.insert(Layout { index, plan }))
    }

    /// Renders the pages of `plan` whose `keys` differ from those `shown`,
    /// in parallel; the keys follow what they read.
    fn render_dirty(
        &self,
        plan: &[Planned<'_>],
        (shown, mut keys): (&PageKeys, PageKeys),
        inputs: &Inputs<'_>,
        bodies: &Bodies<'_>,
    ) -> Revised {
        let theme = self.theme;
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
                let (made, read) =
                    reads::recording(|| render_route(theme, e, &routes, inputs, bodies));
                let (bytes, body_charts) = made?;
                let charts = page_charts(&e.route, &bytes, body_charts, inputs);
                Ok((e, bytes, charts, read))
            })
            .collect();
        crate::timings::mark(&"edit: rendered");
        let mut revision = Revision {
            pages: Vec::with_capacity(rendered.len()),
            charts: 0,
            keys: PageKeys::default(),
            articles: Vec::new(),
        };
        let mut errors = Vec::new();
        for r in rendered {
            match r {
                Ok((e, bytes, charts, read)) => {
                    keys.rendered(&e.route, e.doc, inputs.index, read);
                    if let (Route::Article(_), Some(d)) = (&e.route, e.doc) {
                        revision.articles.push(d.path.clone());
                    }
                    revision.pages.push((e.route.output_path(), bytes));
                    revision.charts += charts;
                }
                Err(e) => errors.extend(e),
            }
        }
        revision.keys = keys;
        if errors.is_empty() {
            Revised::Done(Box::new(revision))
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

    /// The build's bodies, with those rendered again that differ: the
    /// summaries of `edited`, and, with new figures, every summary or body
    /// rendered ahead that read a record whose figures changed since the
    /// build. What they read goes to `log`.
    fn bodies_with<'s>(
        &'s self,
        edited: &BTreeMap<PathBuf, &Document>,
        data: Option<&Data>,
        inputs: &'s BodyInputs<'s>,
        index: &SiteIndex<'_>,
        log: &mut ReadLog,
    ) -> Result<(Bodies<'s>, BTreeSet<PathBuf>), Vec<Diagnostic>> {
        let base = self.bodies.base.clone();
        let mut bodies = Bodies {
            done: super::bodies::Done::over(&self.bodies.done),
            base,
            inputs,
            later: self.bodies.later.clone(),
        };
        // Those that read a record whose figures are not those the build
        // rendered them with.
        let changed: BTreeSet<PathBuf> = match data {
            None => BTreeSet::new(),
            Some(d) => {
                let since_built = d.built.changed(&d.records);
                log.docs
                    .iter()
                    .filter(|(_, read)| since_built.touches(read))
                    .map(|(p, _)| PathBuf::from(p))
                    .collect()
            }
        };
        // Looked up by path, not found by a scan of every article.
        let articles: BTreeSet<&PathBuf> = edited.keys().chain(&changed).collect();
        let docs: Vec<(&Document, Wanted)> = articles
            .into_iter()
            .filter_map(|p| index.article(p))
            .map(|d| (d, Wanted::Summary))
            .chain(
                index
                    .pages
                    .iter()
                    .chain(index.section_docs.values())
                    .filter(|d| changed.contains(&d.path))
                    .map(|d| (*d, Wanted::Both)),
            )
            .collect();
        let made: Vec<_> = docs
            .par_iter()
            .map(|(d, wanted)| {
                let (body, read) = reads::recording(|| bodies.ahead(d, *wanted));
                (d.path.clone(), body, read)
            })
            .collect();
        let mut errors = Vec::new();
        let mut renewed = BTreeSet::new();
        for (path, body, read) in made {
            match body {
                Ok(body) => {
                    renewed.insert(path.clone());
                    bodies.done.insert(path.clone(), body);
                    // Kept with what it read before: a record read once
                    // still makes it render again when it changes.
                    log.docs
                        .entry(path.into_os_string())
                        .or_default()
                        .merge(&read);
                }
                Err(e) => errors.extend(e),
            }
        }
        if errors.is_empty() {
            Ok((bodies, renewed))
        } else {
            Err(errors)
        }
    }
}

impl Bodies<'_> {
    /// The summary of an article, or the whole body of a document
    /// rendered ahead of its page, rendered alone.
    fn ahead(&self, d: &Document, wanted: Wanted) -> Result<super::Body, Vec<Diagnostic>> {
        let mut tera = None;
        let name = posix(&d.path);
        let mut add = |name: String, source: &str, summary: bool| {
            if bodies::is_plain(source) {
                return Ok(());
            }
            let engine = tera.get_or_insert_with(|| self.base.clone());
            engine.add_raw_template(&name, source).map_err(|e| {
                vec![crate::template::diagnose(
                    &e,
                    None,
                    &doc_source(d, self.inputs.figures, summary),
                    &self.inputs.site.catalogue,
                )]
            })
        };
        if let Some(summary) = d.front.summary.as_deref() {
            add(format!("{name}#summary"), summary, true)?;
        }
        if wanted != Wanted::Summary {
            add(name, &d.body, false)?;
        }
        bodies::render_body(tera.as_ref().unwrap_or(&self.base), d, self.inputs, wanted)
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
