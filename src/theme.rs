//! The theme: Tera templates and static assets. The default theme is
//! compiled into the binary; a site's `themes/<name>/` overrides it file by
//! file.

use crate::messages::{Hint, Msg};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::data::Period;
use crate::diagnostic::Diagnostic;
use crate::fs::{files_under, posix, read_text, relative};

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../themes/default/templates/", $name)))),*]
    };
}

/// The default theme's templates, embedded.
const TEMPLATES: &[(&str, &str)] = embed![
    "base.html",
    "index.html",
    "section.html",
    "article.html",
    "page.html",
    "list.html",
    "404.html",
    "feed.xml",
    "sitemap.xml",
    "robots.txt",
    "search.html",
    "archive.html",
    "unit.html",
    "summary.html",
];

/// The default theme's assets, embedded.
const ASSETS: &[(&str, &[u8])] = &[
    (
        "css/baocao.css",
        include_bytes!("../themes/default/static/css/baocao.css"),
    ),
    (
        "favicon.svg",
        include_bytes!("../themes/default/static/favicon.svg"),
    ),
    (
        "js/baocao.js",
        include_bytes!("../themes/default/static/js/baocao.js"),
    ),
    (
        "js/tim-kiem.js",
        include_bytes!("../themes/default/static/js/tim-kiem.js"),
    ),
    // The font charts are measured with (a Vietnamese subset of Noto Sans,
    // see the README), and its licence, which must travel with it.
    (
        "fonts/NotoSans-Regular-vi.woff2",
        include_bytes!("../themes/default/static/fonts/NotoSans-Regular-vi.woff2"),
    ),
    (
        "fonts/NotoSans-Bold-vi.woff2",
        include_bytes!("../themes/default/static/fonts/NotoSans-Bold-vi.woff2"),
    ),
    (
        "fonts/OFL.txt",
        include_bytes!("../themes/default/static/fonts/OFL.txt"),
    ),
    (
        "js/sort-table.js",
        include_bytes!("../themes/default/static/js/sort-table.js"),
    ),
];

/// The default theme's interface words, one file per language.
const WORDS: &[(&str, &str)] = &[
    ("vi", include_str!("../themes/default/i18n/vi.yaml")),
    ("en", include_str!("../themes/default/i18n/en.yaml")),
];

/// The interface words of one language: what templates see as `i18n` and
/// what charts and pages write around the figures.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct Words(BTreeMap<String, serde_json::Value>);

impl Words {
    /// The word for `key`; the key itself when the theme lacks it (the
    /// built-in files have every key the code asks for, a test checks).
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.0.get(key).and_then(|v| v.as_str()).unwrap_or(key)
    }

    /// The weekday name of `date`, Monday first.
    pub fn weekday(&self, date: crate::date::Date) -> &str {
        self.0
            .get("weekdays")
            .and_then(|v| v.get(usize::from(date.weekday())))
            .and_then(|v| v.as_str())
            .unwrap_or("")
    }

    /// A period's label in these words: `9 tháng đầu năm 2023`,
    /// `first 9 months of 2023`.
    pub fn period(&self, p: &Period) -> String {
        self.period_in(p, "period_")
    }

    /// A period's short label for chart axes: `9T/2023`, `9M 2023`.
    pub fn period_short(&self, p: &Period) -> String {
        self.period_in(p, "period_short_")
    }

    fn period_in(&self, p: &Period, prefix: &str) -> String {
        const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
        let (key, year, n) = match *p {
            Period::Year(y) => ("year", y, 0),
            Period::Half(y, 1) => ("half_first", y, 1),
            Period::Half(y, h) => ("half_second", y, h),
            Period::Quarter(y, q) => ("quarter", y, q),
            Period::Months(y, n) => ("months", y, n),
            Period::Month(y, m) => ("month", y, m),
            Period::Range(a, b) => {
                let text = self.get_owned(&format!("{prefix}range"));
                let from = if prefix == "period_short_" {
                    format!("{:02}/{:02}", a.day, a.month)
                } else {
                    a.vi()
                };
                return text.replace("{from}", &from).replace("{to}", &b.vi());
            }
        };
        let roman = ROMAN
            .get(usize::from(n).saturating_sub(1))
            .copied()
            .unwrap_or("");
        self.get_owned(&format!("{prefix}{key}"))
            .replace("{y}", &year.to_string())
            .replace("{n}", &n.to_string())
            .replace("{q}", roman)
    }

    /// How numbers, money and changes are written in these words.
    pub fn style(&self) -> crate::format::Style {
        let vi = crate::format::Style::vi();
        let word = |key: &str, default: &str| -> String {
            self.0
                .get(key)
                .and_then(|v| v.as_str())
                .unwrap_or(default)
                .to_string()
        };
        crate::format::Style {
            thousands: word("thousands_separator", &vi.thousands),
            decimal: word("decimal_separator", &vi.decimal),
            up: word("change_up", &vi.up),
            down: word("change_down", &vi.down),
            unchanged: word("change_none", &vi.unchanged),
            same_period: word("against_same_period", &vi.same_period),
            previous: word("against_previous", &vi.previous),
            points: word("percentage_points", &vi.points),
            vnd: [
                word("money", &vi.vnd[0]),
                word("money_million", &vi.vnd[1]),
                word("money_billion", &vi.vnd[2]),
            ],
            merged_sum: word("merged_sum", &vi.merged_sum),
            and: word("list_and", &vi.and),
        }
    }

    fn get_owned(&self, key: &str) -> String {
        self.get(key).to_string()
    }

    fn merge(&mut self, text: &str, path: &Path) -> Result<(), Diagnostic> {
        let more: BTreeMap<String, serde_json::Value> =
            crate::data::catalogue::parse_yaml(text, path, Hint::WhatInterfaceWords)?;
        self.0.extend(more);
        Ok(())
    }
}

