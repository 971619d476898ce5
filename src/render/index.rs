//! The site index, built once per build: published articles newest first,
//! grouped by section, unit, tag, category and year, with related articles
//! and previous/next. Page families read it; none scans every article.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::data::{Period, UnitId};
use crate::model::Document;
use crate::text::slugify;

use super::route::SitePath;

/// How many related and other articles an article shows.
const RELATED: usize = 5;

/// Everything page families look up about the articles of a build.
pub struct SiteIndex<'a> {
    /// Published articles, newest first (ties by path).
    pub articles: Vec<&'a Document>,
    /// Published standalone pages, in file order.
    pub pages: Vec<&'a Document>,
    /// Each section (and every folder above an article) → its articles,
    /// newest first.
    pub sections: BTreeMap<SitePath, Vec<&'a Document>>,
    /// Section → its `_index.md` (title and intro).
    pub section_docs: BTreeMap<SitePath, &'a Document>,
    /// Section → the folder name as written, for titles.
    pub folder_names: BTreeMap<SitePath, String>,
    /// Article or page source → its URL path.
    pub paths: HashMap<PathBuf, SitePath>,
    /// Positions in `articles`, by unit, tag, category and year.
    by_unit: BTreeMap<UnitId, Vec<usize>>,
    by_tag: BTreeMap<String, Vec<usize>>,
    by_category: BTreeMap<String, Vec<usize>>,
    by_year: BTreeMap<i32, Vec<usize>>,
    by_period: BTreeMap<Period, Vec<usize>>,
    /// Tag and category pages: slug → the name shown and the positions of
    /// every article with a name of that slug.
    tag_pages: BTreeMap<SitePath, Group>,
    category_pages: BTreeMap<SitePath, Group>,
    position: HashMap<PathBuf, usize>,
    /// Positions by the address of the indexed value: cheaper to hash
    /// than a path, for the articles the index itself lists.
    at: HashMap<usize, usize>,
    /// By position: the positions of the related and other articles,
    /// made when first asked for.
    near: Vec<std::sync::OnceLock<(Vec<usize>, Vec<usize>)>>,
}

/// The articles of one tag or category page.
struct Group {
    /// The name shown: of the names that slug alike, the first in order.
    name: String,
    /// Positions in `articles`, newest first.
    ids: Vec<usize>,
}

/// Names grouped by slug; names without a letter or digit have no page.
fn by_slug(names: &BTreeMap<String, Vec<usize>>) -> BTreeMap<SitePath, Group> {
    let mut pages: BTreeMap<SitePath, Group> = BTreeMap::new();
    for (name, ids) in names {
        let Some(slug) = SitePath::from_names([name]) else {
            continue;
        };
        let group = pages.entry(slug).or_insert_with(|| Group {
            name: name.clone(),
            ids: Vec::new(),
        });
        group.ids.extend(ids);
    }
    for g in pages.values_mut() {
        g.ids.sort_unstable();
        g.ids.dedup();
    }
    pages
}

/// The URL path of an article or page: its folders, then its `slug:` or
/// file name, all slugged; `None` when a part slugs to nothing.
pub fn doc_path(d: &Document) -> Option<SitePath> {
    let rel = Path::new(&d.rel);
    let folders = rel
        .parent()
        .into_iter()
        .flat_map(Path::components)
        .map(|c| slugify(&c.as_os_str().to_string_lossy()));
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let last = d.front.slug.clone().unwrap_or_else(|| slugify(&stem));
    SitePath::from_slugs(folders.chain(std::iter::once(last)))
}

/// A standalone page's URL path: its `slug:` or file name at the root.
pub fn page_path(d: &Document) -> Option<SitePath> {
    let stem = Path::new(&d.rel)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    SitePath::from_slugs([d.front.slug.clone().unwrap_or_else(|| slugify(&stem))])
}

