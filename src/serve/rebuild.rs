//! What a change re-renders while serving. A full build keeps what it made
//! — the loaded site, its figures, the plan and index, every summary, the
//! compiled theme — until a change needs more than it can give:
//!
//! - the body of a published article edited, every front matter as built:
//!   only that article's page is rendered again (no other page reads an
//!   article's body: lists, related articles, feeds and the search index
//!   read its front matter and summary), its body checked and its prose
//!   linted as a build would;
//! - the front matter of published articles edited, each still published
//!   at its address: the last edit's index and plan are updated in place
//!   (made again when an article moves: its date, tags, unit…), and the pages
//!   whose [`PageKeys`] changed are rendered (the article, the list pages
//!   and related lists that show it, the feed, the search index; every
//!   page when the sidebar's newest articles change);
//! - the data files edited, the same records there with other figures:
//!   the figures are computed again (the compiled theme reads them
//!   through `template::Live`), and the
//!   pages that read a changed record while they were rendered (noted by
//!   `data::reads`) are rendered again, with the lists that show a
//!   summary that read one;
//! - a file the build does not read (`ghi-chu.txt` beside the articles):
//!   nothing;
//! - anything else (an article added, removed, renamed, moved to another
//!   address or made a draft; an edit that adds or removes a page, such as
//!   a new tag; records added or removed, data with errors; a section's
//!   `_index.md`, a page, `site.yaml`, `metrics.yaml`, the theme, a static
//!   file; events lost): the whole site is built again.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use rayon::prelude::*;

use super::{Hub, rebuilt, sse, update};
use crate::BuildOptions;
use crate::data::Figures;
use crate::diagnostic::{self, Diagnostic};
use crate::messages::Lang;
use crate::model::{Document, Site};
use crate::render::page_keys::{PageKeys, front_text};
use crate::render::record_keys::RecordHashes;
use crate::render::revise::{Data, Layout, Revised};
use crate::render::{self, Built};

/// What the watcher saw, once debounced.
#[derive(Clone, Debug)]
pub(super) enum Change {
    /// These sources were created, written, removed or renamed.
    Paths(Vec<PathBuf>),
    /// Events were lost: anything may have changed.
    Rescan,
}

/// What comes after a build.
enum Next {
    /// Wait for a change, then build the whole site.
    Wait,
    /// A change came that needs the whole site built.
    Rebuild,
    /// The watcher is gone.
    Stop,
}

/// Builds the site, then keeps building as changes come, until the watcher
/// goes away. `ready` hears when the first build is served.
pub(super) fn work(
    hub: &Hub,
    build: &BuildOptions,
    changes: &Receiver<Change>,
    ready: &Sender<()>,
) {
    loop {
        let next = full(hub, build, changes, ready);
        let _ = ready.send(());
        match next {
            Next::Stop => return,
            Next::Rebuild => {}
            Next::Wait => {
                if next_change(changes).is_none() {
                    return;
                }
            }
        }
    }
}

/// The next change, with those already queued behind it: one build
/// serves them all. `None` when the watcher is gone.
fn next_change(changes: &Receiver<Change>) -> Option<Change> {
    let mut change = changes.recv().ok()?;
    while let Ok(more) = changes.try_recv() {
        change = match (change, more) {
            (Change::Paths(mut a), Change::Paths(b)) => {
                a.extend(b);
                Change::Paths(a)
            }
            _ => Change::Rescan,
        };
    }
    Some(change)
}

