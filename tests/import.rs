//! `baocao import`: spreadsheets, including the one-stop report form
//! II.06a/VPCP/KSTT with its merged three-level header, → YAML data files
//! that `baocao build` reads.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{check_snapshot, stable};

use baocao::diagnostic::Diagnostic;
use baocao::import::{ImportOptions, ImportReport, run};
use baocao::messages::Lang;
use rust_xlsxwriter::{Format, Workbook, Worksheet};
use serde::Deserialize;

const SITE_YAML: &str = r#"title: "Cổng thông tin thị xã Thử"
base_url: "https://thu.example.gov.vn/"
owner:
  name: "Ủy ban nhân dân thị xã Thử"
units:
  - { id: thi-xa-thu, name: "Thị xã Thử", level: district }
  - { id: an-thanh, name: "Phường An Thạnh", short: "P. An Thạnh", parent: thi-xa-thu, level: commune }
  - { id: an-hoa, name: "Xã An Hòa", parent: thi-xa-thu, level: commune }
  - { id: long-son, name: "Thị trấn Long Sơn", parent: thi-xa-thu, level: commune }
"#;

/// A small site in a temporary folder.
struct Site {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

impl Site {
    fn new() -> Site {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("content/data")).unwrap();
        std::fs::write(root.join("content/site.yaml"), SITE_YAML).unwrap();
        Site { _dir: dir, root }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn data(&self) -> PathBuf {
        self.path("content/data")
    }

    fn options(&self, file: &Path) -> ImportOptions {
        ImportOptions {
            root: self.root.clone(),
            file: file.to_path_buf(),
            sheet: None,
            out: self.data(),
            force: false,
            no_new_units: false,
        }
    }

    fn import(&self, file: &Path) -> ImportReport {
        match run(&self.options(file)) {
            Ok(r) => r,
            Err(d) => panic!("import failed:\n{}", render(&d)),
        }
    }

    fn import_err(&self, opts: &ImportOptions) -> Vec<Diagnostic> {
        match run(opts) {
            Ok(r) => panic!("import succeeded: {:#?}", r.log),
            Err(d) => d,
        }
    }

    fn records(&self, file: &str) -> Vec<Record> {
        let text = std::fs::read_to_string(self.data().join(file)).unwrap();
        yaml_serde::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"))
    }

    fn builds(&self) {
        let opts = baocao::BuildOptions {
            root: self.root.clone(),
            output: Some(self.root.join("output")),
            base_url: None,
            drafts: false,
            strict: false,
            year: None,
        };
        if let Err(d) = baocao::build(&opts) {
            panic!("build failed:\n{}", render(&d));
        }
        assert!(self.root.join("output/index.html").is_file());
    }
}

fn render(diags: &[Diagnostic]) -> String {
    baocao::diagnostic::render_all(diags, baocao::messages::Lang::En)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    unit: String,
    period: String,
    source: String,
    metrics: BTreeMap<String, f64>,
}

fn record<'a>(records: &'a [Record], unit: &str) -> &'a Record {
    records
        .iter()
        .find(|r| r.unit == unit)
        .unwrap_or_else(|| panic!("no record for {unit}: {records:#?}"))
}

fn logged(report: &ImportReport, needle: &str) {
    assert!(
        report.log_text(Lang::En).iter().any(|l| l.contains(needle)),
        "no log line contains {needle:?}:\n{}",
        report.log_text(Lang::En).join("\n")
    );
}

fn warned<'a>(diags: &'a [Diagnostic], needle: &str) -> &'a Diagnostic {
    diags
        .iter()
        .find(|d| d.text(Lang::En).contains(needle))
        .unwrap_or_else(|| panic!("no diagnostic contains {needle:?}:\n{}", render(diags)))
}

// ---------------------------------------------------------------------------
// Building form II.06a workbooks.

/// How the form's received-in-period columns are laid out.
#[derive(Clone, Copy, PartialEq)]
enum Postal {
    /// "Trực tuyến" | "Trực tiếp, dịch vụ bưu chính"
    Merged,
    /// "Trực tuyến" | "Trực tiếp" | "Dịch vụ bưu chính"
    Split,
}

