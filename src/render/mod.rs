//! Rendering: from the loaded site and its figures to a sorted map of
//! output path → bytes. Nothing here reads or writes the disk.
//!
//! One page, from route to bytes: [`plan`] lists the routes, [`index`]
//! groups the articles once, [`bodies`] renders each document's Markdown,
//! a family ([`list`], [`article`]) turns a route into its typed
//! [`context`], and the theme's template for the route makes the bytes.
//! This module only orchestrates, in parallel where the work is.

use crate::messages::{Hint, Msg, Part};
pub mod archive;
pub mod article;
pub mod bodies;
pub mod context;
pub mod frame;
pub mod index;
pub mod list;
pub mod machine;
pub mod open_data;
pub mod page_keys;
pub mod plan;
pub mod record_keys;
pub mod revise;
pub mod route;
pub mod search;
pub mod summary;
pub mod unit;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;
use tera::{Context, Tera};

use crate::data::Figures;
use crate::diagnostic::Diagnostic;
use crate::fs::posix;
use crate::model::{Document, Site};
use crate::template::{self, Scope, Shared};

pub use bodies::{Body, is_code_url};
use bodies::{BodyInputs, Wanted, bounded, doc_source};
use context::Inputs;
use index::SiteIndex;
use plan::Planned;
use route::{Route, SitePath};

/// Build settings that change the output.
#[derive(Clone, Debug)]
pub struct Options {
    /// Absolute base URL, ending in `/`.
    pub base_url: String,
    /// Include drafts.
    pub drafts: bool,
    /// Build the yearly summary site of this year (`build --year`).
    pub year: Option<i32>,
    /// Note which records each page reads (`serve`: a data edit renders
    /// again the pages that read what it changed).
    pub record_reads: bool,
}

/// The whole site in memory.
#[derive(Clone, Debug, Default)]
pub struct Rendered {
    /// Output path (with `/`) → bytes.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Number of HTML pages.
    pub pages: usize,
    /// Number of charts drawn.
    pub charts: usize,
}

/// What one theme page may cost; list pages write more than an article.
const THEME_LIMITS: tera::limits::Limits = tera::limits::Limits {
    steps: 50_000_000,
    output_bytes: 64 << 20,
    string_bytes: 16 << 20,
};

/// Where rendered files go, one call per file, from any thread: an output
/// path (with `/`) and its bytes.
pub type Sink<'s> = dyn Fn(&str, Vec<u8>) -> Result<(), Diagnostic> + Sync + 's;

/// What [`site_to`] produced.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    /// Number of HTML pages.
    pub pages: usize,
    /// Number of charts drawn.
    pub charts: usize,
    /// Number of files, pages included.
    pub files: usize,
}

/// Renders the whole site in memory (`serve`, tests): [`site_to`] into a
/// map.
pub fn site(site: &Site, figures: &Figures, opts: &Options) -> Result<Rendered, Vec<Diagnostic>> {
    let memory = Memory::default();
    let counts = site_to(site, figures, opts, &|path: &str, bytes| {
        memory.put(path, bytes)
    })?;
    Ok(Rendered {
        files: memory.into_files(),
        pages: counts.pages,
        charts: counts.charts,
    })
}

/// A sink that keeps every file in memory, by output path (any thread).
#[derive(Default)]
pub struct Memory(std::sync::Mutex<BTreeMap<String, Vec<u8>>>);