/// The section an `_index.md` describes.
fn index_section(rel: &str) -> Option<SitePath> {
    let dir = rel.trim_end_matches("_index.md").trim_end_matches('/');
    if dir.is_empty() {
        Some(SitePath::root())
    } else {
        SitePath::from_names(dir.split('/'))
    }
}

/// Each section's articles (their sections listed beside them), in
/// order.
fn group_sections<'a>(
    docs: &[(&'a Document, SitePath)],
    sections: Vec<Vec<SitePath>>,
) -> BTreeMap<SitePath, Vec<&'a Document>> {
    let mut by_section: BTreeMap<SitePath, Vec<&'a Document>> = BTreeMap::new();
    for ((a, _), sections) in docs.iter().zip(sections) {
        for s in sections {
            by_section.entry(s).or_default().push(a);
        }
    }
    by_section
}

/// Positions of articles by unit, tag, category, year and period.
#[derive(Default)]
struct Groups {
    by_unit: BTreeMap<UnitId, Vec<usize>>,
    by_tag: BTreeMap<String, Vec<usize>>,
    by_category: BTreeMap<String, Vec<usize>>,
    by_year: BTreeMap<i32, Vec<usize>>,
    by_period: BTreeMap<Period, Vec<usize>>,
}

impl Groups {
    fn of(docs: &[(&Document, SitePath)]) -> Groups {
        let mut g = Groups::default();
        for (i, (a, _)) in docs.iter().enumerate() {
            if let Some(u) = &a.front.unit {
                push(&mut g.by_unit, u, i);
            }
            for t in a.front.tags.iter().collect::<BTreeSet<_>>() {
                push(&mut g.by_tag, t, i);
            }
            if let Some(c) = &a.front.category {
                push(&mut g.by_category, c, i);
            }
            if let Some(d) = a.front.date {
                g.by_year.entry(d.date.year).or_default().push(i);
            }
            if let Some(p) = a.front.period {
                g.by_period.entry(p).or_default().push(i);
            }
        }
        g
    }
}

/// Positions by source path and by address, and URL paths by source path.
type Places = (
    HashMap<PathBuf, usize>,
    HashMap<usize, usize>,
    HashMap<PathBuf, SitePath>,
);

fn places(docs: &[(&Document, SitePath)]) -> Places {
    let mut position = HashMap::with_capacity(docs.len());
    let mut at = HashMap::with_capacity(docs.len());
    let mut paths = HashMap::with_capacity(docs.len());
    for (i, (a, path)) in docs.iter().enumerate() {
        position.insert(a.path.clone(), i);
        at.insert(address(a), i);
        paths.insert(a.path.clone(), path.clone());
    }
    (position, at, paths)
}

/// Adds position `i` to the group of `key`, the key copied only for a
/// new group (thousands of articles share a few units and tags).
fn push<K: Ord + Clone>(groups: &mut BTreeMap<K, Vec<usize>>, key: &K, i: usize) {
    match groups.get_mut(key) {
        Some(ids) => ids.push(i),
        None => {
            groups.insert(key.clone(), vec![i]);
        }
    }
}

/// The address of an indexed article, a key of the index's own lists.
fn address(d: &Document) -> usize {
    std::ptr::from_ref(d) as usize
}

/// Whether `d` is a section's `_index.md`.
pub fn is_section_doc(d: &Document) -> bool {
    d.rel == "_index.md" || d.rel.ends_with("/_index.md")
}

/// Whether two versions of an article are indexed alike: the same
/// address, order and groups (what [`SiteIndex::new`] reads of them).
fn indexed_alike(a: &Document, b: &Document) -> bool {
    a.path == b.path
        && a.rel == b.rel
        && a.front.date == b.front.date
        && a.front.slug == b.front.slug
        && a.front.unit == b.front.unit
        && a.front.period == b.front.period
        && a.front.category == b.front.category
        && a.front.tags == b.front.tags
        && a.front.draft == b.front.draft
}

