//! Rendering: from the loaded site and its figures to a sorted map of
//! output path → bytes. Nothing here reads or writes the disk.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde_json::{Map, Value as Json, json};
use tera::{Context, Tera};

use crate::data::{Figure, Figures, Period};
use crate::diagnostic::Diagnostic;
use crate::format::{self, DateFormat, slugify};
use crate::markdown;
use crate::site::{Document, Site, posix};
use crate::template::{self, Shared, Source};

/// Build settings that change the output.
#[derive(Clone, Debug)]
pub struct Options {
    /// Absolute base URL, ending in `/`.
    pub base_url: String,
    /// Include drafts.
    pub drafts: bool,
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

/// The kinds of page, each with its template. New kinds slot in here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageKind {
    /// The home page and its pagination.
    Home,
    /// A folder of articles and its pagination.
    Section,
    /// A news article.
    Article,
    /// A standalone page.
    Page,
}

impl PageKind {
    /// The theme template that renders this kind.
    pub fn template(self) -> &'static str {
        match self {
            PageKind::Home => "index.html",
            PageKind::Section => "section.html",
            PageKind::Article => "article.html",
            PageKind::Page => "page.html",
        }
    }
}

/// Which source a page comes from, for collision messages.
#[derive(Clone, Debug)]
struct Entry<'a> {
    kind: PageKind,
    /// Site path of the page: `tin-tuc/abc/` (empty for home).
    path: String,
    /// The document, for articles and pages.
    doc: Option<&'a Document>,
    /// What produced it, for messages.
    origin: String,
}

/// An article or page after its template and Markdown ran.
struct Body {
    html: String,
    summary: Option<String>,
    headings: Vec<markdown::Heading>,
}

fn article_path(doc: &Document) -> String {
    let rel = Path::new(&doc.rel);
    let mut parts: Vec<String> = rel
        .parent()
        .map(|p| {
            p.components()
                .map(|c| slugify(&c.as_os_str().to_string_lossy()))
                .collect()
        })
        .unwrap_or_default();
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    parts.push(doc.front.slug.clone().unwrap_or_else(|| slugify(&stem)));
    format!("{}/", parts.join("/"))
}

fn section_of(path: &str) -> Option<String> {
    let trimmed = path.trim_end_matches('/');
    trimmed.rfind('/').map(|i| format!("{}/", &trimmed[..i]))
}

/// The relative prefix from a page's folder to the site root.
fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// A link from a page (by its root prefix) to a site path.
fn href(root: &str, path: &str) -> String {
    if root.is_empty() && path.is_empty() {
        "./".to_string()
    } else {
        format!("{root}{path}")
    }
}

/// What one article body (or summary) may cost: far above any real article,
/// far below what would stall a build. Bodies are written by site users, so
/// a loop that never ends must be an error, not a hung build.
const BODY_LIMITS: tera::limits::Limits = tera::limits::Limits {
    steps: 5_000_000,
    output_bytes: 8 << 20,
    string_bytes: 4 << 20,
};

/// What one theme page may cost; list pages write more than an article.
const THEME_LIMITS: tera::limits::Limits = tera::limits::Limits {
    steps: 50_000_000,
    output_bytes: 64 << 20,
    string_bytes: 16 << 20,
};

/// Runs one render within `limits`.
fn bounded<T>(limits: tera::limits::Limits, render: impl FnOnce() -> T) -> T {
    tera::limits::with_limits(limits, render)
}

