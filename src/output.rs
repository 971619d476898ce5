//! Writing: updates the output folder in place from the rendered site.
//! Unchanged files are not rewritten; files no longer produced are removed;
//! nothing outside the output folder is touched.

use crate::messages::{Hint, Msg};
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use crate::diagnostic::Diagnostic;
use crate::fingerprint::Stamp;

/// Marks a folder as baocao's output, so a folder of other files is never
/// emptied by mistake.
pub const MARKER: &str = ".baocao-output";

/// What a sync did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WriteStats {
    /// Files created or changed.
    pub written: usize,
    /// Files whose bytes were already right.
    pub unchanged: usize,
    /// Stale files deleted.
    pub removed: usize,
}

/// An absolute, `..`-free form of a path that may not exist yet.
pub fn absolute(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    // Canonicalise the longest existing ancestor, then append the rest.
    let mut existing = joined.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match existing.file_name() {
            Some(name) => rest.push(name.to_os_string()),
            None => break,
        }
        if !existing.pop() {
            break;
        }
    }
    let mut out = existing.canonicalize().unwrap_or(existing);
    for part in rest.iter().rev() {
        out.push(part);
    }
    let mut clean = PathBuf::new();
    for c in out.components() {
        match c {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    clean
}

/// Refuses an output folder that would overwrite or delete the site itself.
pub fn check_output_dir(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let (root, out) = (absolute(root), absolute(output));
    let content = root.join("content");
    let themes = root.join("themes");
    let bad = out == root
        || root.starts_with(&out)
        || out.starts_with(&content)
        || out.starts_with(&themes);
    if bad {
        return Err(
            Diagnostic::error(crate::msg!(Msg::RefuseOutputInSources, out.display()))
                .hint(Hint::ChooseOutputFolderOutside),
        );
    }
    if out.is_dir() && !out.join(MARKER).exists() {
        let has_files = std::fs::read_dir(&out)
            .map(|mut d| d.next().is_some())
            .unwrap_or(false);
        if has_files {
            return Err(
                Diagnostic::error(crate::msg!(Msg::OutputNotOurs, out.display()))
                    .hint(Hint::BaocaoRemovesFilesDid),
            );
        }
    }
    Ok(())
}

fn io(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(crate::msg!(Msg::CannotWrite, path.display(), e))
        .hint(Hint::CheckOutputFolderWritable)
}

/// The path of `rel` inside `out`, or an error when `rel` could lead
/// anywhere else: absolute, empty, or with `..`, `.` or empty parts. Every
/// path this module writes or deletes comes from here.
pub fn inside(out: &Path, rel: &str) -> Result<PathBuf, Diagnostic> {
    let parts_ok = !rel.is_empty()
        && !rel.contains('\\')
        && !rel.contains('\0')
        && rel
            .split('/')
            .all(|p| !p.is_empty() && p != "." && p != "..")
        && Path::new(rel)
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
    if !parts_ok {
        return Err(Diagnostic::error(crate::msg!(Msg::RefusePathOutside, rel))
            .hint(Hint::BugBaocaoThemePlease));
    }
    Ok(out.join(rel))
}

/// Makes `out` hold exactly `files`, plus the marker and any hidden entries
/// (`.git`, `.well-known`) that deployment tools keep there. Symbolic links
/// inside `out` are never followed: a link where a file or folder goes is
/// replaced by it, and a stale link is removed, not its target.
pub fn sync(files: &BTreeMap<String, Vec<u8>>, out: &Path) -> Result<WriteStats, Diagnostic> {
    // Check every path before touching the disk: one bad path writes nothing.
    for rel in files.keys() {
        inside(out, rel)?;
    }
    let staging = Staging::begin(out);
    for (rel, bytes) in files {
        staging.put(rel, bytes)?;
    }
    staging.commit()
}

/// A build's writes, staged: [`Staging::put`] compares a file with the one
/// in the output folder and keeps only a changed one, in a hidden folder
/// inside it that mirrors the output's tree; [`Staging::commit`] then moves
/// the changed files into place and removes stale ones. Dropped without a
/// commit, it removes what it staged, so a failed build leaves the output
/// folder as it was, while a site larger than memory is never held in
/// memory whole.
pub struct Staging {
    out: PathBuf,
    /// The hidden folder of staged files (the output's own file system, so
    /// moving a file or a whole folder into place is a rename).
    tmp: PathBuf,
    state: Mutex<Staged>,
    committed: bool,
    /// The output held nothing visible when the build began: no file
    /// there to compare with, and none stale.
    fresh: bool,
}

/// A file's size and modification time, as the output's listing holds it
/// ([`crate::fingerprint::list`]); `None` when it could not be read.
type Listed = Option<(u64, std::time::SystemTime)>;

#[derive(Default)]
struct Staged {
    /// Every path of this build, with its size and time once in place.
    produced: BTreeMap<String, Listed>,
    /// How many files were staged.
    written: usize,
    unchanged: usize,
    /// Folders made inside the staging folder.
    folders: std::collections::HashSet<String>,
    /// The staging folder exists.
    opened: bool,
    /// The output folder did not exist before this build.
    made_out: bool,
}

/// The hidden folder inside the output where a build stages its files.
const STAGING: &str = ".baocao-staging";

impl Staging {
    /// Starts staging into `out`; nothing touches the disk until a file
    /// differs from the output's.
    pub fn begin(out: &Path) -> Staging {
        let fresh = match std::fs::read_dir(out) {
            Ok(entries) => entries
                .filter_map(Result::ok)
                .all(|e| e.file_name().to_string_lossy().starts_with('.')),
            Err(e) => e.kind() == std::io::ErrorKind::NotFound,
        };
        Staging {
            out: out.to_path_buf(),
            tmp: out.join(STAGING),
            state: Mutex::new(Staged::default()),
            committed: false,
            fresh,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Staged> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Makes the staging folder (and the output folder) on first use.
    fn open(&self, state: &mut Staged) -> Result<(), Diagnostic> {
        if state.opened {
            return Ok(());
        }
        state.made_out = std::fs::symlink_metadata(&self.out).is_err();
        // A staging folder left by a killed build is stale.
        remove_any(&self.tmp)?;
        std::fs::create_dir_all(&self.tmp).map_err(|e| io(&self.tmp, &e))?;
        state.opened = true;
        Ok(())
    }

    /// Stages one file of the build (any thread): unchanged bytes are only
    /// counted, changed ones are written to the staging folder.
    pub fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let path = inside(&self.out, rel)?;
        let first = rel.split('/').next().unwrap_or_default();
        if first == STAGING || first == MARKER {
            return Err(Diagnostic::error(crate::msg!(Msg::RefusePathOutside, rel))
                .hint(Hint::BugBaocaoThemePlease));
        }
        let old = (!self.fresh)
            .then(|| std::fs::symlink_metadata(&path).ok())
            .flatten()
            .filter(|m| m.is_file() && m.len() == bytes.len() as u64);
        let same = old.is_some() && std::fs::read(&path).is_ok_and(|old| old == bytes);
        let mut state = self.lock();
        if state.produced.contains_key(rel) {
            return Ok(());
        }
        if same {
            let listed = old.and_then(|m| Some((m.len(), m.modified().ok()?)));
            state.produced.insert(rel.to_string(), listed);
            state.unchanged += 1;
            return Ok(());
        }
        state.produced.insert(rel.to_string(), None);
        state.written += 1;
        self.open(&mut state)?;
        let folder = rel.rsplit_once('/').map(|(f, _)| f.to_string());
        let make = folder.filter(|f| state.folders.insert(f.clone()));
        drop(state);
        let staged = self.tmp.join(rel);
        if let Some(folder) = make {
            let dir = self.tmp.join(folder);
            // Another thread may make the same folder: that is no error.
            std::fs::create_dir_all(&dir).map_err(|e| io(&dir, &e))?;
        }
        let listed = match write_file(&staged, bytes) {
            // The thread that claimed the folder may not have made it yet.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let dir = staged.parent().unwrap_or(&self.tmp);
                std::fs::create_dir_all(dir).map_err(|e| io(dir, &e))?;
                write_file(&staged, bytes)
            }
            other => other,
        }
        .map_err(|e| io(&staged, &e))?;
        if let Some(entry) = self.lock().produced.get_mut(rel) {
            *entry = listed;
        }
        Ok(())
    }

    /// Moves the changed files into place, removes files no longer
    /// produced, and the staging folder.
    pub fn commit(self) -> Result<WriteStats, Diagnostic> {
        self.commit_listed().map(|(stats, _)| stats)
    }

    /// [`Staging::commit`], also giving the hash of the output's listing
    /// ([`crate::fingerprint::outputs`]) as the build left it.
    pub fn commit_listed(mut self) -> Result<(WriteStats, Option<u64>), Diagnostic> {
        let state = std::mem::take(&mut *self.lock());
        let out = self.out.clone();
        std::fs::create_dir_all(&out).map_err(|e| io(&out, &e))?;
        // Moves first, deletions after: an interrupted run leaves every new
        // file in place rather than a half-emptied folder.
        if state.opened {
            move_tree(&self.tmp, &out)?;
        }
        let removed = if self.fresh {
            0
        } else {
            remove_stale(&out, &state.produced)?
        };
        self.committed = true;
        remove_any(&self.tmp)?;
        write_marker(&out)?;
        let stats = WriteStats {
            written: state.written,
            unchanged: state.unchanged,
            removed,
        };
        Ok((stats, listing(&out, &state.produced)))
    }
}

/// Writes `bytes` to a new file at `path`, giving its size and time.
fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<Listed> {
    use std::io::Write;
    let mut file = std::fs::File::create(path)?;
    file.write_all(bytes)?;
    let meta = file.metadata()?;
    Ok(meta.modified().ok().map(|t| (meta.len(), t)))
}

/// Moves everything in the staging folder `from` into `to`, in parallel:
/// an entry with nothing in its place goes over whole (a fresh build moves
/// a few folders, not every file), a folder onto a folder is merged, and
/// anything else in the way (a file, a link, a folder where a file goes) is
/// replaced. Links in the output are never followed.
fn move_tree(from: &Path, to: &Path) -> Result<(), Diagnostic> {
    use rayon::prelude::*;
    let entries: Vec<_> = std::fs::read_dir(from)
        .map_err(|e| io(from, &e))?
        .collect::<Result<_, _>>()
        .map_err(|e| io(from, &e))?;
    entries.par_iter().try_for_each(|entry| {
        let src = entry.path();
        // A name read from our own staging folder: never `..` or empty.
        let dst = to.join(entry.file_name());
        let staged_dir = entry.file_type().map_err(|e| io(&src, &e))?.is_dir();
        match std::fs::symlink_metadata(&dst) {
            Ok(m) if m.is_dir() && staged_dir => return move_tree(&src, &dst),
            Ok(m) if m.is_dir() => std::fs::remove_dir_all(&dst).map_err(|e| io(&dst, &e))?,
            // A rename replaces a file or a link in one call, but not a
            // folder's place.
            Ok(_) if staged_dir => std::fs::remove_file(&dst).map_err(|e| io(&dst, &e))?,
            _ => {}
        }
        std::fs::rename(&src, &dst).map_err(|e| io(&dst, &e))
    })
}

/// The hash of the output's listing after a commit, from what was put:
/// the same as [`crate::fingerprint::outputs`] walking it, since the
/// visible files are exactly the produced ones, in the walk's order (by
/// name, folder by folder).
fn listing(out: &Path, produced: &BTreeMap<String, Listed>) -> Option<u64> {
    use std::hash::Hasher;
    let mut files: Vec<(&String, &Listed)> = produced
        .iter()
        .filter(|(rel, _)| !rel.split('/').any(|p| p.starts_with('.')))
        .collect();
    files.sort_by(|a, b| a.0.split('/').cmp(b.0.split('/')));
    let mut h = crate::fingerprint::listing();
    for (rel, listed) in files {
        let (len, time) = (*listed)?;
        crate::fingerprint::list_parts(&mut h, &out.join(rel), len, time);
    }
    Some(h.finish())
}

impl Drop for Staging {
    fn drop(&mut self) {
        let state = self.state.get_mut().unwrap_or_else(|p| p.into_inner());
        if !self.committed && state.opened {
            let _ = std::fs::remove_dir_all(&self.tmp);
            if state.made_out {
                // Only when it is empty: the folder this build made.
                let _ = std::fs::remove_dir(&self.out);
            }
        }
    }
}

/// Removes a file, a link or a folder (never following a link).
fn remove_any(path: &Path) -> Result<(), Diagnostic> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => std::fs::remove_dir_all(path).map_err(|e| io(path, &e)),
        Ok(_) => std::fs::remove_file(path).map_err(|e| io(path, &e)),
        Err(_) => Ok(()),
    }
}

