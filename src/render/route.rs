//! Routes: every page and file a build produces, as data. Each route gives
//! its output path and its link from any other route; URL collisions are
//! checked on routes, and the set of routes of a build is a plan
//! ([`super::plan`]) that later filters (`build --year`) narrow down.

use serde::Serialize;

use crate::data::{Period, UnitId};
use crate::text::slugify;

/// A folder of the site as a URL path: empty for the root, else slugged
/// segments each ending in `/` (`tin-tuc/2023/`). Checked on construction:
/// no empty segment, no `.` or `..`, so it can never leave the site.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct SitePath(String);

impl SitePath {
    /// The site root.
    pub fn root() -> SitePath {
        SitePath(String::new())
    }

    /// The path of already slugged segments; `None` if a segment is empty,
    /// `.`, `..` or holds a `/`.
    pub fn from_slugs<S: AsRef<str>>(slugs: impl IntoIterator<Item = S>) -> Option<SitePath> {
        let mut path = String::new();
        for s in slugs {
            let s = s.as_ref();
            if s.is_empty() || s == "." || s == ".." || s.contains(['/', '\\']) {
                return None;
            }
            path.push_str(s);
            path.push('/');
        }
        Some(SitePath(path))
    }

    /// The path of folder or file names as written, each slugged.
    pub fn from_names<S: AsRef<str>>(names: impl IntoIterator<Item = S>) -> Option<SitePath> {
        SitePath::from_slugs(names.into_iter().map(|n| slugify(n.as_ref())))
    }

    /// `tin-tuc/2023/`, or empty for the root.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The folder holding this one; `None` for the root and its children's
    /// parent is the root.
    pub fn parent(&self) -> Option<SitePath> {
        let trimmed = self.0.trim_end_matches('/');
        trimmed
            .rfind('/')
            .map(|i| SitePath(format!("{}/", &trimmed[..i])))
    }

    /// The last segment, without its `/`.
    pub fn last(&self) -> &str {
        self.0
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or("")
    }

    /// This path with one more segment.
    pub fn child(&self, slug: &str) -> Option<SitePath> {
        SitePath::from_slugs([slug]).map(|c| SitePath(format!("{}{}", self.0, c.0)))
    }
}

/// Every page and file a build produces. New page families are new
/// variants; each variant says once where it is written and how it is
/// linked.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Route {
    /// The home page, and its later pages (`trang/2/`…), from 1.
    Home {
        /// Page number, from 1.
        page: usize,
    },
    /// A folder of articles and its later pages.
    Section {
        /// The folder.
        section: SitePath,
        /// Page number, from 1.
        page: usize,
    },
    /// A news article.
    Article(SitePath),
    /// A standalone page.
    Page(SitePath),
    /// A file copied as is (theme asset or `content/static/`), by its path
    /// in the output.
    Static(String),
    /// The page a server shows for a missing URL (`404.html`).
    NotFound,
    /// The Atom feed of the latest articles (`feed.xml`).
    Feed,
    /// Every page for search engines (`sitemap.xml`).
    Sitemap,
    /// Rules for crawlers, pointing at the sitemap (`robots.txt`).
    Robots,
    /// One record's figures as an open-data file
    /// (`du-lieu/<unit>/<period>.csv` or `.json`). Made with
    /// [`Route::data`], which checks the path.
    Data {
        /// The record's unit.
        unit: UnitId,
        /// The record's period; its id names the file as in data files
        /// (`2023-Q3`).
        period: Period,
        /// CSV or JSON.
        format: DataFormat,
    },
    /// Every record of one year as one CSV (`du-lieu/<year>.csv`).
    YearData(i32),
    /// The search page (`tim-kiem/`).
    Search,
    /// The search index, a script the search page loads
    /// (`tim-kiem/chi-muc.js`), so search works from `file://` too.
    SearchIndex,
}

/// The format of an open-data file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DataFormat {
    /// Comma-separated values, UTF-8 with a byte-order mark.
    Csv,
    /// JSON.
    Json,
}

impl DataFormat {
    /// Every format, in the order pages list them.
    pub const ALL: [DataFormat; 2] = [DataFormat::Csv, DataFormat::Json];

