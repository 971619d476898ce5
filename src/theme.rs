//! The theme: Tera templates and static assets. The default theme is
//! compiled into the binary; a site's `themes/<name>/` overrides it file by
//! file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

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
    "list.html"
];

/// The default theme's assets, embedded.
const ASSETS: &[(&str, &[u8])] = &[(
    "css/baocao.css",
    include_bytes!("../themes/default/static/css/baocao.css"),
)];

/// Templates by name and assets by output path.
#[derive(Clone, Debug, Default)]
pub struct Theme {
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
        }
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
                Diagnostic::error(format!("the theme `{name}` does not exist")).hint(format!(
                    "create {} or set `theme: default`",
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
        let assets = dir.join("static");
        for path in files_under(&assets) {
            let bytes = std::fs::read(&path)
                .map_err(|e| crate::fs::io_error(&relative(root, &path), &e))?;
            theme.assets.insert(posix(&relative(&assets, &path)), bytes);
        }
        Ok(theme)
    }
}
