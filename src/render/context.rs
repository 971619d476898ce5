//! What templates see: `Serialize` structs shared by article bodies and
//! theme templates, and the parts every page has (site, menu, crumbs).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::data::{Figure, Period};
use crate::format::{self, DateFormat};
use crate::model::{Document, Language, Site};
use crate::model::{Level, Unit};

use super::frame::{self, Contact, Highlight};
use super::index::SiteIndex;
use super::route::{Route, SitePath, href, root_of};
use crate::theme::Words;

/// The site, as `site` in every template.
#[derive(Serialize)]
pub struct SiteCtx<'a> {
    /// Site title.
    pub title: &'a str,
    /// Site description.
    pub description: &'a Option<String>,
    /// Absolute base URL, ending in `/`.
    pub base_url: &'a str,
    /// Interface language.
    pub language: Language,
    /// The body that runs the site.
    pub owner: &'a crate::model::Owner,
    /// Links of the owner's email and phone, when they are real ones.
    pub contact: Contact,
}

impl<'a> SiteCtx<'a> {
    /// The site's settings as templates see them.
    pub fn new(site: &'a Site, base_url: &'a str) -> SiteCtx<'a> {
        let c = &site.config;
        SiteCtx {
            title: &c.title,
            description: &c.description,
            base_url,
            language: c.language,
            owner: &c.owner,
            contact: Contact::of(&c.owner),
        }
    }
}

/// A unit, as `unit` in bodies and `page.unit` in themes.
#[derive(Serialize)]
pub struct UnitCtx<'a> {
    /// Unit id.
    pub id: &'a str,
    /// Full name.
    pub name: &'a str,
    /// Short name (the full name when none is given).
    pub short: &'a str,
    /// Level (province, commune…).
    pub level: Level,
    /// Parent unit id.
    pub parent: Option<&'a str>,
}

impl<'a> From<&'a Unit> for UnitCtx<'a> {
    fn from(u: &'a Unit) -> Self {
        UnitCtx {
            id: &u.id.0,
            name: &u.name,
            short: u.short.as_deref().unwrap_or(&u.name),
            level: u.level,
            parent: u.parent.as_ref().map(|p| p.0.as_str()),
        }
    }
}

/// A period, as `period` in bodies and `page.period` in themes.
#[derive(Serialize)]
pub struct PeriodCtx {
    /// `2023-9M`.
    pub id: String,
    /// `9 tháng năm 2023`.
    pub label: String,
    /// First day.
    pub start: String,
    /// Last day.
    pub end: String,
    /// Year.
    pub year: i32,
}

impl PeriodCtx {
    /// A period with its label in the site's words.
    pub fn new(p: &Period, words: &Words) -> Self {
        PeriodCtx {
            id: p.id(),
            label: words.period(p),
            start: p.start().to_string(),
            end: p.end().to_string(),
            year: p.year(),
        }
    }
}

/// What every view of a document shows of its front matter.
#[derive(Serialize)]
pub struct Byline<'a> {
    /// Title.
    pub title: &'a str,
    /// RFC 3339 date.
    pub date: Option<String>,
    /// Author.
    pub author: &'a Option<String>,
    /// Category.
    pub category: &'a Option<String>,
    /// Tags.
    pub tags: &'a [String],
    /// Source of the text.
    pub source: &'a Option<String>,
}

impl<'a> From<&'a Document> for Byline<'a> {
    fn from(d: &'a Document) -> Self {
        let f = &d.front;
        Byline {
            title: &f.title,
            date: f.date.map(|d| d.rfc3339()),
            author: &f.author,
            category: &f.category,
            tags: &f.tags,
            source: &f.source,
        }
    }
}

/// The front matter of a document, as `page` in bodies.
#[derive(Serialize)]
pub struct FrontCtx<'a> {
    /// Title, date, author, category, tags, source.
    #[serde(flatten)]
    pub byline: Byline<'a>,
    /// Unit id.
    pub unit: Option<&'a str>,
    /// Period id.
    pub period: Option<String>,
}

