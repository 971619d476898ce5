//! Article bodies: each document's Markdown-plus-template text rendered
//! within its render limits, its links resolved and checked. Bodies are
//! rendered before the pages that show them (articles, lists, sections).

use crate::messages::{Hint, Msg, Part};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use tera::{Context, Tera};

use crate::data::{Figures, Period};
use crate::diagnostic::Diagnostic;
use crate::fs::posix;
use crate::markdown;
use crate::model::{Document, Site};
use crate::template::{self, Scope, Shared, Source};

use super::context::{FrontCtx, PeriodCtx, SiteCtx, UnitCtx, values};
use super::route::{SitePath, href, root_of};

/// An article or page after its template and Markdown ran.
#[derive(Clone, Debug, Default)]
pub struct Body {
    /// The body's HTML.
    pub html: String,
    /// The rendered summary.
    pub summary: Option<String>,
    /// Headings, for a table of contents.
    pub headings: Vec<markdown::Heading>,
}

/// Bodies rendered ahead of their pages, by source path: a build's, or an
/// edit's own over the build's (so an edit copies none of them).
#[derive(Debug, Default)]
pub struct Done<'a> {
    own: std::collections::HashMap<std::path::PathBuf, Body>,
    under: Option<&'a Done<'a>>,
}

impl<'a> Done<'a> {
    /// `own`, alone.
    pub fn new(own: std::collections::HashMap<std::path::PathBuf, Body>) -> Done<'a> {
        Done { own, under: None }
    }

    /// None of its own yet, over `under`.
    pub fn over(under: &'a Done<'a>) -> Done<'a> {
        Done {
            own: std::collections::HashMap::new(),
            under: Some(under),
        }
    }

    /// The body rendered ahead from `path`.
    pub fn get(&self, path: &std::path::Path) -> Option<&Body> {
        self.own
            .get(path)
            .or_else(|| self.under.and_then(|u| u.get(path)))
    }

    /// Sets the body of `path`, in front of the one under it.
    pub fn insert(&mut self, path: std::path::PathBuf, body: Body) {
        self.own.insert(path, body);
    }

    /// Every body, each path once.
    pub fn values(&self) -> impl Iterator<Item = &Body> {
        let under = self
            .under
            .into_iter()
            .flat_map(|u| u.own.iter())
            .filter(|(p, _)| !self.own.contains_key(*p))
            .map(|(_, b)| b);
        self.own.values().chain(under)
    }
}

/// What one article body (or summary) may cost: far above any real article,
/// far below what would stall a build. Bodies are written by site users, so
/// a loop that never ends must be an error, not a hung build.
pub const BODY_LIMITS: tera::limits::Limits = tera::limits::Limits {
    steps: 5_000_000,
    output_bytes: 8 << 20,
    string_bytes: 4 << 20,
};

/// A failed render: Tera's error, and the bound it went over if that is
/// why it failed.
pub type RenderError = (tera::Error, Option<tera::limits::Exceeded>);

/// Runs one render within `limits`, for the page `scope`.
pub fn bounded<T>(
    limits: tera::limits::Limits,
    scope: &Scope,
    render: impl FnOnce() -> tera::TeraResult<T>,
) -> Result<T, RenderError> {
    template::with_scope(scope.clone(), || {
        tera::limits::with_limits(limits, || {
            render().map_err(|e| (e, tera::limits::exceeded()))
        })
    })
}

/// What rendering a body reads besides the document.
pub struct BodyInputs<'a> {
    /// The loaded site.
    pub site: &'a Site,
    /// Every record.
    pub figures: &'a Figures,
    /// Absolute base URL.
    pub base_url: &'a str,
    /// Article or page source → URL path; `_index.md` → its section.
    pub urls: &'a std::collections::HashMap<PathBuf, SitePath>,
    /// Every site path a link may point at: pages (`tin-tuc/a/`) and files.
    pub known: &'a BTreeSet<String>,
    /// In a yearly site (`build --year`), the paths it keeps: a link to a
    /// page of the whole site that the yearly site leaves out leads to its
    /// home page, the year's summary, instead.
    pub kept: Option<&'a BTreeSet<String>>,
    /// Catalogue, figures and units for template functions.
    pub shared: &'a Shared,
    /// What every body shares, made once.
    pub prebuilt: &'a BodyValues,
}

