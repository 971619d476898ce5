//! Articles and pages as loaded: typed front matter and the body.

use std::path::PathBuf;

use crate::data::{Period, UnitId};
use crate::date::DateTime;

/// Front matter, typed (SPEC §6).
#[derive(Clone, Debug, Default)]
pub struct FrontMatter {
    /// Headline.
    pub title: String,
    /// Publication time.
    pub date: Option<DateTime>,
    /// The unit whose figures the article reports.
    pub unit: Option<UnitId>,
    /// The period whose figures the article reports.
    pub period: Option<Period>,
    /// Lead paragraph (a template).
    pub summary: Option<String>,
    /// Author line.
    pub author: Option<String>,
    /// Category.
    pub category: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Illustration, relative to `content/static`.
    pub image: Option<String>,
    /// Text alternative of the illustration.
    pub image_alt: Option<String>,
    /// Caption shown under the illustration.
    pub image_caption: Option<String>,
    /// URL slug, instead of the file name.
    pub slug: Option<String>,
    /// Unpublished.
    pub draft: bool,
    /// Source line ("Nguồn: …").
    pub source: Option<String>,
    /// `lint: false`: figures typed in the prose are not checked.
    pub lint_off: bool,
}

/// An article or page as loaded.
#[derive(Clone, Debug)]
pub struct Document {
    /// Path relative to the site root (for messages).
    pub path: PathBuf,
    /// Path relative to `articles/` or `pages/`, with `/`.
    pub rel: String,
    /// The whole file.
    pub text: String,
    /// Typed front matter.
    pub front: FrontMatter,
    /// The Markdown body (a template).
    pub body: String,
    /// 1-based line of the file where the body starts.
    pub body_line: usize,
    /// 1-based line of `summary:` in the file, if any.
    pub summary_line: usize,
    /// Characters before the summary's text on that line.
    pub summary_col: usize,
}

/// An article or page left off the site because its front matter has
/// errors (reported when it was loaded). Its body is still checked, so one
/// run reports every error of the file, not only the first part's.
#[derive(Clone, Debug)]
pub struct Unpublished {
    /// The document, with the fields of its front matter that were valid.
    pub doc: Document,
    /// Its body can be rendered: its unit and period are as written (or
    /// absent), so its figures are the ones meant. Otherwise its template
    /// is only compiled, and its figures' errors wait for the fix.
    pub renders: bool,
}