/// Renders the whole site in memory.
pub fn site(site: &Site, figures: &Figures, opts: &Options) -> Result<Rendered, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let shared = Arc::new(Shared {
        catalogue: site.catalogue.clone(),
        figures: figures.clone(),
        units: site.units.clone(),
    });

    let is_index = |d: &&Document| d.rel == "_index.md" || d.rel.ends_with("/_index.md");
    let mut articles: Vec<&Document> = site
        .articles
        .iter()
        .filter(|d| !is_index(d) && (opts.drafts || !d.front.draft))
        .collect();
    let pages: Vec<&Document> = site
        .pages
        .iter()
        .filter(|d| opts.drafts || !d.front.draft)
        .collect();
    for d in articles.iter().chain(&pages) {
        if let Some(image) = &d.front.image {
            if !site
                .static_files
                .contains_key(image.trim_start_matches('/'))
            {
                diags.push(
                    Diagnostic::error(format!("the image `{image}` is not in content/static/"))
                        .file(&d.path)
                        .find(&d.text, image, |l| l.starts_with("image:"))
                        .hint("put the file in content/static/ and give its path from there, e.g. `image: images/hoi-nghi.jpg`"),
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
    articles.retain(|d| !empty.contains(&d.path));
    let pages: Vec<&Document> = pages
        .into_iter()
        .filter(|d| !empty.contains(&d.path))
        .collect();
    for a in &articles {
        if a.front.date.is_none() {
            diags.push(
                Diagnostic::error("an article without a date")
                    .file(&a.path)
                    .at(&a.text, 1, 1)
                    .hint("add `date: 2023-10-26T07:00:00+07:00` to the front matter"),
            );
        }
    }
    // Newest first; ties by path so the order never depends on the disk.
    articles.sort_by(|a, b| {
        b.front
            .date
            .map(|d| d.timestamp())
            .cmp(&a.front.date.map(|d| d.timestamp()))
            .then(a.rel.cmp(&b.rel))
    });
    let section_docs: BTreeMap<String, &Document> = site
        .articles
        .iter()
        .filter(is_index)
        .map(|d| (article_dir(&d.rel), d))
        .collect();

    // Every URL and who claims it; two claims are an error naming both.
    let mut entries: Vec<Entry<'_>> = Vec::new();
    let per_page = site.config.per_page.max(1);
    let home_pages = articles.len().div_ceil(per_page).max(1);
    for n in 1..=home_pages {
        entries.push(Entry {
            kind: PageKind::Home,
            path: paginated("", n),
            doc: None,
            origin: "the home page".into(),
        });
    }
    let mut sections: BTreeMap<String, Vec<&Document>> = BTreeMap::new();
    let mut folder_names: BTreeMap<String, String> = BTreeMap::new();
    for d in &site.articles {
        let mut slugs = Vec::new();
        for folder in Path::new(&d.rel)
            .parent()
            .into_iter()
            .flat_map(Path::components)
        {
            let name = folder.as_os_str().to_string_lossy().into_owned();
            slugs.push(slugify(&name));
            folder_names.insert(format!("{}/", slugs.join("/")), name);
        }
    }
    for a in &articles {
        let path = article_path(a);
        let mut sec = section_of(&path);
        while let Some(s) = sec {
            sections.entry(s.clone()).or_default().push(a);
            sec = section_of(&s);
        }
        entries.push(Entry {
            kind: PageKind::Article,
            path,
            doc: Some(a),
            origin: posix(&a.path),
        });
    }
    for (sec, list) in &sections {
        for n in 1..=list.len().div_ceil(per_page).max(1) {
            entries.push(Entry {
                kind: PageKind::Section,
                path: paginated(sec, n),
                doc: None,
                origin: format!("the section {sec}"),
            });
        }
    }
    for p in &pages {
        let stem = Path::new(&p.rel)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let path = format!(
            "{}/",
            p.front.slug.clone().unwrap_or_else(|| slugify(&stem))
        );
        entries.push(Entry {
            kind: PageKind::Page,
            path,
            doc: Some(p),
            origin: posix(&p.path),
        });
    }
    let mut claimed: BTreeMap<&str, &Entry<'_>> = BTreeMap::new();
    for e in &entries {
        if let Some(first) = claimed.insert(&e.path, e) {
            let mut d = Diagnostic::error(format!(
                "{} and {} both map to the URL /{}",
                first.origin, e.origin, e.path
            ));
            if let Some(doc) = e.doc {
                d = d
                    .file(&doc.path)
                    .find(&doc.text, "", |l| l.starts_with("title:"));
            }
            diags.push(
                d.hint("give one of them another file name, or a `slug:` in its front matter"),
            );
        }
    }
    let url_of_source: BTreeMap<PathBuf, String> = entries
        .iter()
        .filter_map(|e| e.doc.map(|d| (d.path.clone(), e.path.clone())))
        .chain(
            section_docs
                .iter()
                .map(|(sec, d)| (d.path.clone(), sec.clone())),
        )
        .collect();

    // Article bodies and summaries are templates, compiled once together.
    let docs: Vec<&Document> = entries
        .iter()
        .filter_map(|e| e.doc)
        .chain(section_docs.values().copied())
        .collect();
    let mut bodies = Tera::new();
    bodies.autoescape_on([".md"]);
    template::register_for_bodies(&mut bodies, &shared);
    let sources: Vec<(String, String)> = docs
        .iter()
        .flat_map(|d| {
            let name = posix(&d.path);
            let summary = d
                .front
                .summary
                .clone()
                .map(|s| (format!("{name}#summary"), s));
            std::iter::once((name, d.body.clone())).chain(summary)
        })
        .collect();
    if let Err(e) = bodies.add_raw_templates(sources.iter().map(|(n, s)| (n.as_str(), s.as_str())))
    {
        // Compile one by one to report every broken template, not just the first.
        let _ = e;
        let mut scratch = Tera::new();
        template::register_for_bodies(&mut scratch, &shared);
        for d in &docs {
            let name = posix(&d.path);
            if let Err(e) = scratch.add_raw_template(&name, &d.body) {
                diags.push(template::diagnose(
                    &e,
                    &doc_source(d, &shared.figures, false),
                    &site.catalogue,
                ));
            }
            if let Some(s) = &d.front.summary {
                if let Err(e) = scratch.add_raw_template(&format!("{name}#summary"), s) {
                    diags.push(template::diagnose(
                        &e,
                        &doc_source(d, &shared.figures, true),
                        &site.catalogue,
                    ));
                }
            }
        }
        return Err(diags);
    }
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }

    let known: BTreeSet<String> = entries
        .iter()
        .map(|e| e.path.clone())
        .chain(site.static_files.keys().cloned())
        .chain(site.theme.assets.keys().cloned())
        .collect();
    for m in &site.config.menu {
        let checked = if is_code_url(&m.url) {
            Err("a link may not run code (javascript:, vbscript:, data:)".to_string())
        } else {
            check_site_path(&m.url, &known)
        };
        if let Err(why) = checked {
            diags.push(
                Diagnostic::error(format!(
                    "the menu entry `{}` links to {}: {why}",
                    m.name, m.url
                ))
                .file("content/site.yaml")
                .find(&site.config_text, &m.url, |l| l.contains(m.url.as_str()))
                .hint("menu URLs that start with / are paths inside the site, e.g. /tin-tuc/"),
            );
        }
    }
    let base = Base {
        site,
        opts,
        figures,
        known,
    };
    let rendered: Vec<Result<(PathBuf, Body), Vec<Diagnostic>>> = docs
        .par_iter()
        .map(|d| {
            render_body(&bodies, d, &base, &url_of_source, &shared).map(|b| (d.path.clone(), b))
        })
        .collect();
    let mut body_of: BTreeMap<PathBuf, Body> = BTreeMap::new();
    for r in rendered {
        match r {
            Ok((p, b)) => {
                body_of.insert(p, b);
            }
            Err(d) => diags.extend(d),
        }
    }
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }

    let mut theme = Tera::new();
    theme.autoescape_on([".html", ".xml"]);
    template::register(&mut theme, &shared);
    if let Err(e) = theme.add_raw_templates(
        site.theme
            .templates
            .iter()
            .map(|(n, s)| (n.as_str(), s.as_str())),
    ) {
        return Err(vec![theme_error(&e, site)]);
    }

    let lists = Lists {
        folder_names: &folder_names,
        articles: &articles,
        sections: &sections,
        section_docs: &section_docs,
        per_page,
        body_of: &body_of,
    };
    let outputs: Vec<Result<(String, String), Diagnostic>> = entries
        .par_iter()
        .map(|e| {
            let ctx = page_context(e, &base, &lists);
            bounded(THEME_LIMITS, || theme.render(e.kind.template(), &ctx))
                .map(|html| (format!("{}index.html", e.path), html))
                .map_err(|err| theme_error(&err, site))
        })
        .collect();
    let mut out = Rendered {
        charts: body_of
            .values()
            .map(|b| b.html.matches("<figure class=\"bc-chart ").count())
            .sum(),
        ..Rendered::default()
    };
    for r in outputs {
        match r {
            Ok((path, html)) => {
                out.files.insert(path, html.into_bytes());
                out.pages += 1;
            }
            Err(d) => diags.push(d),
        }
    }
    for (path, bytes) in site.theme.assets.iter().chain(&site.static_files) {
        if out.files.insert(path.clone(), bytes.clone()).is_some() {
            diags.push(
                Diagnostic::error(format!(
                    "content/static/{path} would overwrite a generated file"
                ))
                .hint("rename or move the static file"),
            );
        }
    }
    if diags.iter().any(Diagnostic::is_error) {
        Err(diags)
    } else {
        Ok(out)
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
            let hint = format!("rename the folder `{name}` with letters or digits, e.g. tin-tuc");
            (name, hint)
        }
        None if d.front.slug.is_none() && slugify(&stem).is_empty() => (
            stem,
            "give it a `slug:` in the front matter, e.g. `slug: gioi-thieu`, or rename the file with letters or digits".to_string(),
        ),
        None => return None,
    };
    Some(
        Diagnostic::error(format!(
            "`{name}` gives an empty part of the URL: its name has no letter or digit"
        ))
        .file(&d.path)
        .at(&d.text, 1, 1)
        .hint(hint),
    )
}

