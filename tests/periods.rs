//! Periods as people write them: a Vietnamese label (`quý III/2023`,
//! `9 tháng đầu năm 2023`) in a YAML, CSV or XLSX data file and in front
//! matter is read as the period, and the output keeps canonical ids; a
//! near miss (`Q3/2023`, `2023Q3`) is an error that names the id meant.

mod common;
use common::*;

const ARTICLE: &str = "content/articles/tin-tuc/thuan-an-9-thang.md";

#[test]
fn labels_in_data_files_and_front_matter_are_periods_with_canonical_ids() {
    let site = SiteTest::fixture("good")
        .edit(
            "content/data/thuan-an.yaml",
            "period: 2023-9M",
            "period: 9 Tháng đầu năm 2023",
        )
        .edit(
            ARTICLE,
            "period: 2023-9M",
            "period: \"9 thang dau nam 2023\"",
        )
        .write(
            "content/data/quy.yaml",
            "unit: thuan-an\nperiod: quý III/2023\nmetrics: {received: 4000}\n",
        )
        .write(
            "content/data/thang.csv",
            "unit,period,received\ncan-giuoc,Tháng 10/2023,120\ncan-giuoc,năm 2022,1500\n",
        );
    let book_path = site.root.join("content/data/nua-nam.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in ["unit", "period", "received"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "hong-ngu").unwrap();
    ws.write_string(1, 1, "6 tháng cuối năm 2022").unwrap();
    ws.write_number(1, 2, 700).unwrap();
    book.save(&book_path).unwrap();

    site.build().succeeds();
    // Open data names each record by its id, whatever was written.
    for (unit, id, label) in [
        ("thuan-an", "2023-9M", "9 tháng đầu năm 2023"),
        ("thuan-an", "2023-Q3", "quý III/2023"),
        ("can-giuoc", "2023-10", "tháng 10/2023"),
        ("can-giuoc", "2022", "năm 2022"),
        ("hong-ngu", "2022-H2", "6 tháng cuối năm 2022"),
    ] {
        let json: serde_json::Value =
            serde_json::from_str(&site.read(&format!("du-lieu/{unit}/{id}.json"))).unwrap();
        let text = json.to_string();
        assert!(text.contains(&format!("\"{id}\"")), "{unit} {id}: {text}");
        assert!(text.contains(label), "{unit} {id}: {text}");
    }
    // The article's figures are those of its period.
    let article = site.read("tin-tuc/thuan-an-9-thang/index.html");
    assert!(article.contains("10.551"), "{article}");
    assert!(article.contains("9 tháng đầu năm 2023"));
}

#[test]
fn near_misses_name_the_id_meant_in_data_files_and_front_matter() {
    let site = SiteTest::fixture("good")
        .edit(
            "content/data/thuan-an.yaml",
            "period: 2023-9M",
            "period: Q3/2023",
        )
        .edit(ARTICLE, "period: 2023-9M", "period: 2023Q3")
        .write(
            "content/data/thang.csv",
            "unit,period,received\ncan-giuoc,III/2023,120\n",
        );
    let out = site.build();
    out.fails()
        .stderr_lacks("is not a year")
        .stderr_has("error: bad period `Q3/2023`: `Q3/2023` is not a period")
        .stderr_has("--> content/data/thuan-an.yaml:2:9")
        .stderr_has("hint: did you mean `2023-Q3` (quý III/2023)?")
        .stderr_has("error: bad period `2023Q3`: `2023Q3` is not a period")
        .stderr_has(&format!("--> {ARTICLE}:5:9"))
        .stderr_has("error: bad period `III/2023`: `III/2023` is not a period")
        .stderr_has("--> content/data/thang.csv:2:");
    assert_eq!(
        out.plain.matches("did you mean `2023-Q3`").count(),
        3,
        "{}",
        out.stderr
    );
    // In Vietnamese too.
    let vi = site.run_in("vi", &["build", "--root", site.root.to_str().unwrap()]);
    assert!(
        vi.plain
            .contains("kỳ báo cáo `Q3/2023` không hợp lệ: `Q3/2023` không phải kỳ báo cáo"),
        "{}",
        vi.stderr
    );
    assert!(
        vi.plain.contains("có phải là `2023-Q3` (quý III/2023)?"),
        "{}",
        vi.stderr
    );
}

#[test]
fn a_template_argument_names_the_id_meant_in_its_message() {
    let site = SiteTest::fixture("good").edit(
        ARTICLE,
        "unit=\"hong-ngu\", period=\"2022-H1\"",
        "unit=\"hong-ngu\", period=\"H1/2022\"",
    );
    site.build()
        .fails()
        .stderr_has("`H1/2022` is not a period; did you mean `2022-H1`?")
        .stderr_has(&format!("--> {ARTICLE}:22:"));
    // The label itself is a period there too.
    let site = SiteTest::fixture("good").edit(
        ARTICLE,
        "unit=\"hong-ngu\", period=\"2022-H1\"",
        "unit=\"hong-ngu\", period=\"6 tháng đầu năm 2022\"",
    );
    site.build().succeeds();
}
