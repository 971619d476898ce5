//! The stamp of a build: what went in (every file of `content/` and
//! `themes/`, the options, the program itself) and what came out (every
//! output file's size and time). A build whose inputs and output match the
//! stamp left by the last one has nothing to do, and does nothing: the
//! second build of an unchanged site reads the sources and the output
//! folder's listing, renders nothing and writes nothing.

use std::hash::{Hash, Hasher};
use std::path::Path;

use crate::BuildOptions;

/// What the last successful build saw and made, kept in the output
/// folder's marker file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// The hash of the inputs.
    pub inputs: u64,
    /// The hash of the output folder's listing.
    pub outputs: u64,
    /// The counts the build reported: pages, charts, files, records.
    pub counts: [usize; 4],
}

impl Stamp {
    /// The stamp's lines in the marker file.
    pub fn lines(&self) -> String {
        let [pages, charts, files, records] = self.counts;
        format!(
            "inputs {:016x}\noutputs {:016x}\ncounts {pages} {charts} {files} {records}\n",
            self.inputs, self.outputs
        )
    }

    /// Reads a stamp from the marker's text; `None` when it has none.
    pub fn parse(text: &str) -> Option<Stamp> {
        let field = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(name)?.strip_prefix(' '))
        };
        let hex = |name| u64::from_str_radix(field(name)?, 16).ok();
        let counts: Vec<usize> = field("counts")?
            .split(' ')
            .map(str::parse)
            .collect::<Result<_, _>>()
            .ok()?;
        Some(Stamp {
            inputs: hex("inputs")?,
            outputs: hex("outputs")?,
            counts: counts.try_into().ok()?,
        })
    }
}

/// A hasher whose result is the same on every run of one program.
fn hasher() -> std::collections::hash_map::DefaultHasher {
    // `DefaultHasher::new` uses fixed keys: stable for one build of the
    // program, which is part of what is hashed anyway.
    std::collections::hash_map::DefaultHasher::new()
}

/// The hash of everything a build reads: the options that change the
/// output, the program (its size and time), and every file under
/// `content/` and `themes/` (path and bytes). `None` when a file cannot be
/// read: then the build runs and reports it.
pub fn inputs(opts: &BuildOptions) -> Option<u64> {
    use rayon::prelude::*;
    let mut h = hasher();
    (&opts.base_url, opts.drafts, opts.strict, opts.year).hash(&mut h);
    let exe = std::env::current_exe().ok()?.metadata().ok()?;
    (exe.len(), exe.modified().ok()?).hash(&mut h);
    let mut files = Vec::new();
    for folder in ["content", "themes"] {
        let walk = walkdir::WalkDir::new(opts.root.join(folder))
            .follow_links(true)
            .sort_by_file_name();
        for entry in walk {
            let entry = match entry {
                Ok(e) => e,
                // No `themes/`: the built-in theme, part of the program.
                Err(e) if e.depth() == 0 && folder == "themes" => break,
                Err(_) => return None,
            };
            entry.path().hash(&mut h);
            if entry.file_type().is_file() {
                files.push(entry.into_path());
            }
        }
    }
    // The files' bytes, hashed in parallel and combined in walk order.
    let each: Option<Vec<u64>> = files
        .par_iter()
        .map(|path| {
            let mut one = hasher();
            std::fs::read(path).ok()?.hash(&mut one);
            Some(one.finish())
        })
        .collect();
    each?.hash(&mut h);
    Some(h.finish())
}

/// Adds one output file to a listing's hash: its path, size and time.
pub fn list(h: &mut impl Hasher, path: &Path, meta: &std::fs::Metadata) -> Option<()> {
    list_parts(h, path, meta.len(), meta.modified().ok()?);
    Some(())
}

/// [`list`] from a size and a time already read.
pub fn list_parts(h: &mut impl Hasher, path: &Path, len: u64, time: std::time::SystemTime) {
    path.hash(h);
    (len, time).hash(h);
}

/// A hasher for [`list`], fed in the order of a walk sorted by name.
pub fn listing() -> impl Hasher {
    hasher()
}

/// The hash of the output folder's listing: every visible file's path,
/// size and modification time (as [`list`] adds them), so a file deleted, added or edited since
/// the last build is noticed without reading it.
pub fn outputs(out: &Path) -> Option<u64> {
    let mut h = listing();
    let walk = walkdir::WalkDir::new(out)
        .min_depth(1)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walk {
        let entry = entry.ok()?;
        // Folders are not listed: a file's path names its folders, and
        // an empty folder is no output.
        if !entry.file_type().is_dir() {
            list(&mut h, entry.path(), &entry.metadata().ok()?)?;
        }
    }
    Some(h.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_reads_back_and_a_foreign_marker_has_none() {
        let stamp = Stamp {
            inputs: 0xdead_beef,
            outputs: 7,
            counts: [81, 67, 311, 84],
        };
        let marker = format!(
            "This folder is generated by baocao build.\n{}",
            stamp.lines()
        );
        assert_eq!(Stamp::parse(&marker), Some(stamp));
        assert_eq!(
            Stamp::parse("This folder is generated by baocao build.\n"),
            None
        );
        assert_eq!(Stamp::parse("inputs zz\noutputs 1\ncounts 1 2 3 4\n"), None);
        assert_eq!(Stamp::parse("inputs 1\noutputs 1\ncounts 1 2 3\n"), None);
    }

    #[test]
    fn the_listing_changes_with_a_file_and_not_with_hidden_entries() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.html"), "A").unwrap();
        let first = outputs(dir.path()).unwrap();
        std::fs::write(dir.path().join(".baocao-output"), "x").unwrap();
        assert_eq!(outputs(dir.path()), Some(first));
        std::fs::write(dir.path().join("a.html"), "AB").unwrap();
        assert_ne!(outputs(dir.path()), Some(first));
    }
}