/// One full build, served; then, while it stands, the body edits it can
/// serve alone. Returns what comes next.
fn full(hub: &Hub, build: &BuildOptions, changes: &Receiver<Change>, ready: &Sender<()>) -> Next {
    let lang = Lang::for_site(&build.root);
    let crate::Prepared {
        site,
        figures,
        mut diags,
        mut options,
        start,
    } = match crate::prepare(build, &|_| {}) {
        Ok(p) => p,
        Err(diags) => {
            show_error(hub, diags, lang);
            return Next::Wait;
        }
    };
    // Which records each page reads: a data edit renders those pages.
    options.record_reads = true;
    let loaded = !diags.iter().any(Diagnostic::is_error);
    let files = Mutex::new(BTreeMap::new());
    let sink = |path: &str, bytes: Vec<u8>| {
        files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(path.to_string(), bytes);
        Ok(())
    };
    let mut next = Next::Wait;
    let rendered = render::site_then(&site, &figures, &options, &sink, &mut |built, counts| {
        // Loading found errors: the build fails after rendering.
        if !loaded {
            return;
        }
        let files = std::mem::take(
            &mut *files
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        diagnostic::sort(&mut diags);
        if !diags.is_empty() {
            eprint!("{}", diagnostic::render_all(&diags, lang));
        }
        println!(
            "{}",
            rebuilt(counts.pages, counts.charts, start.elapsed()).text(lang)
        );
        if let Some(event) = update(hub, Ok(files)) {
            hub.broadcast(&event);
        }
        let _ = ready.send(());
        let edits = Edits {
            hub,
            root: &build.root,
            site: &site,
            figures: &figures,
            built,
            lang,
        };
        next = edits.serve(changes);
    });
    match rendered {
        Ok(_) if loaded => next,
        Ok(_) => {
            show_error(hub, diags, lang);
            Next::Wait
        }
        Err(more) => {
            diags.extend(more);
            show_error(hub, diags, lang);
            Next::Wait
        }
    }
}

/// Prints a failed build's problems and shows them over the last good
/// site.
fn show_error(hub: &Hub, mut diags: Vec<Diagnostic>, lang: Lang) {
    diagnostic::sort(&mut diags);
    let text = diagnostic::render_all(&diags, lang);
    eprint!("{text}");
    if let Some(event) = update(hub, Err(text)) {
        hub.broadcast(&event);
    }
}

/// The article edits a full build can serve alone.
struct Edits<'e> {
    hub: &'e Hub,
    root: &'e Path,
    site: &'e Site,
    figures: &'e Figures,
    built: &'e Built<'e>,
    lang: Lang,
}

/// What a change edits, when a full build is not needed.
enum Edit {
    /// Nothing the build reads.
    Nothing,
    /// Published articles, read again.
    Articles(Vec<Document>),
    /// The data files.
    Data,
}

/// What the edits since the last full build changed, and what is on show.
struct State<'a> {
    /// Every article edited, as it now is.
    edited: BTreeMap<PathBuf, &'a Document>,
    /// The index and plan of the last edit rendered through the keys.
    layout: Option<Layout<'a>>,
    /// Body edits whose page failed: rendered again with the next edit.
    owed: BTreeSet<PathBuf>,
    /// The keys of the pages on show.
    shown: PageKeys,
    /// Every front matter and figure is as built: a body edit renders
    /// its page alone.
    as_built: bool,
    /// The figures of edited data files.
    data: Option<Data>,
}

impl State<'_> {
    /// The figures in force.
    fn figures<'f>(&'f self, built: &'f Figures) -> &'f Figures {
        self.data.as_ref().map_or(built, Data::figures)
    }
}

/// What an edit rendered (pages and charts drawn), or its errors.
type Rendered = Result<(Vec<(String, Vec<u8>)>, usize), Vec<Diagnostic>>;

