//! Organisational units: provinces, communes, centres, as declared in
//! `site.yaml`. Model types that the loader, charts and templates share.

use crate::messages::{Hint, Msg};
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::data::UnitId;
use crate::date::Date;
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
    /// First day the unit exists (`since: 2025-07-01`).
    #[serde(default, with = "opt_date")]
    pub since: Option<Date>,
    /// Last day the unit exists (`until: 2025-06-30`).
    #[serde(default, with = "opt_date")]
    pub until: Option<Date>,
    /// The units merged into this one on `since` (SPEC §2 "Units change").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged_from: Vec<UnitId>,
}

impl Unit {
    /// Whether the unit exists on every day of `period`.
    pub fn covers(&self, period: &crate::data::Period) -> bool {
        self.since.is_none_or(|s| period.start() >= s)
            && self.until.is_none_or(|u| period.end() <= u)
    }

    /// The lifetime as written in messages: `2025-07-01..` / `..2025-06-30`.
    pub fn lifetime(&self) -> String {
        let d = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        format!("{}..{}", d(self.since), d(self.until))
    }
}

/// `since:` / `until:` as ISO dates.
mod opt_date {
    use crate::date::Date;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_str(&d.to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        let text = Option::<String>::deserialize(d)?;
        match text {
            None => Ok(None),
            Some(t) => Date::parse(t.trim()).map(Some).ok_or_else(|| {
                serde::de::Error::custom(format!("`{t}` is not a date (YYYY-MM-DD)"))
            }),
        }
    }
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
