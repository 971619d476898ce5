//! Units the import adds to site.yaml: a form's rows name wards and
//! communes that a new site does not declare yet. Their ids come from
//! their names, their level from the name's level word, their parent is
//! the form's reporting unit, itself added when the form names it and
//! site.yaml does not declare it.

use std::collections::BTreeSet;

use super::*;
use crate::model::Level;

/// The reporting unit of a form ("Đơn vị báo cáo: UBND thị xã Thử").
enum Reporter {
    /// The form names none, or one without a level word.
    None,
    /// Declared in site.yaml.
    Declared(UnitId, Level),
    /// To add with the first unit under it; whether it has been.
    New(Unit, bool),
}

/// The units added so far, in the order of the rows naming them.
pub(super) struct Adder {
    /// Ids in use: the declared ones, and the ones added.
    taken: BTreeSet<String>,
    reporter: Reporter,
    /// The units to add, in the order they were met.
    pub(super) added: Vec<Unit>,
    /// The added units, to match the rows that name them again.
    index: UnitIndex,
}

/// Where a level stands: a unit lies under one of a higher rank.
fn rank(level: Level) -> u8 {
    match level {
        Level::Province => 3,
        Level::City | Level::District => 2,
        Level::Commune => 1,
        Level::Center => 0,
    }
}

impl Adder {
    /// `reporter` is the reporting unit's name as the form writes it,
    /// matched among the units of the form's `period`, if it has one.
    pub(super) fn new(
        units: &BTreeMap<UnitId, Unit>,
        reporter: Option<&str>,
        period: Option<&Period>,
    ) -> Adder {
        let index = UnitIndex::new(units);
        let mut taken: BTreeSet<String> = units.keys().map(|id| id.0.clone()).collect();
        let reporter = match reporter {
            None => Reporter::None,
            Some(name) => match index.find_in(name, period) {
                Ok(Some(id)) => match units.get(&id) {
                    Some(u) => Reporter::Declared(id, u.level),
                    None => Reporter::None,
                },
                Ok(None) => match new_unit(name, &taken, None) {
                    Some(u) => {
                        taken.insert(u.id.0.clone());
                        Reporter::New(u, false)
                    }
                    None => Reporter::None,
                },
                Err(_) => Reporter::None,
            },
        };
        Adder {
            taken,
            reporter,
            added: Vec::new(),
            index: UnitIndex::new(&BTreeMap::new()),
        }
    }

    /// The added unit a name names, if any.
    pub(super) fn find(&self, name: &str) -> Option<UnitId> {
        self.index.find(name).ok().flatten()
    }

    /// Adds the unit a row names, under the reporting unit; `None` when
    /// the name starts with no level word.
    pub(super) fn add(&mut self, name: &str) -> Option<UnitId> {
        let (shown, level) = unit_from_name(name)?;
        // The row of the reporting unit itself.
        let is_reporter =
            matches!(&self.reporter, Reporter::New(r, _) if fold(&r.name) == fold(&shown));
        if is_reporter {
            return self.add_reporter();
        }
        let parent = match &self.reporter {
            Reporter::Declared(id, l) if rank(level) < rank(*l) => Some(id.clone()),
            Reporter::New(r, _) if rank(level) < rank(r.level) => self.add_reporter(),
            _ => None,
        };
        let unit = new_unit(name, &self.taken, parent)?;
        self.taken.insert(unit.id.0.clone());
        self.index.push(&unit);
        let id = unit.id.clone();
        self.added.push(unit);
        Some(id)
    }

    /// The reporting unit, added if the form names it and site.yaml does
    /// not declare it: the parent of the units added, or the unit of a
    /// total row when the rows are its fields of work.
    pub(super) fn add_reporter(&mut self) -> Option<UnitId> {
        match &mut self.reporter {
            Reporter::None => None,
            Reporter::Declared(id, _) => Some(id.clone()),
            Reporter::New(unit, added) => {
                if !*added {
                    *added = true;
                    self.index.push(unit);
                    self.added.push(unit.clone());
                }
                Some(unit.id.clone())
            }
        }
    }
}

/// The unit to add for a name, its id not among `taken` ("-2", "-3", …
/// when two units share a name); `None` when the name has no level word.
fn new_unit(name: &str, taken: &BTreeSet<String>, parent: Option<UnitId>) -> Option<Unit> {
    let (shown, level) = unit_from_name(name)?;
    let base = slugify(&shown);
    if base.is_empty() {
        return None;
    }
    let id = std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|id| !taken.contains(id))?;
    Some(Unit {
        id: UnitId(id),
        name: shown,
        short: None,
        parent,
        level,
        since: None,
        until: None,
        merged_from: Vec::new(),
    })
}

/// The `units:` entry of a unit, as one flow mapping: for hints.
pub(super) fn flow_entry(unit: &Unit) -> String {
    let parent = unit
        .parent
        .as_ref()
        .map(|p| format!(", parent: {p}"))
        .unwrap_or_default();
    format!(
        "- {{ id: {}, name: {}{parent}, level: {} }}",
        unit.id,
        yaml_string(&unit.name),
        level_key(unit.level)
    )
}
