//! The model: units, documents, settings and the loaded site, in one place
//! that the loader fills and the later stages read. Records and figures are
//! the data model of `data` (given, then computed).

mod document;
mod settings;
mod unit;

pub use document::{Document, FrontMatter, Unpublished};
pub use settings::{Language, MenuItem, Owner, Settings, Site, SiteConfig};
pub use unit::{Level, Unit, unknown_unit};