enum Row<'a> {
    /// A heading without figures: "Xã, phường, thị trấn".
    Group(&'a str, &'a str),
    /// STT, name, figures in column order.
    Unit(&'a str, &'a str, &'a [f64]),
    Total(&'a [f64]),
    /// Text in one column: notes and signatures.
    Text(u16, &'a str),
}

const TITLE_Q3: &[&str] = &[
    "Biểu số II.06a/VPCP/KSTT",
    "Ban hành theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020",
    "Đơn vị báo cáo: UBND thị xã Thử",
    "Kỳ báo cáo: Quý III năm 2023",
    "(Từ ngày 15/6/2023 đến ngày 14/9/2023)",
    "Đơn vị tính: Số hồ sơ TTHC",
];

/// Writes the form with a merged three-level header, like the one-stop
/// systems' export.
fn form(path: &Path, titles: &[&str], postal: Postal, rows: &[Row<'_>]) {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Biểu II.06a").unwrap();
    let f = Format::new();
    let last_col: u16 = if postal == Postal::Merged { 12 } else { 13 };
    for (i, t) in titles.iter().enumerate() {
        ws.merge_range(i as u32, 0, i as u32, last_col, t, &f)
            .unwrap();
    }
    let h = titles.len() as u32 + 1;
    ws.merge_range(h, 0, h + 2, 0, "STT", &f).unwrap();
    ws.merge_range(
        h,
        1,
        h + 2,
        1,
        "Lĩnh vực, công việc giải quyết theo cấp",
        &f,
    )
    .unwrap();
    let in_period = if postal == Postal::Merged { 2 } else { 3 };
    let prev = 3 + in_period;
    ws.merge_range(h, 2, h, prev, "Số hồ sơ nhận giải quyết", &f)
        .unwrap();
    ws.merge_range(h + 1, 2, h + 2, 2, "Tổng số", &f).unwrap();
    ws.merge_range(h + 1, 3, h + 1, 2 + in_period, "Trong kỳ", &f)
        .unwrap();
    ws.write(h + 2, 3, "Trực tuyến").unwrap();
    if postal == Postal::Merged {
        ws.write(h + 2, 4, "Trực tiếp, dịch vụ bưu chính").unwrap();
    } else {
        ws.write(h + 2, 4, "Trực tiếp").unwrap();
        ws.write(h + 2, 5, "Dịch vụ bưu chính").unwrap();
    }
    ws.merge_range(h + 1, prev, h + 2, prev, "Từ kỳ trước", &f)
        .unwrap();
    let res = prev + 1;
    ws.merge_range(h, res, h, res + 3, "Số lượng hồ sơ đã giải quyết", &f)
        .unwrap();
    for (i, leaf) in ["Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn"]
        .iter()
        .enumerate()
    {
        let c = res + i as u16;
        ws.merge_range(h + 1, c, h + 2, c, leaf, &f).unwrap();
    }
    let pen = res + 4;
    ws.merge_range(h, pen, h, pen + 2, "Số lượng hồ sơ đang giải quyết", &f)
        .unwrap();
    for (i, leaf) in ["Tổng số", "Trong hạn", "Quá hạn"].iter().enumerate() {
        let c = pen + i as u16;
        ws.merge_range(h + 1, c, h + 2, c, leaf, &f).unwrap();
    }
    for c in 0..=last_col {
        ws.write(h + 3, c, format!("({})", c + 1)).unwrap();
    }
    write_rows(ws, h + 4, rows);
    book.save(path).unwrap();
}

fn write_rows(ws: &mut Worksheet, first: u32, rows: &[Row<'_>]) {
    for (i, row) in rows.iter().enumerate() {
        let r = first + i as u32;
        match row {
            Row::Group(stt, name) => {
                ws.write(r, 0, *stt).unwrap();
                ws.write(r, 1, *name).unwrap();
            }
            Row::Unit(stt, name, figures) => {
                ws.write(r, 0, *stt).unwrap();
                ws.write(r, 1, *name).unwrap();
                for (j, v) in figures.iter().enumerate() {
                    ws.write(r, 2 + j as u16, *v).unwrap();
                }
            }
            Row::Total(figures) => {
                ws.merge_range(r, 0, r, 1, "Tổng cộng", &Format::new())
                    .unwrap();
                for (j, v) in figures.iter().enumerate() {
                    ws.write(r, 2 + j as u16, *v).unwrap();
                }
            }
            Row::Text(c, t) => {
                ws.write(r, *c, *t).unwrap();
            }
        }
    }
}

// Figures in column order (merged): received total (incl. carried over),
// online, direct + postal, carried over, resolved, early, on time, late,
// pending, within deadline, overdue.
const AN_THANH: &[f64] = &[
    210.0, 120.0, 80.0, 10.0, 190.0, 100.0, 85.0, 5.0, 20.0, 18.0, 2.0,
];
const AN_HOA: &[f64] = &[85.0, 50.0, 30.0, 5.0, 80.0, 60.0, 18.0, 2.0, 5.0, 4.0, 1.0];
const PHUONG_MOI: &[f64] = &[15.0, 10.0, 5.0, 0.0, 15.0, 10.0, 5.0, 0.0, 0.0, 0.0, 0.0];
/// The sums, except resolved: 290 where the rows add up to 285.
const TOTAL_WRONG: &[f64] = &[
    310.0, 180.0, 115.0, 15.0, 290.0, 170.0, 108.0, 7.0, 25.0, 22.0, 3.0,
];

fn q3_rows() -> Vec<Row<'static>> {
    vec![
        Row::Group("I", "Xã, phường, thị trấn"),
        Row::Unit("1", "UBND phường An Thạnh", AN_THANH),
        Row::Unit("2", "Ủy ban nhân dân xã An Hoà", AN_HOA),
        Row::Unit("3", "UBND phường Mới", PHUONG_MOI),
        Row::Total(TOTAL_WRONG),
        Row::Text(
            1,
            "Ghi chú: số liệu trích xuất từ Hệ thống thông tin giải quyết TTHC tỉnh.",
        ),
        Row::Text(9, "Thị xã Thử, ngày 20 tháng 9 năm 2023"),
        Row::Text(1, "Người lập biểu"),
        Row::Text(9, "Thủ trưởng đơn vị"),
        // Below the signatures: never data, though it looks like a unit row.
        Row::Unit("", "Thị trấn Long Sơn", AN_HOA),
    ]
}

#[test]
fn form_ii06a_with_merged_header_becomes_one_record_per_unit() {
    let site = Site::new();
    let file = site.path("bieu-ii06a.xlsx");
    form(&file, TITLE_Q3, Postal::Merged, &q3_rows());
    let report = site.import(&file);

    // Which column became which metric, by its whole header path.
    logged(
        &report,
        "\"Số hồ sơ nhận giải quyết / Trong kỳ / Trực tuyến\" → received_online",
    );
    logged(
        &report,
        "\"Số hồ sơ nhận giải quyết / Trong kỳ / Trực tiếp, dịch vụ bưu chính\" → received_direct",
    );
    logged(
        &report,
        "\"Số hồ sơ nhận giải quyết / Từ kỳ trước\" → carried_over",
    );
    logged(
        &report,
        "\"Số lượng hồ sơ đã giải quyết / Tổng số\" → resolved",
    );
    logged(
        &report,
        "\"Số lượng hồ sơ đã giải quyết / Trước hạn\" → resolved_early",
    );
    logged(
        &report,
        "\"Số lượng hồ sơ đã giải quyết / Đúng hạn\" → resolved_on_time",
    );
    logged(
        &report,
        "\"Số lượng hồ sơ đã giải quyết / Quá hạn\" → resolved_late",
    );
    logged(
        &report,
        "\"Số lượng hồ sơ đang giải quyết / Tổng số\" → pending",
    );
    logged(
        &report,
        "\"Số lượng hồ sơ đang giải quyết / Quá hạn\" → pending_overdue",
    );
    logged(
        &report,
        "\"Số lượng hồ sơ đang giải quyết / Trong hạn\" ignored",
    );
    logged(
        &report,
        "\"Số hồ sơ nhận giải quyết / Tổng số\" ignored: it includes the dossiers carried over",
    );
    logged(&report, "\"STT\" ignored");
    logged(
        &report,
        "received = received_online (D) + received_direct (E)",
    );
    logged(
        &report,
        "the merged column \"Trực tiếp, dịch vụ bưu chính\" was imported as received_direct and includes postal dossiers",
    );
    // Which rows became which unit, and which were not units.
    logged(&report, "\"UBND phường An Thạnh\" → an-thanh");
    logged(&report, "\"Ủy ban nhân dân xã An Hoà\" → an-hoa");
    logged(&report, "\"UBND phường Mới\" → phuong-moi (a new unit)");
    logged(
        &report,
        "\"Xã, phường, thị trấn\": a group row without figures",
    );
    logged(&report, "\"Tổng cộng\": the total row");
    logged(&report, "period 2023-Q3");

    assert_eq!(report.written, vec![site.data().join("2023-Q3.yaml")]);
    logged(&report, "2023-Q3.yaml (3 records)");
    let records = site.records("2023-Q3.yaml");
    assert_eq!(records.len(), 3, "{records:#?}");
    let an_thanh = record(&records, "an-thanh");
    assert_eq!(an_thanh.period, "2023-Q3");
    // The source as the form states it, in its words.
    assert_eq!(
        an_thanh.source,
        "Biểu số II.06a/VPCP/KSTT, UBND thị xã Thử, kỳ báo cáo Quý III năm 2023 (15/6/2023 – 14/9/2023)"
    );
    let expected: BTreeMap<String, f64> = [
        // In-period only: 120 + 80, not the form's 210 that includes the 10 carried over.
        ("received", 200.0),
        ("received_online", 120.0),
        ("received_direct", 80.0),
        ("carried_over", 10.0),
        ("resolved", 190.0),
        ("resolved_early", 100.0),
        ("resolved_on_time", 85.0),
        ("resolved_late", 5.0),
        ("pending", 20.0),
        ("pending_overdue", 2.0),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), *v))
    .collect();
    assert_eq!(an_thanh.metrics, expected);
    assert_eq!(record(&records, "an-hoa").metrics["received"], 80.0);
    assert!(
        records
            .iter()
            .all(|r| !r.metrics.contains_key("received_postal")),
        "a merged direct + postal column never invents received_postal"
    );
    assert!(
        records.iter().all(|r| r.unit != "long-son"),
        "rows below the notes and signatures are not data"
    );

    // Written as the catalogue orders metrics, integers without `.0`.
    let text = std::fs::read_to_string(site.data().join("2023-Q3.yaml")).unwrap();
    assert!(
        text.contains("- unit: an-thanh\n  period: \"2023-Q3\"\n  source: \"Biểu số II.06a/VPCP/KSTT, UBND thị xã Thử, kỳ báo cáo Quý III năm 2023 (15/6/2023 – 14/9/2023)\"\n  metrics:\n    received: 200\n    received_online: 120\n    received_direct: 80\n    carried_over: 10\n    resolved: 190\n"),
        "{text}"
    );
    assert!(!text.contains(".0\n"), "{text}");

    // The total row is checked, not imported.
    let total = warned(
        &report.warnings,
        "the total row gives 290 for \"Số lượng hồ sơ đã giải quyết / Tổng số\" (resolved) but the unit rows add up to 285",
    );
    assert!(!total.is_error());
    assert_eq!(total.path.as_deref(), Some(file.as_path()));
    assert!(
        total
            .text(Lang::En)
            .contains("sheet `Biểu II.06a`, cell G16"),
        "{}",
        total.text(Lang::En)
    );
    assert_eq!(
        report
            .warnings
            .iter()
            .filter(|d| d.text(Lang::En).contains("the total row"))
            .count(),
        1,
        "only the wrong column: {}",
        render(&report.warnings)
    );

    // A unit missing from site.yaml is added to it, under the reporting unit.
    assert_eq!(report.added.len(), 1, "{:#?}", report.added);
    assert_eq!(report.added[0].id.0, "phuong-moi");
    assert_eq!(report.added[0].name, "Phường Mới");
    assert_eq!(
        report.added[0].parent.as_ref().map(|p| p.0.as_str()),
        Some("thi-xa-thu")
    );
    logged(
        &report,
        "added to content/site.yaml: phuong-moi \"Phường Mới\" (commune, under thi-xa-thu)",
    );
    assert_eq!(record(&records, "phuong-moi").metrics["received"], 15.0);
    let site_yaml = std::fs::read_to_string(site.path("content/site.yaml")).unwrap();
    assert_eq!(
        site_yaml,
        format!(
            "{SITE_YAML}  - {{ id: phuong-moi, name: \"Phường Mới\", parent: thi-xa-thu, level: commune }}\n"
        )
    );
    assert!(
        !report
            .warnings
            .iter()
            .any(|d| d.text(Lang::En).contains("is not a unit")),
        "{}",
        render(&report.warnings)
    );
    site.builds();
}

#[test]
fn with_no_new_units_a_missing_unit_is_reported_not_added() {
    let site = Site::new();
    let file = site.path("bieu-ii06a.xlsx");
    form(&file, TITLE_Q3, Postal::Merged, &q3_rows());
    let mut opts = site.options(&file);
    opts.no_new_units = true;
    let report = run(&opts).unwrap_or_else(|d| panic!("{}", render(&d)));
    assert!(report.added.is_empty());
    assert_eq!(
        std::fs::read_to_string(site.path("content/site.yaml")).unwrap(),
        SITE_YAML
    );
    assert_eq!(site.records("2023-Q3.yaml").len(), 2);
    // Reported with an entry to declare it with.
    let unknown = warned(
        &report.warnings,
        "\"UBND phường Mới\" is not a unit of content/site.yaml",
    );
    let hint = unknown.hint_text(Lang::En).unwrap();
    assert!(hint.contains("id: phuong-moi"), "{hint}");
    assert!(
        hint.contains("name: \"Phường Mới\", level: commune"),
        "{hint}"
    );
    logged(
        &report,
        "\"UBND phường Mới\": not a unit of site.yaml, skipped (suggested id: phuong-moi)",
    );
    site.builds();
}

#[test]
fn split_direct_and_postal_columns_and_a_half_year() {
    let site = Site::new();
    let file = site.path("6-thang.xlsx");
    let titles = [
        "Biểu số II.06a/VPCP/KSTT",
        "Kỳ báo cáo: 6 tháng đầu năm 2023",
        "(Từ ngày 15/12/2022 đến ngày 14/6/2023)",
    ];
    // Received total, online, direct, postal, carried over, resolved,
    // early, on time, late, pending, within deadline, overdue.
    let long_son = [
        47.0, 20.0, 15.0, 5.0, 7.0, 45.0, 30.0, 14.0, 1.0, 2.0, 2.0, 0.0,
    ];
    let an_thanh = [
        33.0, 10.0, 12.0, 8.0, 3.0, 30.0, 20.0, 10.0, 0.0, 3.0, 1.0, 2.0,
    ];
    let total = [
        80.0, 30.0, 27.0, 13.0, 10.0, 75.0, 50.0, 24.0, 1.0, 5.0, 3.0, 2.0,
    ];
    form(
        &file,
        &titles,
        Postal::Split,
        &[
            Row::Total(&total),
            Row::Unit("1", "Thị trấn Long Sơn", &long_son),
            Row::Unit("2", "P. An Thạnh", &an_thanh),
        ],
    );
    let report = site.import(&file);
    logged(
        &report,
        "\"Số hồ sơ nhận giải quyết / Trong kỳ / Trực tiếp\" → received_direct",
    );
    logged(
        &report,
        "\"Số hồ sơ nhận giải quyết / Trong kỳ / Dịch vụ bưu chính\" → received_postal",
    );
    logged(&report, "period 2023-H1");
    logged(
        &report,
        "the total row 9 agrees with the sum of the unit rows",
    );
    assert!(
        !report
            .log_text(Lang::En)
            .iter()
            .any(|l| l.contains("includes postal")),
        "{:#?}",
        report.log
    );
    assert!(report.warnings.is_empty(), "{}", render(&report.warnings));
    let records = site.records("2023-H1.yaml");
    let long_son = record(&records, "long-son");
    assert_eq!(long_son.period, "2023-H1");
    assert_eq!(
        long_son.metrics["received"], 40.0,
        "online + direct + postal"
    );
    assert_eq!(long_son.metrics["received_direct"], 15.0);
    assert_eq!(long_son.metrics["received_postal"], 5.0);
    assert_eq!(long_son.metrics["carried_over"], 7.0);
    assert_eq!(record(&records, "an-thanh").metrics["pending_overdue"], 2.0);
    site.builds();
}

#[test]
fn the_period_comes_from_the_report_lines() {
    let site = Site::new();
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &[
                "Kỳ báo cáo: Năm 2023",
                "(Từ ngày 15/12/2022 đến ngày 14/12/2023)",
            ],
            "2023.yaml",
            "2023",
        ),
        (
            &[
                "Kỳ báo cáo: 9 tháng năm 2022",
                "(Từ ngày 15/12/2021 đến ngày 14/9/2022)",
            ],
            "2022-9M.yaml",
            "2022-9M",
        ),
        (
            &[
                "Kỳ báo cáo: Tháng 10 năm 2023",
                "Từ ngày 15/9/2023 đến ngày 14/10/2023",
            ],
            "2023-10.yaml",
            "2023-10",
        ),
        (&["Kỳ báo cáo: Quý II năm 2023"], "2023-Q2.yaml", "2023-Q2"),
        (
            &["Kỳ báo cáo:", "(Từ ngày 01/7/2022 đến ngày 30/9/2022)"],
            "2022-Q3.yaml",
            "2022-Q3",
        ),
        (
            &["Kỳ báo cáo: 6 tháng đầu năm 2021"],
            "2021-H1.yaml",
            "2021-H1",
        ),
        (
            &["Kỳ báo cáo: từ ngày 01/01/2020 đến ngày 13/11/2020"],
            "2020-01-01_2020-11-13.yaml",
            "2020-01-01..2020-11-13",
        ),
    ];
    for (i, (titles, file_name, period)) in cases.iter().enumerate() {
        let file = site.path(&format!("ky-{i}.xlsx"));
        form(
            &file,
            titles,
            Postal::Merged,
            &[Row::Unit("1", "Phường An Thạnh", AN_THANH)],
        );
        let report = site.import(&file);
        assert_eq!(
            report.written,
            vec![site.data().join(file_name)],
            "{titles:?}"
        );
        assert_eq!(site.records(file_name)[0].period, *period);
    }
    site.builds();
}

