//! The command line in the site's language: `--help` and mistakes in the
//! arguments, in Vietnamese by default and in English with `language: en`
//! or `BAOCAO_LANG=en` (snapshots in tests/snapshots/, refreshed with
//! `UPDATE_SNAPSHOTS=1 cargo test --test cli`).

mod common;
use common::*;

/// Runs baocao in `dir` with `BAOCAO_LANG` set to `lang`, or unset.
fn baocao(dir: &std::path::Path, lang: Option<&str>, args: &[&str]) -> Outcome {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_baocao"));
    cmd.current_dir(dir).args(args).env_remove("BAOCAO_LANG");
    if let Some(l) = lang {
        cmd.env("BAOCAO_LANG", l);
    }
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    Outcome {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        plain: strip_codes(&stderr),
        stderr,
    }
}

/// Every help page, one after the other.
fn all_help(dir: &std::path::Path, lang: &str) -> String {
    let pages: &[&[&str]] = &[
        &["--help"],
        &["build", "--help"],
        &["check", "--help"],
        &["serve", "--help"],
        &["new", "--help"],
        &["import", "--help"],
        &["help", "import"],
        &["help", "help"],
    ];
    let mut text = String::new();
    for args in pages {
        let out = baocao(dir, Some(lang), args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        assert!(out.stderr.is_empty(), "{args:?}: {}", out.stderr);
        text.push_str(&format!("$ baocao {}\n{}\n", args.join(" "), out.stdout));
    }
    text
}

#[test]
fn help_is_in_the_sites_language() {
    let dir = tempfile::tempdir().unwrap();
    let vi = all_help(dir.path(), "vi");
    check_snapshot("help.vi", &vi);
    check_snapshot("help.en", &all_help(dir.path(), "en"));
    for english in [
        "Usage",
        "Options",
        "Print help",
        "[default",
        "the site folder",
    ] {
        assert!(!vi.contains(english), "{english:?} in:\n{vi}");
    }

    // Without BAOCAO_LANG: Vietnamese by default, English for a site
    // whose language is en.
    let out = baocao(dir.path(), None, &["--help"]);
    assert!(out.stdout.contains("Cách dùng: baocao"), "{}", out.stdout);
    let site = SiteTest::fixture("good").edit("content/site.yaml", "language: vi", "language: en");
    let root = site.root.to_str().unwrap();
    let out = baocao(dir.path(), None, &["build", "--root", root, "--help"]);
    assert!(out.stdout.contains("Usage: baocao build"), "{}", out.stdout);
    let out = baocao(
        dir.path(),
        None,
        &["import", "--help", &format!("--root={root}")],
    );
    assert!(out.stdout.contains("--no-new-units"), "{}", out.stdout);
    assert!(
        out.stdout.contains("Usage: baocao import"),
        "{}",
        out.stdout
    );
}

#[test]
fn mistakes_in_the_arguments_are_explained_in_the_sites_language() {
    let dir = tempfile::tempdir().unwrap();
    let mistakes: &[&[&str]] = &[
        &["biuld"],
        &["xuat-ban"],
        &["build", "--strcit"],
        &["build", "--root"],
        &["serve", "--port", "tam-muoi"],
        &["new"],
        &["import", "a.xlsx", "b.xlsx"],
    ];
    for lang in ["vi", "en"] {
        let mut text = String::new();
        for args in mistakes {
            let out = baocao(dir.path(), Some(lang), args);
            assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
            assert!(out.stdout.is_empty(), "{args:?}: {}", out.stdout);
            text.push_str(&format!("$ baocao {}\n{}\n", args.join(" "), out.stderr));
        }
        check_snapshot(&format!("arguments.{lang}"), &text);
        if lang == "vi" {
            assert!(!text.contains("error"), "{text}");
            assert!(text.contains("có phải là `build`?"), "{text}");
        }
    }
}