impl Memory {
    /// Keeps one file.
    pub fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(path.to_string(), bytes);
        Ok(())
    }

    /// Every file kept so far, taken out.
    pub fn take(&self) -> BTreeMap<String, Vec<u8>> {
        std::mem::take(
            &mut *self
                .0
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
    }

    /// Every file kept.
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.0
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Renders the whole site into `sink`: the plan, every document's summary,
/// then every page of the plan (an article's body rendered with its page,
/// so no more than the pages in flight are held), then the static files.
/// On `Err`, some files may have gone to the sink: its owner discards them.
pub fn site_to(
    site: &Site,
    figures: &Figures,
    opts: &Options,
    sink: &Sink<'_>,
) -> Result<Counts, Vec<Diagnostic>> {
    site_then(site, figures, opts, sink, &mut |_, _| {})
}

/// [`site_to`], then, when every page rendered without error, `then` with
/// what the build made (plan, index, bodies, compiled theme) while it is
/// still there: `serve` keeps it to re-render one article whose body
/// changed ([`Built::article_page`]).
pub fn site_then(
    site: &Site,
    figures: &Figures,
    opts: &Options,
    sink: &Sink<'_>,
    then: &mut dyn FnMut(&Built<'_>, Counts),
) -> Result<Counts, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    // The template functions' copy of the data, made while the articles
    // are indexed.
    let (shared, (articles, pages, full_index)) = rayon::join(
        || shared_of(site, figures),
        || {
            let (articles, pages) = plan::publishable(site, opts.drafts, &mut diags);
            let index = SiteIndex::new(articles.clone(), pages.clone(), &site.articles);
            (articles, pages, index)
        },
    );
    let per_page = site.config.per_page.max(1);
    crate::timings::mark(&"indexed");
    let full_plan = plan::routes(&full_index, figures, per_page, &mut diags);
    // A yearly site's links are checked against the whole site, so a
    // yearly build reports what a full build reports.
    let (index, year_plan) = match opts.year {
        None => (None, None),
        Some(year) => {
            if let Err(d) = plan::check_year(year, &full_index, figures) {
                diags.push(d);
                return Err(diags);
            }
            let (index, plan) = year_plan(year, &articles, &pages, site, figures, per_page);
            (Some(index), Some(plan))
        }
    };
    let plan: &[Planned<'_>] = year_plan.as_deref().unwrap_or(&full_plan);
    let index = index.as_ref().unwrap_or(&full_index);
    let paths = url_paths(plan, site);
    let links = Links {
        full_index: &full_index,
        full_plan: &full_plan,
        kept: opts.year.map(|_| &paths),
    };
    crate::timings::mark(&"planned");
    let body_values = bodies::BodyValues::new(site, &opts.base_url, figures);
    let link_targets = LinkTargets::new(site, &links);
    let body_inputs = BodyInputs {
        site,
        figures,
        base_url: &opts.base_url,
        urls: &link_targets.urls,
        known: &link_targets.known,
        kept: links.kept,
        shared: &shared,
        prebuilt: &body_values,
    };
    crate::timings::mark(&"links checked");
    // What each page and body read, when asked (`serve`).
    let page_reads = std::sync::Mutex::default();
    let doc_reads = std::sync::Mutex::default();
    let live = template::Live::new(&shared);
    let bodies = all_bodies(
        (site, opts, &live),
        plan,
        &links,
        &body_inputs,
        opts.record_reads.then_some(&doc_reads),
        &mut diags,
    )?;
    crate::timings::mark(&"summaries rendered");
    let theme = compile_theme(site, &live)?;
    let highlights = frame::highlights(site, figures, &shared.words);
    let summary_memo = summary::Memo::default();
    let inputs = Inputs {
        site,
        index,
        bodies: &bodies.done,
        figures,
        base_url: &opts.base_url,
        per_page,
        words: &shared.words,
        paths: &paths,
        year: opts.year,
        highlights: &highlights,
        shared: context::Prebuilt::new(site, &opts.base_url, &shared.words, &index.articles),
        search_memo: None,
        // Kept for `serve`'s edits.
        summary_memo: opts.record_reads.then_some(&summary_memo),
        earlier: None,
    };
    crate::timings::mark(&"theme compiled");
    let mut counts = all_pages(
        (&theme, plan, &inputs, &bodies),
        sink,
        opts.record_reads.then_some(&page_reads),
        &mut diags,
    );
    crate::timings::mark(&"pages rendered");
    counts.files += add_static_files(site, plan, sink, &mut diags);
    crate::timings::mark(&"static files");
    if diags.iter().any(Diagnostic::is_error) {
        Err(diags)
    } else {
        let routes: Vec<Route> = plan.iter().map(|e| e.route.clone()).collect();
        let search_memo = search::Written::default();
        let reads = record_keys::ReadLog {
            pages: taken(page_reads),
            docs: taken(doc_reads),
        };
        let built = Built {
            theme: &theme,
            plan,
            routes: &routes,
            inputs: &inputs,
            bodies: &bodies,
            search_memo: &search_memo,
            reads: &reads,
            live: &live,
            shared: &shared,
            summary_memo: &summary_memo,
        };
        then(&built, counts);
        // Thousands of small shared values: freed off the build's path.
        crate::drop_later(inputs.shared);
        Ok(counts)
    }
}

/// The template functions' copy of the data.
fn shared_of(site: &Site, figures: &Figures) -> Arc<Shared> {
    let words = site.theme.words(site.config.language.code());
    Arc::new(Shared {
        catalogue: site.catalogue.clone(),
        figures: figures.clone(),
        units: site.units.clone(),
        style: words.style(),
        words,
    })
}

/// Every URL path of a build: its routes', its static files' and its
/// theme's assets'.
fn url_paths(plan: &[Planned<'_>], site: &Site) -> BTreeSet<String> {
    plan.iter()
        .map(|e| e.route.url_path())
        .chain(site.static_files.keys().cloned())
        .chain(site.theme.assets.keys().cloned())
        .collect()
}

/// What a log of reads holds, once no render adds to it.
fn taken<K>(log: ReadsBy<K>) -> record_keys::Map<K, crate::data::reads::Reads> {
    log.into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// What a build made, lent to [`site_then`]'s `then`: enough to render
/// one article's page again without planning, indexing or compiling the
/// theme again.
pub struct Built<'b> {
    theme: &'b Tera,
    plan: &'b [Planned<'b>],
    routes: &'b [Route],
    inputs: &'b Inputs<'b>,
    bodies: &'b Bodies<'b>,
    search_memo: &'b search::Written,
    reads: &'b record_keys::ReadLog,
    /// What the theme's and bodies' functions read: the build's figures,
    /// or an edit's.
    live: &'b template::Live,
    /// The build's facts for the functions.
    shared: &'b Arc<Shared>,
    /// The figures' parts of summaries made with the build's figures.
    summary_memo: &'b summary::Memo,
}

impl Built<'_> {
    /// The published article loaded from `path` (relative to the site
    /// root), as the build indexed it: its front matter decides every page
    /// but its own.
    pub fn article(&self, path: &std::path::Path) -> Option<&Document> {
        self.inputs.index.article(path)
    }

    /// The page of `doc`, a new version of a published article whose front
    /// matter is unchanged (so no other page changes): its route, bytes
    /// and the charts its body draws. Errors are its body's.
    pub fn article_page(&self, doc: &Document) -> Result<(Route, Vec<u8>, usize), Vec<Diagnostic>> {
        // As built: the build's figures.
        self.live.set(self.shared);
        let Some(path) = self.inputs.index.paths.get(&doc.path) else {
            return Err(vec![
                Diagnostic::error(crate::msg!(Msg::FileNotMade, posix(&doc.path)))
                    .hint(Hint::BugBaocaoThemePlease),
            ]);
        };
        let e = Planned {
            route: Route::Article(path.clone()),
            doc: Some(doc),
            origin: posix(&doc.path).into(),
        };
        let (bytes, charts) = render_route(self.theme, &e, self.routes, self.inputs, self.bodies)?;
        Ok((e.route, bytes, charts))
    }
}

/// The index and plan of the yearly site of `year`: the plan of the
/// year's articles, narrowed to the routes of the year.
fn year_plan<'a>(
    year: i32,
    articles: &[&'a Document],
    pages: &[&'a Document],
    site: &'a Site,
    figures: &Figures,
    per_page: usize,
) -> (SiteIndex<'a>, Vec<Planned<'a>>) {
    let in_year = articles
        .iter()
        .copied()
        .filter(|d| plan::article_in_year(d, year))
        .collect();
    let index = SiteIndex::new(in_year, pages.to_vec(), &site.articles);
    // Its claims are a part of the whole site's, checked already.
    let routes = plan::routes(&index, figures, per_page, &mut Vec::new());
    let plan = plan::for_year(routes, year, &index, figures);
    (index, plan)
}

/// What links in bodies are checked against: the whole site, and in a
/// yearly site the paths it keeps.
struct Links<'a> {
    full_index: &'a SiteIndex<'a>,
    full_plan: &'a [Planned<'a>],
    /// In a yearly site, its URL paths: a link elsewhere leads to its
    /// home page, the summary.
    kept: Option<&'a BTreeSet<String>>,
}

