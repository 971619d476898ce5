//! The metric catalogue (SPEC §4): keys, labels, units, formulas, aliases,
//! and consistency checks. Built in, extended by `content/metrics.yaml`.

use crate::messages::{Hint, Msg, Part};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::formula::Expr;
use crate::diagnostic::{self, Diagnostic};

/// The catalogue embedded in the binary.
pub const BUILTIN: &str = include_str!("catalogue.yaml");

/// A metric key: lower-case ASCII letters, digits and `_`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MetricKey(String);

/// Looked up by its text without making a key: it orders, compares and
/// hashes as its text does (the derives above go through the `String`).
impl std::borrow::Borrow<str> for MetricKey {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl MetricKey {
    /// Validates a key.
    pub fn parse(s: &str) -> Option<MetricKey> {
        let mut chars = s.chars();
        let first_ok = chars.next().is_some_and(|c| c.is_ascii_lowercase());
        (first_ok
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
        .then(|| MetricKey(s.to_string()))
    }

    /// The key as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for MetricKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a metric's numbers measure (serialized as in `metrics.yaml`:
/// `count`, `percent`…, for open-data files).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MetricUnit {
    /// Dossiers and other counts.
    Count,
    /// A 0–100 rate.
    Percent,
    /// Money in đồng.
    Vnd,
    /// People or visits.
    People,
    /// Documents.
    Documents,
    /// Administrative procedures.
    Procedures,
}

impl MetricUnit {
    /// Whether figures of this unit add up across units when a metric
    /// does not say (`additive:`): counts, money, people and documents do;
    /// rates and numbers of procedures do not.
    pub fn additive(self) -> bool {
        !matches!(self, MetricUnit::Percent | MetricUnit::Procedures)
    }

    /// The word a change is counted in when the metric names none.
    pub fn default_noun(self) -> &'static str {
        match self {
            MetricUnit::Count => "hồ sơ",
            MetricUnit::Percent => "điểm phần trăm",
            MetricUnit::Vnd => "đồng",
            MetricUnit::People => "lượt",
            MetricUnit::Documents => "văn bản",
            MetricUnit::Procedures => "thủ tục",
        }
    }
}

/// Which direction of change is good news.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    /// More is better.
    Higher,
    /// Less is better (late dossiers, late rate).
    Lower,
}

/// How the figures of consecutive parts of a period make the figure of
/// the whole (`over_time:` in the catalogue), as when a merged unit's
/// year adds its predecessors' first half to its own second half. Units
/// at one time are a different matter: `additive` says whether they add up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverTime {
    /// A flow: the parts add up (dossiers received, resolved).
    Sum,
    /// A stock at the start of the period: the earliest part's
    /// (dossiers carried over from the period before).
    First,
    /// A stock or level at the end of the period: the latest part's
    /// (dossiers pending, procedures in force).
    Last,
    /// No value from the parts; a rate with a formula is recomputed from
    /// the combined counts.
    NoValue,
}

impl OverTime {
    /// Every value, as written in the catalogue.
    pub const ALL: [OverTime; 4] = [
        OverTime::Sum,
        OverTime::First,
        OverTime::Last,
        OverTime::NoValue,
    ];

    /// The value as written in the catalogue.
    pub fn as_str(self) -> &'static str {
        match self {
            OverTime::Sum => "sum",
            OverTime::First => "first",
            OverTime::Last => "last",
            OverTime::NoValue => "none",
        }
    }

    /// Reads a value as written in the catalogue.
    pub fn parse(s: &str) -> Option<OverTime> {
        OverTime::ALL.into_iter().find(|o| o.as_str() == s.trim())
    }
}