#[test]
fn dates_that_disagree_with_the_named_period_win_with_a_warning() {
    let site = Site::new();
    let file = site.path("lech.xlsx");
    form(
        &file,
        &[
            "Kỳ báo cáo: Quý III năm 2023",
            "(Từ ngày 15/12/2022 đến ngày 14/9/2023)",
        ],
        Postal::Merged,
        &[Row::Unit("1", "Phường An Thạnh", AN_THANH)],
    );
    let report = site.import(&file);
    assert_eq!(report.written, vec![site.data().join("2023-9M.yaml")]);
    warned(
        &report.warnings,
        "names the period 2023-Q3 but the dates give 2023-9M",
    );
}

#[test]
fn existing_files_are_overwritten_only_with_force() {
    let site = Site::new();
    let file = site.path("bieu.xlsx");
    form(
        &file,
        TITLE_Q3,
        Postal::Merged,
        &[Row::Unit("1", "Phường An Thạnh", AN_THANH)],
    );
    site.import(&file);
    let target = site.data().join("2023-Q3.yaml");
    std::fs::write(&target, "# edited by hand\n").unwrap();

    let diags = site.import_err(&site.options(&file));
    let refused = warned(&diags, "2023-Q3.yaml exists");
    assert!(refused.is_error());
    assert_eq!(refused.path.as_deref(), Some(target.as_path()));
    assert!(refused.hint_text(Lang::En).unwrap().contains("--force"));
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "# edited by hand\n"
    );

    let mut opts = site.options(&file);
    opts.force = true;
    let report = run(&opts).unwrap_or_else(|d| panic!("{}", render(&d)));
    assert_eq!(report.written, vec![target.clone()]);
    assert_eq!(site.records("2023-Q3.yaml")[0].unit, "an-thanh");
}