/// What body links are checked against and resolved with.
struct LinkTargets {
    /// Every site path a link may point at: pages and files.
    known: BTreeSet<String>,
    /// Article or page source → URL path; `_index.md` → its section.
    urls: HashMap<PathBuf, SitePath>,
}

impl LinkTargets {
    fn new(site: &Site, links: &Links<'_>) -> LinkTargets {
        let known = links
            .full_plan
            .iter()
            .map(|e| e.route.url_path())
            .chain(site.static_files.keys().cloned())
            .chain(site.theme.assets.keys().cloned())
            .collect();
        let urls = links
            .full_index
            .paths
            .iter()
            .map(|(p, s)| (p.clone(), s.clone()))
            .chain(
                links
                    .full_index
                    .section_docs
                    .iter()
                    .map(|(sec, d)| (d.path.clone(), sec.clone())),
            )
            .collect();
        LinkTargets { known, urls }
    }
}

/// The bodies of a build: those rendered ahead (every summary; whole
/// bodies of pages and section introductions), and what renders an
/// article's body when its page is written.
struct Bodies<'a> {
    /// Rendered ahead, by source path; an article's has its summary only.
    done: bodies::Done<'a>,
    /// The engine without templates: an article's body is compiled with
    /// its page, so no more than the pages in flight are held compiled.
    base: Tera,
    inputs: &'a BodyInputs<'a>,
    /// Sources whose body renders with its page.
    later: std::collections::HashSet<&'a std::path::Path>,
}