fn article_dir(rel: &str) -> String {
    let dir = rel.trim_end_matches("_index.md").trim_end_matches('/');
    if dir.is_empty() {
        String::new()
    } else {
        format!(
            "{}/",
            dir.split('/').map(slugify).collect::<Vec<_>>().join("/")
        )
    }
}

fn paginated(path: &str, n: usize) -> String {
    if n == 1 {
        path.to_string()
    } else {
        format!("{path}trang/{n}/")
    }
}

struct Base<'a> {
    site: &'a Site,
    opts: &'a Options,
    figures: &'a Figures,
    /// Every site path a link may point at: pages (`tin-tuc/a/`) and files.
    known: BTreeSet<String>,
}

struct Lists<'a> {
    /// Section path → the folder name as written, for titles.
    folder_names: &'a BTreeMap<String, String>,
    articles: &'a [&'a Document],
    sections: &'a BTreeMap<String, Vec<&'a Document>>,
    section_docs: &'a BTreeMap<String, &'a Document>,
    per_page: usize,
    body_of: &'a BTreeMap<PathBuf, Body>,
}

fn doc_source<'a>(d: &'a Document, figures: &'a Figures, summary: bool) -> Source<'a> {
    let (unit, period) = (d.front.unit.as_ref(), d.front.period.as_ref());
    let record = |p: Option<Period>| match (unit, p) {
        (Some(u), Some(p)) => figures.get(u, &p),
        _ => None,
    };
    Source {
        path: &d.path,
        file_text: &d.text,
        first_line: if summary { d.summary_line } else { d.body_line },
        first_col: if summary { d.summary_col } else { 0 },
        template: if summary {
            d.front.summary.as_deref().unwrap_or("")
        } else {
            &d.body
        },
        unit,
        period,
        data: record(period.copied()),
        prev: record(period.map(Period::same_period)),
    }
}

