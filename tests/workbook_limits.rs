//! Hostile workbooks: a few kilobytes that declare billions of cells or
//! strings, or unpack to gigabytes. `build`, `check` and `import` stop with
//! a located error naming the limit, under a 4 GB address-space limit,
//! instead of aborting on a failed allocation.

mod common;
use common::*;

use std::io::Write;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const BOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;

/// A workbook of one sheet named `sheet`, its parts written by hand.
pub fn workbook(sheet: &str, sheet_xml: &[u8], shared_strings: &str) -> Vec<u8> {
    let book = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for (name, bytes) in [
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("xl/workbook.xml", book.as_bytes()),
        ("xl/_rels/workbook.xml.rels", BOOK_RELS.as_bytes()),
        ("xl/sharedStrings.xml", shared_strings.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet_xml),
    ] {
        zip.start_file(name, opts).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const STRINGS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3"><si><t>unit</t></si><si><t>period</t></si><si><t>received</t></si></sst>"#;

fn sheet(dimension: &str, extra_rows: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>hong-ngu</t></is></c><c r="B2" t="inlineStr"><is><t>2019</t></is></c><c r="C2"><v>5</v></c></row>{extra_rows}</sheetData></worksheet>"#
    )
    .into_bytes()
}

/// The hostile workbooks, each with the words its error must hold.
fn hostile() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    // 4.5 million rows of one cell: a few hundred KB packed, 117 MB unpacked.
    let mut bomb = sheet("A1:C3", "").into_iter().collect::<Vec<u8>>();
    let tail = bomb.split_off(bomb.len() - "</sheetData></worksheet>".len());
    let row = b"<row><c><v>1</v></c></row>";
    bomb.reserve(row.len() * 4_500_000);
    for _ in 0..4_500_000 {
        bomb.extend_from_slice(row);
    }
    bomb.extend_from_slice(&tail);
    vec![
        (
            "far-cell.xlsx",
            workbook(
                "Data",
                &sheet(
                    "A1:XFD1048576",
                    r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#,
                ),
                STRINGS,
            ),
            "beyond the limit of 100000 rows",
        ),
        (
            "huge-reference.xlsx",
            workbook(
                "Data",
                &sheet(
                    "A1:C3",
                    r#"<row r="3"><c r="A99999999999999999999"><v>1</v></c></row>"#,
                ),
                STRINGS,
            ),
            "lies beyond the last row (1048576) or column (16384) a sheet can have",
        ),
        (
            "huge-dimension.xlsx",
            workbook("Data", &sheet("A1:A99999999999999999999", ""), STRINGS),
            "lies beyond the last row (1048576) or column (16384) a sheet can have",
        ),
        (
            "strings.xlsx",
            workbook(
                "Data",
                &sheet("A1:C2", ""),
                &STRINGS.replace(
                    r#"count="3" uniqueCount="3""#,
                    r#"count="4000000000" uniqueCount="4000000000""#,
                ),
            ),
            "more than the limit of 2000000",
        ),
        (
            "bomb.xlsx",
            workbook("Data", &bomb, STRINGS),
            "the workbook unpacks to more than 100 MB, the limit for a workbook",
        ),
    ]
}

/// Runs the real binary under `ulimit -v 4000000` (4 GB of address space).
fn limited(args: &[&str]) -> (i32, String) {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 4000000 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_baocao"))
        .args(args)
        .env("BAOCAO_LANG", "en")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        strip_codes(&String::from_utf8_lossy(&out.stderr)),
    )
}

#[test]
fn hostile_workbooks_stop_at_a_named_limit() {
    for (name, bytes, words) in hostile() {
        let site = SiteTest::fixture("good").write_bytes(&format!("content/data/{name}"), &bytes);
        let root = site.root.to_str().unwrap().to_string();
        for command in ["build", "check"] {
            let (code, stderr) = limited(&[command, "--root", &root]);
            assert_eq!(code, 1, "{command} {name}: {stderr}");
            assert!(stderr.contains(words), "{command} {name}: {stderr}");
            assert!(
                stderr.contains(&format!("content/data/{name}")),
                "{command} {name}: the file is named: {stderr}"
            );
        }
        let file = site.root.join(name);
        std::fs::write(&file, &bytes).unwrap();
        let out = site.root.join("nhap");
        let (code, stderr) = limited(&[
            "import",
            file.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--root",
            &root,
        ]);
        assert_eq!(code, 1, "import {name}: {stderr}");
        assert!(stderr.contains(words), "import {name}: {stderr}");
        assert!(!out.exists(), "import {name} wrote files");
    }
}