impl Bodies<'_> {
    /// The whole body of `d`: rendered ahead, or now with its summary
    /// rendered ahead.
    fn whole(&self, d: &Document) -> Result<std::borrow::Cow<'_, Body>, Vec<Diagnostic>> {
        use std::borrow::Cow;
        let ahead = self.done.get(&d.path);
        if !self.later.contains(d.path.as_path()) {
            return Ok(ahead.map_or_else(|| Cow::Owned(Body::default()), Cow::Borrowed));
        }
        if bodies::is_plain(&d.body) {
            let mut body = bodies::render_body(&self.base, d, self.inputs, Wanted::Text)?;
            body.summary = ahead.and_then(|b| b.summary.clone());
            return Ok(Cow::Owned(body));
        }
        let mut tera = self.base.clone();
        tera.add_raw_template(&posix(&d.path), &d.body)
            .map_err(|e| {
                let source = doc_source(d, self.inputs.figures, false);
                vec![template::diagnose(
                    &e,
                    None,
                    &source,
                    &self.inputs.site.catalogue,
                )]
            })?;
        let mut body = bodies::render_body(&tera, d, self.inputs, Wanted::Text)?;
        body.summary = ahead.and_then(|b| b.summary.clone());
        Ok(Cow::Owned(body))
    }
}

/// Every published document's summary, and the whole bodies of pages and
/// section introductions, rendered in parallel; stops the build after this
/// stage when any of them fails. The bodies of documents left off for
/// errors in their front matter are checked too (compiled, and rendered
/// when their figures are known), so one run reports the errors of both
/// parts of a file.
fn all_bodies<'a>(
    (site, opts, live): (&Site, &Options, &template::Live),
    plan: &[Planned<'a>],
    links: &Links<'a>,
    body_inputs: &'a BodyInputs<'a>,
    reads: Option<&ReadsBy<std::ffi::OsString>>,
    diags: &mut Vec<Diagnostic>,
) -> Result<Bodies<'a>, Vec<Diagnostic>> {
    // Article bodies and summaries are templates, compiled once together.
    let docs: Vec<&Document> = plan
        .iter()
        .filter_map(|e| e.doc)
        .chain(links.full_index.section_docs.values().copied())
        .collect();
    let later: std::collections::HashSet<&std::path::Path> = plan
        .iter()
        .filter(|e| matches!(e.route, Route::Article(_)))
        .filter_map(|e| e.doc.map(|d| d.path.as_path()))
        .collect();
    // Drafts are checked only when they would be published.
    let unpublished: Vec<_> = site
        .unpublished
        .iter()
        .filter(|u| opts.drafts || !u.doc.front.draft)
        .collect();
    let compiled: Vec<&Document> = docs
        .iter()
        .copied()
        .chain(unpublished.iter().map(|u| &u.doc))
        .collect();
    let base = body_engine(live);
    let tera = match compile_bodies(&base, &compiled, &later, &live.get(), site) {
        Ok(t) => t,
        Err(more) => {
            diags.extend(more);
            return Err(std::mem::take(diags));
        }
    };
    if diags.iter().any(Diagnostic::is_error) {
        return Err(std::mem::take(diags));
    }
    check_menu(site, body_inputs.known, diags);
    crate::timings::mark(&"bodies compiled");
    let rendered: Vec<_> = docs
        .par_iter()
        .map(|d| {
            let wanted = if later.contains(d.path.as_path()) {
                Wanted::Summary
            } else {
                Wanted::Both
            };
            logged(reads, d.path.clone().into_os_string(), || {
                bodies::render_body(&tera, d, body_inputs, wanted)
            })
            .map(|b| (d.path.clone(), b))
        })
        .collect();
    let mut done: HashMap<PathBuf, Body> = HashMap::new();
    for r in rendered {
        match r {
            Ok((p, b)) => {
                done.insert(p, b);
            }
            Err(d) => diags.extend(d),
        }
    }
    // Only their errors count: they are not published.
    let checked: Vec<_> = unpublished
        .par_iter()
        .filter(|u| u.renders)
        .filter_map(|u| bodies::render_body(&tera, &u.doc, body_inputs, Wanted::Both).err())
        .collect();
    diags.extend(checked.into_iter().flatten());
    // Pages render on after a failed body: an article's body fails with
    // its page, so one run reports every body's errors; the build fails.
    Ok(Bodies {
        done: bodies::Done::new(done),
        base,
        inputs: body_inputs,
        later,
    })
}