    /// The file extension: `csv`, `json`.
    pub fn ext(self) -> &'static str {
        match self {
            DataFormat::Csv => "csv",
            DataFormat::Json => "json",
        }
    }

    /// The media type, for a link's `type`.
    pub fn media_type(self) -> &'static str {
        match self {
            DataFormat::Csv => "text/csv",
            DataFormat::Json => "application/json",
        }
    }

    /// The name readers see on a link: `CSV`, `JSON`.
    pub fn name(self) -> &'static str {
        match self {
            DataFormat::Csv => "CSV",
            DataFormat::Json => "JSON",
        }
    }
}

/// The folder of open-data files.
const DATA_FOLDER: &str = "du-lieu";

/// The path step of page `n` of a list: none for the first page.
fn paginated(path: &str, n: usize) -> String {
    if n <= 1 {
        path.to_string()
    } else {
        format!("{path}trang/{n}/")
    }
}

impl Route {
    /// The path a visitor sees, from the site root: `tin-tuc/trang/2/`, or
    /// the file's path for a static file.
    pub fn url_path(&self) -> String {
        match self {
            Route::Home { page } => paginated("", *page),
            Route::Section { section, page } => paginated(section.as_str(), *page),
            Route::Article(p) | Route::Page(p) => p.as_str().to_string(),
            Route::Static(file) => file.clone(),
            Route::NotFound => "404.html".into(),
            Route::Feed => "feed.xml".into(),
            Route::Sitemap => "sitemap.xml".into(),
            Route::Robots => "robots.txt".into(),
            Route::Data {
                unit,
                period,
                format,
            } => format!("{DATA_FOLDER}/{unit}/{}.{}", period.id(), format.ext()),
            Route::YearData(year) => format!("{DATA_FOLDER}/{year}.csv"),
            Route::Search => "tim-kiem/".into(),
            Route::SearchIndex => "tim-kiem/chi-muc.js".into(),
        }
    }

    /// The open-data file of a record; `None` when the unit id or the
    /// period id could not name a path inside the site (an empty, `.` or
    /// `..` segment, a `/`), which the loader's checks already rule out.
    pub fn data(unit: &UnitId, period: &Period, format: DataFormat) -> Option<Route> {
        let file = format!("{}.{}", period.id(), format.ext());
        SitePath::from_slugs([DATA_FOLDER, unit.0.as_str(), file.as_str()])?;
        Some(Route::Data {
            unit: unit.clone(),
            period: *period,
            format,
        })
    }

    /// The file written for this route, relative to the output folder.
    pub fn output_path(&self) -> String {
        match self {
            Route::Home { .. }
            | Route::Section { .. }
            | Route::Article(_)
            | Route::Page(_)
            | Route::Search => {
                format!("{}index.html", self.url_path())
            }
            _ => self.url_path(),
        }
    }

    /// Whether the route is a page of the site a reader browses (and a
    /// sitemap lists), rather than a file for machines or errors.
    pub fn is_page(&self) -> bool {
        matches!(
            self,
            Route::Home { .. }
                | Route::Section { .. }
                | Route::Article(_)
                | Route::Page(_)
                | Route::Search
        )
    }

    /// The relative link from the page at `from` to this route.
    pub fn link_from(&self, from: &Route) -> String {
        href(&root_of(&from.url_path()), &self.url_path())
    }

    /// The same list on page `page`; other routes are returned as they are.
    pub fn with_page(&self, page: usize) -> Route {
        match self {
            Route::Home { .. } => Route::Home { page },
            Route::Section { section, .. } => Route::Section {
                section: section.clone(),
                page,
            },
            other => other.clone(),
        }
    }

    /// The page number of a list route; 1 for every other route.
    pub fn page(&self) -> usize {
        match self {
            Route::Home { page } | Route::Section { page, .. } => *page,
            _ => 1,
        }
    }

    /// The name templates see as `kind`.
    pub fn kind(&self) -> &'static str {
        match self {
            Route::Home { .. } => "home",
            Route::Section { .. } => "section",
            Route::Article(_) => "article",
            Route::Page(_) => "page",
            Route::Static(_) => "static",
            Route::NotFound => "not-found",
            Route::Feed => "feed",
            Route::Sitemap => "sitemap",
            Route::Robots => "robots",
            Route::Data { .. } => "data",
            Route::YearData(_) => "year-data",
            Route::Search => "search",
            Route::SearchIndex => "search-index",
        }
    }

    /// The theme template that renders this route; `None` for files whose
    /// bytes come from Rust (static files, open data, the search index).
    pub fn template(&self) -> Option<&'static str> {
        match self {
            Route::Home { .. } => Some("index.html"),
            Route::Section { .. } => Some("section.html"),
            Route::Article(_) => Some("article.html"),
            Route::Page(_) => Some("page.html"),
            Route::Static(_) => None,
            Route::NotFound => Some("404.html"),
            Route::Feed => Some("feed.xml"),
            Route::Sitemap => Some("sitemap.xml"),
            Route::Robots => Some("robots.txt"),
            Route::Search => Some("search.html"),
            Route::Data { .. } | Route::YearData(_) | Route::SearchIndex => None,
        }
    }
}

