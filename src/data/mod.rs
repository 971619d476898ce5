//! Records, periods, the metric catalogue, formulas and consistency checks:
//! from loaded records to the figures every page reads.

use crate::messages::{Hint, Msg, Part};
pub mod catalogue;
pub mod formula;
pub mod number;
pub mod period;
pub mod reads;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::model::Unit;
pub use catalogue::{Catalogue, MetricDef, MetricKey, MetricUnit};
pub use period::Period;

/// An organisational unit id from `site.yaml`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct UnitId(pub String);

impl fmt::Display for UnitId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where something was read from: the file, 1-based line, and the file's
/// text so diagnostics can show the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// File path relative to the site root.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// The source line.
    pub source_line: String,
}

impl Origin {
    /// Attaches this location to a diagnostic.
    pub fn locate(&self, d: Diagnostic) -> Diagnostic {
        let mut d = d.file(&self.path);
        d.line = Some(self.line);
        d.col = Some(self.col);
        d.source_line = Some(self.source_line.clone());
        d
    }
}

/// One unit's figures for one period, as given in a data file.
#[derive(Clone, Debug)]
pub struct Record {
    /// The unit.
    pub unit: UnitId,
    /// The period.
    pub period: Period,
    /// Where the figures come from (a report), shown under charts.
    pub source: Option<String>,
    /// Given values.
    pub values: BTreeMap<MetricKey, f64>,
    /// Where the record starts.
    pub origin: Origin,
}

/// One record after derivation: given and derived values.
#[derive(Clone, Debug)]
pub struct Figure {
    /// The unit.
    pub unit: UnitId,
    /// The period.
    pub period: Period,
    /// Report the figures come from.
    pub source: Option<String>,
    /// Every given and derived value.
    pub values: BTreeMap<MetricKey, f64>,
    /// Which of `values` were derived by formulas.
    pub derived: BTreeSet<MetricKey>,
    /// Where the record was given.
    pub origin: Origin,
    /// For a merged unit before it existed (or a period straddling the
    /// day it was formed): the predecessors whose figures were added up
    /// (over a straddle, combined with the unit's own by each metric's
    /// `over_time`).
    /// Empty for a record as given.
    pub from_predecessors: Vec<UnitId>,
    /// Metrics with no value here because these predecessors (or, for a
    /// straddling period, the unit itself) lack them.
    pub lacking: BTreeMap<MetricKey, Vec<UnitId>>,
}

impl Figure {
    /// The value of a metric, given or derived.
    pub fn get(&self, key: &str) -> Option<f64> {
        self.values.get(key).copied()
    }
}

/// All figures of a site, by unit and period.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    /// Records in (unit, chronological period) order.
    pub records: BTreeMap<(UnitId, Period), Figure>,
    /// Periods of a merged unit that have no figure because some
    /// predecessors have no record for them: the units that lack one.
    pub gaps: BTreeMap<(UnitId, Period), Vec<UnitId>>,
    /// The units the figures were computed with: what explains the
    /// absence of a merged unit's figure ([`no_figure`]).
    pub units: BTreeMap<UnitId, Unit>,
}

impl Figures {
    /// The record of a unit and period.
    pub fn get(&self, unit: &UnitId, period: &Period) -> Option<&Figure> {
        reads::note(unit, period);
        // Looked up by reference: a page asks for thousands of records, and
        // an owned key would copy the unit id each time.
        self.records
            .get(&(unit.0.as_str(), Some(*period)) as &dyn RecordKey)
    }

    /// The records of `unit`, in chronological order.
    pub fn of_unit<'f, 'u>(
        &'f self,
        unit: &'u UnitId,
    ) -> impl Iterator<Item = &'f Figure> + use<'f, 'u> {
        let from = (unit.0.as_str(), None::<Period>);
        self.records
            .range::<dyn RecordKey, _>((
                std::ops::Bound::Included(&from as &dyn RecordKey),
                std::ops::Bound::Unbounded,
            ))
            .take_while(move |((u, _), _)| *u == *unit)
            .map(|((u, p), f)| {
                reads::note(u, p);
                f
            })
    }
}

/// A record's key as a borrowed unit id and period, so that
/// [`Figures::records`] can be searched without building an owned key.
/// `None` as the period sorts before every period: the start of a unit's
/// records.
trait RecordKey {
    /// The unit id and the period.
    fn parts(&self) -> (&str, Option<Period>);
}

impl RecordKey for (UnitId, Period) {
    fn parts(&self) -> (&str, Option<Period>) {
        (self.0.0.as_str(), Some(self.1))
    }
}

impl RecordKey for (&str, Option<Period>) {
    fn parts(&self) -> (&str, Option<Period>) {
        (self.0, self.1)
    }
}

impl<'a> std::borrow::Borrow<dyn RecordKey + 'a> for (UnitId, Period) {
    fn borrow(&self) -> &(dyn RecordKey + 'a) {
        self
    }
}

// The order of the owned key, `(UnitId, Period)`: the unit's id as text,
// then the period. `Borrow` requires the two to agree.
impl PartialEq for dyn RecordKey + '_ {
    fn eq(&self, other: &Self) -> bool {
        self.parts() == other.parts()
    }
}

impl Eq for dyn RecordKey + '_ {}

impl PartialOrd for dyn RecordKey + '_ {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for dyn RecordKey + '_ {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.parts().cmp(&other.parts())
    }
}

