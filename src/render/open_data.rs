//! The open-data family: every computed record as CSV and JSON
//! (`du-lieu/<unit>/<period>.csv|json`) and every year's records as one
//! CSV (`du-lieu/<year>.csv`). The bytes come from the `csv` crate and
//! serde_json, never from a template.
//!
//! Layout, the same for a record and a year: one header row, `unit`,
//! `unit_name`, `period`, `period_label`, then the metric keys the records
//! have, in catalogue order; one row per record, a blank cell where a
//! record has no value; numbers written plainly (`6580`, `82.34`). The
//! JSON of a record holds the same fields, its `values` by key, and a
//! `metrics` list saying what each key means (label, unit, derived).
//!
//! Figures of a merged unit added up from the units before the
//! reorganisation (SPEC §2 "Units change") are no reported record: the
//! file of such a figure has a `derived_from` column (CSV) or field
//! (JSON) naming the records it adds up, as `unit/period` (the path of
//! their own files), and a year's CSV holds reported records only, so
//! that summing its rows never counts the same dossiers twice.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::context::{Inputs, values};
use super::route::{DataFormat, Route};
use crate::data::{Figure, MetricKey, MetricUnit};
use crate::text::plain_number;

/// Excel opens a CSV file as UTF-8 only after this mark; without it,
/// Vietnamese names turn into mojibake.
const BOM: &str = "\u{feff}";

/// The columns before the metrics.
pub const COLUMNS: [&str; 4] = ["unit", "unit_name", "period", "period_label"];

/// A file that could not be made; writing into memory fails only on a bug.
#[derive(Debug)]
pub struct Unwritten;

impl From<csv::Error> for Unwritten {
    fn from(_: csv::Error) -> Self {
        Unwritten
    }
}

impl From<serde_json::Error> for Unwritten {
    fn from(_: serde_json::Error) -> Self {
        Unwritten
    }
}

/// The bytes of an open-data route: `None` for other routes and for a
/// record the figures do not hold (the plan makes routes from them).
pub fn bytes(route: &Route, inputs: &Inputs<'_>) -> Option<Result<Vec<u8>, Unwritten>> {
    match route {
        Route::Data {
            unit,
            period,
            format,
        } => {
            let figure = inputs.figures.get(unit, period)?;
            Some(match format {
                DataFormat::Csv => csv_of(&[figure], inputs),
                DataFormat::Json => json_of(figure, inputs),
            })
        }
        Route::YearData(year) => Some(csv_of(&year_records(*year, inputs), inputs)),
        _ => None,
    }
}

/// The records of a year, by unit in the order `site.yaml` declares them
/// (a province before its communes), then by period.
pub fn year_records<'a>(year: i32, inputs: &Inputs<'a>) -> Vec<&'a Figure> {
    let declared: HashMap<&str, usize> = inputs
        .site
        .config
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.id.0.as_str(), i))
        .collect();
    let mut records: Vec<&Figure> = inputs
        .figures
        .records
        .values()
        .filter(|f| f.period.year() == year && !f.is_from_predecessors())
        .inspect(|f| crate::data::reads::note(&f.unit, &f.period))
        .collect();
    // Units `site.yaml` does not declare come last; ties by id then period.
    records.sort_by_key(|f| {
        (
            declared
                .get(f.unit.0.as_str())
                .copied()
                .unwrap_or(usize::MAX),
            &f.unit,
            f.period,
        )
    });
    records
}

/// The metric keys the records have, in catalogue order; keys the
/// catalogue lacks (none, after validation) after them by name.
fn metric_keys<'f>(records: &[&'f Figure], inputs: &Inputs<'_>) -> Vec<&'f MetricKey> {
    let present: BTreeSet<&MetricKey> = records.iter().flat_map(|f| f.values.keys()).collect();
    let order: HashMap<&str, usize> = inputs
        .site
        .catalogue
        .iter()
        .enumerate()
        .map(|(i, m)| (m.key.as_str(), i))
        .collect();
    let mut keys: Vec<&MetricKey> = present.into_iter().collect();
    keys.sort_by_key(|k| (order.get(k.as_str()).copied().unwrap_or(usize::MAX), *k));
    keys
}

/// A unit's full name, or its id when `site.yaml` does not name it.
fn unit_name<'a>(f: &'a Figure, inputs: &Inputs<'a>) -> &'a str {
    inputs
        .site
        .units
        .get(&f.unit)
        .map_or(f.unit.0.as_str(), |u| u.name.as_str())
}

