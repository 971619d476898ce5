//! What each page shows, as a key per page in two parts: what it shows of
//! the articles (the front matter of every article it lists or links,
//! their order and count, for an article's own page its whole file, the
//! sidebar's newest articles and figures) and what it read of the records
//! ([`super::record_keys`]). Two states of a site with the same plan,
//! theme and static files render a page alike when its keys agree, so
//! `serve` renders again only the pages whose key an edit changed.
//!
//! The keys follow what the page families read: lists are pages of a
//! group of the [`SiteIndex`], an article's page its related articles and
//! neighbours, every page the sidebar. A family that starts reading more
//! of the articles must say so here; `tests/serve_edits.rs` compares every
//! page of edited sites with a full build and fails when a key misses a
//! change.

use std::collections::{BTreeSet, HashMap};
use std::ffi::OsStr;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::model::Document;

use super::frame::SIDEBAR_ARTICLES;
use super::index::SiteIndex;
use super::plan::{Planned, article_in_year};
use super::record_keys::{Changed, Earlier, Map, ReadLog, RecordHashes, Set};
use super::route::Route;

/// A page's key: what it shows of the articles, what it read of the
/// records.
pub type Key = (u64, u64);

/// One key per route of a plan, with what they were made from: the hashes
/// of the articles and of the records, and what each page read.
#[derive(Debug, Default)]
pub struct PageKeys {
    keys: Map<Route, Key>,
    versions: Versions,
    /// What each page and each body rendered ahead read.
    pub log: ReadLog,
    /// The records' hashes the keys were made with.
    pub records: Arc<RecordHashes>,
}

impl PageKeys {
    /// Whether the page of `route` was shown with this key.
    pub fn agrees(&self, route: &Route, key: Key) -> bool {
        self.keys.get(route) == Some(&key)
    }

    /// The key of `route`, if the plan has it.
    pub fn get(&self, route: &Route) -> Option<Key> {
        self.keys.get(route).copied()
    }

    /// Forgets the key of `route`: its page was rendered from a state the
    /// keys do not describe, so the next comparison renders it again.
    pub fn forget(&mut self, route: &Route) {
        self.keys.remove(route);
    }

    /// The page of `route` (showing `doc`) was rendered again and read
    /// `reads`: its record part follows.
    pub fn rendered(
        &mut self,
        route: &Route,
        doc: Option<&Document>,
        index: &SiteIndex<'_>,
        reads: crate::data::reads::Reads,
    ) {
        self.log.pages.insert(route.clone(), reads);
        let data = self.records.page(
            &self.log,
            (route, doc.map(|d| d.path.as_path())),
            index,
            None,
        );
        if let Some(key) = self.keys.get_mut(route) {
            key.1 = data;
        }
    }
}

/// What keys are made from, besides the plan and index.
pub struct Basis<'b> {
    /// The articles as loaded, which do not change while a site is
    /// served: the page of one of them keys by its address, not its whole
    /// text.
    pub loaded: &'b [Document],
    /// Keys made earlier: the hashes of the articles as loaded, and the
    /// record parts of the pages, are taken from them where nothing they
    /// hash changed since.
    pub before: Option<&'b PageKeys>,
    /// The documents whose summaries or bodies were rendered again since
    /// `before`.
    pub renewed: &'b BTreeSet<PathBuf>,
    /// What each page and body read.
    pub log: ReadLog,
    /// The records' hashes.
    pub records: Arc<RecordHashes>,
    /// A hash of the figure cards: the sidebar's (the first) and the
    /// home page's (all).
    pub highlights: (u64, u64),
}

/// A hasher that gives the same number for the same input within a run
/// (keys are compared in memory only).
fn hasher() -> std::collections::hash_map::DefaultHasher {
    std::collections::hash_map::DefaultHasher::new()
}

/// The front matter of a document as written, its `---` lines included:
/// all that lists, feeds and related articles show of it.
pub fn front_text(d: &Document) -> &str {
    // A body that is not the end of the text (never, as loaded) makes
    // the whole text count: more pages rendered, none missed.
    d.text
        .len()
        .checked_sub(d.body.len())
        .filter(|&n| d.text.is_char_boundary(n) && d.text[n..] == d.body)
        .map_or(d.text.as_str(), |n| &d.text[..n])
}

/// The hash of what a list shows of each article: its source path, front
/// matter and the figures its summary read, by the article's address in
/// this state of the site.
#[derive(Debug, Default)]
struct Versions(Map<usize, u64>);