impl<'a> SiteIndex<'a> {
    /// Puts each of `fresh` (the last of each path) in place of the article
    /// of its path, when each is indexed alike (its title, summary or body edited): the
    /// index `new` would make of them, made in place. Returns the
    /// versions replaced; `None` (and the index as it was) when one is
    /// not indexed alike or not here.
    pub fn swap(&mut self, fresh: &[&'a Document]) -> Option<Vec<(&'a Document, &'a Document)>> {
        let mut swaps = Vec::with_capacity(fresh.len());
        // The last version of each path counts (one file saved twice).
        let mut seen = std::collections::HashSet::new();
        for &d in fresh.iter().rev().filter(|d| seen.insert(&d.path)) {
            let old = self.article(&d.path)?;
            if !indexed_alike(old, d) {
                return None;
            }
            swaps.push((old, d));
        }
        for &(old, d) in &swaps {
            let Some(i) = self.at.remove(&address(old)) else {
                continue;
            };
            self.articles[i] = d;
            self.at.insert(address(d), i);
            for list in self.sections.values_mut() {
                for a in list.iter_mut().filter(|a| std::ptr::eq(**a, old)) {
                    *a = d;
                }
            }
        }
        Some(swaps)
    }

    /// Indexes `articles` (published, with a URL) and `pages`; `all` is
    /// every loaded article, drafts and `_index.md` included, for folder
    /// names and section documents.
    pub fn new(
        mut articles: Vec<&'a Document>,
        pages: Vec<&'a Document>,
        all: &'a [Document],
    ) -> SiteIndex<'a> {
        // Newest first; ties by path so the order never depends on the disk.
        articles.sort_by(|a, b| {
            b.front
                .date
                .map(|d| d.timestamp())
                .cmp(&a.front.date.map(|d| d.timestamp()))
                .then(a.rel.cmp(&b.rel))
        });
        let section_docs = all
            .iter()
            .filter(|d| is_section_doc(d))
            .filter_map(|d| index_section(&d.rel).map(|s| (s, d)))
            .collect();
        let mut folder_names = BTreeMap::new();
        // Thousands of articles share a few folders: each is named once.
        // Backwards, the first name kept: the last in file order, as when
        // each file named its folders in turn.
        let mut seen = std::collections::HashSet::new();
        for d in all.iter().rev() {
            // Keyed by the text (`rel` is written with `/`): a path hashes
            // component by component, slowly.
            let Some((folder, _)) = d.rel.rsplit_once('/') else {
                continue;
            };
            if !seen.insert(folder) {
                continue;
            }
            let folder_path = Path::new(folder);
            let mut slugs = Vec::new();
            for folder in folder_path.components() {
                let name = folder.as_os_str().to_string_lossy().into_owned();
                slugs.push(slugify(&name));
                if let Some(path) = SitePath::from_slugs(&slugs) {
                    folder_names.entry(path).or_insert(name);
                }
            }
        }
        let mut index = SiteIndex {
            articles: Vec::new(),
            pages: Vec::new(),
            sections: BTreeMap::new(),
            section_docs,
            folder_names,
            paths: HashMap::new(),
            by_unit: BTreeMap::new(),
            by_tag: BTreeMap::new(),
            by_category: BTreeMap::new(),
            by_year: BTreeMap::new(),
            by_period: BTreeMap::new(),
            tag_pages: BTreeMap::new(),
            category_pages: BTreeMap::new(),
            position: HashMap::new(),
            at: HashMap::new(),
            near: Vec::new(),
        };
        // Addresses and their sections made in parallel (slugs are most of
        // the work), then grouped in order.
        let located: Vec<(&Document, SitePath, Vec<SitePath>)> = articles
            .into_par_iter()
            .filter_map(|a| {
                let path = doc_path(a)?;
                let mut sections = Vec::new();
                let mut sec = path.parent();
                while let Some(s) = sec {
                    sec = s.parent();
                    sections.push(s);
                }
                Some((a, path, sections))
            })
            .collect();
        let (docs, sections): (Vec<_>, Vec<_>) =
            located.into_iter().map(|(a, p, s)| ((a, p), s)).unzip();
        // Three sets of lookups, each in one pass over the articles.
        let (by_section, (groups, places)) = rayon::join(
            || group_sections(&docs, sections),
            || rayon::join(|| Groups::of(&docs), || places(&docs)),
        );
        index.sections = by_section;
        index.by_unit = groups.by_unit;
        index.by_tag = groups.by_tag;
        index.by_category = groups.by_category;
        index.by_year = groups.by_year;
        index.by_period = groups.by_period;
        (index.position, index.at, index.paths) = places;
        index.articles = docs.into_iter().map(|(a, _)| a).collect();
        index.near = index.articles.iter().map(|_| Default::default()).collect();
        for p in pages {
            if let Some(path) = page_path(p) {
                index.paths.insert(p.path.clone(), path);
                index.pages.push(p);
            }
        }
        index.tag_pages = by_slug(&index.by_tag);
        index.category_pages = by_slug(&index.by_category);
        index
    }