/// The two parts of a period that straddles the day `unit` was formed:
/// the part before it (its predecessors') and the part from it (its own).
/// `None` when the period does not straddle that day.
pub fn straddle_parts(unit: &Unit, period: &Period) -> Option<(Period, Period)> {
    let since = unit.since?;
    (period.start() < since && since <= period.end()).then(|| {
        (
            Period::from_span(period.start(), since.add_days(-1)),
            Period::from_span(since, period.end()),
        )
    })
}

impl Figure {
    /// Whether the figure was added up from the units merged into its
    /// unit rather than given.
    pub fn is_from_predecessors(&self) -> bool {
        !self.from_predecessors.is_empty()
    }

    /// The records a figure of predecessors adds up, as (unit, period):
    /// the predecessors' for its period, or, for a period straddling the
    /// day `unit` was formed, theirs before that day and the unit's own
    /// from it. Empty for a figure as given.
    pub fn parts(&self, unit: &Unit) -> Vec<(UnitId, Period)> {
        if !self.is_from_predecessors() {
            return Vec::new();
        }
        match straddle_parts(unit, &self.period) {
            Some((first, second)) => self
                .from_predecessors
                .iter()
                .map(|p| (p.clone(), first))
                .chain([(unit.id.clone(), second)])
                .collect(),
            None => self
                .from_predecessors
                .iter()
                .map(|p| (p.clone(), self.period))
                .collect(),
        }
    }
}

/// Why `unit` has no figure for `period`, as the message a page's
/// function shows: a period straddling the day a merged unit was formed
/// names the part that has no record (its predecessors' before that day,
/// or its own from it); a period before that day names the predecessors
/// without a record; otherwise there is simply no record. `list` writes
/// unit names as a sentence does (`A và B`).
pub fn no_figure(
    figures: &Figures,
    unit: &Unit,
    period: &Period,
    list: &dyn Fn(&[UnitId]) -> String,
) -> Msg {
    let plain = || crate::msg!(Msg::NoRecordFor, unit.id, period.id());
    let (Some(since), false) = (unit.since, unit.merged_from.is_empty()) else {
        return plain();
    };
    let lacking = |p: &Period| -> Vec<UnitId> {
        unit.merged_from
            .iter()
            .filter(|u| figures.get(u, p).is_none())
            .cloned()
            .collect()
    };
    if period.end() < since {
        let lack = lacking(period);
        if lack.is_empty() {
            return plain();
        }
        return crate::msg!(
            Msg::NoPredecessorRecord,
            unit.id,
            period.id(),
            since,
            list(&lack)
        );
    }
    let Some((first, second)) = straddle_parts(unit, period) else {
        return plain();
    };
    let mut parts: Vec<crate::messages::Text> = Vec::new();
    let lack = lacking(&first);
    if !lack.is_empty() {
        parts.push(crate::msg!(Part::StraddleFirstLacking, first.id(), list(&lack)).into());
    }
    if figures.get(&unit.id, &second).is_none() {
        parts.push(crate::msg!(Part::StraddleSecondLacking, second.id()).into());
    }
    let parts = match parts.len() {
        0 => return plain(),
        1 => parts.remove(0),
        _ => crate::messages::Text::List(parts),
    };
    crate::msg!(Msg::NoStraddleRecord, unit.id, period.id(), since, parts)
}

/// Tolerance for checking a given value against its formula: half a unit
/// of the precision it was written with (97 → ±0,5; 93,1 → ±0,05), since
/// whoever stated a rate rounded it; a count must be exact.
fn tolerance(def: &MetricDef, given: f64) -> f64 {
    match def.unit {
        MetricUnit::Percent => {
            let text = given.to_string();
            let decimals = text.split_once('.').map_or(0, |(_, f)| f.len()).min(6);
            0.5 * 10f64.powi(-(decimals as i32)) + 1e-9
        }
        _ => 0.5,
    }
}

/// Derives missing metrics by formula, detects duplicate records and runs
/// consistency checks. Check failures are warnings.
pub fn compute(records: Vec<Record>, catalogue: &Catalogue) -> (Figures, Vec<Diagnostic>) {
    compute_with_units(records, catalogue, &BTreeMap::new())
}

/// [`compute`] knowing the units: a record outside its unit's lifetime is
/// an error, and merged units get their predecessors' figures for the
/// periods before they existed (SPEC §2 "Units change").
pub fn compute_with_units(
    records: Vec<Record>,
    catalogue: &Catalogue,
    units: &BTreeMap<UnitId, Unit>,
) -> (Figures, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut figures = Figures {
        units: units.clone(),
        ..Figures::default()
    };
    let mut kept: Vec<((UnitId, Period), Record)> = Vec::with_capacity(records.len());
    let mut seen: std::collections::HashMap<(UnitId, Period), usize> =
        std::collections::HashMap::new();
    for rec in records {
        if let Some(u) = units.get(&rec.unit).filter(|u| !u.covers(&rec.period)) {
            diags.push(
                rec.origin
                    .locate(Diagnostic::error(crate::msg!(
                        Msg::RecordOutsideLifetime,
                        rec.unit,
                        rec.period,
                        rec.period.start(),
                        rec.period.end(),
                        u.lifetime()
                    )))
                    .hint(Hint::RecordsWithinLifetime),
            );
            continue;
        }
        let id = (rec.unit.clone(), rec.period);
        if let Some(&first) = seen.get(&id) {
            let first: &Record = &kept[first].1;
            diags.push(
                rec.origin
                    .locate(Diagnostic::error(crate::msg!(
                        Msg::DuplicateRecord,
                        rec.unit,
                        rec.period,
                        format!("{}:{}", first.origin.path.display(), first.origin.line)
                    )))
                    .hint(Hint::EachUnitOneRecord),
            );
            continue;
        }
        seen.insert(id.clone(), kept.len());
        kept.push((id, rec));
    }
    // Each record derives alone: in parallel (a data edit under `serve`
    // derives them all again), their messages in the records' order.
    let derived: Vec<_> = {
        use rayon::prelude::*;
        kept.into_par_iter()
            .map(|(id, rec)| {
                let mut found = Vec::new();
                let fig = derive(rec, catalogue, &mut found);
                (id, fig, found)
            })
            .collect()
    };
    for (id, fig, found) in derived {
        diags.extend(found);
        figures.records.insert(id, fig);
    }
    for unit in succession_order(units) {
        merge_predecessors(&mut figures, unit, catalogue);
    }
    (figures, diags)
}