impl Versions {
    /// The hashes of `articles`; those of the articles as loaded (which
    /// do not change while the site is served) taken from `before`.
    fn new(
        articles: &[&Document],
        basis: &Basis<'_>,
        (changed, renewed): (&Changed, &Set<&OsStr>),
    ) -> Versions {
        let before = basis.before.map(|b| &b.versions);
        let range = basis.loaded.as_ptr_range();
        let range = range.start as usize..range.end as usize;
        // A summary rendered again, or one that read a changed record,
        // is hashed anew.
        let same = |d: &Document| {
            let path = d.path.as_os_str();
            !renewed.contains(path) && basis.log.docs.get(path).is_none_or(|r| !changed.touches(r))
        };
        Versions(
            articles
                .par_iter()
                .map(|d| {
                    let at = address(d);
                    let kept = before
                        .filter(|_| range.contains(&at) && same(d))
                        .and_then(|b| b.0.get(&at).copied());
                    (at, kept.unwrap_or_else(|| entry_hash(d, basis)))
                })
                .collect(),
        )
    }

    fn of(&self, d: &Document) -> u64 {
        // Every article listed is an article of the index, hashed.
        self.0.get(&address(d)).copied().unwrap_or_default()
    }

    /// One hash of `docs`, in order, and of how many there are.
    fn of_all<'d>(&self, docs: impl IntoIterator<Item = &'d Document>) -> u64 {
        let mut h = hasher();
        let mut n = 0usize;
        for d in docs {
            self.of(d).hash(&mut h);
            n += 1;
        }
        n.hash(&mut h);
        h.finish()
    }
}

fn address(d: &Document) -> usize {
    std::ptr::from_ref(d) as usize
}

fn entry_hash(d: &Document, basis: &Basis<'_>) -> u64 {
    let mut h = hasher();
    d.path.hash(&mut h);
    front_text(d).hash(&mut h);
    basis.records.summary(&basis.log, &d.path, &mut h);
    h.finish()
}

/// The key of each page of a paginated list: the list's length (it sets
/// the pagination) and the entries of the page.
fn list_keys(list: &[&Document], per_page: usize, versions: &Versions, name: &str) -> Vec<u64> {
    let pages = list.len().div_ceil(per_page).max(1);
    (0..pages)
        .map(|p| {
            let mut h = hasher();
            name.hash(&mut h);
            list.len().hash(&mut h);
            for d in list.iter().skip(p * per_page).take(per_page) {
                versions.of(d).hash(&mut h);
            }
            h.finish()
        })
        .collect()
}

/// Page `page` (from 1) of a group's keys (0 for a page the group does not
/// have: the plan made from the same index never asks for one).
fn nth(keys: Option<&Vec<u64>>, page: usize) -> u64 {
    keys.and_then(|k| k.get(page.wrapping_sub(1)))
        .copied()
        .unwrap_or(0)
}

