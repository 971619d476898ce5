//! A small harness: copy a fixture site to a temporary folder, change it,
//! run the real `baocao` binary on it, and inspect the result.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub use scraper::{Html, Selector};

pub struct SiteTest {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
}

pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// `stderr` without the `[E0203]` codes, for wording checks.
    pub plain: String,
}

/// Removes the `[E0203]` / `[W0101]` codes after `error` / `warning`.
pub fn strip_codes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('[') {
        let tail = &rest.as_bytes()[i..];
        let code = tail.len() >= 7
            && matches!(tail[1], b'E' | b'W')
            && tail[2..6].iter().all(u8::is_ascii_digit)
            && tail[6] == b']';
        out.push_str(&rest[..i]);
        if code {
            rest = &rest[i + 7..];
        } else {
            out.push('[');
            rest = &rest[i + 1..];
        }
    }
    out.push_str(rest);
    out
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The command `program`, run with its memory capped at 4 GB
/// (`ulimit -v 4000000`), so an input that makes baocao allocate without
/// bound fails the test with an abort instead of slowing the machine.
pub fn capped(program: &str) -> Command {
    if cfg!(unix) {
        let mut c = Command::new("sh");
        c.args(["-c", "ulimit -v 4000000 && exec \"$0\" \"$@\"", program]);
        c
    } else {
        Command::new(program)
    }
}

impl SiteTest {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> SiteTest {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(name),
            &root,
        );
        SiteTest { _dir: dir, root }
    }

    /// A copy of the bundled example site (the repository's `content/`).
    pub fn example() -> SiteTest {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
            &root.join("content"),
        );
        SiteTest { _dir: dir, root }
    }

    pub fn write(self, rel: &str, text: &str) -> Self {
        self.write_bytes(rel, text.as_bytes())
    }

    pub fn write_bytes(self, rel: &str, bytes: &[u8]) -> Self {
        let path = self.root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
        self
    }

    /// Replaces `from` by `to` in a file; the text must be there.
    pub fn edit(self, rel: &str, from: &str, to: &str) -> Self {
        let path = self.root.join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        self
    }

    pub fn remove(self, rel: &str) -> Self {
        std::fs::remove_file(self.root.join(rel)).unwrap();
        self
    }

    pub fn out(&self) -> PathBuf {
        self.root.join("output")
    }

    /// Runs baocao with English messages (most tests check wording).
    pub fn run(&self, args: &[&str]) -> Outcome {
        self.run_in("en", args)
    }

    /// Runs baocao with messages in `lang` (`vi` or `en`).
    pub fn run_in(&self, lang: &str, args: &[&str]) -> Outcome {
        let out = capped(env!("CARGO_BIN_EXE_baocao"))
            .env("BAOCAO_LANG", lang)
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        Outcome {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            plain: strip_codes(&stderr),
            stderr,
        }
    }

    pub fn build(&self) -> Outcome {
        self.build_with(&[])
    }

    pub fn build_with(&self, extra: &[&str]) -> Outcome {
        let root = self.root.to_str().unwrap();
        let mut args = vec!["build", "--root", root];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    pub fn check(&self) -> Outcome {
        self.run(&["check", "--root", self.root.to_str().unwrap()])
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.out().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    pub fn html(&self, rel: &str) -> Html {
        Html::parse_document(&self.read(rel))
    }
}

impl Outcome {
    pub fn succeeds(&self) -> &Self {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    pub fn fails(&self) -> &Self {
        assert_eq!(
            self.code, 1,
            "expected failure\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
        self
    }

    pub fn stderr_has(&self, needle: &str) -> &Self {
        assert!(
            self.plain.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            self.stderr
        );
        self
    }

    pub fn stderr_lacks(&self, needle: &str) -> &Self {
        assert!(
            !self.plain.contains(needle),
            "stderr has {needle:?}:\n{}",
            self.stderr
        );
        self
    }
}

/// The text of every element matching `css`.
pub fn texts(doc: &Html, css: &str) -> Vec<String> {
    let sel = Selector::parse(css).unwrap();
    doc.select(&sel)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// One attribute of every element matching `css`.
pub fn attrs(doc: &Html, css: &str, attr: &str) -> Vec<String> {
    let sel = Selector::parse(css).unwrap();
    doc.select(&sel)
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}

/// Compares `text` with `tests/snapshots/<name>.txt`;
/// `UPDATE_SNAPSHOTS=1` rewrites the file instead (never on CI).
pub fn check_snapshot(name: &str, text: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.txt"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() && std::env::var_os("CI").is_none() {
        std::fs::write(&path, text).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {}: run with UPDATE_SNAPSHOTS=1",
            path.display()
        )
    });
    assert_eq!(text, expected, "snapshot {name} differs");
}

/// Output made comparable: `dir` (a temporary folder) as `<tmp>`, and the
/// seconds a run took ("trong 0,03 giây", "in 0.03 s") as `N`.
pub fn stable(text: &str, dir: &Path) -> String {
    let text = text.replace(dir.to_str().unwrap(), "<tmp>");
    text.split_inclusive('\n')
        .map(|line| {
            for unit in [" giây", " s →", " s\n"] {
                if let Some(i) = line.find(unit) {
                    let start = line[..i].rfind(' ').map_or(0, |s| s + 1);
                    if line[start..i]
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
                    {
                        return format!("{}N{}", &line[..start], &line[i..]);
                    }
                }
            }
            line.to_string()
        })
        .collect()
}