impl<'a> From<&'a Document> for FrontCtx<'a> {
    fn from(d: &'a Document) -> Self {
        FrontCtx {
            byline: Byline::from(d),
            unit: d.front.unit.as_ref().map(|u| u.0.as_str()),
            period: d.front.period.map(|p| p.id()),
        }
    }
}

/// A record's values; whole numbers stay integers so
/// `{{ data.received }}` prints 6580, not 6580.0.
pub fn values(f: &Figure) -> BTreeMap<String, serde_json::Value> {
    f.values
        .iter()
        .map(|(k, v)| {
            let n = if v.fract() == 0.0 && v.abs() < 9e15 {
                serde_json::json!(*v as i64)
            } else {
                serde_json::json!(*v)
            };
            (k.to_string(), n)
        })
        .collect()
}

/// A menu entry.
#[derive(Serialize)]
pub struct NavItem<'a> {
    /// Label.
    pub name: &'a str,
    /// Link from the page.
    pub href: String,
    /// Whether the page is inside this entry.
    pub active: bool,
}

/// A breadcrumb step; the page itself has no link.
#[derive(Serialize)]
pub struct Crumb {
    /// Label.
    pub name: String,
    /// Link from the page.
    pub href: Option<String>,
}

/// An article in a list, as the theme's engine holds it: made once per
/// article and depth of the page that lists it, then shared (a pointer
/// copy) by every such page instead of being serialized for each.
#[derive(Clone)]
pub struct ListItem {
    value: tera::Value,
    /// Whether the article has an image.
    pub has_image: bool,
}

impl Serialize for ListItem {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

impl From<ListEntry<'_>> for ListItem {
    fn from(entry: ListEntry<'_>) -> ListItem {
        ListItem {
            value: tera::Value::from_serializable(&entry),
            has_image: entry.image.is_some(),
        }
    }
}

/// The fields of a [`ListItem`].
#[derive(Serialize)]
struct ListEntry<'a> {
    /// Title.
    pub title: &'a str,
    /// Link from the page.
    pub href: String,
    /// RFC 3339 date.
    pub date: Option<String>,
    /// `26/10/2023`.
    pub date_short: Option<String>,
    /// Rendered summary.
    pub summary: Option<String>,
    /// Category.
    pub category: &'a Option<String>,
    /// The unit's short name.
    pub unit: Option<&'a str>,
    /// The article's image, as a thumbnail.
    pub image: Option<Picture<'a>>,
}

/// An article's image: where it is from the page, its text alternative,
/// caption and size in pixels (when its format tells).
#[derive(Serialize)]
pub struct Picture<'a> {
    /// Link from the page.
    pub src: String,
    /// Absolute URL, for Open Graph and JSON-LD.
    pub url: String,
    /// Text alternative (`image_alt`), empty when none is given.
    pub alt: &'a str,
    /// Caption (`image_caption`).
    pub caption: &'a Option<String>,
    /// Width in pixels.
    pub width: Option<u32>,
    /// Height in pixels.
    pub height: Option<u32>,
}

/// A tag of an article, linked to its page when the site has tag pages.
#[derive(Serialize)]
pub struct TagLink<'a> {
    /// The tag as written.
    pub name: &'a str,
    /// Link from the page to the tag's page.
    pub href: Option<String>,
}

/// What the frame's sidebar shows: the latest articles and the latest
/// figures of the first top-level unit.
#[derive(Serialize)]
pub struct Sidebar<'a> {
    /// The newest articles, linked from the page.
    pub latest: Vec<ListItem>,
    /// The first top-level unit's cards for its latest period.
    pub figures: Option<&'a Highlight>,
}