/// The parts of a body's context shared between bodies, converted once
/// into the engine's values: the site, and each record's values (a
/// record is the `data` or `prev` of several articles).
pub struct BodyValues {
    site: tera::Value,
    /// By the record's address in [`Figures::records`].
    records: std::collections::HashMap<usize, std::sync::OnceLock<tera::Value>>,
    empty: tera::Value,
}

impl BodyValues {
    /// The shared values of a build of `site` at `base_url`.
    pub fn new(site: &Site, base_url: &str, figures: &Figures) -> BodyValues {
        BodyValues {
            site: tera::Value::from_serializable(&SiteCtx::new(site, base_url)),
            records: figures
                .records
                .values()
                .map(|f| (record_key(f), std::sync::OnceLock::new()))
                .collect(),
            empty: tera::Value::from_serializable(&BTreeMap::<String, f64>::new()),
        }
    }

    /// The values of record `f`.
    fn record(&self, f: &crate::data::Figure) -> tera::Value {
        let make = || tera::Value::from_serializable(&values(f));
        match self.records.get(&record_key(f)) {
            Some(cell) => cell.get_or_init(make).clone(),
            None => make(),
        }
    }
}

/// A record's key in [`BodyValues`]: its address, fixed while the figures
/// are.
fn record_key(f: &crate::data::Figure) -> usize {
    std::ptr::from_ref(f) as usize
}

/// The context of a body: its record, the cùng kỳ record, unit, period,
/// front matter and site. `prev`, `unit` and `period` are absent, not
/// null, when the document has none, so template functions can tell.
#[derive(serde::Serialize)]
struct BodyCtx<'a> {
    data: tera::Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    prev: Option<tera::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<UnitCtx<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<PeriodCtx>,
    page: FrontCtx<'a>,
    site: tera::Value,
}

/// Where a document's template text sits in its file, for messages.
pub fn doc_source<'a>(d: &'a Document, figures: &'a Figures, summary: bool) -> Source<'a> {
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
        figures: Some(figures),
    }
}

/// Whether a site path (`tin-tuc/a/`, `files/x.pdf#p2`) is one of `paths`.
pub fn has_path(paths: &BTreeSet<String>, path: &str) -> bool {
    let path = path.split(['#', '?']).next().unwrap_or("");
    let path = path.strip_suffix("index.html").unwrap_or(path);
    path.is_empty() || paths.contains(path) || paths.contains(&format!("{path}/"))
}

/// Rewrites `.md` links to page URLs and `/…` links to relative ones; in a
/// yearly site, a link to a page it leaves out goes to its home page.
fn resolve_link(
    dest: &str,
    d: &Document,
    root: &str,
    urls: &std::collections::HashMap<PathBuf, SitePath>,
    known: &BTreeSet<String>,
    kept: Option<&BTreeSet<String>>,
    failed: &BTreeSet<PathBuf>,
) -> Result<Option<String>, Part> {
    let link = resolve_in_site(dest, d, root, urls, known, failed)?;
    Ok(match (link, kept) {
        (Some((path, _)), Some(kept)) if !has_path(kept, &path) => Some(href(root, "")),
        (link, _) => link.map(|(_, to)| to),
    })
}

/// A link of a body resolved in the whole site: the site path it leads to
/// and the link from the document, or `None` when it stays as written.
fn resolve_in_site(
    dest: &str,
    d: &Document,
    root: &str,
    urls: &std::collections::HashMap<PathBuf, SitePath>,
    known: &BTreeSet<String>,
    failed: &BTreeSet<PathBuf>,
) -> Result<Option<(String, String)>, Part> {
    if is_code_url(dest) {
        return Err(Part::LinkMayRunCode);
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
        return Ok(Some((path.to_string(), href(root, path))));
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
        Some(url) => Ok(Some((
            url.as_str().to_string(),
            format!("{}{anchor}", href(root, url.as_str())),
        ))),
        // Its own error is reported already; the build fails anyway.
        None if failed.contains(&target) => Ok(None),
        None => Err(crate::msg!(Part::NotAnArticle, posix(&target))),
    }
}