/// What bodies or pages read, by source path or route.
type ReadsBy<K> = std::sync::Mutex<record_keys::Map<K, crate::data::reads::Reads>>;

/// Runs `f`; with a log, notes what it read there under `key`.
fn logged<K: std::hash::Hash + Eq, T>(
    log: Option<&ReadsBy<K>>,
    key: K,
    f: impl FnOnce() -> T,
) -> T {
    let Some(log) = log else {
        return f();
    };
    let (value, read) = crate::data::reads::recording(f);
    log.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .insert(key, read);
    value
}

/// How many charts an HTML text holds.
fn chart_count(html: &[u8]) -> usize {
    memchr::memmem::find_iter(html, b"<figure class=\"bc-chart ").count()
}

/// The theme's templates, compiled once for every page.
fn compile_theme(site: &Site, live: &template::Live) -> Result<Tera, Vec<Diagnostic>> {
    let mut theme = Tera::new();
    theme.autoescape_on([".html", ".xml"]);
    template::register(&mut theme, live);
    theme
        .add_raw_templates(
            site.theme
                .templates
                .iter()
                .map(|(n, s)| (n.as_str(), s.as_str())),
        )
        .map_err(|e| vec![theme_error(&e, None, site)])?;
    Ok(theme)
}

/// Every page of the plan, rendered in parallel and handed to `sink` as it
/// is made.
fn all_pages(
    (theme, plan, inputs, bodies): (&Tera, &[Planned<'_>], &Inputs<'_>, &Bodies<'_>),
    sink: &Sink<'_>,
    reads: Option<&ReadsBy<Route>>,
    diags: &mut Vec<Diagnostic>,
) -> Counts {
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
    let routes: Vec<Route> = plan.iter().map(|e| e.route.clone()).collect();
    // Bodies rendered ahead (pages, section introductions) are counted
    // here; an article's when its page renders it.
    let ahead = bodies
        .done
        .values()
        .map(|b| chart_count(b.html.as_bytes()))
        .sum();
    let (pages, charts) = (AtomicUsize::new(0), AtomicUsize::new(ahead));
    let failed: Vec<Diagnostic> = plan
        .par_iter()
        .flat_map_iter(|e| {
            let rendered = logged(reads, e.route.clone(), || {
                render_route(theme, e, &routes, inputs, bodies)
            });
            let (bytes, body_charts) = match rendered {
                Ok(b) => b,
                Err(d) => return d,
            };
            charts.fetch_add(page_charts(&e.route, &bytes, body_charts, inputs), Relaxed);
            let path = e.route.output_path();
            // Pages are what readers open; the feed and sitemap are files.
            if path.ends_with(".html") {
                pages.fetch_add(1, Relaxed);
            }
            sink(&path, bytes).err().into_iter().collect()
        })
        .collect();
    diags.extend(failed);
    Counts {
        pages: pages.into_inner(),
        charts: charts.into_inner(),
        files: plan.len(),
    }
}

/// The charts of a page: its body's, and those unit pages and summaries
/// draw themselves.
fn page_charts(route: &Route, bytes: &[u8], body_charts: usize, inputs: &Inputs<'_>) -> usize {
    let own_charts = matches!(route, Route::Unit { .. } | Route::Summary(_))
        || (matches!(route, Route::Home { .. }) && inputs.year.is_some());
    body_charts + if own_charts { chart_count(bytes) } else { 0 }
}

/// The bytes of one route: a theme template for pages and the feed, a
/// family function for files made by serializers (open data, the search
/// index), whose routes have no template.
fn render_route(
    theme: &Tera,
    e: &Planned<'_>,
    routes: &[Route],
    inputs: &Inputs<'_>,
    bodies: &Bodies<'_>,
) -> Result<(Vec<u8>, usize), Vec<Diagnostic>> {
    if e.route.template().is_some() {
        // An article's body renders with its page.
        let body = match e.doc {
            Some(d) if matches!(e.route, Route::Article(_)) => Some(bodies.whole(d)?),
            _ => None,
        };
        let charts = body.as_ref().map_or(0, |b| chart_count(b.html.as_bytes()));
        return render_page(theme, e, routes, inputs, body.as_deref())
            .map(|page| (page, charts))
            .map_err(|(err, exceeded)| vec![theme_error(&err, exceeded, inputs.site)]);
    }
    let made = match &e.route {
        Route::SearchIndex => Some(search::index_script(inputs)),
        route => open_data::bytes(route, inputs),
    };
    match made {
        Some(Ok(bytes)) => Ok((bytes, 0)),
        Some(Err(open_data::Unwritten)) | None => Err(vec![
            Diagnostic::error(crate::msg!(Msg::FileNotMade, e.route.output_path()))
                .hint(Hint::BugBaocaoThemePlease),
        ]),
    }
}

/// The theme's assets and `content/static/`, which may not overwrite a
/// generated file (nor a theme asset a static file); returns how many went
/// to the sink.
fn add_static_files(
    site: &Site,
    plan: &[Planned<'_>],
    sink: &Sink<'_>,
    diags: &mut Vec<Diagnostic>,
) -> usize {
    let mut taken: std::collections::HashSet<String> =
        plan.iter().map(|e| e.route.output_path()).collect();
    let mut files = 0;
    for (path, bytes) in site.theme.assets.iter().chain(&site.static_files) {
        let file = Route::Static(path.clone()).output_path();
        if !taken.insert(file.clone()) {
            diags.push(
                Diagnostic::error(crate::msg!(Msg::StaticOverwrites, path))
                    .hint(Hint::RenameMoveStaticFile),
            );
            continue;
        }
        match sink(&file, bytes.clone()) {
            Ok(()) => files += 1,
            Err(d) => diags.push(d),
        }
    }
    files
}

/// One page: the family of its route makes the context, the theme the
/// bytes, within the theme's render limits.
fn render_page(
    theme: &Tera,
    e: &Planned<'_>,
    pages: &[Route],
    inputs: &Inputs<'_>,
    body: Option<&Body>,
) -> Result<Vec<u8>, bodies::RenderError> {
    let ctx = (|| -> tera::TeraResult<Context> {
        Ok(match (&e.route, e.doc) {
            (Route::Article(_) | Route::Page(_), Some(d)) => {
                let body = body.or_else(|| inputs.bodies.get(&d.path));
                Context::from_serialize(&article::context(&e.route, d, body, inputs))?
            }
            (Route::NotFound, _) => Context::from_serialize(&machine::not_found(inputs))?,
            (Route::Search, _) => Context::from_serialize(&search::page(&e.route, inputs))?,
            (Route::Feed | Route::Sitemap | Route::Robots, _) => {
                Context::from_serialize(&machine::machine(&e.route, pages, inputs))?
            }
            (Route::Home { .. }, _) if inputs.year.is_some() => {
                Context::from_serialize(&summary::context(&e.route, inputs))?
            }
            (Route::Summary(_), _) => Context::from_serialize(&summary::context(&e.route, inputs))?,
            (Route::Tag { .. } | Route::Category { .. } | Route::Period { .. }, _) => {
                Context::from_serialize(&archive::context(&e.route, inputs))?
            }
            (Route::Unit { unit, .. }, _) => {
                Context::from_serialize(&unit::context(&e.route, unit, inputs))?
            }
            _ => Context::from_serialize(&list::context(&e.route, inputs))?,
        })
    })()
    .map_err(|e| (e, None))?;
    let template = match (&e.route, inputs.year) {
        // The home page of a yearly site is the year's summary.
        (Route::Home { .. }, Some(_)) => "summary.html",
        _ => e.route.template().unwrap_or("index.html"),
    };
    let scope = e.doc.map_or_else(Scope::default, |d| Scope {
        unit: d.front.unit.clone(),
        period: d.front.period,
    });
    // Bytes straight from the engine: a page is not checked again as UTF-8
    // (the engine writes only strings).
    bounded(THEME_LIMITS, &scope, || {
        let mut page = Vec::with_capacity(32 << 10);
        theme.render_to(template, &ctx, &mut page).map(|()| page)
    })
}

/// The templates engine of bodies: the template functions, no templates.
fn body_engine(live: &template::Live) -> Tera {
    let mut base = Tera::new();
    base.autoescape_on([".md"]);
    template::register_for_bodies(&mut base, live);
    base
}

/// Compiles every summary, and every body but those in `later`, as one set
/// of templates; when that fails, each alone, to report every broken
/// template, not just the first.
fn compile_bodies(
    base: &Tera,
    docs: &[&Document],
    later: &std::collections::HashSet<&std::path::Path>,
    shared: &Arc<Shared>,
    site: &Site,
) -> Result<Tera, Vec<Diagnostic>> {
    let mut bodies = base.clone();
    // Text without template syntax is its own output: not compiled.
    let body = |d: &Document| {
        (!later.contains(d.path.as_path()) && !bodies::is_plain(&d.body)).then_some(())
    };
    let sources: Vec<(String, &str)> = docs
        .iter()
        .flat_map(|d| {
            let name = posix(&d.path);
            let summary = d
                .front
                .summary
                .as_deref()
                .filter(|s| !bodies::is_plain(s))
                .map(|s| (format!("{name}#summary"), s));
            body(d)
                .map(|()| (name, d.body.as_str()))
                .into_iter()
                .chain(summary)
        })
        .collect();
    if bodies
        .add_raw_templates(sources.iter().map(|(n, s)| (n.as_str(), *s)))
        .is_ok()
    {
        return Ok(bodies);
    }
    let mut diags = Vec::new();
    let mut scratch = base.clone();
    for d in docs {
        let name = posix(&d.path);
        if body(d).is_some() {
            if let Err(e) = scratch.add_raw_template(&name, &d.body) {
                diags.push(template::diagnose(
                    &e,
                    None,
                    &doc_source(d, &shared.figures, false),
                    &site.catalogue,
                ));
            }
        }
        if let Some(s) = d.front.summary.as_ref().filter(|s| !bodies::is_plain(s)) {
            if let Err(e) = scratch.add_raw_template(&format!("{name}#summary"), s) {
                diags.push(template::diagnose(
                    &e,
                    None,
                    &doc_source(d, &shared.figures, true),
                    &site.catalogue,
                ));
            }
        }
    }
    Err(diags)
}

/// Menu entries must link to a page or file of the site, or elsewhere,
/// never to code.
fn check_menu(site: &Site, known: &BTreeSet<String>, diags: &mut Vec<Diagnostic>) {
    for m in &site.config.menu {
        let checked = if is_code_url(&m.url) {
            Err(Part::LinkMayRunCode)
        } else {
            bodies::check_site_path(&m.url, known)
        };
        if let Err(why) = checked {
            diags.push(
                Diagnostic::error(crate::msg!(Msg::MenuEntryLinks, m.name, m.url, why))
                    .file("content/site.yaml")
                    .find(&site.config_text, &m.url, |l| l.contains(m.url.as_str()))
                    .hint(Hint::MenuUrlsStartPaths),
            );
        }
    }
}

fn theme_error(
    e: &tera::Error,
    exceeded: Option<tera::limits::Exceeded>,
    site: &Site,
) -> Diagnostic {
    let (name, line, col) = match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => (
            r.filename().to_string(),
            r.span().start_line,
            r.span().start_col + 1,
        ),
        _ => (String::new(), 0, 0),
    };
    let (message, _) = template::cause(e, exceeded);
    let mut d = Diagnostic::error(crate::msg!(Msg::ThemeTemplate, message));
    if let Some(text) = site.theme.templates.get(&name) {
        let shown = if site.theme.overridden.contains(&name) {
            format!("themes/{}/templates/{name}", site.config.theme)
        } else {
            format!("<built-in theme>/templates/{name}")
        };
        d = d.file(shown).at(text, line, col);
    }
    d.hint(Hint::CheckTemplateAgainstTheme)
}
