//! Site settings and the whole loaded site: what `site.yaml` says, and
//! everything the loader hands to the later stages.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::{Document, Unit, Unpublished};
use crate::data::{Catalogue, Record, UnitId};
use crate::diagnostic::Diagnostic;
use crate::theme::Theme;

/// Site settings from `content/site.yaml`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Portal title, shown in the banner.
    pub title: String,
    /// Where the site is published; may end in a sub-path.
    pub base_url: String,
    /// Interface language.
    #[serde(default)]
    pub language: Language,
    /// Theme folder name under `themes/`.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// One-line description for feeds and the home page.
    #[serde(default)]
    pub description: Option<String>,
    /// The owner agency, shown in the footer.
    #[serde(default)]
    pub owner: Owner,
    /// Main menu.
    #[serde(default)]
    pub menu: Vec<MenuItem>,
    /// Articles per list page.
    #[serde(default = "default_per_page")]
    pub per_page: usize,
    /// Organisational units, as a tree through `parent`.
    #[serde(default)]
    pub units: Vec<Unit>,
}

fn default_theme() -> String {
    "default".into()
}

fn default_per_page() -> usize {
    10
}

/// Interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Vietnamese.
    #[default]
    Vi,
    /// English.
    En,
}

impl Language {
    /// The language's code: `vi`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Vi => "vi",
            Language::En => "en",
        }
    }
}

/// The agency that owns the portal: what a government portal's footer must show.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Owner {
    /// Agency name.
    #[serde(default)]
    pub name: String,
    /// Person responsible for content.
    #[serde(default)]
    pub responsible: Option<String>,
    /// Postal address.
    #[serde(default)]
    pub address: Option<String>,
    /// Phone.
    #[serde(default)]
    pub phone: Option<String>,
    /// Email.
    #[serde(default)]
    pub email: Option<String>,
    /// Licence line.
    #[serde(default)]
    pub licence: Option<String>,
}

/// A menu entry; a URL starting with `/` is a path inside the site.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    /// Label.
    pub name: String,
    /// Target.
    pub url: String,
}

/// A whole site, loaded and typed.
#[derive(Clone, Debug)]
pub struct Site {
    /// The site folder.
    pub root: PathBuf,
    /// Settings.
    pub config: SiteConfig,
    /// The text of `site.yaml`, to place diagnostics found later.
    pub config_text: String,
    /// Units by id.
    pub units: BTreeMap<UnitId, Unit>,
    /// Built-in catalogue plus `content/metrics.yaml`.
    pub catalogue: Catalogue,
    /// Every data record, in file order.
    pub records: Vec<Record>,
    /// News articles, by source path.
    pub articles: Vec<Document>,
    /// Standalone pages.
    pub pages: Vec<Document>,
    /// Articles and pages that failed to load: links to them are not
    /// reported again as broken.
    pub failed: BTreeSet<PathBuf>,
    /// Articles and pages whose front matter has errors: not published,
    /// their bodies checked all the same.
    pub unpublished: Vec<Unpublished>,
    /// `content/static/` files by output path.
    pub static_files: BTreeMap<String, Vec<u8>>,
    /// Templates and assets: the built-in theme with the site's overrides.
    pub theme: Theme,
}

/// What every command needs before the content: settings, units and the
/// metric catalogue.
#[derive(Clone, Debug)]
pub struct Settings {
    /// `site.yaml`, typed.
    pub config: SiteConfig,
    /// Its text, for diagnostics.
    pub config_text: String,
    /// Units by id.
    pub units: BTreeMap<UnitId, Unit>,
    /// Built-in catalogue plus `content/metrics.yaml`.
    pub catalogue: Catalogue,
    /// Problems found (errors among them fail a build).
    pub diagnostics: Vec<Diagnostic>,
}