/// A relative link to a file that is not an article: it must land in
/// `content/static/`, and is rewritten to that file's URL.
fn static_link(
    target: &Path,
    anchor: &str,
    root: &str,
    known: &BTreeSet<String>,
) -> Result<Option<(String, String)>, Part> {
    let shown = posix(target);
    let in_static = target
        .components()
        .skip_while(|c| c.as_os_str() != "content")
        .skip(1)
        .collect::<PathBuf>();
    match posix(&in_static).strip_prefix("static/") {
        Some(rel) if known.contains(rel) => Ok(Some((
            rel.to_string(),
            format!("{}{anchor}", href(root, rel)),
        ))),
        Some(_) => Err(crate::msg!(Part::NotInStatic, shown)),
        None => Err(crate::msg!(Part::NotALinkTarget, shown)),
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

/// Checks that a `/…` URL names a page or file the build produces.
pub fn check_site_path(url: &str, known: &BTreeSet<String>) -> Result<(), Part> {
    let Some(path) = url.strip_prefix('/') else {
        return Ok(());
    };
    if has_path(known, path) {
        Ok(())
    } else {
        let path = path.split(['#', '?']).next().unwrap_or("");
        let path = path.strip_suffix("index.html").unwrap_or(path);
        Err(crate::msg!(Part::NotAPage, path))
    }
}

/// Which parts of a document [`render_body`] renders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wanted {
    /// The body and the summary.
    Both,
    /// Only the summary (what lists show), the body left empty.
    Summary,
    /// Only the body (its page renders it when it is written).
    Text,
}

/// The engine's output as text, checked as UTF-8 without a copy (the
/// engine writes only text, so the lossy branch is never taken).
fn text_of(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// Whether a body or summary has no template syntax (no `{{`, `{%` or
/// `{#`): the engine would give it back as it is, so it is neither
/// compiled nor rendered.
pub fn is_plain(text: &str) -> bool {
    !text
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'{' && matches!(w[1], b'{' | b'%' | b'#'))
}

/// Renders one document's body and summary, or the part of them wanted.
/// Plain text (see [`is_plain`]) is taken as it is, without the engine.
pub fn render_body(
    tera: &Tera,
    d: &Document,
    inputs: &BodyInputs<'_>,
    wanted: Wanted,
) -> Result<Body, Vec<Diagnostic>> {
    let summary_plain = d.front.summary.as_deref().is_none_or(is_plain);
    if wanted == Wanted::Summary && summary_plain {
        return Ok(Body {
            html: String::new(),
            summary: d.front.summary.clone(),
            headings: Vec::new(),
        });
    }
    let root = root_of(inputs.urls.get(&d.path).map_or("", SitePath::as_str));
    let record = |p: Option<Period>| match (&d.front.unit, p) {
        (Some(u), Some(p)) => inputs.figures.get(u, &p),
        _ => None,
    };
    let shared_values = &inputs.prebuilt;
    let body_ctx = BodyCtx {
        data: record(d.front.period)
            .map_or_else(|| shared_values.empty.clone(), |f| shared_values.record(f)),
        prev: record(d.front.period.map(|p| p.same_period())).map(|f| shared_values.record(f)),
        unit: d
            .front
            .unit
            .as_ref()
            .and_then(|u| inputs.site.units.get(u))
            .map(UnitCtx::from),
        period: d
            .front
            .period
            .as_ref()
            .map(|p| PeriodCtx::new(p, &inputs.shared.words)),
        page: FrontCtx::from(d),
        site: shared_values.site.clone(),
    };
    let ctx = Context::from_serialize(&body_ctx).unwrap_or_default();
    let shared = inputs.shared;
    let name = posix(&d.path);
    let scope = Scope {
        unit: d.front.unit.clone(),
        period: d.front.period,
    };
    let diag = |(e, exceeded): (tera::Error, _), summary: bool| {
        template::diagnose(
            &e,
            exceeded,
            &doc_source(d, inputs.figures, summary),
            &shared.catalogue,
        )
    };
    // The body and the summary are rendered both, to report the errors
    // of both in one run.
    let mut rendered = Vec::new();
    let text = if wanted == Wanted::Summary {
        Ok(std::borrow::Cow::Borrowed(""))
    } else if is_plain(&d.body) {
        Ok(std::borrow::Cow::Borrowed(d.body.as_str()))
    } else {
        bounded(BODY_LIMITS, &scope, || {
            tera.render_to(&name, &ctx, &mut rendered)
        })
        .map_err(|e| diag(e, false))
        .map(|()| text_of(&rendered))
    };
    let summary = d
        .front
        .summary
        .as_ref()
        .filter(|_| wanted != Wanted::Text)
        .map(|s| {
            if is_plain(s) {
                return Ok(s.clone());
            }
            bounded(BODY_LIMITS, &scope, || {
                tera.render(&format!("{name}#summary"), &ctx)
            })
            .map_err(|e| diag(e, true))
        })
        .transpose();
    let (text, summary) = match (text, summary) {
        (Ok(text), Ok(summary)) => (text, summary),
        (text, summary) => return Err(text.err().into_iter().chain(summary.err()).collect()),
    };
    if wanted == Wanted::Summary {
        return Ok(Body {
            html: String::new(),
            summary,
            headings: Vec::new(),
        });
    }
    let resolve = |dest: &str| {
        resolve_link(
            dest,
            d,
            &root,
            inputs.urls,
            inputs.known,
            inputs.kept,
            &inputs.site.failed,
        )
    };
    // One document's body per page: short ids ("fn-1") cannot collide.
    let (html, problems) = markdown::render(&text, "", &resolve);
    let errors = markdown_errors(d, problems);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Body {
        html: markdown::unwrap_opaque(&html.html),
        summary,
        headings: html.headings,
    })
}