/// Removes every file of `out` that is not `produced`, and folders left
/// empty; hidden entries stay. Returns how many files went.
fn remove_stale(out: &Path, produced: &BTreeMap<String, Listed>) -> Result<usize, Diagnostic> {
    let mut removed = 0;
    let mut dirs = Vec::new();
    // walkdir does not follow links: a link is listed as itself and removed
    // as itself.
    let walk = walkdir::WalkDir::new(out)
        .min_depth(1)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walk {
        let entry =
            entry.map_err(|e| Diagnostic::error(crate::msg!(Msg::CannotRead, out.display(), e)))?;
        let path = entry.path();
        let rel = crate::fs::posix(path.strip_prefix(out).unwrap_or(path));
        if entry.file_type().is_dir() {
            dirs.push(path.to_path_buf());
        } else if !produced.contains_key(&rel) || entry.path_is_symlink() {
            std::fs::remove_file(path).map_err(|e| io(path, &e))?;
            removed += 1;
        }
    }
    // Deepest first, so a folder emptied of empty folders goes too.
    for dir in dirs.iter().rev() {
        // Only empty folders go; a folder that still holds output stays.
        let _ = std::fs::remove_dir(dir);
    }
    Ok(removed)
}

/// The marker's first line.
const MARKER_TEXT: &str =
    "This folder is generated by baocao build; its files are replaced on every build.\n";