/// Merged units, each after the units merged into it (so a chain of
/// merges adds up from the oldest). A cycle (an error of `site.yaml`)
/// leaves its units out.
fn succession_order(units: &BTreeMap<UnitId, Unit>) -> Vec<&Unit> {
    let mut done: BTreeSet<&UnitId> = BTreeSet::new();
    let mut order = Vec::new();
    loop {
        let ready: Vec<&Unit> = units
            .values()
            .filter(|u| !u.merged_from.is_empty() && u.since.is_some() && !done.contains(&u.id))
            .filter(|u| {
                u.merged_from.iter().all(|p| {
                    done.contains(p) || units.get(p).is_none_or(|p| p.merged_from.is_empty())
                })
            })
            .collect();
        if ready.is_empty() {
            return order;
        }
        for u in ready {
            done.insert(&u.id);
            order.push(u);
        }
    }
}

/// One span of a merged unit's figure: its predecessors' records for
/// that span, added up across units, or the unit's own record as given.
struct Span<'f> {
    /// The records of the span, one per unit.
    figures: Vec<&'f Figure>,
    /// Whether the records are several units' at one time, which only
    /// `additive` metrics add up; else one record, every value as given.
    across_units: bool,
}

impl Span<'_> {
    /// The span's value of a metric: the sum of its units' when the
    /// metric adds up across units and every unit has it; `None` when it
    /// cannot have one (a metric that does not add up) or some unit
    /// lacks it.
    fn value(&self, def: &MetricDef) -> Option<f64> {
        if self.across_units && !def.additive {
            return None;
        }
        self.figures
            .iter()
            .map(|f| f.values.get(&def.key).copied())
            .sum()
    }

    /// Whether the span can have a value of `def` at all.
    fn can_hold(&self, def: &MetricDef) -> bool {
        !self.across_units || def.additive
    }

    /// The units of the span without a value of `def`.
    fn lacking(&self, def: &MetricDef) -> impl Iterator<Item = &UnitId> {
        self.figures
            .iter()
            .filter(|f| !f.values.contains_key(&def.key))
            .map(|f| &f.unit)
    }
}