#[test]
fn a_sheet_limit_names_the_sheet() {
    let site = SiteTest::fixture("good").write_bytes(
        "content/data/far.xlsx",
        &workbook(
            "Số liệu",
            &sheet("A1:C3", r#"<row r="3"><c r="ALM3"><v>1</v></c></row>"#),
            STRINGS,
        ),
    );
    site.build().fails().stderr_has(
        "a filled cell in column ALM is beyond the limit of 1000 columns (sheet `Số liệu`)",
    );
    let vi = site.run_in("vi", &["build", "--root", site.root.to_str().unwrap()]);
    assert!(
        vi.stderr
            .contains("vượt giới hạn 1000 cột (trang tính `Số liệu`)"),
        "{}",
        vi.stderr
    );
}

/// A declared dimension is a hint, not the data: an oversized one in an
/// otherwise small sheet (LibreOffice writes them) is read normally.
#[test]
fn an_oversized_dimension_alone_is_harmless() {
    let site = SiteTest::fixture("good").write_bytes(
        "content/data/wide.xlsx",
        &workbook("Data", &sheet("A1:XFD1048576", ""), STRINGS),
    );
    let (code, stderr) = limited(&["check", "--root", site.root.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
}

/// A sheet name is user text: with line breaks in it, the `# Imported
/// from …` comment must not grow YAML records of its own.
#[test]
fn import_keeps_a_sheet_name_with_line_breaks_out_of_the_yaml() {
    let name = "Q3&#10;- unit: hong-ngu&#10;  period: \"2018\"&#10;  metrics: {received: 99}&#13;# x&#x85;y";
    let site = SiteTest::fixture("good");
    let file = site.root.join("bao-cao.xlsx");
    std::fs::write(&file, workbook(name, &sheet("A1:C2", ""), STRINGS)).unwrap();
    let out = site.root.join("nhap");
    let r = site.run(&[
        "import",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--root",
        site.root.to_str().unwrap(),
    ]);
    r.succeeds();
    let written: Vec<_> = std::fs::read_dir(&out).unwrap().flatten().collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let text = std::fs::read_to_string(written[0].path()).unwrap();
    let records: Vec<yaml_serde::Value> = yaml_serde::from_str(&text).unwrap();
    assert_eq!(records.len(), 1, "{text}");
    assert_eq!(records[0]["unit"].as_str(), Some("hong-ngu"), "{text}");
    assert_eq!(records[0]["period"].as_str(), Some("2019"), "{text}");
    assert_eq!(
        records[0]["metrics"]["received"].as_f64(),
        Some(5.0),
        "{text}"
    );
    assert!(
        text.lines().next().unwrap().contains("- unit: hong-ngu"),
        "{text}"
    );
    // The build reads it back as the sheet's one record.
    std::fs::rename(written[0].path(), site.root.join("content/data/nhap.yaml")).unwrap();
    site.build().succeeds();
}

/// The same workbook with its sheet in the part `part` (named in the
/// workbook's relationships, whatever its extension).
fn workbook_at(part: &str, sheet_xml: &[u8]) -> Vec<u8> {
    let bytes = workbook("Data", sheet_xml, STRINGS);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        let mut text = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut text).unwrap();
        if name == "xl/_rels/workbook.xml.rels" {
            text = String::from_utf8(text)
                .unwrap()
                .replace("worksheets/sheet1.xml", part)
                .into_bytes();
        }
        let name = if name == "xl/worksheets/sheet1.xml" {
            format!("xl/{part}")
        } else {
            name
        };
        out.start_file(name, opts).unwrap();
        out.write_all(&text).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// A sheet part not named `.xml` is checked all the same, and a workbook of
/// junk elements stops at a limit instead of taking seconds.
#[test]
fn every_sheet_part_is_checked_and_junk_is_bounded() {
    let junk = sheet("A1:C3", &"<x/>".repeat(1_100_000));
    let cases = [
        (
            "dat.xlsx",
            workbook_at(
                "worksheets/sheet1.dat",
                &sheet(
                    "A1:C3",
                    r#"<row r="4294967296"><c r="A4294967296"><v>1</v></c></row>"#,
                ),
            ),
            "lies beyond the last row",
        ),
        (
            "junk.xlsx",
            workbook("Data", &junk, STRINGS),
            "XML elements besides its cells and strings",
        ),
    ];
    for (name, bytes, words) in cases {
        let site = SiteTest::fixture("good").write_bytes(&format!("content/data/{name}"), &bytes);
        let root = site.root.to_str().unwrap().to_string();
        let started = std::time::Instant::now();
        let (code, stderr) = limited(&["check", "--root", &root]);
        assert_eq!(code, 1, "{name}: {stderr}");
        assert!(stderr.contains(words), "{name}: {stderr}");
        assert!(
            started.elapsed().as_secs() < 20,
            "{name}: {:?}",
            started.elapsed()
        );
    }
}
