//! Open data: every record as CSV (UTF-8 with a byte-order mark) and
//! JSON under `du-lieu/<unit>/<period>`, every year's records as one CSV,
//! and the article's links to its record's files.

mod common;
use common::*;

use std::collections::BTreeMap;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A CSV file of the output: its header and rows, read by the csv crate
/// after checking and removing the byte-order mark.
fn table(site: &SiteTest, rel: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(site.out().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    assert!(bytes.starts_with(BOM), "{rel} has no byte-order mark");
    let mut reader = csv::Reader::from_reader(&bytes[BOM.len()..]);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

fn json(site: &SiteTest, rel: &str) -> serde_json::Value {
    serde_json::from_str(&site.read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// A row as column → cell.
fn by_column(header: &[String], row: &[String]) -> BTreeMap<String, String> {
    header.iter().cloned().zip(row.iter().cloned()).collect()
}

#[test]
fn a_record_is_one_csv_row_with_a_byte_order_mark() {
    let site = SiteTest::fixture("good");
    site.build().succeeds();
    let (header, rows) = table(&site, "du-lieu/thuan-an/2023-9M.csv");
    assert_eq!(header[..4], ["unit", "unit_name", "period", "period_label"]);
    // Metric keys in catalogue order: given counts, then derived rates.
    let pos = |k: &str| header.iter().position(|h| h == k).unwrap_or(usize::MAX);
    assert!(pos("received") < pos("resolved"), "{header:?}");
    assert!(pos("resolved") < pos("on_time_rate"), "{header:?}");
    assert_eq!(rows.len(), 1);
    let row = by_column(&header, &rows[0]);
    assert_eq!(row["unit"], "thuan-an");
    // Text with commas, ampersands and angle brackets survives as written.
    assert_eq!(row["unit_name"], "Thành phố Thuận An & vùng <lân cận>");
    assert_eq!(row["period"], "2023-9M");
    assert_eq!(row["period_label"], "9 tháng đầu năm 2023");
    assert_eq!(row["received"], "10551");
    assert_eq!(row["online_payment_amount"], "4700000");
    // Derived metrics are in the file too, as plain numbers.
    let early: f64 = row["early_rate"].parse().unwrap();
    assert!((early - 8906.0 / 10816.0 * 100.0).abs() < 1e-9, "{early}");
}

#[test]
fn a_record_as_json_says_what_each_key_means() {
    let site = SiteTest::fixture("good");
    site.build().succeeds();
    let j = json(&site, "du-lieu/thuan-an/2023-9M.json");
    assert_eq!(j["unit"], "thuan-an");
    assert_eq!(j["unit_name"], "Thành phố Thuận An & vùng <lân cận>");
    assert_eq!(j["period"], "2023-9M");
    assert_eq!(j["period_label"], "9 tháng đầu năm 2023");
    assert_eq!(j["start"], "2023-01-01");
    assert_eq!(j["end"], "2023-09-30");
    assert_eq!(j["source"], "Báo cáo số 245/BC-UBND");
    // Counts are integers, not 10551.0.
    assert_eq!(j["values"]["received"], serde_json::json!(10551));
    let values = j["values"].as_object().unwrap();
    let metrics = j["metrics"].as_array().unwrap();
    let keys: Vec<&str> = metrics.iter().map(|m| m["key"].as_str().unwrap()).collect();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    let mut value_keys: Vec<&str> = values.keys().map(String::as_str).collect();
    value_keys.sort_unstable();
    assert_eq!(sorted, value_keys, "one entry of `metrics` per value");
    let metric = |k: &str| metrics.iter().find(|m| m["key"] == k).unwrap();
    assert_eq!(metric("received")["label"], "Hồ sơ tiếp nhận");
    assert_eq!(metric("received")["unit"], "count");
    assert_eq!(metric("received")["derived"], false);
    assert_eq!(metric("early_rate")["unit"], "percent");
    assert_eq!(metric("early_rate")["derived"], true);
    assert_eq!(metric("online_payment_amount")["unit"], "vnd");

    // The CSV of the same record holds the same numbers.
    let (header, rows) = table(&site, "du-lieu/thuan-an/2023-9M.csv");
    let row = by_column(&header, &rows[0]);
    for (k, v) in values {
        let cell: f64 = row[k].parse().unwrap();
        // serde_json reads floats to within one unit of the last place.
        let value = v.as_f64().unwrap();
        assert!((cell - value).abs() <= value.abs() * 1e-15, "{k}");
    }
    assert_eq!(header.len() - 4, values.len());
}

#[test]
fn every_record_of_every_format_is_written() {
    let site = SiteTest::fixture("good");
    site.build().succeeds();
    for (unit, period) in [
        ("thuan-an", "2023-9M"),
        ("lao-cai", "2023"),
        ("lao-cai", "2022"),
        ("hong-ngu", "2022-H1"),
    ] {
        let (_, rows) = table(&site, &format!("du-lieu/{unit}/{period}.csv"));
        assert_eq!(rows.len(), 1, "{unit} {period}");
        let j = json(&site, &format!("du-lieu/{unit}/{period}.json"));
        assert_eq!(j["unit"], unit);
        assert_eq!(j["period"], period);
    }
}

#[test]
fn a_year_is_one_csv_of_its_records_in_site_order() {
    let site = SiteTest::fixture("good");
    site.build().succeeds();
    let (header, rows) = table(&site, "du-lieu/2022.csv");
    let ids: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[2].as_str()))
        .collect();
    // site.yaml declares lao-cai before hong-ngu.
    assert_eq!(ids, [("lao-cai", "2022"), ("hong-ngu", "2022-H1")]);
    assert!(rows.iter().all(|r| r.len() == header.len()));
    let lao_cai = by_column(&header, &rows[0]);
    let hong_ngu = by_column(&header, &rows[1]);
    assert_eq!(lao_cai["received"], "66204");
    // A metric one record lacks is a blank cell, never 0.
    assert_eq!(hong_ngu["received"], "");
    assert_eq!(hong_ngu["on_time_rate"], "99.95");
    assert_eq!(hong_ngu["period_label"], "6 tháng đầu năm 2022");

    let (_, rows) = table(&site, "du-lieu/2023.csv");
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert!(
        ids.contains(&"thuan-an") && ids.contains(&"lao-cai"),
        "{ids:?}"
    );
    assert!(rows.iter().all(|r| r[2].starts_with("2023")), "{rows:?}");
}

#[test]
fn an_article_links_to_its_records_files() {
    let site = SiteTest::fixture("good");
    site.build().succeeds();
    let page = "tin-tuc/thuan-an-9-thang/index.html";
    let doc = site.html(page);
    let hrefs = attrs(&doc, ".bc-data-links a", "href");
    assert_eq!(
        hrefs,
        [
            "../../du-lieu/thuan-an/2023-9M.csv",
            "../../du-lieu/thuan-an/2023-9M.json"
        ]
    );
    assert_eq!(
        attrs(&doc, ".bc-data-links a", "type"),
        ["text/csv", "application/json"]
    );
    for h in &hrefs {
        let file = site.out().join("tin-tuc/thuan-an-9-thang").join(h);
        assert!(file.is_file(), "{h} does not resolve");
    }
    // An article with no record has no such links.
    let doc = site.html("tin-tuc/thong-bao/index.html");
    assert!(attrs(&doc, ".bc-data-links a", "href").is_empty());
}

#[test]
fn open_data_files_are_not_in_the_sitemap() {
    let site = SiteTest::fixture("good");
    site.build().succeeds();
    let sitemap = site.read("sitemap.xml");
    assert!(!sitemap.contains("du-lieu"), "{sitemap}");
}

#[test]
fn an_english_site_labels_periods_in_english() {
    let site = SiteTest::fixture("good").edit("content/site.yaml", "language: vi", "language: en");
    site.build().succeeds();
    let (header, rows) = table(&site, "du-lieu/hong-ngu/2022-H1.csv");
    let row = by_column(&header, &rows[0]);
    assert!(!row["period_label"].contains("tháng"), "{row:?}");
    assert!(row["period_label"].contains("2022"), "{row:?}");
    // The header is the same in every language: it is for machines.
    assert_eq!(header[..4], ["unit", "unit_name", "period", "period_label"]);
}

#[test]
fn a_static_file_may_not_replace_an_open_data_file() {
    let site = SiteTest::fixture("good").write("content/static/du-lieu/2022.csv", "x");
    site.build()
        .fails()
        .stderr_has("content/static/du-lieu/2022.csv would overwrite a generated file");
}