/// One metric of the catalogue.
#[derive(Clone, Debug)]
pub struct MetricDef {
    /// Stable key.
    pub key: MetricKey,
    /// Vietnamese label.
    pub label: String,
    /// Short label for tables and charts.
    pub short: String,
    /// What it measures.
    pub unit: MetricUnit,
    /// Direction of good news.
    pub better: Better,
    /// Formula used when the metric is not given.
    pub formula: Option<Expr>,
    /// The formula as written.
    pub formula_text: Option<String>,
    /// Other header names a spreadsheet may use.
    pub aliases: Vec<String>,
    /// Word after a count in a change sentence.
    pub noun: String,
    /// Whether several units' figures add up (a total is their sum);
    /// `additive:` in the catalogue, else by the unit.
    pub additive: bool,
    /// How parts of a period combine over time, when the catalogue says
    /// (`over_time:`); see [`MetricDef::over_time`] for the default.
    pub over_time_given: Option<OverTime>,
}

impl MetricDef {
    /// How the figures of consecutive parts of a period make the figure
    /// of the whole: as the catalogue says, else `sum` for a metric that
    /// adds up across units and `none` for one that does not (a rate,
    /// recomputed by its formula).
    pub fn over_time(&self) -> OverTime {
        self.over_time_given.unwrap_or(if self.additive {
            OverTime::Sum
        } else {
            OverTime::NoValue
        })
    }
}

/// A relation every record must satisfy.
#[derive(Clone, Debug)]
pub struct Check {
    /// Human name.
    pub name: String,
    /// The comparison.
    pub expr: Expr,
    /// The comparison as written.
    pub text: String,
}

