//! Spreadsheet import (`baocao import`): a plain table (unit, period, one
//! column per metric) or the one-stop report form "Biểu số II.06a/VPCP/KSTT"
//! with its title rows and three-level merged header → YAML period data
//! files, one per period, that `baocao build` reads. Units the rows name
//! that site.yaml does not declare are added to it (unless
//! `--no-new-units`), so a new site's first import builds.
//!
//! Reading order: [`table`] (grids from files), [`header`] (what each
//! column holds), [`periods`], [`units`], [`rows`] (records), [`adding`]
//! and [`site_yaml`] (new units), [`write`]. What the import did is a list
//! of [`Status`] lines, shown in the site's language.

mod adding;
mod figures;
mod header;
mod labels;
mod periods;
mod rows;
mod site_yaml;
mod table;
mod units;
mod write;

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use crate::data::{Catalogue, MetricKey, MetricUnit, Period, UnitId};
use crate::date::{Date, days_in_month};
use crate::diagnostic::{self, Diagnostic};
use crate::messages::{Lang, Status};
use crate::model::Unit;
use crate::site::load_settings;
use crate::text::{fold, plain_number as number_text, slugify};
use crate::workbook::column_letters;

/// Options of `baocao import`.
#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// The site folder (holding content/site.yaml).
    pub root: PathBuf,
    /// The spreadsheet: .xlsx, .xls or .csv.
    pub file: PathBuf,
    /// The sheet to read; by default the first one holding a table.
    pub sheet: Option<String>,
    /// Where the YAML files go (usually content/data/).
    pub out: PathBuf,
    /// Overwrite files that exist.
    pub force: bool,
    /// Report units missing from site.yaml instead of adding them.
    pub no_new_units: bool,
}

/// What an import did, for the terminal.
#[derive(Clone, Debug, Default)]
pub struct ImportReport {
    /// The files written.
    pub written: Vec<PathBuf>,
    /// The units added to content/site.yaml, in the order of their rows.
    pub added: Vec<Unit>,
    /// What became of each column and row, in reading order.
    pub log: Vec<Status>,
    /// Problems that did not stop the import.
    pub warnings: Vec<Diagnostic>,
}

impl ImportReport {
    /// The log lines in a language.
    pub fn log_text(&self, lang: Lang) -> Vec<String> {
        self.log.iter().map(|l| l.text(lang)).collect()
    }
}

/// Turns a spreadsheet into YAML period data files, adding the units the
/// rows name to site.yaml.
pub fn run(opts: &ImportOptions) -> Result<ImportReport, Vec<Diagnostic>> {
    let settings = load_settings(&opts.root)?;
    let mut log = Vec::new();
    let mut diags = Vec::new();
    let tables = read_tables(opts, &mut diags)?;
    let (table, header) = select(opts, tables, &settings.catalogue, &mut log)?;
    let ctx = Ctx {
        file: &opts.file,
        table: &table,
        catalogue: &settings.catalogue,
    };
    let (records, mut added) = import_table(
        &ctx,
        &header,
        &settings.units,
        !opts.no_new_units,
        &mut log,
        &mut diags,
    );
    if records.is_empty() || diags.iter().any(Diagnostic::is_error) {
        diagnostic::sort(&mut diags);
        return Err(diags);
    }
    // Only units with a record, and their parents: a row whose figures
    // were all skipped declares nothing.
    let with_records: std::collections::BTreeSet<&UnitId> =
        records.iter().map(|r| &r.unit).collect();
    let parents: std::collections::BTreeSet<UnitId> = added
        .iter()
        .filter(|u| with_records.contains(&u.id))
        .filter_map(|u| u.parent.clone())
        .collect();
    added.retain(|u| with_records.contains(&u.id) || parents.contains(&u.id));
    // Published under the charts: the form's own words, or the file's.
    let lang = match settings.config.language {
        crate::model::Language::En => Lang::En,
        _ => Lang::Vi,
    };
    let source = form_source(&ctx, &header).unwrap_or_else(|| file_source(opts, &table, lang));
    let targets = targets(opts, &records, &mut diags)?;
    // site.yaml first: if a data file then fails, the units are declared
    // and the site still builds.
    if !added.is_empty() {
        add_to_site_yaml(opts, &added, &mut log)?;
    }
    let written = write_files(opts, &source, lang, targets, &mut log)?;
    diagnostic::sort(&mut diags);
    Ok(ImportReport {
        written,
        added,
        log,
        warnings: diags,
    })
}

