//! Records, periods, the metric catalogue, formulas and consistency checks:
//! from loaded records to the figures every page reads.

use crate::messages::{Hint, Msg, Part};
pub mod catalogue;
pub mod formula;
pub mod number;
pub mod period;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
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
}

impl Figure {
    /// The value of a metric, given or derived.
    pub fn get(&self, key: &str) -> Option<f64> {
        MetricKey::parse(key).and_then(|k| self.values.get(&k).copied())
    }
}

/// All figures of a site, by unit and period.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    /// Records in (unit, chronological period) order.
    pub records: BTreeMap<(UnitId, Period), Figure>,
}

impl Figures {
    /// The record of a unit and period.
    pub fn get(&self, unit: &UnitId, period: &Period) -> Option<&Figure> {
        self.records.get(&(unit.clone(), *period))
    }
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
    let mut diags = Vec::new();
    let mut figures = Figures::default();
    for rec in records {
        let id = (rec.unit.clone(), rec.period);
        if let Some(first) = figures.records.get(&id) {
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
        let fig = derive(rec, catalogue, &mut diags);
        figures.records.insert(id, fig);
    }
    (figures, diags)
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
            let get = |k: &str| MetricKey::parse(k).and_then(|k| values.get(&k).copied());
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
    let get = |k: &str| MetricKey::parse(k).and_then(|k| values.get(&k).copied());
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
        let inputs_given = f
            .required()
            .iter()
            .all(|k| MetricKey::parse(k).is_some_and(|k| rec.values.contains_key(&k)));
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
}