/// The errors Markdown rendering found in a document: raw HTML refused and
/// broken links, each located in the file with a hint.
fn markdown_errors(d: &Document, problems: markdown::Problems) -> Vec<Diagnostic> {
    let refused = problems.refused.into_iter().map(|tag| {
        Diagnostic::error(crate::msg!(Msg::RawHtmlRefused, tag))
            .file(&d.path)
            .find(&d.text, &tag, |l| l.contains(tag.as_str()))
            .hint(Hint::WriteLinksImagesMarkdown)
    });
    let broken = problems.broken.into_iter().map(|(dest, why)| {
        let hint = if is_code_url(&dest) {
            Hint::LinksGoPagesHttps
        } else if !dest
            .split(['#', '?'])
            .next()
            .and_then(|f| f.rsplit('/').next())
            .is_some_and(|name| name.contains('.') && !name.ends_with(".md"))
        {
            Hint::LinkAnotherArticleMd
        } else {
            Hint::PutFileContentStatic
        };
        Diagnostic::error(crate::msg!(Msg::BrokenLink, dest, why))
            .file(&d.path)
            .find(&d.text, &dest, |l| {
                l.contains(&format!("]({dest}")) || l.contains(dest.as_str())
            })
            .hint(hint)
    });
    refused.chain(broken).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_what_the_engine_would_give_back() {
        let texts = [
            "Văn bản thường, không có biểu thức.\n\n- một\n- hai\n",
            "Dấu { và } đứng riêng, {x}, 50% và # tiêu đề\n",
            "Hai dòng trống cuối\n\n\n",
            "<b>& \"ngoặc\" 'đơn'</b>",
            "",
        ];
        let mut tera = Tera::new();
        tera.autoescape_on([".md"]);
        for t in texts {
            assert!(is_plain(t), "{t}");
            tera.add_raw_template("a.md", t).unwrap();
            assert_eq!(tera.render("a.md", &Context::new()).unwrap(), t);
        }
        for t in ["{{ x }}", "a {% if x %}b{% endif %}", "{# ghi chú #}", "{{"] {
            assert!(!is_plain(t), "{t}");
        }
    }
}