fn render_body(
    tera: &Tera,
    d: &Document,
    base: &Base<'_>,
    urls: &BTreeMap<PathBuf, String>,
    shared: &Shared,
) -> Result<Body, Vec<Diagnostic>> {
    let root = root_of(urls.get(&d.path).map_or("", String::as_str));
    let mut ctx = Context::new();
    let fig = match (&d.front.unit, &d.front.period) {
        (Some(u), Some(p)) => base.figures.get(u, p),
        _ => None,
    };
    let prev = match (&d.front.unit, &d.front.period) {
        (Some(u), Some(p)) => base.figures.get(u, &p.same_period()),
        _ => None,
    };
    ctx.insert("data", &fig.map_or_else(|| json!({}), values_json));
    if let Some(p) = prev {
        ctx.insert("prev", &values_json(p));
    }
    if let Some(u) = d.front.unit.as_ref().and_then(|u| base.site.units.get(u)) {
        ctx.insert("unit", &unit_json(u));
    }
    if let Some(p) = &d.front.period {
        ctx.insert("period", &period_json(p));
    }
    ctx.insert("page", &front_json(d));
    ctx.insert("site", &site_json(base));
    let name = posix(&d.path);
    let diag = |e: tera::Error, summary: bool| {
        template::diagnose(&e, &doc_source(d, base.figures, summary), &shared.catalogue)
    };
    let text =
        bounded(BODY_LIMITS, || tera.render(&name, &ctx)).map_err(|e| vec![diag(e, false)])?;
    let summary = match &d.front.summary {
        Some(_) => Some(
            bounded(BODY_LIMITS, || {
                tera.render(&format!("{name}#summary"), &ctx)
            })
            .map_err(|e| vec![diag(e, true)])?,
        ),
        None => None,
    };
    let resolve = |dest: &str| resolve_link(dest, d, &root, urls, &base.known, &base.site.failed);
    // One document's body per page: short ids ("fn-1") cannot collide.
    let (html, broken) = markdown::render(&text, "", &resolve);
    if !broken.is_empty() {
        return Err(broken
            .into_iter()
            .map(|(dest, why)| {
                let hint = if is_code_url(&dest) {
                    "links go to pages (https://…, /tin-tuc/…, bai-viet.md), never to code"
                } else if !dest
                    .split(['#', '?'])
                    .next()
                    .and_then(|f| f.rsplit('/').next())
                    .is_some_and(|name| name.contains('.') && !name.ends_with(".md"))
                {
                    "link to another article by its .md file, relative to this file: [tiêu đề](../tin-tuc/bai-viet.md)"
                } else {
                    "put the file in content/static/ and link to it from the site root: ![ảnh](/images/hoi-nghi.jpg)"
                };
                Diagnostic::error(format!("broken link `{dest}`: {why}"))
                    .file(&d.path)
                    .find(&d.text, &dest, |l| l.contains(&format!("]({dest}")) || l.contains(dest.as_str()))
                    .hint(hint)
            })
            .collect());
    }
    Ok(Body {
        html: markdown::unwrap_opaque(&html.html),
        summary,
        headings: html.headings,
    })
}