/// The relative prefix from a page's folder to the site root.
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// A link from a page (by its root prefix) to a site path.
pub fn href(root: &str, path: &str) -> String {
    if root.is_empty() && path.is_empty() {
        "./".to_string()
    } else {
        format!("{root}{path}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(s: &[&str]) -> SitePath {
        SitePath::from_slugs(s).unwrap()
    }

    #[test]
    fn site_paths_are_checked() {
        assert_eq!(sp(&["tin-tuc", "2023"]).as_str(), "tin-tuc/2023/");
        for bad in [&[""][..], &[".."], &["."], &["a/b"], &["a", ""]] {
            assert!(SitePath::from_slugs(bad).is_none(), "{bad:?}");
        }
        assert!(SitePath::from_names(["---"]).is_none());
        assert_eq!(
            SitePath::from_names(["Tin tức"]).unwrap().as_str(),
            "tin-tuc/"
        );
        assert_eq!(sp(&["a", "b"]).parent(), Some(sp(&["a"])));
        assert_eq!(sp(&["a"]).parent(), None);
        assert_eq!(sp(&["a", "b"]).last(), "b");
    }

    #[test]
    fn output_paths_and_links() {
        let home2 = Route::Home { page: 2 };
        let sec = Route::Section {
            section: sp(&["tin-tuc"]),
            page: 1,
        };
        let art = Route::Article(sp(&["tin-tuc", "bai"]));
        assert_eq!(Route::Home { page: 1 }.output_path(), "index.html");
        assert_eq!(home2.output_path(), "trang/2/index.html");
        assert_eq!(sec.output_path(), "tin-tuc/index.html");
        assert_eq!(art.output_path(), "tin-tuc/bai/index.html");
        assert_eq!(Route::Static("css/a.css".into()).output_path(), "css/a.css");
        assert_eq!(sec.link_from(&art), "../../tin-tuc/");
        assert_eq!(
            Route::Home { page: 1 }.link_from(&Route::Home { page: 1 }),
            "./"
        );
        assert_eq!(art.link_from(&home2), "../../tin-tuc/bai/");
    }

    #[test]
    fn open_data_and_search_paths() {
        let unit = UnitId("thuan-an".into());
        let q3 = Period::Quarter(2023, 3);
        let csv = Route::data(&unit, &q3, DataFormat::Csv).unwrap();
        let json = Route::data(&unit, &q3, DataFormat::Json).unwrap();
        assert_eq!(csv.output_path(), "du-lieu/thuan-an/2023-Q3.csv");
        assert_eq!(json.output_path(), "du-lieu/thuan-an/2023-Q3.json");
        assert_eq!(Route::YearData(2023).output_path(), "du-lieu/2023.csv");
        let art = Route::Article(sp(&["tin-tuc", "bai"]));
        assert_eq!(csv.link_from(&art), "../../du-lieu/thuan-an/2023-Q3.csv");
        assert_eq!(Route::Search.output_path(), "tim-kiem/index.html");
        assert_eq!(
            Route::SearchIndex.link_from(&Route::Search),
            "../tim-kiem/chi-muc.js"
        );
        assert!(Route::Search.is_page() && !csv.is_page() && !Route::SearchIndex.is_page());
        // Files made by serializers have no template.
        for r in [&csv, &json, &Route::YearData(2023), &Route::SearchIndex] {
            assert_eq!(r.template(), None, "{r:?}");
        }
        // A unit id that could leave the folder makes no route.
        for bad in ["..", ".", "", "a/b"] {
            assert!(Route::data(&UnitId(bad.into()), &q3, DataFormat::Csv).is_none());
        }
        // A range's id holds `..` inside the file name only.
        let range = Period::parse("2020-01-01..2020-11-13").unwrap();
        assert_eq!(
            Route::data(&unit, &range, DataFormat::Csv)
                .unwrap()
                .output_path(),
            "du-lieu/thuan-an/2020-01-01..2020-11-13.csv"
        );
    }
}
