//! What each page read of the records, as one number per page: the
//! figures of every record it read while it was last rendered (noted by
//! [`reads`]), its own body's and summary's included. A data edit
//! changes the number of the pages that read a record it changed, and
//! only theirs; the front-matter part of a page's key is
//! [`super::page_keys`].
//!
//! [`reads`]: crate::data::reads

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::data::reads::Reads;
use crate::data::{Figures, Period, UnitId};

use super::index::SiteIndex;
use super::route::Route;

/// What each page, and each body or summary rendered ahead of the pages,
/// read while a build (`serve`) rendered it.
#[derive(Clone, Debug, Default)]
pub struct ReadLog {
    /// By route: the page, its article's body included.
    pub pages: HashMap<Route, Reads>,
    /// By source path: summaries, and the bodies of pages and section
    /// introductions (rendered ahead of their pages).
    pub docs: HashMap<PathBuf, Reads>,
}

/// A hash of each record's figures, in one state of the data.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct RecordHashes(HashMap<(UnitId, Period), u64>);

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
                .map(|(key, figure)| {
                    let mut h = std::collections::hash_map::DefaultHasher::new();
                    // Writing to a hasher cannot fail.
                    let _ = std::fmt::write(&mut HashWriter(&mut h), format_args!("{figure:?}"));
                    (key.clone(), h.finish())
                })
                .collect(),
        )
    }

    /// Whether these are the records of `other`, value for value.
    pub fn same_keys(&self, other: &RecordHashes) -> bool {
        self.0.len() == other.0.len() && self.0.keys().all(|k| other.0.contains_key(k))
    }

    /// Whether `reads` read a record whose figures differ in `other`.
    pub fn differ_in(&self, other: &RecordHashes, reads: &Reads) -> bool {
        reads.keys().iter().any(|k| self.0.get(k) != other.0.get(k))
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
    /// document's summary or body; a section's introduction).
    pub fn page(
        &self,
        log: &ReadLog,
        route: &Route,
        doc: Option<&Path>,
        index: &SiteIndex<'_>,
    ) -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        let none = Reads::default();
        self.of(log.pages.get(route).unwrap_or(&none), &mut h);
        let shown = match route {
            Route::Section { section, .. } => {
                index.section_docs.get(section).map(|d| d.path.as_path())
            }
            _ => doc,
        };
        if let Some(reads) = shown.and_then(|p| log.docs.get(p)) {
            self.of(reads, &mut h);
        }
        h.finish()
    }

    /// The record part of what a list shows of a document: what its
    /// summary read.
    pub fn summary(&self, log: &ReadLog, doc: &Path, h: &mut impl Hasher) {
        if let Some(reads) = log.docs.get(doc) {
            self.of(reads, h);
        }
    }
}
