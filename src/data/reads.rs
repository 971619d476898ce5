//! Which records a page read while it was rendered, for `serve`: a data
//! edit renders again only the pages that read a record it changed.
//!
//! Every read of a record at render time goes through [`Figures::get`],
//! [`Figures::of_unit`] or [`note`]: they note the record's key on the
//! rendering thread, while [`recording`] is on. Rendering code that walks
//! `Figures::records` itself must [`note`] what it uses, or a data edit
//! will leave its page stale (`tests/serve_edits.rs` compares every page
//! with a full build after data edits).
//!
//! [`Figures::get`]: super::Figures::get
//! [`Figures::of_unit`]: super::Figures::of_unit

use std::cell::RefCell;
use std::sync::Arc;

use super::{Period, UnitId};

/// The keys of the records read, sorted, each once (shared: a log of
/// them is copied with each edit).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reads(Arc<[(UnitId, Period)]>);

impl Reads {
    /// The keys read.
    pub fn keys(&self) -> &[(UnitId, Period)] {
        &self.0
    }

    /// These reads and `other`'s.
    pub fn merge(&mut self, other: &Reads) {
        let mut all: Vec<_> = self.0.iter().chain(other.0.iter()).cloned().collect();
        all.sort_unstable();
        all.dedup();
        self.0 = all.into();
    }
}

thread_local! {
    /// The keys read on this thread since [`recording`] began; `None`
    /// when nothing is recording (a build's pages: no cost but a check).
    static READS: RefCell<Option<Vec<(UnitId, Period)>>> = const { RefCell::new(None) };
}

/// Runs `f`, and returns what it read. Recordings nest: an inner one's
/// reads count for the outer one too (a body rendered with its page).
pub fn recording<T>(f: impl FnOnce() -> T) -> (T, Reads) {
    let outer = READS.with(|r| r.borrow_mut().replace(Vec::new()));
    let value = f();
    let mut read = READS.with(|r| r.borrow_mut().take()).unwrap_or_default();
    read.sort_unstable();
    read.dedup();
    if let Some(mut outer) = outer {
        outer.extend(read.iter().cloned());
        READS.with(|r| *r.borrow_mut() = Some(outer));
    }
    (value, Reads(read.into()))
}

/// Notes a read of the record of `unit` and `period`, when recording.
pub fn note(unit: &UnitId, period: &Period) {
    READS.with(|r| {
        if let Some(read) = r.borrow_mut().as_mut() {
            read.push((unit.clone(), *period));
        }
    });
}

/// Notes again every read of `reads` (what a value kept from an earlier
/// render read), when recording.
pub fn replay(reads: &Reads) {
    READS.with(|r| {
        if let Some(read) = r.borrow_mut().as_mut() {
            read.extend(reads.keys().iter().cloned());
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(u: &str, p: &str) -> (UnitId, Period) {
        (UnitId(u.into()), Period::parse(p).unwrap())
    }

    #[test]
    fn reads_are_noted_only_while_recording_and_count_for_outer_recordings() {
        note(&UnitId("x".into()), &Period::parse("2023").unwrap());
        let ((_, inner), outer) = recording(|| {
            note(&UnitId("b".into()), &Period::parse("2023").unwrap());
            recording(|| {
                note(&UnitId("a".into()), &Period::parse("2024").unwrap());
                note(&UnitId("a".into()), &Period::parse("2024").unwrap());
            })
        });
        assert_eq!(inner.keys(), [key("a", "2024")]);
        assert_eq!(outer.keys(), [key("a", "2024"), key("b", "2023")]);
        let ((), none) = recording(|| {});
        assert!(none.keys().is_empty(), "nothing left from before");
    }
}