/// Templates by name and assets by output path.
#[derive(Clone, Debug, Default)]
pub struct Theme {
    /// Interface words by language code (`vi`, `en`).
    pub words: BTreeMap<String, Words>,
    /// Template name → source.
    pub templates: BTreeMap<String, String>,
    /// Output path → bytes.
    pub assets: BTreeMap<String, Vec<u8>>,
    /// Template names the site's theme folder provides.
    pub overridden: BTreeSet<String>,
}

impl Theme {
    /// The embedded default theme.
    pub fn builtin() -> Theme {
        Theme {
            templates: TEMPLATES
                .iter()
                .map(|(n, s)| (n.to_string(), s.to_string()))
                .collect(),
            assets: ASSETS
                .iter()
                .map(|(n, b)| (n.to_string(), b.to_vec()))
                .collect(),
            overridden: BTreeSet::new(),
            words: WORDS
                .iter()
                .map(|(lang, text)| {
                    let mut w = Words::default();
                    // The embedded files are tested; a failure here is a
                    // bug in the binary, and leaves keys as their names.
                    let _ = w.merge(text, Path::new("<built-in theme>"));
                    (lang.to_string(), w)
                })
                .collect(),
        }
    }

    /// The words of `language` (`vi` or `en`).
    pub fn words(&self, language: &str) -> Words {
        self.words.get(language).cloned().unwrap_or_default()
    }

    /// The default theme overridden by `themes/<name>/` of the site, if any.
    pub fn load(root: &Path, name: &str) -> Result<Theme, Diagnostic> {
        let mut theme = Theme::builtin();
        let dir = root.join("themes").join(name);
        if !dir.is_dir() {
            if name == "default" {
                return Ok(theme);
            }
            return Err(
                Diagnostic::error(crate::msg!(Msg::NoSuchTheme, name)).hint(crate::msg!(
                    Hint::CreateSetThemeDefault,
                    posix(&relative(root, &dir))
                )),
            );
        }
        let templates = dir.join("templates");
        for path in files_under(&templates) {
            let text = read_text(root, &path)?;
            let name = posix(&relative(&templates, &path));
            theme.overridden.insert(name.clone());
            theme.templates.insert(name, text);
        }
        for (lang, _) in WORDS {
            let path = dir.join("i18n").join(format!("{lang}.yaml"));
            if path.is_file() {
                let text = read_text(root, &path)?;
                let words = theme.words.entry(lang.to_string()).or_default();
                words.merge(&text, &relative(root, &path))?;
            }
        }
        let assets = dir.join("static");
        for path in files_under(&assets) {
            let bytes = std::fs::read(&path)
                .map_err(|e| crate::fs::io_error(&relative(root, &path), &e))?;
            theme.assets.insert(posix(&relative(&assets, &path)), bytes);
        }
        Ok(theme)
    }
}
