//! Organisational units: provinces, communes, centres, as declared in
//! `site.yaml`. Model types that the loader, charts and templates share.

use crate::messages::{Hint, Msg};
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::data::UnitId;
use crate::diagnostic;

/// Level of an organisational unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Tỉnh.
    Province,
    /// Thành phố.
    City,
    /// Huyện.
    District,
    /// Xã, phường, thị trấn.
    Commune,
    /// Trung tâm Phục vụ hành chính công.
    Center,
}

/// An organisational unit.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Stable id, used in data files and URLs.
    pub id: UnitId,
    /// Full name.
    pub name: String,
    /// Short name.
    #[serde(default)]
    pub short: Option<String>,
    /// Parent unit.
    #[serde(default)]
    pub parent: Option<UnitId>,
    /// Level.
    pub level: Level,
}

impl<'de> Deserialize<'de> for UnitId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(UnitId)
    }
}

/// An unknown unit id as an error with the nearest known id.
pub fn unknown_unit(id: &str, units: &BTreeMap<UnitId, Unit>) -> (Msg, Hint) {
    let hint = match diagnostic::nearest(id, units.keys().map(|k| k.0.as_str())) {
        Some(s) => crate::msg!(Hint::DidYouMeanUnits, s),
        None => Hint::DeclareUnitContentSite,
    };
    (crate::msg!(Msg::UnknownUnit, id), hint)
}