use adding::*;
use figures::*;
use header::*;
use labels::*;
use periods::*;
use rows::*;
use table::*;
use units::*;
use write::*;

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        Period::parse(s).unwrap()
    }

    fn range(line: &str) -> Option<Period> {
        range_in(line).map(|(a, b)| period_from_range(a, b).0)
    }

    #[test]
    fn official_and_calendar_ranges_name_periods() {
        assert_eq!(
            range("(Từ ngày 15/6/2023 đến ngày 14/9/2023)"),
            Some(p("2023-Q3"))
        );
        assert_eq!(
            range("Từ ngày 15/12/2022 đến ngày 14/6/2023"),
            Some(p("2023-H1"))
        );
        assert_eq!(
            range("Từ ngày 15/12/2022 đến ngày 14/12/2023"),
            Some(p("2023"))
        );
        assert_eq!(
            range("Từ ngày 15/12/2022 đến ngày 14/9/2023"),
            Some(p("2023-9M"))
        );
        assert_eq!(
            range("Từ ngày 15/9/2023 đến ngày 14/10/2023"),
            Some(p("2023-10"))
        );
        assert_eq!(
            range("Từ ngày 15/6 đến ngày 14/12/2023"),
            Some(p("2023-H2"))
        );
        assert_eq!(range("từ 01/7/2023 - 30/9/2023"), Some(p("2023-Q3")));
        assert_eq!(
            range("Từ ngày 01/01/2020 đến ngày 13/11/2020"),
            Some(p("2020-01-01..2020-11-13"))
        );
        assert_eq!(
            range("Từ ngày 15 tháng 6 năm 2023 đến ngày 14 tháng 9 năm 2023"),
            Some(p("2023-Q3"))
        );
        assert_eq!(
            range("Ban hành theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020"),
            None
        );
        assert_eq!(range("Từ ngày 14/9/2023 đến ngày 15/6/2023"), None);
    }

    #[test]
    fn periods_in_words() {
        assert_eq!(period_from_words("Quý III năm 2023"), Some(p("2023-Q3")));
        assert_eq!(period_from_words("quý 4/2022"), Some(p("2022-Q4")));
        assert_eq!(
            period_from_words("6 tháng đầu năm 2023"),
            Some(p("2023-H1"))
        );
        assert_eq!(
            period_from_words("6 tháng cuối năm 2023"),
            Some(p("2023-H2"))
        );
        assert_eq!(period_from_words("9 tháng năm 2023"), Some(p("2023-9M")));
        assert_eq!(period_from_words("Tháng 10/2023"), Some(p("2023-10")));
        assert_eq!(period_from_words("Năm 2023"), Some(p("2023")));
        assert_eq!(period_from_words("2023-Q3"), Some(p("2023-Q3")));
        assert_eq!(period_from_words("Quý III"), None);
    }

    #[test]
    fn figures_as_vietnamese_sheets_write_them() {
        let v = |t: &str, count: bool| match figure(&Cell::Text(t.into()), count) {
            Figure::Value(v) => Some(v),
            _ => None,
        };
        assert_eq!(v("10.551", true), Some(10551.0));
        assert_eq!(v("1.234.567", true), Some(1234567.0));
        assert_eq!(v("93,1", false), Some(93.1));
        assert_eq!(v("99,38%", false), Some(99.38));
        assert_eq!(v("12", true), Some(12.0));
        assert_eq!(v("x", true), None);
        assert_eq!(v("1,000", true), Some(1000.0));
        // Spaces group thousands as in `build`: one rule, data::number.
        assert_eq!(v("12 000", true), Some(12000.0));
        assert_eq!(v("12\u{a0}000", true), Some(12000.0));
        assert_eq!(v(" 1\u{202f}234 ", true), Some(1234.0));
        assert_eq!(v("99,5 %", false), Some(99.5));
        for t in [
            "12.00", "1.2345", "1.234,5", "0.012", "000.012", "0,012", "1 2 3",
        ] {
            assert!(
                matches!(figure(&Cell::Text(t.into()), true), Figure::NotWhole),
                "{t}"
            );
        }
        assert!(matches!(
            figure(&Cell::Text("-".into()), true),
            Figure::Absent
        ));
        assert!(matches!(
            figure(&Cell::Text("1e5".into()), true),
            Figure::Bad
        ));
    }

    #[test]
    fn names_match_without_prefix_case_or_diacritics() {
        let keys = |s: &str| name_keys(s);
        assert_eq!(keys("UBND phường An Thạnh")[0], keys("Phường An Thạnh")[0]);
        assert_eq!(
            keys("Ủy ban nhân dân Phường An Thạnh")[1],
            "phuong an thanh"
        );
        assert_eq!(keys("Uỷ ban nhân dân xã An Hòa")[2], "an hoa");
        assert_eq!(suggestion("UBND phường An Thạnh").0, "phuong-an-thanh");
        assert_eq!(suggestion("Phường Mới").2, "commune");
        assert_eq!(suggestion("Huyện Châu Thành").2, "district");
        assert_eq!(clean_name("1. Phường A"), "Phường A");
        assert_eq!(clean_name("  II.  Cấp xã"), "Cấp xã");
        assert_eq!(clean_name("Xã An Hòa"), "Xã An Hòa");
    }

    #[test]
    fn names_give_the_level_and_name_of_a_unit_to_add() {
        use crate::model::Level;
        let u = unit_from_name;
        let some = |n: &str, l: Level| Some((n.to_string(), l));
        assert_eq!(
            u("UBND phường An Thạnh"),
            some("Phường An Thạnh", Level::Commune)
        );
        assert_eq!(
            u("Ủy ban nhân dân xã An Hoà"),
            some("Xã An Hoà", Level::Commune)
        );
        assert_eq!(u("P. Tân Định"), some("Phường Tân Định", Level::Commune));
        assert_eq!(u("Phường 1"), some("Phường 1", Level::Commune));
        assert_eq!(
            u("thị trấn Long Sơn"),
            some("Thị trấn Long Sơn", Level::Commune)
        );
        assert_eq!(
            u("TX. Thuận Đức"),
            some("Thị xã Thuận Đức", Level::District)
        );
        assert_eq!(u("UBND thị xã Thử"), some("Thị xã Thử", Level::District));
        assert_eq!(u("Quận 3"), some("Quận 3", Level::District));
        assert_eq!(
            u("Huyện Châu Thành"),
            some("Huyện Châu Thành", Level::District)
        );
        assert_eq!(
            u("TP Thủ Dầu Một"),
            some("Thành phố Thủ Dầu Một", Level::City)
        );
        assert_eq!(u("Tỉnh An Giang"), some("Tỉnh An Giang", Level::Province));
        assert_eq!(
            u("Trung tâm Phục vụ hành chính công tỉnh"),
            some("Trung tâm Phục vụ hành chính công tỉnh", Level::Center)
        );
        for none in ["Hộ tịch", "Sở Tư pháp", "H Mông", "Phường", "an-thanh", ""] {
            assert_eq!(u(none), None, "{none}");
        }
    }

    #[test]
    fn names_of_two_levels_are_two_units() {
        use crate::model::Level;
        let mut units = BTreeMap::new();
        let id = UnitId("an-hoa".into());
        units.insert(
            id.clone(),
            Unit {
                id: id.clone(),
                name: "Phường An Hòa".into(),
                short: None,
                parent: None,
                level: Level::Commune,
                since: None,
                until: None,
                merged_from: Vec::new(),
            },
        );
        let index = UnitIndex::new(&units);
        assert_eq!(index.find("An Hòa"), Ok(Some(id.clone())));
        assert_eq!(index.find("P. An Hòa"), Ok(Some(id.clone())));
        assert_eq!(index.find("UBND phường An Hoà"), Ok(Some(id)));
        assert_eq!(index.find("Xã An Hòa"), Ok(None));
    }

    /// Across a reorganisation two units may share a name: the form's
    /// period decides, and a name of a unit of another time is no match.
    #[test]
    fn a_name_is_matched_among_the_units_of_the_period() {
        use crate::model::Level;
        let unit = |id: &str, name: &str, since: Option<&str>, until: Option<&str>| Unit {
            id: UnitId(id.into()),
            name: name.into(),
            short: None,
            parent: None,
            level: Level::Commune,
            since: since.and_then(Date::parse),
            until: until.and_then(Date::parse),
            merged_from: Vec::new(),
        };
        let units: BTreeMap<UnitId, Unit> = [
            unit("an-lac-cu", "Phường An Lạc", None, Some("2025-06-30")),
            unit("an-lac", "Phường An Lạc", Some("2025-07-01"), None),
            unit("binh-tri", "Xã Bình Trị", None, Some("2025-06-30")),
        ]
        .into_iter()
        .map(|u| (u.id.clone(), u))
        .collect();
        let index = UnitIndex::new(&units);
        let p = |s: &str| Period::parse(s).unwrap();
        let id = |s: &str| UnitId(s.into());
        assert_eq!(
            index.find_in("Phường An Lạc", Some(&p("2026-H1"))),
            Ok(Some(id("an-lac")))
        );
        assert_eq!(
            index.find_in("UBND phường An Lạc", Some(&p("2024"))),
            Ok(Some(id("an-lac-cu")))
        );
        assert_eq!(
            index.find_in("An Lạc", Some(&p("2025-Q3"))),
            Ok(Some(id("an-lac")))
        );
        // Neither existed all of 2025.
        assert_eq!(
            index.find_in("Phường An Lạc", Some(&p("2025"))),
            Err(Miss::NotThen(vec![id("an-lac"), id("an-lac-cu")]))
        );
        // Dissolved before the period, by name or by id: never a new unit.
        assert_eq!(
            index.find_in("Xã Bình Trị", Some(&p("2026-H1"))),
            Err(Miss::NotThen(vec![id("binh-tri")]))
        );
        assert_eq!(
            index.find_in("binh-tri", Some(&p("2026-H1"))),
            Err(Miss::NotThen(vec![id("binh-tri")]))
        );
        // Without a period, both fit.
        assert_eq!(
            index.find("Phường An Lạc"),
            Err(vec![id("an-lac"), id("an-lac-cu")])
        );
        assert_eq!(index.find_in("Xã Khác", Some(&p("2026"))), Ok(None));
    }

    #[test]
    fn header_paths_classify() {
        let cat = Catalogue::builtin();
        let role = |path: &[&str]| {
            let path: Vec<String> = path.iter().map(|s| s.to_string()).collect();
            match classify(&path, &cat) {
                Role::Metric(k, ..) => k.to_string(),
                Role::ReceivedTotal => "total".into(),
                Role::Ignored(_) => "ignored".into(),
                other => format!("{other:?}"),
            }
        };
        let rec = "Số hồ sơ nhận giải quyết";
        assert_eq!(role(&[rec, "Trong kỳ", "Trực tuyến"]), "received_online");
        assert_eq!(
            role(&[rec, "Trong kỳ", "Trực tiếp, dịch vụ bưu chính"]),
            "received_direct"
        );
        assert_eq!(
            role(&[rec, "Trong kỳ", "Dịch vụ bưu chính"]),
            "received_postal"
        );
        assert_eq!(role(&[rec, "Từ kỳ trước"]), "carried_over");
        assert_eq!(role(&[rec, "Tổng số"]), "total");
        assert_eq!(
            role(&["Số lượng hồ sơ đã giải quyết", "Tổng số"]),
            "resolved"
        );
        assert_eq!(
            role(&["Số lượng hồ sơ đã giải quyết", "Quá hạn"]),
            "resolved_late"
        );
        assert_eq!(
            role(&["Số lượng hồ sơ đang giải quyết", "Quá hạn"]),
            "pending_overdue"
        );
        assert_eq!(
            role(&["Số lượng hồ sơ đang giải quyết", "Trong hạn"]),
            "ignored"
        );
        assert_eq!(role(&["Tồn kỳ trước"]), "carried_over");
        assert_eq!(
            role(&["Trực tuyến toàn trình + một phần"]),
            "received_online"
        );
        assert_eq!(role(&["Chưa đến hạn"]), "ignored");
        assert_eq!(role(&["Ghi chú"]), "ignored");
    }
}