/// Rewrites `.md` links to page URLs and `/…` links to relative ones.
fn resolve_link(
    dest: &str,
    d: &Document,
    root: &str,
    urls: &BTreeMap<PathBuf, String>,
    known: &BTreeSet<String>,
    failed: &BTreeSet<PathBuf>,
) -> Result<Option<String>, String> {
    if is_code_url(dest) {
        return Err("a link may not run code (javascript:, vbscript:, data:)".to_string());
    }
    if dest.contains("://")
        || dest.starts_with("mailto:")
        || dest.starts_with("tel:")
        || dest.starts_with('#')
        || dest.is_empty()
    {
        return Ok(None);
    }
    if let Some(path) = dest.strip_prefix('/') {
        check_site_path(dest, known)?;
        return Ok(Some(href(root, path)));
    }
    let (file, anchor) = match dest.split_once('#') {
        Some((f, a)) => (f, format!("#{a}")),
        None => (dest, String::new()),
    };
    let file = file.split('?').next().unwrap_or(file);
    let mut target = d.path.parent().map(Path::to_path_buf).unwrap_or_default();
    for part in file.split('/') {
        match part {
            "." | "" => {}
            ".." => {
                target.pop();
            }
            p => target.push(p),
        }
    }
    if !file.ends_with(".md") {
        // A file (it has an extension) must exist; a folder-style link
        // such as `../gioi-thieu/` is left as written.
        let is_file = file
            .rsplit('/')
            .next()
            .is_some_and(|name| name.contains('.'));
        return if is_file {
            static_link(&target, &anchor, root, known)
        } else {
            Ok(None)
        };
    }
    match urls.get(&target) {
        Some(url) => Ok(Some(format!("{}{anchor}", href(root, url)))),
        // Its own error is reported already; the build fails anyway.
        None if failed.contains(&target) => Ok(None),
        None => Err(format!(
            "{} is not an article or page of this site (or is a draft)",
            posix(&target)
        )),
    }
}