/// What every page family reads.
pub struct Inputs<'a> {
    /// The loaded site.
    pub site: &'a Site,
    /// The article index.
    pub index: &'a SiteIndex<'a>,
    /// Rendered bodies by source path.
    pub bodies: &'a super::bodies::Done<'a>,
    /// Every record.
    pub figures: &'a crate::data::Figures,
    /// Absolute base URL.
    pub base_url: &'a str,
    /// Articles per list page.
    pub per_page: usize,
    /// Interface words of the site's language.
    pub words: &'a Words,
    /// Figure cards of the top-level units' latest periods.
    pub highlights: &'a [Highlight],
    /// The URL paths of every page and file of this build (`tin-tuc/a/`,
    /// `css/baocao.css`): what a page may link to.
    pub paths: &'a BTreeSet<String>,
    /// The year of a yearly summary site (`build --year`).
    pub year: Option<i32>,
    /// What every page shares, made once.
    pub shared: Prebuilt,
    /// While serving, the search index's entries written before.
    pub search_memo: Option<super::search::Memo<'a>>,
    /// While serving, the figures' parts of the summaries made with these
    /// figures.
    pub summary_memo: Option<&'a super::summary::Memo>,
    /// While serving, the shared parts of the build: the list entries of
    /// the articles as loaded, made already (an edit changes only its
    /// own articles' entries).
    pub earlier: Option<&'a Prebuilt>,
}

/// The parts of the context that every page shares, converted once into
/// the engine's values: a page takes them by a pointer copy instead of
/// serializing them again (the interface words alone are hundreds of
/// entries).
pub struct Prebuilt {
    /// `site`.
    site: tera::Value,
    /// `i18n`.
    i18n: tera::Value,
    /// List entries by article (its address) and depth of the listing page.
    items: std::collections::HashMap<usize, [std::sync::OnceLock<ListItem>; CACHED_DEPTHS]>,
}

/// Pages this deep or deeper make their list entries each time.
const CACHED_DEPTHS: usize = 6;

/// The key of a document in [`Prebuilt`]: its address, fixed while the
/// site is loaded, and cheaper to hash than its path.
fn doc_key(d: &Document) -> usize {
    std::ptr::from_ref(d) as usize
}

impl Prebuilt {
    /// The shared parts for `site`, with room for the list entries of
    /// `articles`.
    pub fn new(site: &Site, base_url: &str, words: &Words, articles: &[&Document]) -> Prebuilt {
        Prebuilt {
            site: tera::Value::from_serializable(&SiteCtx::new(site, base_url)),
            i18n: tera::Value::from_serializable(words),
            items: articles
                .iter()
                .map(|d| (doc_key(d), Default::default()))
                .collect(),
        }
    }

    /// The same shared parts, with room for the list entries of
    /// `articles` (an edited site's: its edited articles are new values).
    pub fn for_articles(&self, articles: &[&Document]) -> Prebuilt {
        Prebuilt {
            site: self.site.clone(),
            i18n: self.i18n.clone(),
            items: articles
                .iter()
                .map(|d| (doc_key(d), Default::default()))
                .collect(),
        }
    }
}

/// A named link, such as a tag of an article.
#[derive(Clone, Debug, Serialize)]
pub struct Link {
    /// What the reader sees.
    pub name: String,
    /// Link from the page; `None` when the target is not part of the build.
    pub href: Option<String>,
}

/// `s` with its first letter in capitals.
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// The parts of every page: `root`, `site`, `kind`, `url`, `nav`.
#[derive(Serialize)]
pub struct Common<'a> {
    /// Prefix from the page to the site root.
    pub root: String,
    /// The site ([`SiteCtx`]).
    pub site: tera::Value,
    /// The route's kind.
    pub kind: &'static str,
    /// Absolute URL of the page.
    pub url: String,
    /// The menu.
    pub nav: Vec<NavItem<'a>>,
    /// Interface words of the site's language (`{{ i18n.home }}`).
    pub i18n: tera::Value,
    /// The sidebar of wide screens.
    pub sidebar: Sidebar<'a>,
    /// Link from the page to the search page, for search boxes (a GET
    /// form with a `q` field).
    pub search_href: String,
}