/// The metric catalogue.
#[derive(Clone, Debug, Default)]
pub struct Catalogue {
    metrics: BTreeMap<MetricKey, MetricDef>,
    /// Catalogue order, for display.
    order: Vec<MetricKey>,
    /// Relations checked on every record.
    pub checks: Vec<Check>,
    /// Normalised header text → key.
    headers: HashMap<String, MetricKey>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawFile {
    Map(RawCatalogue),
    List(Vec<RawMetric>),
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawCatalogue {
    #[serde(default)]
    metrics: Vec<RawMetric>,
    #[serde(default)]
    checks: Vec<RawCheck>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMetric {
    key: String,
    label: Option<String>,
    short: Option<String>,
    unit: Option<MetricUnit>,
    better: Option<Better>,
    formula: Option<String>,
    aliases: Option<Vec<String>>,
    noun: Option<String>,
    additive: Option<bool>,
    over_time: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCheck {
    name: String,
    expr: String,
}

pub use crate::text::normalize_header;

impl Catalogue {
    /// The built-in catalogue.
    pub fn builtin() -> Catalogue {
        let mut cat = Catalogue::default();
        let diags = cat.merge(BUILTIN, Path::new("<built-in catalogue>"));
        // The embedded file is tested; a failure here is a bug in the binary.
        debug_assert!(diags.is_empty(), "{diags:?}");
        cat
    }

    /// Adds or overrides entries from a catalogue file's text.
    pub fn merge(&mut self, text: &str, path: &Path) -> Vec<Diagnostic> {
        let raw = match parse_catalogue(text, path) {
            Ok(raw) => raw,
            Err(d) => return vec![d],
        };
        let mut diags = Vec::new();
        let src = Source { text, path };
        for m in raw.metrics {
            self.merge_metric(m, &src, &mut diags);
        }
        for c in raw.checks {
            self.add_check(c, &src, &mut diags);
        }
        diags.extend(self.reindex(path, text));
        diags
    }

    /// Adds one metric, or overrides what the entry names of a known one.
    fn merge_metric(&mut self, m: RawMetric, src: &Source<'_>, diags: &mut Vec<Diagnostic>) {
        let Some(key) = MetricKey::parse(&m.key) else {
            diags.push(
                src.at(
                    Diagnostic::error(crate::msg!(Msg::BadMetricKey, m.key)),
                    &m.key,
                )
                .hint(Hint::KeysUseLowerCase),
            );
            return;
        };
        let formula = m
            .formula
            .as_deref()
            .and_then(|f| metric_formula(&key, f, src, diags));
        let over_time = m
            .over_time
            .as_deref()
            .and_then(|v| over_time(&key, v, src, diags));
        match self.metrics.get_mut(&key) {
            Some(def) => def.override_with(m, formula, over_time),
            None => {
                if let Some(def) = new_metric(key, m, formula, over_time, src, diags) {
                    self.order.push(def.key.clone());
                    self.metrics.insert(def.key.clone(), def);
                }
            }
        }
    }

    /// Adds one check; a check that is no comparison is reported instead.
    fn add_check(&mut self, c: RawCheck, src: &Source<'_>, diags: &mut Vec<Diagnostic>) {
        match Expr::parse(&c.expr) {
            Ok(expr) if expr.is_comparison() => self.checks.push(Check {
                name: c.name,
                expr,
                text: c.expr,
            }),
            Ok(_) => diags.push(
                src.at(
                    Diagnostic::error(crate::msg!(Msg::CheckNotComparison, c.name)),
                    &c.expr,
                )
                .hint(Hint::WriteCheckAsComparison),
            ),
            Err(err) => diags.push(src.at(
                Diagnostic::error(crate::msg!(Msg::BadCheck, c.name, err.message)),
                &c.expr,
            )),
        }
    }

    /// Rebuilds the header index and verifies formulas name known keys.
    fn reindex(&mut self, path: &Path, text: &str) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        self.headers.clear();
        // Keys win over labels, labels over aliases, aliases over short
        // labels: a short label like "Đúng hạn" may repeat across metrics.
        let mut tiers: [Vec<(String, &MetricKey)>; 4] = Default::default();
        for key in &self.order {
            let def = &self.metrics[key];
            tiers[0].push((key.0.clone(), key));
            tiers[1].push((def.label.clone(), key));
            tiers[2].extend(def.aliases.iter().map(|a| (a.clone(), key)));
            tiers[3].push((def.short.clone(), key));
        }
        for (tier, names) in tiers.iter().enumerate() {
            let mut this_tier: HashMap<String, &MetricKey> = HashMap::new();
            for (name, key) in names {
                let norm = normalize_header(name);
                if self.headers.contains_key(&norm) {
                    continue;
                }
                if let Some(other) = this_tier.get(&norm).filter(|o| **o != *key) {
                    // Two labels or aliases that name different metrics would
                    // make a spreadsheet column ambiguous; short labels may repeat.
                    if tier < 3 {
                        diags.push(
                            Diagnostic::error(crate::msg!(Msg::AliasNamesTwo, name, other, key))
                                .file(path)
                                .find(text, name, |l| l.contains(name.as_str()))
                                .hint(Hint::GiveEachMetricOwn),
                        );
                    }
                    continue;
                }
                this_tier.insert(norm, key);
            }
            self.headers
                .extend(this_tier.into_iter().map(|(n, k)| (n, k.clone())));
        }
        let known = |k: &str| MetricKey::parse(k).is_some_and(|k| self.metrics.contains_key(&k));
        let formulas = self
            .order
            .iter()
            .filter_map(|k| self.metrics[k].formula.as_ref().map(|f| (k.to_string(), f)));
        let checks = self.checks.iter().map(|c| (c.name.clone(), &c.expr));
        for (owner, expr) in formulas.chain(checks) {
            for var in expr.vars() {
                if !known(var) {
                    let mut d =
                        Diagnostic::error(crate::msg!(Msg::FormulaUnknownMetric, owner, var))
                            .file(path)
                            .find(text, var, |l| l.contains(var));
                    if let Some(s) = self.suggest(var) {
                        d = d.hint(crate::msg!(Hint::DidYouMean, s));
                    }
                    diags.push(d);
                }
            }
        }
        diags
    }

    /// A metric by key.
    pub fn get(&self, key: &str) -> Option<&MetricDef> {
        MetricKey::parse(key).and_then(|k| self.metrics.get(&k))
    }

    /// The metric a spreadsheet header names (key, label, alias or short label).
    pub fn by_header(&self, header: &str) -> Option<&MetricDef> {
        self.headers
            .get(&normalize_header(header))
            .and_then(|k| self.metrics.get(k))
    }

    /// All metrics in catalogue order.
    pub fn iter(&self) -> impl Iterator<Item = &MetricDef> {
        self.order.iter().map(|k| &self.metrics[k])
    }

    /// The nearest known key, for "did you mean".
    pub fn suggest(&self, word: &str) -> Option<&str> {
        diagnostic::nearest(word, self.order.iter().map(|k| k.as_str()))
    }
}

/// A catalogue file's text, to place diagnostics at what they name.
struct Source<'a> {
    text: &'a str,
    path: &'a Path,
}

impl Source<'_> {
    /// Places `d` at `needle` on the first line holding it.
    fn at(&self, d: Diagnostic, needle: &str) -> Diagnostic {
        d.file(self.path)
            .find(self.text, needle, |l| l.contains(needle))
    }
}

/// Parses a catalogue file: metrics and checks, a bare list of metrics, or
/// nothing at all.
fn parse_catalogue(text: &str, path: &Path) -> Result<RawCatalogue, Diagnostic> {
    Ok(
        match parse_yaml::<Option<RawFile>>(text, path, Hint::MetricCatalogueMetricsList)? {
            Some(RawFile::Map(m)) => m,
            Some(RawFile::List(metrics)) => RawCatalogue {
                metrics,
                checks: Vec::new(),
            },
            None => RawCatalogue::default(),
        },
    )
}

/// A metric's formula; `None` (reported) when it does not parse or is a
/// comparison, which gives no number.
fn metric_formula(
    key: &MetricKey,
    formula: &str,
    src: &Source<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Expr> {
    match Expr::parse(formula) {
        Ok(e) if !e.is_comparison() => Some(e),
        Ok(_) => {
            diags.push(
                src.at(
                    Diagnostic::error(crate::msg!(Msg::FormulaIsComparison, key)),
                    formula,
                )
                .hint(Hint::FormulaIsNumber),
            );
            None
        }
        Err(err) => {
            diags.push(
                src.at(
                    Diagnostic::error(crate::msg!(Msg::BadFormula, key, err.message)),
                    formula,
                )
                .hint(Hint::UseMetricKeysNumbers),
            );
            None
        }
    }
}

/// A metric's `over_time:`; `None` (reported) when it is no known value.
fn over_time(
    key: &MetricKey,
    value: &str,
    src: &Source<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<OverTime> {
    let known = OverTime::parse(value);
    if known.is_none() {
        diags.push(
            Diagnostic::error(crate::msg!(Msg::UnknownOverTime, key, value))
                .file(src.path)
                .find(src.text, value, |l| {
                    l.contains("over_time") && l.contains(value)
                })
                .hint(Hint::OverTimeValues),
        );
    }
    known
}

/// A metric the catalogue does not have yet; `None` (reported) without the
/// label and unit nothing can default.
fn new_metric(
    key: MetricKey,
    m: RawMetric,
    formula: Option<Expr>,
    over_time: Option<OverTime>,
    src: &Source<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<MetricDef> {
    let (Some(label), Some(unit)) = (m.label, m.unit) else {
        diags.push(
            src.at(
                Diagnostic::error(crate::msg!(Msg::NewMetricNeedsLabelAndUnit, key)),
                &m.key,
            )
            .hint(Hint::UnitOneCountPercent),
        );
        return None;
    };
    Some(MetricDef {
        short: m.short.unwrap_or_else(|| label.clone()),
        label,
        better: m.better.unwrap_or(Better::Higher),
        noun: m.noun.unwrap_or_else(|| unit.default_noun().to_string()),
        unit,
        formula,
        formula_text: m.formula,
        aliases: m.aliases.unwrap_or_default(),
        additive: m.additive.unwrap_or(unit.additive()),
        over_time_given: over_time,
        key,
    })
}

impl MetricDef {
    /// Overrides what a catalogue entry names; the rest stays as it was.
    fn override_with(&mut self, m: RawMetric, formula: Option<Expr>, over_time: Option<OverTime>) {
        if let Some(v) = m.label {
            self.label = v;
        }
        if let Some(v) = m.short {
            self.short = v;
        }
        if let Some(v) = m.unit {
            self.unit = v;
            self.additive = v.additive();
        }
        if let Some(v) = m.additive {
            self.additive = v;
        }
        // An unknown value (reported) leaves the old one.
        if over_time.is_some() {
            self.over_time_given = over_time;
        }
        if let Some(v) = m.better {
            self.better = v;
        }
        if let Some(v) = m.noun {
            self.noun = v;
        }
        if let Some(v) = m.aliases {
            self.aliases = v;
        }
        // No formula, or one that did not parse (reported): the old stays.
        if formula.is_some() {
            self.formula = formula;
            self.formula_text = m.formula;
        }
    }
}

pub use crate::yaml_depth::{MAX_YAML_DEPTH, yaml_too_deep};

/// The error for YAML nested deeper than [`MAX_YAML_DEPTH`], at the line
/// and column [`yaml_too_deep`] found.
pub fn yaml_depth_error(message: Msg, text: &str, line: usize, col: usize) -> Diagnostic {
    Diagnostic::error(message)
        .at(text, line, col)
        .hint(Hint::CloseEachEachSite)
}

/// Parses YAML text after checking its depth; errors name `path` and say
/// what the file should hold.
pub fn parse_yaml<T: serde::de::DeserializeOwned>(
    text: &str,
    path: &Path,
    expected: Hint,
) -> Result<T, Diagnostic> {
    if let Some((line, col)) = yaml_too_deep(text) {
        let message = crate::msg!(
            Msg::CannotRead,
            path.display(),
            crate::msg!(Part::NestedTooDeep, MAX_YAML_DEPTH)
        );
        return Err(yaml_depth_error(message, text, line, col).file(path));
    }
    yaml_serde::from_str(text).map_err(|e| yaml_error(&e, text, path, expected))
}

/// A YAML parse error as a diagnostic with the parser's line and column.
pub fn yaml_error(err: &yaml_serde::Error, text: &str, path: &Path, expected: Hint) -> Diagnostic {
    let message = err.to_string();
    // The location is shown on its own line, so drop it from the message.
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_string();
    let message = crate::parse_error::yaml(&message);
    let d = Diagnostic::error(crate::msg!(Msg::CannotRead, path.display(), message)).file(path);
    let d = match err.location() {
        Some(loc) => d.at(text, loc.line(), loc.column()),
        None => d,
    };
    d.hint(crate::msg!(Hint::FileShouldHold, expected))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC_KEYS: &[&str] = &[
        "received",
        "received_online",
        "received_direct",
        "received_postal",
        "returned_postal",
        "carried_over",
        "resolved",
        "resolved_early",
        "resolved_on_time",
        "resolved_late",
        "pending",
        "pending_overdue",
        "on_time_rate",
        "early_rate",
        "late_rate",
        "online_rate",
        "satisfaction",
        "procedures",
        "procedures_online",
        "docs_incoming",
        "docs_outgoing",
        "digital_signature_rate",
        "e_docs_rate",
        "digitized",
        "e_results",
        "e_results_rate",
        "online_payments",
        "online_payment_amount",
        "visits",
        "digital_accounts",
    ];

    #[test]
    fn builtin_catalogue_is_clean_and_complete() {
        let mut cat = Catalogue::default();
        let diags = cat.merge(BUILTIN, Path::new("builtin"));
        assert!(diags.is_empty(), "{diags:#?}");
        for k in SPEC_KEYS {
            assert!(cat.get(k).is_some(), "missing {k}");
        }
        assert_eq!(cat.get("late_rate").unwrap().better, Better::Lower);
        assert_eq!(cat.get("on_time_rate").unwrap().unit, MetricUnit::Percent);
    }

    #[test]
    fn headers_map_through_labels_and_aliases() {
        let cat = Catalogue::builtin();
        let key = |h: &str| cat.by_header(h).map(|d| d.key.to_string());
        assert_eq!(key("Tiếp nhận").as_deref(), Some("received"));
        assert_eq!(key("  trước   hạn ").as_deref(), Some("resolved_early"));
        assert_eq!(key("Đúng hạn").as_deref(), Some("resolved_on_time"));
        assert_eq!(key("Quá hạn").as_deref(), Some("resolved_late"));
        assert_eq!(
            key("Tỷ lệ giải quyết đúng hạn").as_deref(),
            Some("on_time_rate")
        );
        assert_eq!(key("on_time_rate").as_deref(), Some("on_time_rate"));
        assert_eq!(key("Ghi chú"), None);
    }

    #[test]
    fn site_file_adds_and_overrides() {
        let mut cat = Catalogue::builtin();
        let text = "metrics:\n  - key: resolved_share\n    label: \"Tỷ lệ đã giải quyết\"\n    unit: percent\n    formula: \"resolved / received * 100\"\n  - key: received\n    label: \"Hồ sơ nhận mới\"\n";
        assert!(cat.merge(text, Path::new("m.yaml")).is_empty());
        assert_eq!(cat.get("received").unwrap().label, "Hồ sơ nhận mới");
        assert!(cat.get("resolved_share").unwrap().formula.is_some());
        assert_eq!(
            cat.by_header("Tỷ lệ đã giải quyết").unwrap().key.as_str(),
            "resolved_share"
        );
    }

    /// Stocks do not add up over time; flows do; rates are recomputed.
    #[test]
    fn over_time_defaults_and_overrides() {
        let cat = Catalogue::builtin();
        let over = |k: &str| cat.get(k).unwrap().over_time();
        assert_eq!(over("carried_over"), OverTime::First);
        assert_eq!(over("pending"), OverTime::Last);
        assert_eq!(over("pending_overdue"), OverTime::Last);
        assert_eq!(over("procedures"), OverTime::Last);
        assert_eq!(over("procedures_online"), OverTime::Last);
        for k in [
            "received",
            "resolved",
            "resolved_late",
            "digitized",
            "online_payments",
        ] {
            assert_eq!(over(k), OverTime::Sum, "{k}");
        }
        for k in ["on_time_rate", "satisfaction"] {
            assert_eq!(over(k), OverTime::NoValue, "{k}");
        }
        // A site says otherwise; a new metric defaults by `additive`.
        let mut cat = Catalogue::builtin();
        let text = "- key: visits\n  over_time: last\n- key: staff\n  label: Cán bộ\n  unit: people\n- key: staff_rate\n  label: Tỷ lệ\n  unit: percent\n";
        assert!(cat.merge(text, Path::new("m.yaml")).is_empty());
        assert_eq!(cat.get("visits").unwrap().over_time(), OverTime::Last);
        assert_eq!(cat.get("staff").unwrap().over_time(), OverTime::Sum);
        assert_eq!(
            cat.get("staff_rate").unwrap().over_time(),
            OverTime::NoValue
        );
    }

    #[test]
    fn an_unknown_over_time_is_a_located_error() {
        let mut cat = Catalogue::builtin();
        let text =
            "metrics:\n  - key: received\n    label: Nhận\n  - key: pending\n    over_time: end\n";
        let diags = cat.merge(text, Path::new("m.yaml"));
        assert_eq!(diags.len(), 1, "{diags:#?}");
        let d = &diags[0];
        assert!(d.is_error());
        assert_eq!(d.message.code(), "E0309");
        assert_eq!(
            d.message.en(),
            "the metric `pending` has `over_time: end`, which is not one of `sum`, `first`, `last`, `none`"
        );
        assert_eq!((d.line, d.col), (Some(5), Some(16)));
        assert_eq!(d.hint, Some(Hint::OverTimeValues));
        // The built-in value stays.
        assert_eq!(cat.get("pending").unwrap().over_time(), OverTime::Last);
    }

    #[test]
    fn bad_site_entries_are_located_errors() {
        let mut cat = Catalogue::builtin();
        let text = "- key: x_rate\n  label: X\n  unit: percent\n  formula: \"recieved / 2\"\n- key: y\n  label: Y\n";
        let diags = cat.merge(text, Path::new("m.yaml"));
        assert_eq!(diags.len(), 2, "{diags:#?}");
        assert!(
            diags
                .iter()
                .any(|d| d.message.en().contains("needs a `label` and a `unit`"))
        );
        let unknown = diags
            .iter()
            .find(|d| d.message.en().contains("unknown metric `recieved`"))
            .unwrap();
        assert_eq!(unknown.line, Some(4));
        assert_eq!(
            unknown.hint.as_ref().map(Hint::en).as_deref(),
            Some("did you mean `received`?")
        );
    }
}
