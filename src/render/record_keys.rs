//! What each page read of the records, as one number per page: the
//! figures of every record it read while it was last rendered (noted by
//! [`reads`]), its own body's and summary's included. A data edit
//! changes the number of the pages that read a record it changed, and
//! only theirs; the front-matter part of a page's key is
//! [`super::page_keys`].
//!
//! [`reads`]: crate::data::reads

use std::ffi::{OsStr, OsString};
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::data::reads::Reads;
use crate::data::{Figure, Figures, Period, UnitId};

use super::index::SiteIndex;
use super::route::Route;

/// A map with a fast hasher: keys are looked up for every page on every
/// edit, and none comes from outside the site.
pub type Map<K, V> = rustc_hash::FxHashMap<K, V>;

/// A set with the same hasher.
pub type Set<K> = rustc_hash::FxHashSet<K>;

/// What each page, and each body or summary rendered ahead of the pages,
/// read while a build (`serve`) rendered it.
#[derive(Clone, Debug, Default)]
pub struct ReadLog {
    /// By route: the page, its article's body included.
    pub pages: Map<Route, Reads>,
    /// By source path (as bytes, hashed faster than a path's
    /// components): summaries, and the bodies of pages and section
    /// introductions (rendered ahead of their pages).
    pub docs: Map<OsString, Reads>,
}

/// A hash of each record's figures, in one state of the data.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct RecordHashes(Map<(UnitId, Period), u64>);

/// The records whose figures differ between two states.
pub enum Changed {
    /// A few, compared one by one (an officer's edit changes one or two).
    Few(Vec<(UnitId, Period)>),
    /// Many (a data file replaced), looked up.
    Many(Set<(UnitId, Period)>),
}

/// Above this many changed records a set beats comparing each.
const FEW: usize = 16;

impl Changed {
    /// Whether `reads` read one of them.
    pub fn touches(&self, reads: &Reads) -> bool {
        match self {
            Changed::Few(keys) if keys.is_empty() => false,
            Changed::Few(keys) => reads.keys().iter().any(|k| keys.contains(k)),
            Changed::Many(keys) => reads.keys().iter().any(|k| keys.contains(k)),
        }
    }
}

/// What changed since a page's earlier key was made, and that key's
/// record part: a page that read none of the changed records, and whose
/// shown document's body was not rendered again, keeps it.
pub struct Earlier<'e> {
    /// The record part of the earlier key.
    pub part: u64,
    /// The records whose figures changed since.
    pub changed: &'e Changed,
    /// The documents whose summaries or bodies were rendered again since.
    pub renewed: &'e Set<&'e OsStr>,
}

/// A hash of a figure: its `Debug` text (every value, derivation, source
/// and origin).
fn hash(figure: &Figure) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    // Writing to a hasher cannot fail.
    let _ = std::fmt::write(&mut HashWriter(&mut h), format_args!("{figure:?}"));
    h.finish()
}

/// Whether two figures are the same, field by field, numbers bit for bit
/// (as their hashes would say; `-0.0` is not `0.0` in a page).
fn same(a: &Figure, b: &Figure) -> bool {
    // Every field named: a field added to `Figure` must be compared here.
    let Figure {
        unit,
        period,
        source,
        values,
        derived,
        origin,
        from_predecessors,
        lacking,
    } = a;
    *unit == b.unit
        && *period == b.period
        && *source == b.source
        && *derived == b.derived
        && *origin == b.origin
        && *from_predecessors == b.from_predecessors
        && *lacking == b.lacking
        && values.len() == b.values.len()
        && values
            .iter()
            .zip(&b.values)
            .all(|((ka, va), (kb, vb))| ka == kb && va.to_bits() == vb.to_bits())
}

/// Hashes what is written to it (a figure's `Debug` text: every value,
/// derivation, source and origin) without making the text.
struct HashWriter<'h>(&'h mut std::collections::hash_map::DefaultHasher);

impl std::fmt::Write for HashWriter<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.write(s.as_bytes());
        Ok(())
    }
}

impl RecordHashes {
    /// The hashes of every record of `figures`.
    pub fn new(figures: &Figures) -> RecordHashes {
        RecordHashes(
            figures
                .records
                .par_iter()
                .map(|(key, figure)| (key.clone(), hash(figure)))
                .collect(),
        )
    }

    /// The hashes of every record of `figures`, those of the records the
    /// same as in `before` (whose hashes these are) kept: a data edit
    /// changes a few records of thousands.
    pub fn since(&self, before: &Figures, figures: &Figures) -> RecordHashes {
        RecordHashes(
            figures
                .records
                .par_iter()
                .map(|(key, figure)| {
                    let kept = before
                        .records
                        .get(key)
                        .filter(|b| same(b, figure))
                        .and_then(|_| self.0.get(key).copied());
                    (key.clone(), kept.unwrap_or_else(|| hash(figure)))
                })
                .collect(),
        )
    }

    /// Whether these are the records of `other`, value for value.
    pub fn same_keys(&self, other: &RecordHashes) -> bool {
        self.0.len() == other.0.len() && self.0.keys().all(|k| other.0.contains_key(k))
    }

    /// The records whose figures differ in `now` (none when both are the
    /// same hashes).
    pub fn changed(self: &Arc<Self>, now: &Arc<RecordHashes>) -> Changed {
        if Arc::ptr_eq(self, now) {
            return Changed::Few(Vec::new());
        }
        let keys: Vec<_> = now
            .0
            .iter()
            .filter(|(k, h)| self.0.get(*k) != Some(*h))
            .map(|(k, _)| k.clone())
            .chain(self.0.keys().filter(|k| !now.0.contains_key(*k)).cloned())
            .collect();
        if keys.len() > FEW {
            Changed::Many(keys.into_iter().collect())
        } else {
            Changed::Few(keys)
        }
    }

    /// One hash of the figures `reads` read (a record not there counts
    /// as such).
    fn of(&self, reads: &Reads, h: &mut impl Hasher) {
        for k in reads.keys() {
            self.0.get(k).hash(h);
        }
    }

    /// The record part of the key of the page of `route`: what it read,
    /// and what the bodies it shows read when rendered ahead (its
    /// document's summary or body; a section's introduction). The
    /// `earlier` part when nothing it read changed.
    pub fn page(
        &self,
        log: &ReadLog,
        (route, doc): (&Route, Option<&Path>),
        index: &SiteIndex<'_>,
        earlier: Option<Earlier<'_>>,
    ) -> u64 {
        let own = log.pages.get(route);
        let shown = match route {
            Route::Section { section, .. } => {
                index.section_docs.get(section).map(|d| d.path.as_path())
            }
            _ => doc,
        };
        let shown = shown.and_then(|p| log.docs.get(p.as_os_str()).map(|r| (p.as_os_str(), r)));
        if let Some(e) = earlier {
            let kept = own.is_none_or(|r| !e.changed.touches(r))
                && shown.is_none_or(|(p, r)| !e.renewed.contains(p) && !e.changed.touches(r));
            if kept {
                return e.part;
            }
        }
        let mut h = std::collections::hash_map::DefaultHasher::new();
        let none = Reads::default();
        self.of(own.unwrap_or(&none), &mut h);
        if let Some((_, reads)) = shown {
            self.of(reads, &mut h);
        }
        h.finish()
    }

    /// The record part of what a list shows of a document: what its
    /// summary read.
    pub fn summary(&self, log: &ReadLog, doc: &Path, h: &mut impl Hasher) {
        if let Some(reads) = log.docs.get(doc.as_os_str()) {
            self.of(reads, h);
        }
    }
}