/// A relative link to a file that is not an article: it must land in
/// `content/static/`, and is rewritten to that file's URL.
fn static_link(
    target: &Path,
    anchor: &str,
    root: &str,
    known: &BTreeSet<String>,
) -> Result<Option<String>, String> {
    let shown = posix(target);
    let in_static = target
        .components()
        .skip_while(|c| c.as_os_str() != "content")
        .skip(1)
        .collect::<PathBuf>();
    match posix(&in_static).strip_prefix("static/") {
        Some(rel) if known.contains(rel) => Ok(Some(format!("{}{anchor}", href(root, rel)))),
        Some(_) => Err(format!("{shown} is not in content/static/")),
        None => Err(format!(
            "{shown} is not an article, a page or a file in content/static/"
        )),
    }
}

/// A URL whose scheme runs code in the browser. Browsers ignore
/// whitespace and control characters in a scheme and its case.
pub fn is_code_url(url: &str) -> bool {
    let scheme: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take_while(|&c| c != ':')
        .collect::<String>()
        .to_ascii_lowercase();
    url.contains(':') && matches!(scheme.as_str(), "javascript" | "vbscript" | "data")
}

fn num_json(v: f64) -> Json {
    // Whole numbers stay integers so `{{ data.received }}` prints 6580, not 6580.0.
    if v.fract() == 0.0 && v.abs() < 9e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

fn values_json(f: &Figure) -> Json {
    Json::Object(
        f.values
            .iter()
            .map(|(k, v)| (k.to_string(), num_json(*v)))
            .collect::<Map<_, _>>(),
    )
}

fn unit_json(u: &crate::site::Unit) -> Json {
    json!({"id": u.id.0, "name": u.name, "short": u.short.clone().unwrap_or_else(|| u.name.clone()), "level": u.level, "parent": u.parent.as_ref().map(|p| p.0.clone())})
}

fn period_json(p: &Period) -> Json {
    json!({"id": p.id(), "label": p.label(), "start": p.start().to_string(), "end": p.end().to_string(), "year": p.year()})
}

fn front_json(d: &Document) -> Json {
    let f = &d.front;
    json!({
        "title": f.title,
        "date": f.date.map(|d| d.rfc3339()),
        "author": f.author,
        "category": f.category,
        "tags": f.tags,
        "source": f.source,
        "unit": f.unit.as_ref().map(|u| u.0.clone()),
        "period": f.period.map(|p| p.id()),
    })
}

fn site_json(base: &Base<'_>) -> Json {
    let c = &base.site.config;
    json!({
        "title": c.title,
        "description": c.description,
        "base_url": base.opts.base_url,
        "language": c.language,
        "owner": c.owner,
    })
}

fn list_item(d: &Document, root: &str, lists: &Lists<'_>, site: &Site) -> Json {
    let path = article_path(d);
    let date = d.front.date;
    json!({
        "title": d.front.title,
        "href": href(root, &path),
        "date": date.map(|d| d.rfc3339()),
        "date_short": date.map(|d| format::date(&d, DateFormat::Short)),
        "summary": lists.body_of.get(&d.path).and_then(|b| b.summary.clone()),
        "category": d.front.category,
        "unit": d.front.unit.as_ref().and_then(|u| site.units.get(u)).map(|u| u.short.clone().unwrap_or_else(|| u.name.clone())),
    })
}

fn pagination(path: &str, n: usize, total: usize, root: &str, base_path: &str) -> Json {
    let link = |k: usize| href(root, &paginated(base_path, k));
    let _ = path;
    json!({
        "current": n,
        "total": total,
        "prev": (n > 1).then(|| link(n - 1)),
        "next": (n < total).then(|| link(n + 1)),
        "pages": (1..=total).map(|k| json!({"n": k, "href": link(k), "current": k == n})).collect::<Vec<_>>(),
    })
}

/// Checks that a `/…` URL names a page or file the build produces.
fn check_site_path(url: &str, known: &BTreeSet<String>) -> Result<(), String> {
    let Some(path) = url.strip_prefix('/') else {
        return Ok(());
    };
    let path = path.split(['#', '?']).next().unwrap_or("");
    let path = path.strip_suffix("index.html").unwrap_or(path);
    if path.is_empty() || known.contains(path) || known.contains(&format!("{path}/")) {
        Ok(())
    } else {
        Err(format!("/{path} is not a page or file of this site"))
    }
}

/// Splits `tin-tuc/trang/2/` into the list's path and the page number;
/// only a whole `trang/N/` step counts (`tinh-trang/` is a section).
fn page_number(path: &str) -> (String, usize) {
    let trimmed = path.trim_end_matches('/');
    if let Some((head, n)) = trimmed.rsplit_once('/') {
        let base = head
            .strip_suffix("trang")
            .filter(|b| b.is_empty() || b.ends_with('/'));
        if let (Some(base), Ok(n)) = (base, n.parse::<usize>()) {
            return (base.to_string(), n);
        }
    }
    (path.to_string(), 1)
}

fn section_title(sec: &str, lists: &Lists<'_>) -> String {
    lists
        .section_docs
        .get(sec)
        .map(|d| d.front.title.clone())
        .unwrap_or_else(|| {
            let last = sec.trim_end_matches('/').rsplit('/').next().unwrap_or(sec);
            let name = lists.folder_names.get(sec).map_or(last, String::as_str);
            let words = name.replace(['-', '_'], " ");
            let mut c = words.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
}

fn page_context(e: &Entry<'_>, base: &Base<'_>, lists: &Lists<'_>) -> Context {
    let site = base.site;
    let root = root_of(&e.path);
    let mut ctx = Context::new();
    ctx.insert("root", &root);
    ctx.insert("site", &site_json(base));
    ctx.insert("kind", &format!("{:?}", e.kind).to_lowercase());
    ctx.insert("url", &format!("{}{}", base.opts.base_url, e.path));
    let nav: Vec<Json> = site
        .config
        .menu
        .iter()
        .map(|m| {
            let (target, internal) = match m.url.strip_prefix('/') {
                Some(p) => (href(&root, p), Some(p)),
                None => (m.url.clone(), None),
            };
            let active = internal.is_some_and(|p| {
                if p.is_empty() {
                    e.path.is_empty()
                } else {
                    e.path.starts_with(p)
                }
            });
            json!({"name": m.name, "href": target, "active": active})
        })
        .collect();
    ctx.insert("nav", &nav);
    let mut crumbs = vec![json!({"name": "Trang chủ", "href": href(&root, "")})];
    match e.kind {
        PageKind::Home => {
            let (_, n) = page_number(&e.path);
            let total = lists.articles.len().div_ceil(lists.per_page).max(1);
            let items: Vec<Json> = lists
                .articles
                .iter()
                .skip((n - 1) * lists.per_page)
                .take(lists.per_page)
                .map(|d| list_item(d, &root, lists, site))
                .collect();
            ctx.insert("articles", &items);
            ctx.insert("pagination", &pagination(&e.path, n, total, &root, ""));
            ctx.insert("title", &site.config.title);
            crumbs.clear();
        }
        PageKind::Section => {
            let (sec, n) = page_number(&e.path);
            let list = lists
                .sections
                .get(&sec)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let total = list.len().div_ceil(lists.per_page).max(1);
            let items: Vec<Json> = list
                .iter()
                .skip((n - 1) * lists.per_page)
                .take(lists.per_page)
                .map(|d| list_item(d, &root, lists, site))
                .collect();
            let title = section_title(&sec, lists);
            let intro = (n == 1)
                .then(|| {
                    lists
                        .section_docs
                        .get(&sec)
                        .and_then(|d| lists.body_of.get(&d.path))
                        .map(|b| b.html.clone())
                })
                .flatten();
            ctx.insert("articles", &items);
            ctx.insert("pagination", &pagination(&e.path, n, total, &root, &sec));
            ctx.insert("title", &title);
            ctx.insert("intro", &intro);
            ancestors(&sec, &root, lists, &mut crumbs);
            crumbs.push(json!({"name": title, "href": Json::Null}));
        }
        PageKind::Article | PageKind::Page => {
            let Some(d) = e.doc else { return ctx };
            let body = lists.body_of.get(&d.path);
            let f = &d.front;
            let fig = match (&f.unit, &f.period) {
                (Some(u), Some(p)) => base.figures.get(u, p),
                _ => None,
            };
            let mut page = front_json(d);
            if let Json::Object(m) = &mut page {
                m.insert("content".into(), json!(body.map(|b| b.html.clone())));
                m.insert(
                    "summary".into(),
                    json!(body.and_then(|b| b.summary.clone())),
                );
                m.insert("headings".into(), json!(body.map(|b| b.headings.clone())));
                m.insert(
                    "date_full".into(),
                    json!(f.date.map(|d| format::date(&d, DateFormat::Full))),
                );
                m.insert(
                    "image".into(),
                    json!(
                        f.image
                            .as_ref()
                            .map(|i| href(&root, i.trim_start_matches('/')))
                    ),
                );
                m.insert(
                    "data_source".into(),
                    json!(fig.and_then(|r| r.source.clone())),
                );
                m.insert(
                    "unit".into(),
                    json!(
                        f.unit
                            .as_ref()
                            .and_then(|u| site.units.get(u))
                            .map(unit_json)
                    ),
                );
                m.insert("period".into(), json!(f.period.as_ref().map(period_json)));
                m.insert("category_href".into(), Json::Null);
            }
            ctx.insert("title", &f.title);
            ctx.insert("page", &page);
            if e.kind == PageKind::Article {
                if let Some(sec) = section_of(&e.path) {
                    ancestors(&sec, &root, lists, &mut crumbs);
                    crumbs.push(
                        json!({"name": section_title(&sec, lists), "href": href(&root, &sec)}),
                    );
                }
                let (related, others) = related(d, lists);
                ctx.insert(
                    "related",
                    &related
                        .iter()
                        .map(|r| list_item(r, &root, lists, site))
                        .collect::<Vec<_>>(),
                );
                ctx.insert(
                    "others",
                    &others
                        .iter()
                        .map(|r| list_item(r, &root, lists, site))
                        .collect::<Vec<_>>(),
                );
            }
            crumbs.push(json!({"name": f.title, "href": Json::Null}));
        }
    }
    ctx.insert("breadcrumb", &crumbs);
    ctx
}

fn ancestors(sec: &str, root: &str, lists: &Lists<'_>, crumbs: &mut Vec<Json>) {
    let mut chain = Vec::new();
    let mut cur = section_of(sec);
    while let Some(s) = cur {
        chain.push(json!({"name": section_title(&s, lists), "href": href(root, &s)}));
        cur = section_of(&s);
    }
    crumbs.extend(chain.into_iter().rev());
}

/// "Tin liên quan": same unit or a shared tag, newest first; "Các tin bài
/// khác": the newest of the rest.
fn related<'a>(d: &Document, lists: &Lists<'a>) -> (Vec<&'a Document>, Vec<&'a Document>) {
    let tags: BTreeSet<&String> = d.front.tags.iter().collect();
    let (mut rel, mut other) = (Vec::new(), Vec::new());
    for a in lists.articles.iter().copied().filter(|a| a.path != d.path) {
        let same_unit = a.front.unit.is_some() && a.front.unit == d.front.unit;
        if same_unit || a.front.tags.iter().any(|t| tags.contains(t)) {
            rel.push(a);
        } else {
            other.push(a);
        }
    }
    rel.truncate(5);
    other.truncate(5);
    (rel, other)
}

fn theme_error(e: &tera::Error, site: &Site) -> Diagnostic {
    let (name, line, col, message) = match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => (
            r.filename().to_string(),
            r.span().start_line,
            r.span().start_col + 1,
            r.message().to_string(),
        ),
        _ => (String::new(), 0, 0, e.to_string()),
    };
    let message = std::error::Error::source(e).map_or(message.clone(), |s| s.to_string());
    let mut d = Diagnostic::error(format!("theme template: {message}"));
    if let Some(text) = site.theme.templates.get(&name) {
        let shown = if site.theme.overridden.contains(&name) {
            format!("themes/{}/templates/{name}", site.config.theme)
        } else {
            format!("<built-in theme>/templates/{name}")
        };
        d = d.file(shown).at(text, line, col);
    }
    d.hint("check the template against the theme documentation in the README")
}