/// The records a figure of predecessors adds up, as `unit/period`: the
/// path of each one's own open-data file under `du-lieu/`. Empty for a
/// reported record.
fn derived_from(f: &Figure, inputs: &Inputs<'_>) -> Vec<String> {
    inputs
        .site
        .units
        .get(&f.unit)
        .map(|u| f.parts(u))
        .unwrap_or_default()
        .iter()
        .map(|(u, p)| format!("{u}/{}", p.id()))
        .collect()
}

/// The column after [`COLUMNS`] in a file holding a figure of
/// predecessors.
pub const DERIVED_FROM: &str = "derived_from";

/// One CSV table of records, with the byte-order mark.
fn csv_of(records: &[&Figure], inputs: &Inputs<'_>) -> Result<Vec<u8>, Unwritten> {
    let keys = metric_keys(records, inputs);
    let derived = records.iter().any(|f| f.is_from_predecessors());
    let mut w = csv::Writer::from_writer(BOM.as_bytes().to_vec());
    w.write_record(
        COLUMNS
            .iter()
            .copied()
            .chain(derived.then_some(DERIVED_FROM))
            .chain(keys.iter().map(|k| k.as_str())),
    )?;
    for f in records {
        let mut row = vec![
            f.unit.0.clone(),
            unit_name(f, inputs).to_string(),
            f.period.id(),
            inputs.words.period(&f.period),
        ];
        if derived {
            row.push(derived_from(f, inputs).join(";"));
        }
        row.extend(keys.iter().map(|k| {
            f.values
                .get(*k)
                .map(|v| plain_number(*v))
                .unwrap_or_default()
        }));
        w.write_record(&row)?;
    }
    w.into_inner().map_err(|_| Unwritten)
}

/// What a metric key of a record means.
#[derive(Serialize)]
struct MetricInfo<'a> {
    key: &'a str,
    label: &'a str,
    unit: Option<MetricUnit>,
    /// Computed by the catalogue's formula rather than given.
    derived: bool,
}

/// One record as JSON.
#[derive(Serialize)]
struct RecordJson<'a> {
    unit: &'a str,
    unit_name: &'a str,
    period: String,
    period_label: String,
    /// First day of the period, `YYYY-MM-DD`.
    start: String,
    /// Last day of the period.
    end: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    /// For a figure added up from the units before a reorganisation: the
    /// records it adds up, `unit/period`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    derived_from: Vec<String>,
    values: BTreeMap<String, serde_json::Value>,
    metrics: Vec<MetricInfo<'a>>,
}

/// One record as JSON, pretty-printed, ending in a newline.
fn json_of(f: &Figure, inputs: &Inputs<'_>) -> Result<Vec<u8>, Unwritten> {
    let metrics = metric_keys(&[f], inputs)
        .into_iter()
        .map(|k| {
            let def = inputs.site.catalogue.get(k.as_str());
            MetricInfo {
                key: k.as_str(),
                label: def.map_or(k.as_str(), |d| d.label.as_str()),
                unit: def.map(|d| d.unit),
                derived: f.derived.contains(k),
            }
        })
        .collect();
    let record = RecordJson {
        unit: &f.unit.0,
        unit_name: unit_name(f, inputs),
        period: f.period.id(),
        period_label: inputs.words.period(&f.period),
        start: f.period.start().to_string(),
        end: f.period.end().to_string(),
        source: f.source.as_deref(),
        derived_from: derived_from(f, inputs),
        values: values(f),
        metrics,
    };
    let mut out = serde_json::to_vec_pretty(&record)?;
    out.push(b'\n');
    Ok(out)
}

/// A link to one of a record's open-data files, as pages show it.
#[derive(Serialize)]
pub struct DataLink {
    /// `CSV`, `JSON`.
    pub format: &'static str,
    /// The file's media type, for the link's `type`.
    pub media_type: &'static str,
    /// Link from the page.
    pub href: String,
}

/// The links from the page at `from` to a record's open-data files; none
/// when the figures hold no such record.
pub fn links(
    unit: &crate::data::UnitId,
    period: &crate::data::Period,
    from: &Route,
    inputs: &Inputs<'_>,
) -> Vec<DataLink> {
    if inputs.figures.get(unit, period).is_none() {
        return Vec::new();
    }
    DataFormat::ALL
        .into_iter()
        .filter_map(|format| Route::data(unit, period, format).map(|r| (format, r)))
        .map(|(format, route)| DataLink {
            format: format.name(),
            media_type: format.media_type(),
            href: route.link_from(from),
        })
        .collect()
}