    /// Tag pages: slug, the name shown, and the number of articles.
    pub fn tag_pages(&self) -> impl Iterator<Item = (&SitePath, &str, usize)> + '_ {
        self.tag_pages
            .iter()
            .map(|(s, g)| (s, g.name.as_str(), g.ids.len()))
    }

    /// Category pages: slug, the name shown, and the number of articles.
    pub fn category_pages(&self) -> impl Iterator<Item = (&SitePath, &str, usize)> + '_ {
        self.category_pages
            .iter()
            .map(|(s, g)| (s, g.name.as_str(), g.ids.len()))
    }

    /// The name and articles (newest first) of a tag page.
    pub fn tag_page(&self, slug: &SitePath) -> Option<(&str, Vec<&'a Document>)> {
        self.tag_pages
            .get(slug)
            .map(|g| (g.name.as_str(), self.group(Some(&g.ids)).collect()))
    }

    /// The name and articles (newest first) of a category page.
    pub fn category_page(&self, slug: &SitePath) -> Option<(&str, Vec<&'a Document>)> {
        self.category_pages
            .get(slug)
            .map(|g| (g.name.as_str(), self.group(Some(&g.ids)).collect()))
    }

    /// Units that articles are about, with their number of articles.
    pub fn units(&self) -> impl Iterator<Item = (&UnitId, usize)> + '_ {
        self.by_unit.iter().map(|(u, ids)| (u, ids.len()))
    }

    /// Periods that articles are about, with their number of articles.
    pub fn periods(&self) -> impl Iterator<Item = (&Period, usize)> + '_ {
        self.by_period.iter().map(|(p, ids)| (p, ids.len()))
    }

    /// Years articles are dated in, with their number of articles.
    pub fn years(&self) -> impl Iterator<Item = (i32, usize)> + '_ {
        self.by_year.iter().map(|(y, ids)| (*y, ids.len()))
    }

    /// "Tin liên quan": articles of the same unit or with a shared tag,
    /// newest first, at most 5; and "Các tin bài khác": the newest of the
    /// article's section not shown as related, topped up with the newest
    /// of the site, so it is never empty while other articles exist. Only
    /// the article's own groups are read, never every article.
    pub fn related(&self, d: &Document) -> (Vec<&'a Document>, Vec<&'a Document>) {
        let own = self.position.get(&d.path).copied();
        let docs = |v: &[usize]| v.iter().map(|&i| self.articles[i]).collect();
        // The indexed version's are kept: every edit asks again for every
        // article's (`serve`'s page keys), and an article swapped in
        // place keeps its groups.
        match own.filter(|&i| std::ptr::eq(self.articles[i], d)) {
            Some(i) => {
                let (related, others) = self.near[i].get_or_init(|| self.near(d, own));
                (docs(related), docs(others))
            }
            None => {
                let (related, others) = self.near(d, own);
                (docs(&related), docs(&others))
            }
        }
    }

    /// The positions of [`SiteIndex::related`]'s articles; `own` is the
    /// article's position.
    fn near(&self, d: &Document, own: Option<usize>) -> (Vec<usize>, Vec<usize>) {
        // Each group is in position order (newest first): the newest
        // `RELATED` of the union are among the first `RELATED + 1` (one may
        // be the article itself) of each group, so no group is read whole.
        let unit = d.front.unit.as_ref().and_then(|u| self.by_unit.get(u));
        let tags = d.front.tags.iter().filter_map(|t| self.by_tag.get(t));
        let mut near: Vec<usize> = unit
            .into_iter()
            .chain(tags)
            .flat_map(|ids| ids.iter().take(RELATED + 1).copied())
            .collect();
        near.sort_unstable();
        near.dedup();
        let related: Vec<usize> = near
            .into_iter()
            .filter(|&i| Some(i) != own)
            .take(RELATED)
            .collect();
        let section = self
            .paths
            .get(&d.path)
            .and_then(SitePath::parent)
            .and_then(|s| self.sections.get(&s));
        let in_section = section
            .into_iter()
            .flatten()
            .filter_map(|a| self.at.get(&address(a)).copied());
        // Positions are newest first, so the site's newest come in order.
        let mut others: Vec<usize> = Vec::with_capacity(RELATED);
        for i in in_section.chain(0..self.articles.len()) {
            if others.len() == RELATED {
                break;
            }
            if Some(i) != own && !related.contains(&i) && !others.contains(&i) {
                others.push(i);
            }
        }
        // Every other article is related: the newest of them, again.
        if others.is_empty() {
            others = related.clone();
        }
        (related, others)
    }

    /// The published article loaded from `path` (relative to the site
    /// root).
    pub fn article(&self, path: &Path) -> Option<&'a Document> {
        self.position.get(path).map(|&i| self.articles[i])
    }

    /// The next newer and the next older article.
    pub fn neighbours(&self, d: &Document) -> (Option<&'a Document>, Option<&'a Document>) {
        match self.position.get(&d.path) {
            Some(&i) => (
                i.checked_sub(1).map(|j| self.articles[j]),
                self.articles.get(i + 1).copied(),
            ),
            None => (None, None),
        }
    }

    /// Articles of a unit, newest first.
    pub fn of_unit(&self, unit: &UnitId) -> impl Iterator<Item = &'a Document> + '_ {
        self.group(self.by_unit.get(unit))
    }

    /// Articles with a tag, newest first.
    pub fn with_tag(&self, tag: &str) -> impl Iterator<Item = &'a Document> + '_ {
        self.group(self.by_tag.get(tag))
    }

    /// Articles of a category, newest first.
    pub fn in_category(&self, category: &str) -> impl Iterator<Item = &'a Document> + '_ {
        self.group(self.by_category.get(category))
    }

    /// Articles dated in a year, newest first.
    pub fn of_year(&self, year: i32) -> impl Iterator<Item = &'a Document> + '_ {
        self.group(self.by_year.get(&year))
    }

    /// Articles about a period (`period:` in their front matter), newest
    /// first.
    pub fn of_period(&self, period: &Period) -> impl Iterator<Item = &'a Document> + '_ {
        self.group(self.by_period.get(period))
    }

    fn group<'s>(&'s self, ids: Option<&'s Vec<usize>>) -> impl Iterator<Item = &'a Document> + 's {
        ids.into_iter().flatten().map(|&i| self.articles[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::DateTime;
    use crate::model::FrontMatter;

    fn doc(rel: &str, date: &str, unit: Option<&str>, tags: &[&str]) -> Document {
        Document {
            path: PathBuf::from(format!("content/articles/{rel}")),
            rel: rel.to_string(),
            text: String::new(),
            front: FrontMatter {
                title: rel.to_string(),
                date: DateTime::parse(date),
                unit: unit.map(|u| UnitId(u.to_string())),
                period: Period::parse("2023").ok(),
                tags: tags.iter().map(|t| t.to_string()).collect(),
                ..FrontMatter::default()
            },
            body: String::new(),
            body_line: 1,
            summary_line: 0,
            summary_col: 0,
        }
    }

    #[test]
    fn a_version_indexed_alike_is_swapped_in_place_and_no_other() {
        let all = vec![
            doc("tin-tuc/a.md", "2023-01-01", Some("x"), &["cchc"]),
            doc("tin-tuc/b.md", "2023-02-01", Some("y"), &["cchc"]),
        ];
        let articles: Vec<&Document> = all.iter().collect();
        let mut index = SiteIndex::new(articles.clone(), Vec::new(), &all);
        let mut retitled = doc("tin-tuc/a.md", "2023-01-01", Some("x"), &["cchc"]);
        retitled.front.title = "Tiêu đề mới".into();
        let retagged = doc("tin-tuc/a.md", "2023-01-01", Some("x"), &["khác"]);
        let swapped = index.swap(&[&retitled]).unwrap();
        assert_eq!(swapped.len(), 1);
        // As a new index of the new version would be.
        let fresh = SiteIndex::new(vec![&retitled, &all[1]], Vec::new(), &all);
        let titles = |i: &SiteIndex<'_>| -> Vec<String> {
            i.articles.iter().map(|d| d.front.title.clone()).collect()
        };
        assert_eq!(titles(&index), titles(&fresh));
        let section = |i: &SiteIndex<'_>| -> Vec<String> {
            i.sections
                .values()
                .flatten()
                .map(|d| d.front.title.clone())
                .collect()
        };
        assert_eq!(section(&index), section(&fresh));
        assert_eq!(index.related(&retitled).0.len(), 1);
        // Another tag moves it between groups: not swapped, not changed.
        assert!(index.swap(&[&retagged]).is_none());
        assert_eq!(titles(&index), titles(&fresh));
    }

    #[test]
    fn groups_related_and_neighbours_without_scanning() {
        let all = vec![
            doc("tin-tuc/a.md", "2023-01-01", Some("x"), &["cchc"]),
            doc("tin-tuc/b.md", "2023-02-01", Some("y"), &["cchc"]),
            doc("tin-tuc/c.md", "2023-03-01", Some("x"), &[]),
            doc("su-kien/d.md", "2022-05-01", None, &[]),
            doc("tin-tuc/_index.md", "2023-01-01", None, &[]),
        ];
        let articles: Vec<&Document> = all.iter().filter(|d| !is_section_doc(d)).collect();
        let index = SiteIndex::new(articles, Vec::new(), &all);
        let titles = |docs: Vec<&Document>| -> Vec<String> {
            docs.iter().map(|d| d.front.title.clone()).collect()
        };
        // Newest first.
        assert_eq!(
            titles(index.articles.clone()),
            [
                "tin-tuc/c.md",
                "tin-tuc/b.md",
                "tin-tuc/a.md",
                "su-kien/d.md"
            ]
        );
        let a = &all[0];
        let (related, others) = index.related(a);
        assert_eq!(titles(related), ["tin-tuc/c.md", "tin-tuc/b.md"]);
        assert_eq!(titles(others), ["su-kien/d.md"]);
        let (newer, older) = index.neighbours(a);
        assert_eq!(newer.map(|d| d.rel.as_str()), Some("tin-tuc/b.md"));
        assert_eq!(older.map(|d| d.rel.as_str()), Some("su-kien/d.md"));
        assert_eq!(index.of_unit(&UnitId("x".into())).count(), 2);
        assert_eq!(index.with_tag("cchc").count(), 2);
        assert_eq!(index.of_year(2022).count(), 1);
        assert_eq!(index.of_period(&Period::parse("2023").unwrap()).count(), 4);
        let sec = SitePath::from_slugs(["tin-tuc"]).unwrap();
        assert_eq!(index.sections[&sec].len(), 3);
        assert!(index.section_docs.contains_key(&sec));
        assert_eq!(index.folder_names[&sec], "tin-tuc");
    }
}