/// Combines the spans of a merged unit's figure, in time order: within a
/// span, units add up (`additive`); across spans, each metric as its
/// `over_time` says — a flow is the sum of the spans, a stock at the
/// start the first span's (`carried_over`), a stock at the end the last
/// span's (`pending`). A metric some needed part lacks has no value and
/// names the parts lacking it; rates then follow from the combined
/// counts by their formulas.
fn add_up(unit: &Unit, period: Period, spans: &[Span<'_>], catalogue: &Catalogue) -> Figure {
    use catalogue::OverTime;
    let mut values = BTreeMap::new();
    let mut lacking: BTreeMap<MetricKey, Vec<UnitId>> = BTreeMap::new();
    let all: Vec<&Figure> = spans
        .iter()
        .flat_map(|s| s.figures.iter().copied())
        .collect();
    for def in catalogue.iter() {
        // One span combines nothing over time.
        let needed: &[Span<'_>] = match (spans.len(), def.over_time()) {
            (1, _) | (_, OverTime::Sum) => spans,
            (_, OverTime::First) => &spans[..1],
            (_, OverTime::Last) => &spans[spans.len() - 1..],
            (_, OverTime::NoValue) => &[],
        };
        if needed.is_empty() || !needed.iter().all(|s| s.can_hold(def)) {
            continue;
        }
        match needed.iter().map(|s| s.value(def)).sum::<Option<f64>>() {
            Some(v) => {
                values.insert(def.key.clone(), v);
            }
            None => {
                let without: Vec<UnitId> = needed
                    .iter()
                    .flat_map(|s| s.lacking(def))
                    .cloned()
                    .collect();
                // A metric no part has is simply not reported.
                if all.iter().any(|f| f.values.contains_key(&def.key)) {
                    lacking.insert(def.key.clone(), without);
                }
            }
        }
    }
    let rec = Record {
        unit: unit.id.clone(),
        period,
        source: None,
        values,
        origin: all[0].origin.clone(),
    };
    // The parts were checked as given; a sum of them repeats their warnings.
    let mut fig = derive(rec, catalogue, &mut Vec::new());
    fig.derived = fig.values.keys().cloned().collect();
    // A rate none of whose inputs add up in every part: say which part
    // lacks them.
    for def in catalogue
        .iter()
        .filter(|d| !fig.values.contains_key(&d.key))
    {
        let Some(f) = &def.formula else { continue };
        let mut who: Vec<UnitId> = f
            .required()
            .iter()
            .filter_map(|k| MetricKey::parse(k))
            .filter_map(|k| lacking.get(&k))
            .flatten()
            .cloned()
            .collect();
        who.sort();
        who.dedup();
        if !who.is_empty() && all.iter().any(|p| p.values.contains_key(&def.key)) {
            lacking.entry(def.key.clone()).or_insert(who);
        }
    }
    // A value a formula found after all needs no excuse.
    lacking.retain(|k, _| !fig.values.contains_key(k));
    fig.lacking = lacking;
    fig
}

/// The figures of a merged unit for the periods before it existed (sums
/// of its predecessors') and for periods straddling the day it was formed
/// (its predecessors' part combined with its own, when both exist as
/// records: flows added up, stocks from the part they belong to, as each
/// metric's `over_time` says).
fn merge_predecessors(figures: &mut Figures, unit: &Unit, catalogue: &Catalogue) {
    let Some(since) = unit.since else { return };
    let preds = &unit.merged_from;
    let of = |figures: &Figures, u: &UnitId| -> Vec<Period> {
        figures
            .records
            .keys()
            .filter(|(id, _)| id == u)
            .map(|(_, p)| *p)
            .collect()
    };
    let before: BTreeSet<Period> = preds
        .iter()
        .flat_map(|p| of(figures, p))
        .filter(|p| p.end() < since)
        .collect();
    let mut new = Vec::new();
    for period in before {
        if figures.get(&unit.id, &period).is_some() {
            continue;
        }
        let missing: Vec<UnitId> = preds
            .iter()
            .filter(|p| figures.get(p, &period).is_none())
            .cloned()
            .collect();
        if !missing.is_empty() {
            figures.gaps.insert((unit.id.clone(), period), missing);
            continue;
        }
        let before = Span {
            figures: preds
                .iter()
                .filter_map(|p| figures.get(p, &period))
                .collect(),
            across_units: true,
        };
        new.push(add_up(unit, period, &[before], catalogue));
    }
    // Straddling: the predecessors' part ends the day before `since`, the
    // unit's own part starts on it; the whole must be a named period.
    let day_before = since.add_days(-1);
    let firsts: BTreeSet<Period> = preds
        .iter()
        .flat_map(|p| of(figures, p))
        .filter(|p| p.end() == day_before)
        .collect();
    let seconds: Vec<Period> = of(figures, &unit.id)
        .into_iter()
        .filter(|p| p.start() == since)
        .collect();
    for first in &firsts {
        for second in &seconds {
            let whole = Period::from_span(first.start(), second.end());
            if matches!(whole, Period::Range(..)) || figures.get(&unit.id, &whole).is_some() {
                continue;
            }
            let missing: Vec<UnitId> = preds
                .iter()
                .filter(|p| figures.get(p, first).is_none())
                .cloned()
                .collect();
            if !missing.is_empty() {
                figures.gaps.insert((unit.id.clone(), whole), missing);
                continue;
            }
            let Some(own) = figures.get(&unit.id, second) else {
                continue;
            };
            // The predecessors' span, then the unit's own: over time,
            // flows add up and stocks come from the span they belong to.
            let spans = [
                Span {
                    figures: preds.iter().filter_map(|p| figures.get(p, first)).collect(),
                    across_units: true,
                },
                Span {
                    figures: vec![own],
                    across_units: false,
                },
            ];
            new.push(add_up(unit, whole, &spans, catalogue));
        }
    }
    for mut fig in new {
        fig.from_predecessors = preds.clone();
        figures.records.insert((fig.unit.clone(), fig.period), fig);
    }
}

fn derive(rec: Record, catalogue: &Catalogue, diags: &mut Vec<Diagnostic>) -> Figure {
    let mut values = rec.values.clone();
    let mut derived = BTreeSet::new();
    // Formulas may feed each other (resolved → resolved_late → late_rate):
    // fill missing values until nothing changes. Only missing values are
    // written, so this ends within one pass per metric.
    loop {
        let mut changed = false;
        for def in catalogue.iter() {
            let (Some(f), false) = (&def.formula, values.contains_key(&def.key)) else {
                continue;
            };
            let get = |k: &str| values.get(k).copied();
            if let Some(v) = f.eval(&get) {
                // A formula can make a figure no report holds (a product
                // of counts); it is an error of the formula, never printed.
                if v.is_nan() || !v.is_finite() || v.abs() > number::max_figure(def.unit) {
                    // NaN comes from a figure already reported as too large.
                    if !v.is_nan() {
                        diags.push(
                            rec.origin
                                .locate(Diagnostic::error(crate::msg!(
                                    Msg::FormulaResultTooLarge,
                                    rec.unit,
                                    rec.period,
                                    def.key,
                                    crate::format::num(v, Some(0))
                                )))
                                .hint(Hint::CheckMetricFormula),
                        );
                    }
                    derived.insert(def.key.clone());
                    values.insert(def.key.clone(), f64::NAN);
                    changed = true;
                    continue;
                }
                values.insert(def.key.clone(), v);
                derived.insert(def.key.clone());
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    values.retain(|_, v| !v.is_nan());
    let warn = |msg: Part, hint: Hint| {
        rec.origin
            .locate(Diagnostic::warning(crate::msg!(
                Msg::RecordWarning,
                rec.unit,
                rec.period,
                msg
            )))
            .hint(hint)
    };
    let get = |k: &str| values.get(k).copied();
    for def in catalogue.iter() {
        let Some(&v) = values.get(&def.key) else {
            continue;
        };
        if def.unit == MetricUnit::Percent && !(0.0..=100.0).contains(&v) {
            diags.push(warn(
                crate::msg!(
                    Part::PercentOutOfRange,
                    def.key,
                    crate::format::num(v, None)
                ),
                Hint::PercentagesWrittenScaleDerived,
            ));
        } else if def.unit != MetricUnit::Percent && v < 0.0 {
            diags.push(warn(
                crate::msg!(Part::NegativeCount, def.key, crate::format::num(v, None)),
                Hint::CountsCannotNegativeCheck,
            ));
        }
        // A given value whose formula inputs are given too must agree with them.
        let (Some(f), false) = (&def.formula, derived.contains(&def.key)) else {
            continue;
        };
        let inputs_given = f.required().iter().all(|k| rec.values.contains_key(*k));
        if !inputs_given {
            continue;
        }
        if let Some(computed) = f.eval(&get).filter(|c| (c - v).abs() > tolerance(def, v)) {
            diags.push(warn(
                crate::msg!(
                    Part::GivenDisagrees,
                    def.key,
                    crate::format::num(v, None),
                    def.formula_text.as_deref().map_or(
                        crate::messages::Text::from(Part::ItsFormula),
                        crate::messages::Text::from
                    ),
                    crate::format::num(computed, None)
                ),
                Hint::CorrectFigureCountsComputed,
            ));
        }
    }
    for check in &catalogue.checks {
        if let Some(o) = check.expr.check(&get, 0.5).filter(|o| !o.holds) {
            diags.push(warn(
                crate::msg!(
                    Part::CheckFailed,
                    check.name,
                    check.text,
                    crate::format::num(o.lhs, None),
                    crate::format::num(o.rhs, None)
                ),
                Hint::OneFiguresWrongCompare,
            ));
        }
    }
    Figure {
        unit: rec.unit,
        period: rec.period,
        source: rec.source,
        values,
        derived,
        origin: rec.origin,
        from_predecessors: Vec::new(),
        lacking: BTreeMap::new(),
    }
}

/// A record for tests: a unit, a period and some values.
#[cfg(test)]
pub(crate) fn record(unit: &str, period: &str, vals: &[(&str, f64)]) -> Record {
    Record {
        unit: UnitId(unit.into()),
        period: Period::parse(period).unwrap(),
        source: None,
        values: vals
            .iter()
            .map(|(k, v)| (MetricKey::parse(k).unwrap(), *v))
            .collect(),
        origin: Origin {
            path: "d.yaml".into(),
            line: 1,
            col: 1,
            source_line: "unit: x".into(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_found_by_reference_and_by_unit() {
        let cat = Catalogue::builtin();
        let mut figures = Figures::default();
        // `a-b` sorts between `a` and `ab`; periods out of order.
        for (u, p) in [
            ("ab", "2023"),
            ("a", "2024"),
            ("a-b", "2023"),
            ("a", "2023-H1"),
            ("a", "2022"),
        ] {
            let f = derive(record(u, p, &[("received", 1.0)]), &cat, &mut Vec::new());
            figures.records.insert((f.unit.clone(), f.period), f);
        }
        let id = |s: &str| UnitId(s.into());
        let ids: Vec<String> = figures.of_unit(&id("a")).map(|f| f.period.id()).collect();
        assert_eq!(ids, ["2022", "2023-H1", "2024"]);
        assert_eq!(figures.of_unit(&id("a-b")).count(), 1);
        assert_eq!(figures.of_unit(&id("b")).count(), 0);
        for (key, f) in &figures.records {
            assert_eq!(figures.get(&key.0, &key.1).map(|g| &g.unit), Some(&f.unit));
        }
        assert!(
            figures
                .get(&id("a"), &Period::parse("2023").unwrap())
                .is_none()
        );
    }

    #[test]
    fn derives_the_thuan_an_center_figures() {
        let cat = Catalogue::builtin();
        let rec = record(
            "thuan-an-ttpvhcc",
            "2023-9M",
            &[
                ("received", 10551.0),
                ("received_online", 2977.0),
                ("received_direct", 7574.0),
                ("carried_over", 305.0),
                ("resolved", 10816.0),
                ("resolved_early", 8906.0),
                ("resolved_on_time", 1638.0),
            ],
        );
        let (figs, diags) = compute(vec![rec], &cat);
        assert!(diags.is_empty(), "{diags:#?}");
        let f = figs.records.values().next().unwrap();
        assert_eq!(f.get("resolved_late"), Some(272.0));
        assert_eq!(f.get("pending"), Some(40.0));
        assert_eq!(
            crate::format::pct(f.get("early_rate").unwrap(), None),
            "82,34%"
        );
        assert_eq!(
            crate::format::pct(f.get("late_rate").unwrap(), None),
            "2,51%"
        );
        assert!(f.derived.contains(&MetricKey::parse("late_rate").unwrap()));
        assert!(!f.derived.contains(&MetricKey::parse("resolved").unwrap()));
    }

    #[test]
    fn inconsistent_figures_warn_with_both_numbers() {
        let cat = Catalogue::builtin();
        let rec = record(
            "x",
            "2023",
            &[
                ("resolved", 100.0),
                ("resolved_early", 50.0),
                ("resolved_on_time", 40.0),
                ("resolved_late", 5.0),
                ("on_time_rate", 95.0),
            ],
        );
        let (_, diags) = compute(vec![rec], &cat);
        let msgs: Vec<String> = diags.iter().map(|d| d.message.en()).collect();
        assert!(msgs.iter().any(|m| m.contains("resolved is given as 100 but resolved_early + resolved_on_time + resolved_late gives 95")), "{msgs:#?}");
        assert!(
            msgs.iter()
                .any(|m| m.contains("on_time_rate is given as 95 but")),
            "{msgs:#?}"
        );
        assert!(diags.iter().all(|d| !d.is_error()));
    }

    #[test]
    fn a_stated_rate_within_rounding_passes() {
        let cat = Catalogue::builtin();
        let rec = record(
            "x",
            "2023",
            &[
                ("resolved", 6580.0),
                ("resolved_early", 0.0),
                ("resolved_on_time", 6123.0),
                ("resolved_late", 457.0),
                ("on_time_rate", 93.1),
            ],
        );
        assert!(compute(vec![rec], &cat).1.is_empty());
    }

    #[test]
    fn a_rate_stated_to_a_whole_percent_is_checked_at_that_precision() {
        let cat = Catalogue::builtin();
        let counts = [
            ("resolved", 10816.0),
            ("resolved_early", 8906.0),
            ("resolved_on_time", 1638.0),
        ];
        let with = |rate: f64| {
            let mut v = counts.to_vec();
            v.push(("on_time_rate", rate));
            compute(vec![record("x", "2023", &v)], &cat).1
        };
        assert!(with(97.0).is_empty(), "97,49 written as 97");
        assert!(with(97.5).is_empty());
        assert_eq!(with(97.4).len(), 1, "97,49 is not 97,4");
        assert_eq!(with(96.0).len(), 1);
    }

    #[test]
    fn rates_outside_0_100_and_failed_checks_warn() {
        let cat = Catalogue::builtin();
        let rec = record(
            "x",
            "2023",
            &[
                ("satisfaction", 930.0),
                ("received", 10.0),
                ("received_online", 20.0),
            ],
        );
        let (_, diags) = compute(vec![rec], &cat);
        assert!(diags.iter().any(|d| {
            d.message
                .en()
                .contains("satisfaction is 930, outside 0..100")
        }));
        assert!(diags.iter().any(|d| {
            d.message
                .en()
                .contains("check failed: trực tuyến không vượt quá tiếp nhận")
        }));
    }

    #[test]
    fn duplicate_records_are_errors_naming_both() {
        let cat = Catalogue::builtin();
        let (figs, diags) = compute(
            vec![record("x", "2023", &[]), record("x", "2023", &[])],
            &cat,
        );
        assert_eq!(figs.records.len(), 1);
        assert!(diags[0].is_error());
        assert!(
            diags[0]
                .message
                .en()
                .contains("a second record for unit `x` and period `2023`")
        );
    }

    /// `2023` in one file and `2023-01-01..2023-12-31` in another are one
    /// span: a duplicate, not two records.
    #[test]
    fn one_span_written_two_ways_is_a_duplicate() {
        let cat = Catalogue::builtin();
        let (figs, diags) = compute(
            vec![
                record("x", "2023", &[("received", 1.0)]),
                record("x", "2023-01-01..2023-12-31", &[("received", 2.0)]),
                record("x", "2023-Q3", &[]),
                record("x", "2023-07-01..2023-09-30", &[]),
            ],
            &cat,
        );
        assert_eq!(figs.records.len(), 2);
        let errors: Vec<String> = diags.iter().map(|d| d.message.en()).collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].contains("a second record for unit `x` and period `2023`"));
        assert!(errors[1].contains("period `2023-Q3`"));
    }

    /// Warnings show figures as the site does, not as raw floats.
    #[test]
    fn warnings_show_readable_numbers() {
        let cat = Catalogue::builtin();
        let (_, diags) = compute(
            vec![record(
                "x",
                "2023",
                &[
                    ("received", 1.0),
                    ("carried_over", 0.0),
                    ("resolved", 10.0 / 3.0),
                    ("online_rate", 1000.0 / 7.0),
                ],
            )],
            &cat,
        );
        let text: Vec<String> = diags.iter().map(|d| d.message.en()).collect();
        assert!(
            text.iter()
                .any(|m| m.ends_with("pending is negative (-2,33)")),
            "{text:#?}"
        );
        assert!(
            text.iter()
                .any(|m| m.ends_with("online_rate is 142,86, outside 0..100")),
            "{text:#?}"
        );
        assert!(
            !text
                .iter()
                .any(|m| m.contains("333333") || m.contains("142.857")),
            "{text:#?}"
        );
    }

    fn unit(id: &str, since: Option<&str>, until: Option<&str>, from: &[&str]) -> (UnitId, Unit) {
        let u = Unit {
            id: UnitId(id.into()),
            name: format!("Phường {}", id.to_uppercase()),
            short: None,
            parent: None,
            level: crate::model::Level::Commune,
            since: since.and_then(crate::date::Date::parse),
            until: until.and_then(crate::date::Date::parse),
            merged_from: from.iter().map(|f| UnitId((*f).into())).collect(),
        };
        (u.id.clone(), u)
    }

    fn merged_site() -> BTreeMap<UnitId, Unit> {
        [
            unit("a", None, Some("2025-06-30"), &[]),
            unit("b", None, Some("2025-06-30"), &[]),
            unit("c", Some("2025-07-01"), None, &["a", "b"]),
        ]
        .into_iter()
        .collect()
    }

    fn counts(resolved: f64, on_time: f64) -> Vec<(&'static str, f64)> {
        vec![
            ("resolved", resolved),
            ("resolved_early", 0.0),
            ("resolved_on_time", on_time),
        ]
    }

    /// 100 and 300 dossiers, 90 and 290 on time: 95,00%, not the mean of
    /// 90% and 96,67%.
    #[test]
    fn a_merged_unit_before_it_existed_is_the_sum_of_its_predecessors() {
        let (figs, diags) = compute_with_units(
            vec![
                record("a", "2024", &counts(100.0, 90.0)),
                record("b", "2024", &counts(300.0, 290.0)),
            ],
            &Catalogue::builtin(),
            &merged_site(),
        );
        assert!(diags.is_empty(), "{diags:#?}");
        let c = figs
            .get(&UnitId("c".into()), &Period::parse("2024").unwrap())
            .unwrap();
        assert_eq!(c.get("resolved"), Some(400.0));
        assert_eq!(c.get("resolved_late"), Some(20.0));
        assert_eq!(
            crate::format::pct(c.get("on_time_rate").unwrap(), None),
            "95%"
        );
        assert_eq!(
            c.from_predecessors,
            vec![UnitId("a".into()), UnitId("b".into())]
        );
        assert!(c.derived.contains(&MetricKey::parse("resolved").unwrap()));
    }

    #[test]
    fn a_metric_one_predecessor_lacks_has_no_value_and_names_it() {
        let mut b = counts(300.0, 290.0);
        b.retain(|(k, _)| *k != "resolved_early");
        let (figs, _) = compute_with_units(
            vec![
                record("a", "2024", &counts(100.0, 90.0)),
                record("b", "2024", &b),
                record("a", "2024-Q1", &counts(10.0, 9.0)),
            ],
            &Catalogue::builtin(),
            &merged_site(),
        );
        let c = figs
            .get(&UnitId("c".into()), &Period::parse("2024").unwrap())
            .unwrap();
        assert_eq!(c.get("resolved"), Some(400.0));
        assert_eq!(c.get("resolved_early"), None);
        assert_eq!(c.get("on_time_rate"), None, "never from a partial sum");
        let early = MetricKey::parse("resolved_early").unwrap();
        assert_eq!(c.lacking[&early], vec![UnitId("b".into())]);
        let rate = MetricKey::parse("on_time_rate").unwrap();
        assert_eq!(c.lacking[&rate], vec![UnitId("b".into())]);
        // b has no record for 2024-Q1 at all: no figure, and the gap says who.
        let q1 = Period::parse("2024-Q1").unwrap();
        assert!(figs.get(&UnitId("c".into()), &q1).is_none());
        assert_eq!(
            figs.gaps[&(UnitId("c".into()), q1)],
            vec![UnitId("b".into())]
        );
    }

    #[test]
    fn a_record_outside_its_units_lifetime_is_a_located_error() {
        let (figs, diags) = compute_with_units(
            vec![
                record("a", "2025-H2", &counts(1.0, 1.0)),
                record("c", "2025-Q2", &counts(1.0, 1.0)),
            ],
            &Catalogue::builtin(),
            &merged_site(),
        );
        assert!(figs.records.is_empty());
        assert_eq!(diags.len(), 2);
        assert!(
            diags
                .iter()
                .all(|d| d.is_error() && d.path.is_some() && d.line == Some(1))
        );
        let en = diags[0].message.en();
        assert!(en.contains("unit `a` for period `2025-H2` (2025-07-01..2025-12-31) lies outside the unit's lifetime (..2025-06-30)"), "{en}");
        let vi = diags[1].message.text(crate::messages::Lang::Vi);
        assert!(
            vi.contains("đơn vị `c`") && vi.contains("(2025-07-01..)"),
            "{vi}"
        );
    }

    #[test]
    fn a_straddling_period_has_a_value_only_when_both_parts_exist() {
        let cat = Catalogue::builtin();
        let both = vec![
            record("a", "2025-H1", &counts(100.0, 90.0)),
            record("b", "2025-H1", &counts(300.0, 290.0)),
            record("c", "2025-H2", &counts(600.0, 600.0)),
        ];
        let (figs, diags) = compute_with_units(both.clone(), &cat, &merged_site());
        assert!(diags.is_empty(), "{diags:#?}");
        let year = Period::parse("2025").unwrap();
        let c = figs.get(&UnitId("c".into()), &year).unwrap();
        assert_eq!(c.get("resolved"), Some(1000.0));
        assert_eq!(
            crate::format::pct(c.get("on_time_rate").unwrap(), None),
            "98%"
        );
        assert!(!c.from_predecessors.is_empty());
        // 9 months = H1 + Q3 needs a Q3 record of c: there is none.
        assert!(
            figs.get(&UnitId("c".into()), &Period::parse("2025-9M").unwrap())
                .is_none()
        );
        // Without b's first half: no value for the year.
        let (figs, _) =
            compute_with_units(vec![both[0].clone(), both[2].clone()], &cat, &merged_site());
        assert!(figs.get(&UnitId("c".into()), &year).is_none());
        assert_eq!(
            figs.gaps[&(UnitId("c".into()), year)],
            vec![UnitId("b".into())]
        );
        // Without c's own second half: none either.
        let (figs, _) = compute_with_units(both[..2].to_vec(), &cat, &merged_site());
        assert!(figs.get(&UnitId("c".into()), &year).is_none());
    }

    /// A flow of 9 months is the first half's plus the third quarter's; a
    /// stock is not: the dossiers carried over into the 9 months are
    /// those carried into the first half, and those pending at the end of
    /// the 9 months are those pending at the end of the third quarter.
    #[test]
    fn a_straddling_period_takes_stocks_from_the_part_they_belong_to() {
        let cat = Catalogue::builtin();
        // a: 100 + 10 carried − 95 = 15 pending; b: 300 + 20 − 290 = 30.
        // c's Q3 carries 15 + 30 = 45 over: 200 + 45 − 230 = 15 pending.
        let part = |received: f64, carried: f64, resolved: f64, overdue: f64| {
            vec![
                ("received", received),
                ("carried_over", carried),
                ("resolved", resolved),
                ("resolved_early", 0.0),
                ("resolved_on_time", resolved - 5.0),
                ("pending_overdue", overdue),
                ("procedures", 300.0 + overdue),
            ]
        };
        let (figs, diags) = compute_with_units(
            vec![
                record("a", "2025-H1", &part(100.0, 10.0, 95.0, 2.0)),
                record("b", "2025-H1", &part(300.0, 20.0, 290.0, 3.0)),
                record("c", "2025-Q3", &part(200.0, 45.0, 230.0, 4.0)),
            ],
            &cat,
            &merged_site(),
        );
        assert!(diags.is_empty(), "{diags:#?}");
        let c = figs
            .get(&UnitId("c".into()), &Period::parse("2025-9M").unwrap())
            .unwrap();
        // Flows add up over time.
        assert_eq!(c.get("received"), Some(600.0));
        assert_eq!(c.get("resolved"), Some(615.0));
        assert_eq!(c.get("resolved_late"), Some(15.0));
        // Stocks: at the start, the predecessors' (not 10 + 20 + 45);
        // at the end, the unit's own (not 15 + 30 + 15, nor 2 + 3 + 4).
        assert_eq!(c.get("carried_over"), Some(30.0));
        assert_eq!(c.get("pending"), Some(15.0));
        assert_eq!(c.get("pending_overdue"), Some(4.0));
        // A level: the procedures in force at the end, c's own.
        assert_eq!(c.get("procedures"), Some(304.0));
        // received + carried_over == resolved + pending holds for the whole.
        assert_eq!(
            c.get("received").unwrap() + c.get("carried_over").unwrap(),
            c.get("resolved").unwrap() + c.get("pending").unwrap()
        );
        // Rates from the combined counts: 600 on time of 615.
        assert_eq!(
            crate::format::pct(c.get("on_time_rate").unwrap(), Some(2)),
            "97,56%"
        );
        // Before c existed there is no time to combine over: units add up,
        // stocks included (15 + 30 pending at the end of the first half).
        let h1 = figs
            .get(&UnitId("c".into()), &Period::parse("2025-H1").unwrap())
            .unwrap();
        assert_eq!(h1.get("carried_over"), Some(30.0));
        assert_eq!(h1.get("pending"), Some(45.0));
        assert_eq!(h1.get("procedures"), None, "procedures do not add up");
    }

    /// A stock a part lacks: the start's needs the predecessors', the
    /// end's the unit's own; the other part's does not matter.
    #[test]
    fn a_stock_over_a_straddle_names_only_the_part_it_needs() {
        let cat = Catalogue::builtin();
        let (figs, _) = compute_with_units(
            vec![
                record("a", "2025-H1", &[("received", 1.0), ("carried_over", 1.0)]),
                record("b", "2025-H1", &[("received", 2.0)]),
                record(
                    "c",
                    "2025-Q3",
                    &[
                        ("received", 3.0),
                        ("carried_over", 4.0),
                        ("pending_overdue", 1.0),
                    ],
                ),
            ],
            &cat,
            &merged_site(),
        );
        let c = figs
            .get(&UnitId("c".into()), &Period::parse("2025-9M").unwrap())
            .unwrap();
        assert_eq!(c.get("received"), Some(6.0));
        assert_eq!(c.get("carried_over"), None);
        let key = |k: &str| MetricKey::parse(k).unwrap();
        assert_eq!(c.lacking[&key("carried_over")], vec![UnitId("b".into())]);
        // The predecessors' overdue dossiers at the end of June do not
        // matter: the unit's own at the end of September are the figure.
        assert_eq!(c.get("pending_overdue"), Some(1.0));
        assert!(!c.lacking.contains_key(&key("pending_overdue")));
    }

    /// A chain of merges adds up from the oldest units.
    #[test]
    fn merges_chain() {
        let mut units = merged_site();
        let (id, d) = unit("d", Some("2026-01-01"), None, &["c"]);
        units.insert(id, d);
        units.get_mut(&UnitId("c".into())).unwrap().until = crate::date::Date::parse("2025-12-31");
        let (figs, _) = compute_with_units(
            vec![
                record("a", "2024", &counts(100.0, 90.0)),
                record("b", "2024", &counts(300.0, 290.0)),
            ],
            &Catalogue::builtin(),
            &units,
        );
        let d = figs
            .get(&UnitId("d".into()), &Period::parse("2024").unwrap())
            .unwrap();
        assert_eq!(d.get("resolved"), Some(400.0));
    }
}