impl<'a> Common<'a> {
    /// The common part of the page at `route`.
    pub fn new(route: &Route, inputs: &Inputs<'a>) -> Common<'a> {
        let path = route.url_path();
        let root = root_of(&path);
        let nav = inputs
            .site
            .config
            .menu
            .iter()
            // A yearly site keeps only the entries that lead inside it.
            .filter(|m| inputs.year.is_none() || inputs.keeps(&m.url))
            .map(|m| {
                let (target, internal) = match m.url.strip_prefix('/') {
                    Some(p) => (href(&root, p), Some(p)),
                    None => (m.url.clone(), None),
                };
                let active = internal.is_some_and(|p| {
                    if p.is_empty() {
                        path.is_empty()
                    } else {
                        path.starts_with(p)
                    }
                });
                NavItem {
                    name: &m.name,
                    href: target,
                    active,
                }
            })
            .collect();
        Common {
            site: inputs.shared.site.clone(),
            kind: route.kind(),
            url: format!("{}{path}", inputs.base_url),
            nav,
            root,
            i18n: inputs.shared.i18n.clone(),
            sidebar: Sidebar {
                // The page's own article is not offered as more to read.
                latest: inputs.list_items(
                    inputs
                        .index
                        .articles
                        .iter()
                        .copied()
                        .filter(|d| !matches!(route, Route::Article(p) if inputs.index.paths.get(&d.path) == Some(p)))
                        .take(frame::SIDEBAR_ARTICLES),
                    route,
                ),
                figures: inputs.highlights.first(),
            },
            search_href: Route::Search.link_from(route),
        }
    }
}

impl<'a> Inputs<'a> {
    /// What chart functions read, for charts a theme page draws itself:
    /// every unit and period named, none taken from the page.
    pub fn chart_context<'s>(
        &'s self,
        style: &'s crate::format::Style,
    ) -> crate::chart::Context<'s> {
        crate::chart::Context {
            catalogue: &self.site.catalogue,
            figures: self.figures,
            units: &self.site.units,
            page_unit: None,
            page_period: None,
            words: self.words,
            style,
        }
    }

    /// Whether `route` is a page or file of this build.
    pub fn has(&self, route: &Route) -> bool {
        self.paths.contains(&route.url_path())
    }

    /// The link from `from` to `route` when it is part of this build.
    pub fn link(&self, route: &Route, from: &Route) -> Option<String> {
        self.has(route).then(|| route.link_from(from))
    }

    /// Whether a menu URL leads inside this build: an address elsewhere,
    /// the home page, or a site path (`/tin-tuc/`) that the build has.
    pub fn keeps(&self, url: &str) -> bool {
        url.strip_prefix('/')
            .is_none_or(|path| super::bodies::has_path(self.paths, path))
    }

    /// A unit's name as a link to its page (when the build has one).
    pub fn unit_link(&self, unit: &crate::data::UnitId, from: &Route) -> Link {
        Link {
            name: self
                .site
                .units
                .get(unit)
                .map_or_else(|| unit.0.clone(), |u| u.name.clone()),
            href: Route::unit(unit, 1).and_then(|r| self.link(&r, from)),
        }
    }

    /// A period's label as a link to its archive (when the build has one).
    pub fn period_link(&self, period: &Period, from: &Route) -> Link {
        Link {
            name: capitalize(&self.words.period(period)),
            href: self.link(
                &Route::Period {
                    period: *period,
                    page: 1,
                },
                from,
            ),
        }
    }

    /// An article as a list entry, linked from `from`.
    pub fn list_item(&self, d: &'a Document, from: &Route) -> ListItem {
        self.list_item_at(d, from, from.url_path().matches('/').count())
    }

    /// Articles as list entries, linked from `from`.
    pub fn list_items<I>(&self, docs: I, from: &Route) -> Vec<ListItem>
    where
        I: IntoIterator<Item = &'a Document>,
    {
        // The page's depth, worked out once for all its entries.
        let depth = from.url_path().matches('/').count();
        docs.into_iter()
            .map(|d| self.list_item_at(d, from, depth))
            .collect()
    }

    /// [`Inputs::list_item`] on a page `depth` folders deep.
    fn list_item_at(&self, d: &'a Document, from: &Route, depth: usize) -> ListItem {
        let make = || ListItem::from(self.list_entry(d, from));
        let key = doc_key(d);
        let slot = self
            .shared
            .items
            .get(&key)
            .or_else(|| self.earlier.and_then(|e| e.items.get(&key)))
            .and_then(|slots| slots.get(depth));
        match slot {
            // Links are relative, so the entry differs only by depth.
            Some(slot) => slot.get_or_init(make).clone(),
            None => make(),
        }
    }

    /// An article as a list entry whose links start at `base_path` (the
    /// site's path, `/` or `/cchc/`) instead of the page's place.
    pub fn list_item_rebased(&self, d: &'a Document, base_path: &str) -> ListItem {
        let mut entry = self.list_entry(d, &Route::Home { page: 1 });
        entry.href = format!("{base_path}{}", entry.href.trim_start_matches("./"));
        if let Some(p) = &mut entry.image {
            p.src = format!("{base_path}{}", p.src);
        }
        ListItem::from(entry)
    }

    /// The fields of an article's list entry, linked from `from`.
    fn list_entry(&self, d: &'a Document, from: &Route) -> ListEntry<'a> {
        let path = self.index.paths.get(&d.path).cloned().unwrap_or_default();
        let date = d.front.date;
        ListEntry {
            title: &d.front.title,
            href: Route::Article(path).link_from(from),
            date: date.map(|d| d.rfc3339()),
            date_short: date.map(|d| format::date(&d, DateFormat::Short)),
            summary: self.bodies.get(&d.path).and_then(|b| b.summary.clone()),
            category: &d.front.category,
            unit: d
                .front
                .unit
                .as_ref()
                .and_then(|u| self.site.units.get(u))
                .map(|u| u.short.as_deref().unwrap_or(&u.name)),
            image: self.picture(d, from),
        }
    }

    /// The image of `d`, linked from `from`.
    pub fn picture(&self, d: &'a Document, from: &Route) -> Option<Picture<'a>> {
        let f = &d.front;
        let path = f.image.as_deref()?.trim_start_matches('/');
        let size = self
            .site
            .static_files
            .get(path)
            .and_then(|b| frame::image_size(b));
        Some(Picture {
            src: href(&root_of(&from.url_path()), path),
            url: format!("{}{path}", self.base_url),
            alt: f.image_alt.as_deref().unwrap_or(""),
            caption: &f.image_caption,
            width: size.map(|s| s.0),
            height: size.map(|s| s.1),
        })
    }

    /// The tags of `d`. Each links to its tag page once the site has them;
    /// until then `href` is empty and the theme shows the name alone.
    pub fn tag_links(&self, d: &'a Document, _from: &Route) -> Vec<TagLink<'a>> {
        d.front
            .tags
            .iter()
            .map(|t| TagLink {
                name: t,
                href: None,
            })
            .collect()
    }

    /// A section's title: its `_index.md` title, else its folder name
    /// with a capital.
    pub fn section_title(&self, sec: &SitePath) -> String {
        if let Some(d) = self.index.section_docs.get(sec) {
            return d.front.title.clone();
        }
        let name = self
            .index
            .folder_names
            .get(sec)
            .map_or(sec.last(), String::as_str);
        let words = name.replace(['-', '_'], " ");
        let mut c = words.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    }

    /// Crumbs from the home page down to `sec`, each linked from `from`.
    pub fn crumbs_to(&self, sec: &SitePath, from: &Route, linked_last: bool) -> Vec<Crumb> {
        let mut chain = vec![sec.clone()];
        let mut cur = sec.parent();
        while let Some(s) = cur {
            cur = s.parent();
            chain.push(s);
        }
        let mut crumbs = vec![self.home_crumb(from)];
        let last = chain.len() - 1;
        for (i, s) in chain.into_iter().rev().enumerate() {
            let link = Route::Section {
                section: s.clone(),
                page: 1,
            }
            .link_from(from);
            crumbs.push(Crumb {
                name: self.section_title(&s),
                href: (i < last || linked_last).then_some(link),
            });
        }
        crumbs
    }

    /// The first crumb.
    pub fn home_crumb(&self, from: &Route) -> Crumb {
        Crumb {
            name: self.words.get("home").to_string(),
            href: Some(Route::Home { page: 1 }.link_from(from)),
        }
    }
}