/// The keys of every route of `plan`, made from `index`, the index the
/// plan was made from.
pub fn keys(
    plan: &[Planned<'_>],
    index: &SiteIndex<'_>,
    per_page: usize,
    basis: Basis<'_>,
) -> PageKeys {
    let changed = basis.before.map_or(Changed::Few(Vec::new()), |b| {
        b.records.changed(&basis.records)
    });
    let renewed: Set<&OsStr> = basis.renewed.iter().map(|p| p.as_os_str()).collect();
    let versions = Versions::new(&index.articles, &basis, (&changed, &renewed));
    crate::timings::mark(&"keys: versions");
    let loaded = basis.loaded;
    let per_page = per_page.max(1);
    let lists = |list: &[&Document], name: &str| list_keys(list, per_page, &versions, name);
    // The sidebar lists the newest articles but the page's own: one more
    // than it shows covers every page.
    let sidebar = {
        let mut h = hasher();
        versions
            .of_all(index.articles.iter().take(SIDEBAR_ARTICLES + 1).copied())
            .hash(&mut h);
        basis.highlights.0.hash(&mut h);
        h.finish()
    };
    let every = versions.of_all(index.articles.iter().copied());
    let order = {
        let mut h = hasher();
        for d in &index.articles {
            d.rel.hash(&mut h);
        }
        h.finish()
    };
    let home = lists(&index.articles, "");
    let sections: HashMap<_, _> = index
        .sections
        .iter()
        .map(|(s, list)| (s, lists(list, "")))
        .collect();
    let tags: HashMap<_, _> = index
        .tag_pages()
        .map(|(slug, _, _)| {
            let (name, list) = index.tag_page(slug).unwrap_or_default();
            (slug, lists(&list, name))
        })
        .collect();
    let categories: HashMap<_, _> = index
        .category_pages()
        .map(|(slug, _, _)| {
            let (name, list) = index.category_page(slug).unwrap_or_default();
            (slug, lists(&list, name))
        })
        .collect();
    let periods: HashMap<_, _> = index
        .periods()
        .map(|(p, _)| (*p, lists(&index.of_period(p).collect::<Vec<_>>(), "")))
        .collect();
    let units: HashMap<_, _> = index
        .units()
        .map(|(u, _)| (u, lists(&index.of_unit(u).collect::<Vec<_>>(), "")))
        .collect();
    crate::timings::mark(&"keys: lists");
    let key = |e: &Planned<'_>| -> Key {
        let earlier = basis.before.and_then(|b| b.get(&e.route)).map(|k| Earlier {
            part: k.1,
            changed: &changed,
            renewed: &renewed,
        });
        let data = basis.records.page(
            &basis.log,
            (&e.route, e.doc.map(|d| d.path.as_path())),
            index,
            earlier,
        );
        let own = match &e.route {
            // The first page shows every figure card.
            Route::Home { page: 1 } => nth(Some(&home), 1) ^ basis.highlights.1,
            Route::Home { page } => nth(Some(&home), *page),
            Route::Section { section, page } => nth(sections.get(section), *page),
            Route::Tag { tag, page } => nth(tags.get(tag), *page),
            Route::Category { category, page } => nth(categories.get(category), *page),
            Route::Period { period, page } => nth(periods.get(period), *page),
            // A unit without articles lists nothing: its one page keys alike.
            Route::Unit { unit, page } => units.get(unit).map_or(1, |k| nth(Some(k), *page)),
            Route::Summary(year) => versions.of_all(
                index
                    .articles
                    .iter()
                    .copied()
                    .filter(|d| article_in_year(d, *year)),
            ),
            Route::Article(_) => e
                .doc
                .map_or(0, |d| article_key(d, index, &versions, loaded)),
            // The feed and the search index show every article; the
            // sitemap their order.
            Route::Feed | Route::SearchIndex => every,
            Route::Sitemap => order,
            // Open data and static files show no article.
            Route::Data { .. } | Route::YearData(_) | Route::Static(_) => return (0, data),
            Route::Page(_) | Route::NotFound | Route::Search | Route::Robots => 1,
        };
        let mut h = hasher();
        sidebar.hash(&mut h);
        own.hash(&mut h);
        (h.finish(), data)
    };
    let keys = plan.par_iter().map(|e| (e.route.clone(), key(e))).collect();
    PageKeys {
        keys,
        versions,
        log: basis.log,
        records: basis.records,
    }
}

/// An article's own page: its whole file, its related and other articles
/// and its neighbours.
fn article_key(
    d: &Document,
    index: &SiteIndex<'_>,
    versions: &Versions,
    loaded: &[Document],
) -> u64 {
    let mut h = hasher();
    if loaded.as_ptr_range().contains(&std::ptr::from_ref(d)) {
        address(d).hash(&mut h);
    } else {
        d.text.hash(&mut h);
    }
    let (related, others) = index.related(d);
    versions.of_all(related).hash(&mut h);
    versions.of_all(others).hash(&mut h);
    let (newer, older) = index.neighbours(d);
    versions.of_all(newer.into_iter().chain(older)).hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn doc(text: &str, body: &str) -> Document {
        Document {
            path: PathBuf::from("content/articles/a.md"),
            rel: "a.md".into(),
            text: text.into(),
            front: Default::default(),
            body: body.into(),
            body_line: 1,
            summary_line: 0,
            summary_col: 0,
        }
    }

    #[test]
    fn the_front_matter_is_what_precedes_the_body() {
        let d = doc("---\ntitle: Á\n---\nThân bài.\n", "Thân bài.\n");
        assert_eq!(front_text(&d), "---\ntitle: Á\n---\n");
        // Not a suffix: the whole text counts.
        let d = doc("---\ntitle: Á\n---\nThân bài.\n", "khác");
        assert_eq!(front_text(&d), d.text);
        let d = doc("Á", "xÁ");
        assert_eq!(front_text(&d), "Á");
    }
}