/// A link in --out is never written through, with or without --force:
/// the file it points to, inside or outside the site, is left alone.
#[cfg(unix)]
#[test]
fn links_in_the_output_folder_are_not_written_through() {
    let site = Site::new();
    let file = site.path("bieu.xlsx");
    form(
        &file,
        TITLE_Q3,
        Postal::Merged,
        &[Row::Unit("1", "Phường An Thạnh", AN_THANH)],
    );
    let elsewhere = site.path("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let target = site.data().join("2023-Q3.yaml");
    // A dangling link, then a link to a file that exists.
    let dangling = elsewhere.join("x.yaml");
    std::os::unix::fs::symlink(&dangling, &target).unwrap();
    for force in [false, true] {
        let mut opts = site.options(&file);
        opts.force = force;
        let diags = site.import_err(&opts);
        let refused = warned(&diags, "is a symbolic link");
        assert!(refused.is_error());
        assert_eq!(refused.path.as_deref(), Some(target.as_path()));
        assert!(!dangling.exists(), "force {force}: wrote through the link");
    }
    std::fs::remove_file(&target).unwrap();
    let kept = elsewhere.join("kept.yaml");
    std::fs::write(&kept, "# not the site's\n").unwrap();
    std::os::unix::fs::symlink(&kept, &target).unwrap();
    for force in [false, true] {
        let mut opts = site.options(&file);
        opts.force = force;
        let diags = site.import_err(&opts);
        assert!(warned(&diags, "is a symbolic link").is_error());
        assert_eq!(
            std::fs::read_to_string(&kept).unwrap(),
            "# not the site's\n"
        );
    }
    assert!(
        std::fs::symlink_metadata(&target)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

/// `import` bounds figures as `build` does: a figure no report holds is an
/// error, not a line of YAML.
#[test]
fn figures_no_report_holds_are_not_imported() {
    let site = Site::new();
    let check = |file: &Path, what: &str| {
        let diags = site.import_err(&site.options(file));
        let d = warned(&diags, "more than any report holds");
        assert!(d.is_error(), "{what}: {}", render(&diags));
        assert!(!site.data().join("2023-Q3.yaml").exists(), "{what}");
    };
    let file = site.path("lon.csv");
    std::fs::write(
        &file,
        "Đơn vị,Kỳ báo cáo,Tiếp nhận\nPhường An Thạnh,2023-Q3,\"12.000.000.000.000\"\n",
    )
    .unwrap();
    check(&file, "12.000.000.000.000");
    for (i, figure) in [1e16, 1e300].into_iter().enumerate() {
        let file = site.path(&format!("lon-{i}.xlsx"));
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet();
        for (c, h) in ["Đơn vị", "Kỳ báo cáo", "Tiếp nhận"].iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        ws.write_string(1, 0, "Phường An Thạnh").unwrap();
        ws.write_string(1, 1, "2023-Q3").unwrap();
        ws.write_number(1, 2, figure).unwrap();
        book.save(&file).unwrap();
        check(&file, &figure.to_string());
    }
}

#[test]
fn a_plain_csv_with_several_periods_gives_one_file_per_period() {
    let site = Site::new();
    let file = site.path("bang.csv");
    std::fs::write(
        &file,
        "Đơn vị,Kỳ báo cáo,Tiếp nhận trực tuyến,Tiếp nhận trực tiếp,Đã giải quyết,Tỷ lệ hài lòng,Ghi chú,Nguồn\n\
         Phường An Thạnh,2023-Q1,\"1.250\",300,1500,\"98,5\",đủ,\n\
         an-hoa,2023-Q1,40,60,100,,,Báo cáo số 12/BC-UBND\n\
         Xã An Hòa,Quý II/2023,45,55,98,99,,\n",
    )
    .unwrap();
    let report = site.import(&file);
    logged(&report, "\"Tiếp nhận trực tuyến\" → received_online");
    logged(&report, "\"Tiếp nhận trực tiếp\" → received_direct");
    logged(&report, "\"Tỷ lệ hài lòng\" → satisfaction");
    logged(&report, "\"Ghi chú\" ignored");
    logged(&report, "\"Đơn vị\" → the unit of each row");
    logged(&report, "\"Kỳ báo cáo\" → the period of each row");
    assert_eq!(
        report.written,
        vec![
            site.data().join("2023-Q1.yaml"),
            site.data().join("2023-Q2.yaml")
        ]
    );
    let q1 = site.records("2023-Q1.yaml");
    assert_eq!(q1.len(), 2);
    let an_thanh = record(&q1, "an-thanh");
    assert_eq!(an_thanh.source, "Tệp bang.csv");
    assert_eq!(an_thanh.metrics["received_online"], 1250.0);
    assert_eq!(an_thanh.metrics["satisfaction"], 98.5);
    assert!(
        !an_thanh.metrics.contains_key("received"),
        "a plain table's figures are written as given"
    );
    assert_eq!(
        record(&q1, "an-hoa").metrics.len(),
        3,
        "an empty cell is absent"
    );
    assert_eq!(record(&q1, "an-hoa").source, "Báo cáo số 12/BC-UBND");
    assert_eq!(site.records("2023-Q2.yaml")[0].metrics["resolved"], 98.0);
    assert!(report.warnings.is_empty(), "{}", render(&report.warnings));
    site.builds();
}

#[test]
fn older_header_wordings_without_merged_cells() {
    let site = Site::new();
    let file = site.path("mau-cu.xlsx");
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.write(0, 0, "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT TTHC").unwrap();
    ws.write(1, 0, "Kỳ báo cáo:").unwrap();
    ws.write(1, 1, "Quý IV năm 2022").unwrap();
    // Group labels over their first column only, as a CSV or an old export
    // without merge information has them.
    let top = [
        (0, "STT"),
        (1, "Tên đơn vị"),
        (2, "Tiếp nhận"),
        (6, "Đã giải quyết"),
        (9, "Đang giải quyết"),
    ];
    for (c, t) in top {
        ws.write(3, c, t).unwrap();
    }
    let leaves = [
        "Kỳ trước chuyển qua",
        "Trực tuyến toàn trình + một phần",
        "Trực tiếp",
        "BCCI",
        "Trả trước hạn",
        "Trả đúng thời hạn",
        "Trả quá hạn",
        "Chưa đến hạn",
        "Đã quá hạn",
    ];
    for (i, t) in leaves.iter().enumerate() {
        ws.write(4, 2 + i as u16, *t).unwrap();
    }
    write_rows(
        ws,
        5,
        &[
            Row::Unit(
                "1",
                "Phường An Thạnh",
                &[4.0, 60.0, 30.0, 6.0, 70.0, 20.0, 3.0, 6.0, 1.0],
            ),
            Row::Unit(
                "2",
                "UBND Thị trấn Long Sơn",
                &[0.0, 10.0, 5.0, 0.0, 9.0, 5.0, 0.0, 1.0, 0.0],
            ),
        ],
    );
    book.save(&file).unwrap();

    let report = site.import(&file);
    logged(
        &report,
        "\"Tiếp nhận / Kỳ trước chuyển qua\" → carried_over",
    );
    logged(
        &report,
        "\"Tiếp nhận / Trực tuyến toàn trình + một phần\" → received_online",
    );
    logged(&report, "\"Tiếp nhận / Trực tiếp\" → received_direct");
    logged(&report, "\"Tiếp nhận / BCCI\" → received_postal");
    logged(
        &report,
        "\"Đã giải quyết / Trả trước hạn\" → resolved_early",
    );
    logged(
        &report,
        "\"Đã giải quyết / Trả đúng thời hạn\" → resolved_on_time",
    );
    logged(&report, "\"Đã giải quyết / Trả quá hạn\" → resolved_late");
    logged(&report, "\"Đang giải quyết / Chưa đến hạn\" ignored");
    logged(
        &report,
        "\"Đang giải quyết / Đã quá hạn\" → pending_overdue",
    );
    logged(&report, "period 2022-Q4");
    let records = site.records("2022-Q4.yaml");
    let an_thanh = record(&records, "an-thanh");
    assert_eq!(an_thanh.metrics["received"], 96.0);
    assert_eq!(an_thanh.metrics["received_postal"], 6.0);
    assert_eq!(an_thanh.metrics["resolved_on_time"], 20.0);
    assert_eq!(an_thanh.metrics["pending_overdue"], 1.0);
    assert_eq!(record(&records, "long-son").metrics["carried_over"], 0.0);

    // The single-row wordings, with the period above the table of a CSV.
    let csv = site.path("mau-cu.csv");
    std::fs::write(
        &csv,
        "Kỳ báo cáo: Năm 2022\n\
         Đơn vị;Tồn kỳ trước;Số mới tiếp nhận trực tuyến;Trực tiếp;Sớm;Đúng;Trễ hạn;Đã quá hạn\n\
         Xã An Hòa;3;40;20;30;25;2;1\n",
    )
    .unwrap();
    let report = site.import(&csv);
    logged(&report, "\"Tồn kỳ trước\" → carried_over");
    logged(&report, "\"Số mới tiếp nhận trực tuyến\" → received_online");
    logged(&report, "\"Sớm\" → resolved_early");
    logged(&report, "\"Đúng\" → resolved_on_time");
    logged(&report, "\"Trễ hạn\" → resolved_late");
    logged(&report, "\"Đã quá hạn\" → pending_overdue");
    let rec = &site.records("2022.yaml")[0];
    assert_eq!(rec.unit, "an-hoa");
    assert_eq!(rec.metrics["resolved_late"], 2.0);
    site.builds();
}

#[test]
fn a_units_own_report_imports_its_total_row() {
    // A commune's report lists fields of work, not units: the total row is
    // the unit named in "Đơn vị báo cáo".
    let site = Site::new();
    let file = site.path("an-thanh.xlsx");
    let titles = [
        "Biểu số II.06a/VPCP/KSTT",
        "Đơn vị báo cáo: UBND phường An Thạnh",
        "Kỳ báo cáo: Quý III năm 2023",
    ];
    form(
        &file,
        &titles,
        Postal::Merged,
        &[
            Row::Unit("1", "Hộ tịch", AN_HOA),
            Row::Unit("2", "Chứng thực", PHUONG_MOI),
            Row::Total(&[100.0, 60.0, 35.0, 5.0, 95.0, 70.0, 23.0, 2.0, 5.0, 4.0, 1.0]),
        ],
    );
    let report = site.import(&file);
    logged(
        &report,
        "imported for the reporting unit \"UBND phường An Thạnh\" → an-thanh",
    );
    let rec = &site.records("2023-Q3.yaml")[0];
    assert_eq!(rec.unit, "an-thanh");
    assert_eq!(rec.metrics["received"], 95.0);
    assert_eq!(rec.metrics["resolved"], 95.0);
    logged(&report, "row 9 \"Hộ tịch\": a field of work");

    // The same report from a commune site.yaml does not declare: the
    // commune is added, its fields of work are not.
    let site = Site::new();
    let file = site.path("an-phu.xlsx");
    let titles = [
        "Biểu số II.06a/VPCP/KSTT",
        "Đơn vị báo cáo: UBND xã An Phú",
        "Kỳ báo cáo: Quý III năm 2023",
    ];
    form(
        &file,
        &titles,
        Postal::Merged,
        &[
            Row::Unit("1", "Hộ tịch", AN_HOA),
            Row::Unit("2", "Chứng thực", PHUONG_MOI),
            Row::Total(&[100.0, 60.0, 35.0, 5.0, 95.0, 70.0, 23.0, 2.0, 5.0, 4.0, 1.0]),
        ],
    );
    let report = site.import(&file);
    let added: Vec<&str> = report.added.iter().map(|u| u.id.0.as_str()).collect();
    assert_eq!(added, ["xa-an-phu"]);
    assert!(report.added[0].parent.is_none());
    let rec = &site.records("2023-Q3.yaml")[0];
    assert_eq!(rec.unit, "xa-an-phu");
    assert_eq!(
        rec.source,
        "Biểu số II.06a/VPCP/KSTT, UBND xã An Phú, kỳ báo cáo Quý III năm 2023"
    );
    site.builds();
}

#[test]
fn errors_name_the_file_and_say_how_to_fix_it() {
    let site = Site::new();

    // A sheet that does not exist.
    let file = site.path("bieu.xlsx");
    form(
        &file,
        TITLE_Q3,
        Postal::Merged,
        &[Row::Unit("1", "Phường An Thạnh", AN_THANH)],
    );
    let mut opts = site.options(&file);
    opts.sheet = Some("Biểu II.06b".into());
    let diags = site.import_err(&opts);
    let d = warned(&diags, "has no sheet `Biểu II.06b`");
    assert_eq!(d.path.as_deref(), Some(file.as_path()));
    assert!(
        d.hint_text(Lang::En).unwrap().contains("`Biểu II.06a`"),
        "{d:?}"
    );
    // … and one that does, named loosely.
    opts.sheet = Some("biểu ii.06a".into());
    opts.out = site.path("elsewhere");
    run(&opts).unwrap_or_else(|d| panic!("{}", render(&d)));

    // Unreadable files.
    let missing = site.path("khong-co.xlsx");
    let d = &site.import_err(&site.options(&missing))[0];
    assert!(d.text(Lang::En).starts_with("cannot read"), "{d:?}");
    let fake = site.path("gia.xlsx");
    std::fs::write(&fake, "STT,Đơn vị\n").unwrap();
    warned(
        &site.import_err(&site.options(&fake)),
        "is not an Excel workbook",
    );
    let broken = site.path("hong.xlsx");
    std::fs::write(&broken, b"PK\x03\x04 not really a zip").unwrap();
    warned(&site.import_err(&site.options(&broken)), "cannot read");

    // No recognisable header.
    let notes = site.path("ghi-chu.xlsx");
    let mut book = Workbook::new();
    book.add_worksheet()
        .write(0, 0, "Ghi chú cuộc họp")
        .unwrap();
    book.save(&notes).unwrap();
    let diags = site.import_err(&site.options(&notes));
    let d = warned(&diags, "no recognisable header");
    assert!(d.text(Lang::En).contains("sheet `Sheet1`"), "{d:?}");
    assert!(d.hint.is_some());

    // No period.
    let no_period = site.path("khong-ky.xlsx");
    form(
        &no_period,
        &["Biểu số II.06a/VPCP/KSTT"],
        Postal::Merged,
        &[Row::Unit("1", "Phường An Thạnh", AN_THANH)],
    );
    let diags = site.import_err(&site.options(&no_period));
    let d = warned(&diags, "no period found");
    assert!(
        d.hint_text(Lang::En).unwrap().contains("Kỳ báo cáo"),
        "{d:?}"
    );
    assert_eq!(d.path.as_deref(), Some(no_period.as_path()));

    // No row names a unit of the site: an error, with the suggestions.
    let strangers = site.path("la.xlsx");
    form(
        &strangers,
        TITLE_Q3,
        Postal::Merged,
        &[Row::Unit("1", "Xã Vĩnh Tế", AN_THANH)],
    );
    let mut opts = site.options(&strangers);
    opts.no_new_units = true;
    let diags = site.import_err(&opts);
    assert!(warned(&diags, "no row of").is_error());
    assert!(
        warned(&diags, "\"Xã Vĩnh Tế\" is not a unit")
            .hint_text(Lang::En)
            .unwrap()
            .contains("id: xa-vinh-te")
    );
    // Names without a level word are never added: a field of work, a
    // department, a misspelt id.
    form(
        &strangers,
        TITLE_Q3,
        Postal::Merged,
        &[Row::Unit("1", "Hội Nông dân", AN_THANH)],
    );
    let diags = site.import_err(&site.options(&strangers));
    assert!(warned(&diags, "no row of").is_error());
    warned(&diags, "\"Hội Nông dân\" is not a unit");
    assert_eq!(
        std::fs::read_to_string(site.path("content/site.yaml")).unwrap(),
        SITE_YAML,
        "site.yaml is left alone when the import fails"
    );

    assert!(
        std::fs::read_dir(site.data()).unwrap().count() == 0,
        "nothing written on errors"
    );
}

#[test]
fn odd_inputs_never_panic() {
    let site = Site::new();
    let csvs = [
        "",
        "\n\n\n",
        "Đơn vị\n",
        "Đơn vị,Tiếp nhận\n",
        "Đơn vị,Tiếp nhận\nPhường An Thạnh\n",
        "Đơn vị,Kỳ báo cáo,Tiếp nhận\nPhường An Thạnh,2023-Q5,1\n",
        "Đơn vị,Kỳ báo cáo,Tiếp nhận\nPhường An Thạnh,2023,1e400\n",
        "Đơn vị,Kỳ báo cáo,Tiếp nhận\nPhường An Thạnh,2023,\"unterminated\n",
        "Kỳ báo cáo: từ 31/12/2023 đến 1/1/2023\nĐơn vị,Tiếp nhận\nPhường An Thạnh,1\n",
        "Kỳ báo cáo: ngày 99 tháng 99 năm 99999\nĐơn vị,Tiếp nhận\nPhường An Thạnh,1.5\n",
        "(1),(2),(3)\nĐơn vị,Đơn vị,Tiếp nhận,Tiếp nhận\nTổng cộng,,1,2\n",
        "Đơn vị,Kỳ báo cáo,Tiếp nhận\nPhường An Thạnh,2023,1\nPhường An Thạnh,2023,2\n",
        "Đơn vị,Kỳ báo cáo,Tiếp nhận\n,,5\nTổng cộng,2023,5\n",
    ];
    for (i, text) in csvs.iter().enumerate() {
        let file = site.path(&format!("odd-{i}.csv"));
        std::fs::write(&file, text).unwrap();
        let mut opts = site.options(&file);
        opts.out = site.path(&format!("out-{i}"));
        let _ = run(&opts);
    }
    // A workbook of merged cells only, and one with the header at the bottom.
    let file = site.path("odd.xlsx");
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.merge_range(0, 0, 5, 5, "Đơn vị", &Format::new())
        .unwrap();
    let ws = book.add_worksheet();
    ws.write(100, 3, "Lĩnh vực, công việc giải quyết theo cấp")
        .unwrap();
    ws.write(100, 4, "Số hồ sơ nhận giải quyết").unwrap();
    ws.merge_range(99, 4, 101, 9, "Tổng số", &Format::new())
        .unwrap();
    book.save(&file).unwrap();
    let _ = run(&site.options(&file));
    // Not UTF-8.
    let file = site.path("latin1.csv");
    std::fs::write(&file, b"\xd0\xa1n v\xef\nx").unwrap();
    let diags = site.import_err(&site.options(&file));
    assert!(diags[0].text(Lang::En).contains("not UTF-8"), "{diags:?}");
}

#[test]
fn the_form_exported_as_csv() {
    // No merge information: group labels stand over their first column.
    let site = Site::new();
    let file = site.path("bieu.csv");
    std::fs::write(
        &file,
        "Biểu số II.06a/VPCP/KSTT;;;;;;;;;;;;\n\
         Kỳ báo cáo: Quý I năm 2024;;;;;;;;;;;;\n\
         (Từ ngày 15/12/2023 đến ngày 14/3/2024)\n\
         STT;Lĩnh vực, công việc giải quyết theo cấp;Số hồ sơ nhận giải quyết;;;;Số lượng hồ sơ đã giải quyết;;;;Số lượng hồ sơ đang giải quyết;;\n\
         ;;Tổng số;Trong kỳ;;Từ kỳ trước;Tổng số;Trước hạn;Đúng hạn;Quá hạn;Tổng số;Trong hạn;Quá hạn\n\
         ;;;Trực tuyến;Trực tiếp, dịch vụ bưu chính;;;;;;;;\n\
         (1);(2);(3);(4);(5);(6);(7);(8);(9);(10);(11);(12);(13)\n\
         1;Phường An Thạnh;\"1.210\";700;500;10;\"1.200\";900;290;10;10;9;1\n\
         ;Tổng cộng;\"1.210\";700;500;10;\"1.200\";900;290;10;10;9;1\n\
         ;Người lập biểu;;;;;;;;Thủ trưởng đơn vị;;;\n",
    )
    .unwrap();
    let report = site.import(&file);
    logged(
        &report,
        "header: row 4–6 (3 levels); column numbers on row 7",
    );
    logged(
        &report,
        "D \"Số hồ sơ nhận giải quyết / Trong kỳ / Trực tuyến\" → received_online",
    );
    logged(
        &report,
        "F \"Số hồ sơ nhận giải quyết / Từ kỳ trước\" → carried_over",
    );
    logged(
        &report,
        "M \"Số lượng hồ sơ đang giải quyết / Quá hạn\" → pending_overdue",
    );
    logged(&report, "includes postal dossiers");
    logged(&report, "the total row 9 agrees");
    let rec = &site.records("2024-Q1.yaml")[0];
    assert_eq!(rec.metrics["received"], 1200.0);
    assert_eq!(rec.metrics["resolved"], 1200.0);
    assert!(report.warnings.is_empty(), "{}", render(&report.warnings));
}

#[test]
fn the_first_sheet_with_a_table_is_read_unless_one_is_named() {
    let site = Site::new();
    let file = site.path("nhieu-trang.xlsx");
    let mut book = Workbook::new();
    book.add_worksheet()
        .set_name("Hướng dẫn")
        .unwrap()
        .write(0, 0, "Điền số liệu vào các trang sau")
        .unwrap();
    for (name, period, received) in [("Quý 1", "2023-Q1", 10.0), ("Quý 2", "2023-Q2", 20.0)] {
        let ws = book.add_worksheet().set_name(name).unwrap();
        ws.write(0, 0, "unit").unwrap();
        ws.write(0, 1, "period").unwrap();
        ws.write(0, 2, "received").unwrap();
        ws.write(1, 0, "an-thanh").unwrap();
        ws.write(1, 1, period).unwrap();
        ws.write(1, 2, received).unwrap();
    }
    book.save(&file).unwrap();
    let report = site.import(&file);
    logged(&report, "sheet \"Quý 1\"");
    logged(
        &report,
        "the sheets \"Quý 2\" hold tables too: import them with --sheet NAME",
    );
    assert_eq!(report.written, vec![site.data().join("2023-Q1.yaml")]);
    let mut opts = site.options(&file);
    opts.sheet = Some("Quý 2".into());
    let report = run(&opts).unwrap_or_else(|d| panic!("{}", render(&d)));
    assert_eq!(report.written, vec![site.data().join("2023-Q2.yaml")]);
    assert_eq!(
        site.records("2023-Q2.yaml")[0].source,
        "Tệp nhieu-trang.xlsx, trang tính Quý 2"
    );
    site.builds();
}

#[test]
fn group_subtotals_are_neither_units_nor_summed() {
    let site = Site::new();
    let file = site.path("nhom.xlsx");
    let both: Vec<f64> = AN_THANH.iter().zip(AN_HOA).map(|(a, b)| a + b).collect();
    form(
        &file,
        TITLE_Q3,
        Postal::Merged,
        &[
            Row::Total(&both),
            Row::Unit("I", "Cấp xã", &both),
            Row::Unit("1", "Phường An Thạnh", AN_THANH),
            Row::Unit("2", "Xã An Hòa", AN_HOA),
        ],
    );
    let report = site.import(&file);
    logged(&report, "\"Cấp xã\": a group subtotal, skipped");
    logged(&report, "agrees with the sum of the unit rows");
    assert!(report.warnings.is_empty(), "{}", render(&report.warnings));
    assert_eq!(site.records("2023-Q3.yaml").len(), 2);
}

/// A row whose unit cell is empty is skipped as such: its period is not
/// taken for a unit's name.
#[test]
fn an_empty_unit_cell_is_not_filled_from_the_period() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(root.join("content/site.yaml"), "title: T\nbase_url: \"https://x.vn/\"\nunits:\n  - { id: an-thanh, name: \"Phường An Thạnh\", level: commune }\n").unwrap();
    std::fs::write(
        root.join("a.csv"),
        "Đơn vị,Kỳ báo cáo,Tiếp nhận\n,2023-Q3,4\nPhường An Thạnh,2023-Q3,5\n",
    )
    .unwrap();
    let report = baocao::import::run(&baocao::import::ImportOptions {
        root: root.to_path_buf(),
        file: root.join("a.csv"),
        sheet: None,
        out: root.join("content/data"),
        force: false,
        no_new_units: false,
    })
    .unwrap();
    assert!(
        report.warnings.iter().any(|d| d
            .text(Lang::En)
            .starts_with("a row with figures but no unit name is skipped")),
        "{:#?}",
        report.warnings
    );
    assert!(
        !report
            .warnings
            .iter()
            .any(|d| d.text(Lang::En).contains("\"2023-Q3\" is not a unit")),
        "{:#?}",
        report.warnings
    );
    assert_eq!(report.written.len(), 1);
}

// ---------------------------------------------------------------------------
// The first import of a province's form into a new site (`baocao new`):
// the units are added to site.yaml, and the site builds.

/// A form whose units site.yaml does not declare: its title lines, its
/// group row, its units as the form writes them with the id, name and
/// level each gets, and the reporting unit (their parent).
struct FirstImport {
    titles: &'static [&'static str],
    group: &'static str,
    units: [(&'static str, &'static str, &'static str, &'static str); 6],
    reporter: (&'static str, &'static str, &'static str),
    source: &'static str,
}

/// A town's report: six wards and communes under a thị xã.
const THUAN_DUC: FirstImport = FirstImport {
    titles: &[
        "Biểu số II.06a/VPCP/KSTT",
        "Ban hành theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020",
        "Đơn vị báo cáo: UBND thị xã Thuận Đức",
        "Kỳ báo cáo: Quý III năm 2023",
        "(Từ ngày 15/6/2023 đến ngày 14/9/2023)",
        "Đơn vị tính: Số hồ sơ TTHC",
    ],
    group: "Xã, phường, thị trấn",
    units: [
        (
            "UBND phường An Thạnh",
            "phuong-an-thanh",
            "Phường An Thạnh",
            "commune",
        ),
        (
            "Ủy ban nhân dân phường Long Hưng",
            "phuong-long-hung",
            "Phường Long Hưng",
            "commune",
        ),
        (
            "P. Tân Định",
            "phuong-tan-dinh",
            "Phường Tân Định",
            "commune",
        ),
        ("Xã An Hòa", "xa-an-hoa", "Xã An Hòa", "commune"),
        ("UBND xã Vĩnh Tế", "xa-vinh-te", "Xã Vĩnh Tế", "commune"),
        (
            "Thị trấn Long Sơn",
            "thi-tran-long-son",
            "Thị trấn Long Sơn",
            "commune",
        ),
    ],
    reporter: ("thi-xa-thuan-duc", "Thị xã Thuận Đức", "district"),
    source: "Biểu số II.06a/VPCP/KSTT, UBND thị xã Thuận Đức, kỳ báo cáo Quý III năm 2023 (15/6/2023 – 14/9/2023)",
};

/// A province's report, on the 14-column variant: its cities, towns and
/// districts.
const BINH_DUONG: FirstImport = FirstImport {
    titles: &[
        "Biểu số II.06a/VPCP/KSTT",
        "Đơn vị báo cáo: UBND tỉnh Bình Dương",
        "Kỳ báo cáo: Quý III năm 2023",
        "(Từ ngày 15/6/2023 đến ngày 14/9/2023)",
    ],
    group: "Huyện, thị xã, thành phố",
    units: [
        (
            "UBND thành phố Thủ Dầu Một",
            "thanh-pho-thu-dau-mot",
            "Thành phố Thủ Dầu Một",
            "city",
        ),
        ("TP. Dĩ An", "thanh-pho-di-an", "Thành phố Dĩ An", "city"),
        (
            "Thị xã Bến Cát",
            "thi-xa-ben-cat",
            "Thị xã Bến Cát",
            "district",
        ),
        (
            "TX. Tân Uyên",
            "thi-xa-tan-uyen",
            "Thị xã Tân Uyên",
            "district",
        ),
        (
            "UBND huyện Dầu Tiếng",
            "huyen-dau-tieng",
            "Huyện Dầu Tiếng",
            "district",
        ),
        (
            "Huyện Bắc Tân Uyên",
            "huyen-bac-tan-uyen",
            "Huyện Bắc Tân Uyên",
            "district",
        ),
    ],
    reporter: ("tinh-binh-duong", "Tỉnh Bình Dương", "province"),
    source: "Biểu số II.06a/VPCP/KSTT, UBND tỉnh Bình Dương, kỳ báo cáo Quý III năm 2023 (15/6/2023 – 14/9/2023)",
};

/// The figures of ward `i` in the form's column order: merged (11
/// columns) or split (12, postal apart), the form's received total being
/// the in-period parts plus the carried-over.
fn ward_figures(i: usize, postal: Postal) -> Vec<f64> {
    let k = i as f64;
    let (online, direct, post, carried) = (100.0 + 10.0 * k, 50.0 + k, 5.0 + k, 3.0 + k);
    let (early, on_time, late) = (120.0 + 5.0 * k, 20.0 + k, 1.0);
    let received = online + direct + post;
    // Pending is what was received and carried over and not resolved.
    let overdue = 1.0;
    let within = received + carried - (early + on_time + late) - overdue;
    let mut row = vec![received + carried, online];
    match postal {
        Postal::Merged => row.push(direct + post),
        Postal::Split => row.extend([direct, post]),
    }
    row.extend([
        carried,
        early + on_time + late,
        early,
        on_time,
        late,
        within + overdue,
        within,
        overdue,
    ]);
    row
}

/// The form with its six units, a group row, the total row (their sums)
/// and the signatures.
fn first_import_form(case: &FirstImport, path: &Path, postal: Postal) -> Vec<Vec<f64>> {
    let figures: Vec<Vec<f64>> = (0..case.units.len())
        .map(|i| ward_figures(i, postal))
        .collect();
    let total: Vec<f64> = (0..figures[0].len())
        .map(|c| figures.iter().map(|f| f[c]).sum())
        .collect();
    let numbers = ["1", "2", "3", "4", "5", "6"];
    let mut rows = vec![Row::Group("I", case.group)];
    for (i, (name, ..)) in case.units.iter().enumerate() {
        rows.push(Row::Unit(numbers[i], name, &figures[i]));
    }
    rows.push(Row::Total(&total));
    rows.push(Row::Text(9, "Ngày 20 tháng 9 năm 2023"));
    rows.push(Row::Text(1, "Người lập biểu"));
    form(path, case.titles, postal, &rows);
    figures
}

/// Runs the baocao binary with messages in `lang`.
fn baocao(lang: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_baocao"))
        .env("BAOCAO_LANG", lang)
        .args(args)
        .output()
        .unwrap()
}

fn succeeded(out: &std::process::Output) -> String {
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    assert!(
        out.status.success(),
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// The lines of `after` that are not lines of `before`, checking that
/// they are one block inserted between whole lines and that every line
/// of `before` is kept, in order.
fn inserted_lines(before: &str, after: &str) -> Vec<String> {
    let (b, a): (Vec<&str>, Vec<&str>) = (
        before.split_inclusive('\n').collect(),
        after.split_inclusive('\n').collect(),
    );
    let head = b.iter().zip(&a).take_while(|(x, y)| x == y).count();
    let tail = b[head..]
        .iter()
        .rev()
        .zip(a[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    assert_eq!(
        head + tail,
        b.len(),
        "a line of site.yaml changed:\n{after}"
    );
    a[head..a.len() - tail]
        .iter()
        .map(|l| l.to_string())
        .collect()
}

#[test]
fn the_first_import_into_a_new_site_adds_the_units_and_the_site_builds() {
    // The 13-column form of a town, the 14-column variant of a province.
    for (case, postal) in [(&THUAN_DUC, Postal::Merged), (&BINH_DUONG, Postal::Split)] {
        let (reporter, reporter_name, reporter_level) = case.reporter;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("trang");
        let root_s = root.to_str().unwrap();
        succeeded(&baocao("vi", &["new", root_s]));
        let before = std::fs::read_to_string(root.join("content/site.yaml")).unwrap();
        let file = dir.path().join("bieu-ii06a.xlsx");
        let figures = first_import_form(case, &file, postal);

        // One command: no --out, no unit declared.
        let stdout = succeeded(&baocao(
            "vi",
            &["import", file.to_str().unwrap(), "--root", root_s],
        ));

        // The units, added at the end of `units:`, the rest of the file as it was.
        let after = std::fs::read_to_string(root.join("content/site.yaml")).unwrap();
        let inserted = inserted_lines(&before, &after);
        assert!(
            after.starts_with(&before),
            "the scaffold's units: list ends the file, so the lines follow it:\n{after}"
        );
        #[derive(Deserialize)]
        struct Declared {
            units: Vec<UnitEntry>,
        }
        #[derive(Debug, Deserialize, PartialEq)]
        #[serde(deny_unknown_fields)]
        struct UnitEntry {
            id: String,
            name: String,
            #[serde(default)]
            short: Option<String>,
            #[serde(default)]
            parent: Option<String>,
            level: String,
        }
        let declared: Declared = yaml_serde::from_str(&after).unwrap();
        let entry = |id: &str, name: &str, parent: Option<&str>, level: &str| UnitEntry {
            id: id.into(),
            name: name.into(),
            short: None,
            parent: parent.map(str::to_string),
            level: level.into(),
        };
        let mut expected = vec![
            entry("huyen-mau", "Huyện Mẫu", None, "district"),
            entry(reporter, reporter_name, None, reporter_level),
        ];
        expected[0].short = Some("Huyện Mẫu".into());
        for (_, id, name, level) in case.units {
            expected.push(entry(id, name, Some(reporter), level));
        }
        assert_eq!(declared.units, expected);
        assert_eq!(inserted.len(), 3 + 4 * case.units.len(), "{inserted:#?}");
        assert_eq!(
            inserted[..5].concat(),
            format!(
                "  - id: {reporter}\n    name: \"{reporter_name}\"\n    level: {reporter_level}\n  - id: {}\n    name: \"{}\"\n",
                case.units[0].1, case.units[0].2
            ),
        );

        // The import said what it added, in Vietnamese.
        for (form_name, id, name, level) in case.units {
            let level = if level == "commune" {
                "cấp xã"
            } else if level == "city" {
                "thành phố"
            } else {
                "cấp huyện"
            };
            assert!(
                stdout.contains(&format!(
                    "đã thêm vào content/site.yaml: {id} \"{name}\" ({level}, thuộc {reporter})"
                )),
                "{stdout}"
            );
            assert!(
                stdout.contains(&format!("\"{form_name}\" → {id} (đơn vị mới)")),
                "{stdout}"
            );
        }
        // The total row checked, not imported.
        assert!(
            stdout.contains("\"Tổng cộng\": dòng tổng cộng, dùng để kiểm tra tổng"),
            "{stdout}"
        );
        assert!(stdout.contains("khớp với tổng các dòng đơn vị"), "{stdout}");

        // One record per unit, with the form's figures.
        let text = std::fs::read_to_string(root.join("content/data/2023-Q3.yaml")).unwrap();
        let records: Vec<Record> = yaml_serde::from_str(&text).unwrap();
        let units: Vec<&str> = records.iter().map(|r| r.unit.as_str()).collect();
        let ids: Vec<&str> = case.units.iter().map(|(_, id, ..)| *id).collect();
        assert_eq!(units, ids);
        for (rec, f) in records.iter().zip(&figures) {
            assert_eq!(rec.period, "2023-Q3");
            assert_eq!(rec.source, case.source);
            let carried = f[f.len() - 8];
            assert_eq!(rec.metrics["received"], f[0] - carried, "{rec:?}");
            assert_eq!(rec.metrics["received_online"], f[1]);
            assert_eq!(rec.metrics["carried_over"], carried);
            assert_eq!(rec.metrics["resolved"], f[f.len() - 7]);
            assert_eq!(rec.metrics["pending_overdue"], f[f.len() - 1]);
        }
        assert!(
            text.starts_with(&format!("# {}. Nhập bằng", case.source)),
            "{text}"
        );

        // The site builds with no further edit.
        let built = baocao("vi", &["build", "--root", root_s]);
        let stdout = succeeded(&built);
        assert!(stdout.starts_with("đã dựng "), "{stdout}");
        assert!(root.join("output/index.html").is_file());

        // The next import finds them all: nothing more is added.
        let stdout = succeeded(&baocao(
            "vi",
            &[
                "import",
                file.to_str().unwrap(),
                "--root",
                root_s,
                "--force",
            ],
        ));
        assert!(!stdout.contains("đã thêm"), "{stdout}");
        // Abbreviated names too: "P. Tân Định", "TX. Tân Uyên".
        for (form_name, id, ..) in [case.units[2], case.units[3]] {
            assert!(
                stdout.contains(&format!("\"{form_name}\" → {id}\n")),
                "{stdout}"
            );
        }
        assert_eq!(
            std::fs::read_to_string(root.join("content/site.yaml")).unwrap(),
            after
        );
    }
}

/// What an officer reads, line by line, from `new` to the first import to
/// the build, in both languages: `tests/snapshots/status.{vi,en}.txt`.
#[test]
fn the_status_lines_of_new_import_build_and_check_follow_the_language() {
    for lang in ["vi", "en"] {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("trang");
        let root_s = root.to_str().unwrap();
        let file = dir.path().join("bieu-ii06a.xlsx");
        first_import_form(&THUAN_DUC, &file, Postal::Merged);
        let file_s = file.to_str().unwrap();
        let steps: [&[&str]; 4] = [
            &["new", root_s],
            &["import", file_s, "--root", root_s],
            &["build", "--root", root_s],
            &["check", "--root", root_s],
        ];
        let mut text = String::new();
        for args in steps {
            let out = baocao(lang, args);
            let stdout = succeeded(&out);
            text.push_str(&format!("$ baocao {}\n{stdout}", args.join(" ")));
            let stderr = String::from_utf8_lossy(&out.stderr);
            if !stderr.is_empty() {
                text.push_str(&format!("[stderr]\n{stderr}"));
            }
            text.push('\n');
        }
        let text = stable(&text, dir.path());
        check_snapshot(&format!("status.{lang}"), &text);
        if lang == "vi" {
            for english in [
                "reading", "wrote", "header", "row ", "period", "ignored", "built", "checked",
                "created", "added", "record", "pages",
            ] {
                assert!(!text.contains(english), "{english:?} in:\n{text}");
            }
        }
    }
}