impl Edits<'_> {
    /// Serves changes while each edits published articles in place or
    /// the figures of the records; returns at the first change that needs
    /// a full build, or when the watcher is gone.
    fn serve(&self, changes: &Receiver<Change>) -> Next {
        let words = self.site.theme.words(self.site.config.language.code());
        let lint = crate::lint::Lint::new(&self.site.catalogue, &words);
        // Every version of an article edited until the next full build,
        // so that the index of one edit serves the next.
        let arena = typed_arena::Arena::new();
        let mut state = State {
            edited: BTreeMap::new(),
            layout: None,
            owed: BTreeSet::new(),
            shown: self.built.keys(),
            as_built: true,
            data: None,
        };
        // The hashes of the records as built, which data edits compare.
        let built_records = Arc::clone(&state.shown.records);
        self.built.warm();
        loop {
            let Some(change) = next_change(changes) else {
                return Next::Stop;
            };
            let start = Instant::now();
            let mut warnings = Vec::new();
            let mut fresh: Vec<&Document> = Vec::new();
            // What the edit replaces (figures, page keys: large), freed
            // once the reload is sent, while the browser asks for pages.
            let mut replaced: (Option<Data>, Option<PageKeys>) = (None, None);
            let data_edit = match self.classify(&change) {
                None => return Next::Rebuild,
                Some(Edit::Nothing) => continue,
                Some(Edit::Articles(docs)) => {
                    let figures = state.figures(self.figures);
                    warnings.extend(docs.iter().flat_map(|d| lint.document(d, figures)));
                    state.owed.extend(docs.iter().map(|d| d.path.clone()));
                    fresh = docs.into_iter().map(|d| &*arena.alloc(d)).collect();
                    state
                        .edited
                        .extend(fresh.iter().map(|d| (d.path.clone(), *d)));
                    false
                }
                Some(Edit::Data) => match self.new_data(&built_records, state.data.as_ref()) {
                    Some((data, found)) => {
                        warnings.extend(found);
                        replaced.0 = state.data.replace(data);
                        true
                    }
                    None => return Next::Rebuild,
                },
            };
            // Once pages were rendered from edited front matter or data,
            // every edit goes through the keys.
            state.as_built = state.as_built
                && state.data.is_none()
                && state.edited.values().all(|d| {
                    self.built
                        .article(&d.path)
                        .is_some_and(|b| front_text(b) == front_text(d))
                });
            let rendered = if state.as_built {
                self.bodies_alone(&mut state.owed, &state.edited, &mut state.shown)
            } else {
                match self.built.revise(
                    (&state.edited, &fresh),
                    state.data.as_ref(),
                    &state.shown,
                    &mut state.layout,
                ) {
                    Revised::Replan => return Next::Rebuild,
                    Revised::Failed(errors) => Err(errors),
                    Revised::Done(r) => {
                        if data_edit {
                            // Figures typed in the prose, checked against
                            // the new ones.
                            let figures = state.figures(self.figures);
                            let docs = r.articles.iter().filter_map(|p| {
                                state
                                    .edited
                                    .get(p)
                                    .copied()
                                    .or_else(|| self.built.article(p))
                            });
                            let docs: Vec<&Document> = docs.collect();
                            let found: Vec<Vec<Diagnostic>> =
                                docs.par_iter().map(|d| lint.document(d, figures)).collect();
                            warnings.extend(found.into_iter().flatten());
                        }
                        replaced.1 = Some(std::mem::replace(&mut state.shown, r.keys));
                        Ok((r.pages, r.charts))
                    }
                }
            };
            self.show(rendered, warnings, start);
            drop(replaced);
        }
    }

    /// Prints what an edit rendered, or its errors, and reloads or warns
    /// open pages.
    fn show(&self, rendered: Rendered, mut warnings: Vec<Diagnostic>, start: Instant) {
        let event = match rendered {
            Ok((pages, charts)) => {
                diagnostic::sort(&mut warnings);
                if !warnings.is_empty() {
                    eprint!("{}", diagnostic::render_all(&warnings, self.lang));
                }
                // Pages, as a full build counts them: the feed and the
                // search index are files.
                let html = pages.iter().filter(|(p, _)| p.ends_with(".html")).count();
                println!("{}", rebuilt(html, charts, start.elapsed()).text(self.lang));
                update_pages(self.hub, pages)
            }
            Err(mut errors) => {
                errors.extend(warnings);
                diagnostic::sort(&mut errors);
                let text = diagnostic::render_all(&errors, self.lang);
                eprint!("{text}");
                update(self.hub, Err(text))
            }
        };
        if let Some(event) = event {
            self.hub.broadcast(&event);
        }
    }

    /// What a change edits: published articles, the data files, nothing
    /// the build reads; `None` when it needs a full build.
    fn classify(&self, change: &Change) -> Option<Edit> {
        let Change::Paths(paths) = change else {
            return None;
        };
        let root = std::path::absolute(self.root).ok()?;
        let data = root.join("content").join("data");
        let in_data = |p: &PathBuf| std::path::absolute(p).is_ok_and(|p| p.starts_with(&data));
        if !paths.is_empty() && paths.iter().all(in_data) {
            return Some(Edit::Data);
        }
        let docs = self.article_edits(change)?;
        Some(if docs.is_empty() {
            Edit::Nothing
        } else {
            Edit::Articles(docs)
        })
    }

    /// The data files read again and their figures computed, with the
    /// warnings found; `None` when they have errors (a full build reports
    /// them) or records were added or removed.
    fn new_data(
        &self,
        built: &Arc<RecordHashes>,
        before: Option<&Data>,
    ) -> Option<(Data, Vec<Diagnostic>)> {
        let site = self.site;
        let mut found = Vec::new();
        crate::timings::mark(&"data: start");
        let records = crate::site::records(self.root, &site.catalogue, &site.units, &mut found);
        crate::timings::mark(&"data: loaded");
        let (figures, more) =
            crate::data::compute_with_units(records, &site.catalogue, &site.units);
        crate::timings::mark(&"data: computed");
        found.extend(more);
        if found.iter().any(Diagnostic::is_error) {
            return None;
        }
        Some((self.built.data(figures, built, before)?, found))
    }

    /// The pages of the articles in `owed`, whose front matter is as
    /// built: no other page changes. Those rendered leave `owed`, and
    /// `shown` forgets their keys (made from the text as built).
    fn bodies_alone(
        &self,
        owed: &mut BTreeSet<PathBuf>,
        edited: &BTreeMap<PathBuf, &Document>,
        shown: &mut PageKeys,
    ) -> Rendered {
        let mut errors = Vec::new();
        let mut pages = Vec::new();
        let mut charts = 0;
        for d in owed.iter().filter_map(|p| edited.get(p)) {
            match self.built.article_page(d) {
                Ok((route, bytes, n)) => {
                    shown.forget(&route);
                    pages.push((route.output_path(), bytes));
                    charts += n;
                }
                Err(e) => errors.extend(e),
            }
        }
        if errors.is_empty() {
            owed.clear();
            Ok((pages, charts))
        } else {
            Err(errors)
        }
    }

    /// The articles a change edits, read again, when it edits published
    /// articles in place, their front matter without errors (an empty
    /// list when it changes nothing the build reads); `None` when it needs
    /// a full build.
    fn article_edits(&self, change: &Change) -> Option<Vec<Document>> {
        let Change::Paths(paths) = change else {
            return None;
        };
        // The watcher names `./content/a.md` of `--root .` as
        // `/cwd/./content/a.md`: both made absolute, without their `.`.
        let root = std::path::absolute(self.root).ok()?;
        let dir = root.join("content").join("articles");
        let mut docs = BTreeMap::new();
        for path in paths {
            let path = &std::path::absolute(path).ok()?;
            if !path.starts_with(&dir) {
                return None;
            }
            let rel = crate::fs::relative(&root, path);
            if path.extension().and_then(|e| e.to_str()) != Some("md") {
                // A file the build does not read changes nothing; a folder
                // may hold articles, added or gone.
                let held = |p: &Path| p.starts_with(&rel);
                if path.is_dir()
                    || (!path.exists()
                        && (self.site.articles.iter().any(|d| held(&d.path))
                            || self.site.failed.iter().any(|p| held(p))))
                {
                    return None;
                }
                continue;
            }
            let old = self.built.article(&rel)?;
            let mut diags = Vec::new();
            let new = crate::site::document(&root, &dir, path, &self.site.units, &mut diags)?;
            if !diags.is_empty() || new.rel != old.rel {
                return None;
            }
            docs.insert(rel, new);
        }
        Some(docs.into_values().collect())
    }
}