/// Writes the marker that makes `out` baocao's, when it is missing.
fn write_marker(out: &Path) -> Result<(), Diagnostic> {
    let marker = out.join(MARKER);
    if std::fs::symlink_metadata(&marker).is_err() {
        std::fs::write(&marker, MARKER_TEXT).map_err(|e| io(&marker, &e))?;
    }
    Ok(())
}

/// The stamp the last build left in the marker, if any.
pub fn read_stamp(out: &Path) -> Option<Stamp> {
    let marker = out.join(MARKER);
    // A link is not our marker: never read through it.
    if !std::fs::symlink_metadata(&marker).is_ok_and(|m| m.is_file()) {
        return None;
    }
    Stamp::parse(&std::fs::read_to_string(marker).ok()?)
}

/// Keeps `stamp` in the marker (rewritten only when it differs), or none:
/// a build with warnings is not stamped, so the next one runs and shows
/// them again.
pub fn write_stamp(out: &Path, stamp: Option<&Stamp>) -> Result<(), Diagnostic> {
    let marker = out.join(MARKER);
    let text = format!(
        "{MARKER_TEXT}{}",
        stamp.map(Stamp::lines).unwrap_or_default()
    );
    if std::fs::read_to_string(&marker).is_ok_and(|old| old == text) {
        return Ok(());
    }
    if std::fs::symlink_metadata(&marker).is_ok_and(|m| !m.is_file()) {
        remove_any(&marker)?;
    }
    std::fs::write(&marker, text).map_err(|e| io(&marker, &e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sync_writes_skips_and_removes() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let mut files = BTreeMap::new();
        files.insert("a/index.html".to_string(), b"A".to_vec());
        files.insert("b.txt".to_string(), b"B".to_vec());
        assert_eq!(
            sync(&files, &out).unwrap(),
            WriteStats {
                written: 2,
                unchanged: 0,
                removed: 0
            }
        );
        files.insert("b.txt".to_string(), b"B2".to_vec());
        files.remove("a/index.html");
        assert_eq!(
            sync(&files, &out).unwrap(),
            WriteStats {
                written: 1,
                unchanged: 0,
                removed: 1
            }
        );
        assert!(!out.join("a").exists(), "empty folders are removed");
        assert_eq!(
            sync(&files, &out).unwrap(),
            WriteStats {
                written: 0,
                unchanged: 1,
                removed: 0
            }
        );
        // A file that becomes a folder.
        files.clear();
        files.insert("b.txt/index.html".to_string(), b"C".to_vec());
        sync(&files, &out).unwrap();
        assert_eq!(std::fs::read(out.join("b.txt/index.html")).unwrap(), b"C");
        // And back: a folder that becomes a file.
        files.clear();
        files.insert("b.txt".to_string(), b"D".to_vec());
        sync(&files, &out).unwrap();
        assert_eq!(std::fs::read(out.join("b.txt")).unwrap(), b"D");
    }

    #[test]
    fn staging_without_a_commit_leaves_the_output_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        // A folder that did not exist is not left behind.
        let staging = Staging::begin(&out);
        staging.put("a/index.html", b"A").unwrap();
        assert!(out.join(STAGING).is_dir(), "changed files are staged");
        assert!(
            !out.join("a").exists(),
            "nothing is in place before the commit"
        );
        drop(staging);
        assert!(!out.exists());
        // An existing output keeps its files, and loses the staging folder.
        let files = BTreeMap::from([("a/index.html".to_string(), b"A".to_vec())]);
        sync(&files, &out).unwrap();
        let staging = Staging::begin(&out);
        staging.put("a/index.html", b"B").unwrap();
        staging.put("b.html", b"C").unwrap();
        drop(staging);
        assert_eq!(std::fs::read(out.join("a/index.html")).unwrap(), b"A");
        assert!(!out.join("b.html").exists() && !out.join(STAGING).exists());
        // A staging folder left by a killed build goes with the next one.
        std::fs::create_dir_all(out.join(STAGING)).unwrap();
        std::fs::write(out.join(STAGING).join("0"), "x").unwrap();
        let staging = Staging::begin(&out);
        staging.put("a/index.html", b"D").unwrap();
        let stats = staging.commit().unwrap();
        assert_eq!((stats.written, stats.removed), (1, 0));
        assert!(!out.join(STAGING).exists());
        assert_eq!(std::fs::read(out.join("a/index.html")).unwrap(), b"D");
    }

    #[test]
    fn the_listing_of_a_commit_is_the_listing_a_walk_finds() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        // `a-b` sorts before `a/…` as text, after it folder by folder.
        let mut files = BTreeMap::from([
            ("a/index.html".to_string(), b"A".to_vec()),
            ("a-b.html".to_string(), b"B".to_vec()),
            ("a/b/c.svg".to_string(), b"C".to_vec()),
            (".well-known/x.txt".to_string(), b"X".to_vec()),
        ]);
        for round in 0..3 {
            let staging = Staging::begin(&out);
            for (rel, bytes) in &files {
                staging.put(rel, bytes).unwrap();
            }
            let (_, listed) = staging.commit_listed().unwrap();
            assert_eq!(listed, crate::fingerprint::outputs(&out), "round {round}");
            assert!(listed.is_some());
            files.insert("a/b/c.svg".to_string(), format!("C{round}").into_bytes());
            files.insert(format!("new-{round}/index.html"), b"N".to_vec());
        }
    }

    #[test]
    fn reserved_names_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let staging = Staging::begin(dir.path());
        assert!(staging.put(".baocao-staging/x.html", b"A").is_err());
        assert!(staging.put(".baocao-output", b"A").is_err());
    }

    #[test]
    fn paths_that_leave_the_output_folder_are_refused_before_any_write() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        // An absolute path that lands beside the output folder, so a
        // regression writes into the temporary folder, never into `/`.
        let beside = dir.path().join("beside.html");
        for bad in [
            beside.to_string_lossy().into_owned(),
            "../escape.html".to_string(),
            "a/../../escape.html".to_string(),
            "a//b.html".to_string(),
            "./a.html".to_string(),
            String::new(),
        ] {
            let files = BTreeMap::from([
                ("ok.html".to_string(), b"A".to_vec()),
                (bad.clone(), b"B".to_vec()),
            ]);
            assert!(sync(&files, &out).is_err(), "{bad}");
        }
        let mut around: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        around.sort();
        assert!(around.is_empty(), "{around:?}");
    }

    #[test]
    fn hidden_entries_of_deployment_tools_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir_all(out.join(".git")).unwrap();
        std::fs::write(out.join(".git/HEAD"), "ref").unwrap();
        std::fs::write(out.join(".nojekyll"), "").unwrap();
        std::fs::write(out.join("old.html"), "x").unwrap();
        let files = BTreeMap::from([("index.html".to_string(), b"A".to_vec())]);
        assert_eq!(sync(&files, &out).unwrap().removed, 1);
        assert!(out.join(".git/HEAD").is_file() && out.join(".nojekyll").is_file());
    }

    #[test]
    fn refuses_the_site_itself_and_foreign_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/static")).unwrap();
        for bad in [
            root.to_path_buf(),
            root.join("content"),
            root.join("content/static/out"),
            root.join(".."),
        ] {
            assert!(check_output_dir(root, &bad).is_err(), "{}", bad.display());
        }
        assert!(check_output_dir(root, &root.join("output")).is_ok());
        std::fs::create_dir_all(root.join("docs")).unwrap();
        std::fs::write(root.join("docs/notes.txt"), "x").unwrap();
        assert!(check_output_dir(root, &root.join("docs")).is_err());
    }
}