/// Keeps pages rendered again and returns the event open pages need: a
/// reload when a page's bytes changed or the error on show went away.
fn update_pages(hub: &Hub, pages: Vec<(String, Vec<u8>)>) -> Option<String> {
    let mut state = hub.state.write().ok()?;
    let mut changed = state.error.take().is_some();
    for (path, bytes) in pages {
        if state.files.get(&path) != Some(&bytes) {
            changed = true;
            state.files.insert(path, bytes);
        }
    }
    changed.then(|| sse("reload", "rebuilt"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::RwLock;

    #[test]
    fn only_changed_pages_reload() {
        let hub = Hub {
            state: RwLock::new(super::super::State::default()),
            clients: Mutex::new(Vec::new()),
        };
        let page = |text: &str| vec![("a/index.html".to_string(), text.as_bytes().to_vec())];
        let reload = Some(sse("reload", "rebuilt"));
        assert_eq!(update_pages(&hub, page("a")), reload);
        assert_eq!(update_pages(&hub, page("a")), None, "same bytes");
        hub.state.write().unwrap().error = Some("e".into());
        assert_eq!(
            update_pages(&hub, page("a")),
            reload,
            "the error goes even when the page is the same"
        );
        assert_eq!(hub.state.read().unwrap().error, None);
    }
}
