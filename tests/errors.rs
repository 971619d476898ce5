//! Bad input: each exits non-zero with the file, line, the source line and a
//! hint; all errors of a build come together; output/ is left as it was.

mod common;
use common::*;

const ARTICLE: &str = "content/articles/tin-tuc/thuan-an-9-thang.md";
const LAO_CAI: &str = "content/data/nested/lao-cai.yaml";

#[test]
fn yaml_syntax_error() {
    let site = SiteTest::fixture("good").edit(
        "content/data/thuan-an.yaml",
        "  received: 10551",
        "  received: [10551",
    );
    site.build()
        .fails()
        .stderr_has("error: cannot read content/data/thuan-an.yaml")
        .stderr_has("--> content/data/thuan-an.yaml:")
        .stderr_has("= hint:");
}

#[test]
fn csv_syntax_error() {
    let site = SiteTest::fixture("good").write(
        "content/data/hong-ngu.csv",
        "unit,period,received\nhong-ngu,2022-H1,5,6\n",
    );
    site.build()
        .fails()
        .stderr_has("error: cannot read CSV")
        .stderr_has("--> content/data/hong-ngu.csv:2:1")
        .stderr_has("2 | hong-ngu,2022-H1,5,6");
}

#[test]
fn xlsx_that_is_not_a_workbook() {
    let site =
        SiteTest::fixture("good").write("content/data/can-giuoc.xlsx", "this is not a zip file");
    site.build()
        .fails()
        .stderr_has("cannot read content/data/can-giuoc.xlsx as an Excel workbook")
        .stderr_has("hint: save the sheet as .xlsx");
}

#[test]
fn malformed_period_in_data_and_front_matter() {
    let site = SiteTest::fixture("good")
        .edit(
            "content/data/thuan-an.yaml",
            "period: 2023-9M",
            "period: 2023-Q5",
        )
        .edit(ARTICLE, "period: 2023-9M", "period: quý 3");
    site.build()
        .fails()
        .stderr_has("error: bad period `2023-Q5`")
        .stderr_has("--> content/data/thuan-an.yaml:2:9")
        .stderr_has("2 | period: 2023-Q5")
        .stderr_has("error: bad period `quý 3`")
        .stderr_has(&format!("--> {ARTICLE}:5:9"))
        .stderr_has("write the period as one of: 2023, 2023-Q3");
}

#[test]
fn data_file_naming_an_unknown_unit() {
    let site = SiteTest::fixture("good").edit(
        LAO_CAI,
        "- unit: lao-cai\n  period: \"2022\"",
        "- unit: lao-kai\n  period: \"2022\"",
    );
    site.build()
        .fails()
        .stderr_has("error: unknown unit `lao-kai`")
        .stderr_has(&format!("--> {LAO_CAI}:6:9"))
        .stderr_has("did you mean `lao-cai`?");
}

#[test]
fn unknown_unit_in_a_spreadsheet_row() {
    let site =
        SiteTest::fixture("good").edit("content/data/hong-ngu.csv", "hong-ngu,", "hong-ngo,");
    site.build()
        .fails()
        .stderr_has("error: unknown unit `hong-ngo`")
        .stderr_has("--> content/data/hong-ngu.csv:2:1")
        .stderr_has("did you mean `hong-ngu`?");
}

#[test]
fn unknown_metric_key_in_a_data_file() {
    let site = SiteTest::fixture("good").edit(
        "content/data/thuan-an.yaml",
        "  carried_over: 305",
        "  carried_ovr: 305",
    );
    site.build()
        .fails()
        .stderr_has("error: unknown metric key `carried_ovr`")
        .stderr_has("--> content/data/thuan-an.yaml:8:3")
        .stderr_has("did you mean `carried_over`?");
}

#[test]
fn duplicate_record_across_files() {
    let site = SiteTest::fixture("good").write(
        "content/data/again.yaml",
        "unit: lao-cai\nperiod: 2023\nmetrics:\n  received: 1\n",
    );
    site.build()
        .fails()
        .stderr_has("error: a second record for unit `lao-cai` and period `2023`")
        .stderr_has("--> content/data/nested/lao-cai.yaml:1:1")
        .stderr_has("(the first is in content/data/again.yaml:1)");
}

#[test]
fn article_referencing_a_metric_without_value() {
    let site = SiteTest::fixture("good").edit(
        ARTICLE,
        "quá hạn {{ data.resolved_late | num }}",
        "lượt {{ data.visits | num }}",
    );
    site.build()
        .fails()
        .stderr_has("error: the metric `visits` has no value in this article's record (unit `thuan-an`, period `2023-9M`)")
        .stderr_has(&format!("--> {ARTICLE}:12:80"))
        .stderr_has(" ^^^^^^^^^^^\n");
}

#[test]
fn article_referencing_an_unknown_key() {
    let site = SiteTest::fixture("good").edit(
        ARTICLE,
        "{{ data.received | num }}**",
        "{{ data.recieved | num }}**",
    );
    site.build()
        .fails()
        .stderr_has("error: unknown metric key `recieved`")
        .stderr_has(&format!("--> {ARTICLE}:11:"))
        .stderr_has("did you mean `received`?");
}

#[test]
fn function_errors_name_the_article_and_line() {
    let site = SiteTest::fixture("good").edit(
        ARTICLE,
        "unit=\"hong-ngu\", period=\"2022-H1\"",
        "unit=\"hong-ngu\", period=\"2021-H1\"",
    );
    site.build()
        .fails()
        .stderr_has("there is no record for unit `hong-ngu`, period `2021-H1`")
        .stderr_has(&format!("--> {ARTICLE}:22:17"));
}

#[test]
fn summary_template_errors_point_at_the_summary_line() {
    let site = SiteTest::fixture("good").edit(
        ARTICLE,
        "trước hạn {{ data.early_rate | pct }}",
        "trước hạn {{ data.early_rat | pct }}",
    );
    site.build()
        .fails()
        .stderr_has("unknown metric key `early_rat`")
        .stderr_has(&format!("--> {ARTICLE}:6:"));
}

#[test]
fn template_syntax_errors_in_several_articles_are_all_reported() {
    let site = SiteTest::fixture("good")
        .edit(
            ARTICLE,
            "## Kết quả giải quyết",
            "## Kết quả {{ data.received ",
        )
        .edit(
            "content/articles/su-kien/2023/lao-cai.md",
            "{{ compare(key=\"received\") }}",
            "{{ compare(\"received\") }}",
        );
    site.build()
        .fails()
        .stderr_has(&format!("--> {ARTICLE}:"))
        .stderr_has("--> content/articles/su-kien/2023/lao-cai.md:11:55")
        .stderr_has("functions take named arguments only")
        .stderr_has("2 errors");
}

#[test]
fn invalid_front_matter_date() {
    let site = SiteTest::fixture("good").edit(
        ARTICLE,
        "date: 2023-10-26T07:00:00+07:00",
        "date: 26/10/2023",
    );
    site.build()
        .fails()
        .stderr_has("error: `26/10/2023` is not a date")
        .stderr_has(&format!("--> {ARTICLE}:3:7"))
        .stderr_has("2023-10-26T07:00:00+07:00");
}

#[test]
fn misspelt_front_matter_field() {
    let site = SiteTest::fixture("good").edit(ARTICLE, "author:", "autor:");
    site.build()
        .fails()
        .stderr_has("there is no field `autor`")
        .stderr_has(&format!("--> {ARTICLE}:7:"))
        .stderr_has("the fields are: title, date");
}

#[test]
fn two_sources_with_the_same_url() {
    let site = SiteTest::fixture("good").edit(
        "content/articles/tin-tuc/thong-bao.md",
        "title:",
        "slug: thuan-an-9-thang\ntitle:",
    );
    site.build()
        .fails()
        .stderr_has("both map to the URL /tin-tuc/thuan-an-9-thang/")
        .stderr_has("content/articles/tin-tuc/thuan-an-9-thang.md and content/articles/tin-tuc/thong-bao.md")
        .stderr_has("slug:");
}

#[test]
fn a_page_and_a_section_with_the_same_url() {
    let site =
        SiteTest::fixture("good").write("content/pages/tin-tuc.md", "---\ntitle: Trùng\n---\n");
    site.build()
        .fails()
        .stderr_has("both map to the URL /tin-tuc/")
        .stderr_has("content/pages/tin-tuc.md");
}

#[test]
fn non_utf8_files() {
    let site = SiteTest::fixture("good")
        .write_bytes(
            "content/data/hong-ngu.csv",
            b"unit,period,received\nhong-ngu,2022-H1,5\n\xc4\x90\xff\n",
        )
        .write_bytes(
            "content/articles/tin-tuc/latin1.md",
            b"---\ntitle: Tin\n---\nCh\xe0o\n",
        );
    site.build()
        .fails()
        .stderr_has("error: content/data/hong-ngu.csv is not UTF-8 text")
        .stderr_has("--> content/data/hong-ngu.csv:3:2")
        .stderr_has("error: content/articles/tin-tuc/latin1.md is not UTF-8 text")
        .stderr_has("--> content/articles/tin-tuc/latin1.md:4:3")
        .stderr_has("save the file with UTF-8 encoding");
}

#[test]
fn broken_internal_link() {
    let site = SiteTest::fixture("good").edit(
        ARTICLE,
        "../su-kien/2023/lao-cai.md",
        "../su-kien/lao-cai.md",
    );
    site.build()
        .fails()
        .stderr_has("error: broken link `../su-kien/lao-cai.md#ket-qua`")
        .stderr_has(&format!("--> {ARTICLE}:21:15"))
        .stderr_has("content/articles/su-kien/lao-cai.md is not an article or page");
}

#[test]
fn errors_of_every_stage_and_file_are_reported_together() {
    let site = SiteTest::fixture("good")
        .write(
            "content/data/extra.yaml",
            "unit: thuan-am\nperiod: 2023\nmetrics: {received: 1}\n",
        )
        .edit(
            "content/articles/tin-tuc/thong-bao.md",
            "date: 2023-01-05",
            "date: 2023-13-01",
        )
        .edit(
            "content/articles/su-kien/2023/lao-cai.md",
            "năm trước {{ prev.received | num }}",
            "lượt {{ data.visits | num }}",
        );
    let out = site.build();
    out.fails()
        .stderr_has("unknown unit `thuan-am`")
        .stderr_has("`2023-13-01` is not a date")
        .stderr_has("the metric `visits` has no value")
        .stderr_has("3 errors");
    // Data before the articles that use it, then by file and line.
    let data = out.stderr.find("thuan-am").unwrap();
    let a = out.stderr.find("visits").unwrap();
    let b = out.stderr.find("2023-13-01").unwrap();
    assert!(data < a && a < b, "{}", out.stderr);
}

#[test]
fn a_misspelt_key_keeps_the_rest_of_its_record() {
    let site =
        SiteTest::fixture("good").edit(LAO_CAI, "    online_rate: 42.46", "    online_rat: 42.46");
    site.build()
        .fails()
        .stderr_has("unknown metric key `online_rat`")
        .stderr_has("the metric `online_rate` has no value for unit `lao-cai`, period `2022`")
        .stderr_has("2 errors");
}

#[test]
fn a_metric_without_filter_and_without_value() {
    let site = SiteTest::fixture("good").edit(
        ARTICLE,
        "quá hạn {{ data.resolved_late | num }}",
        "lượt {{ data.visits }}",
    );
    site.build()
        .fails()
        .stderr_has("the metric `visits` has no value in this article's record")
        .stderr_has(" ^^^^^^^^^^^\n");
}

#[test]
fn compare_without_the_earlier_record() {
    let site = SiteTest::fixture("good").edit(
        ARTICLE,
        "quá hạn {{ data.resolved_late | num }}",
        "{{ compare(key=\"received\") }}",
    );
    site.build()
        .fails()
        .stderr_has("compare(key=\"received\") needs the record of unit `thuan-an` for 9 tháng đầu năm 2022 (2022-9M), and there is none")
        .stderr_has("hint: add that earlier record to content/data/");
}

#[test]
fn an_image_that_is_not_in_static() {
    let site =
        SiteTest::fixture("good").edit(ARTICLE, "author:", "image: images/hoi-nghi.jpg\nauthor:");
    site.build()
        .fails()
        .stderr_has("the image `images/hoi-nghi.jpg` is not in content/static/")
        .stderr_has(&format!("--> {ARTICLE}:7:8"));
    let site = site.write_bytes("content/static/images/hoi-nghi.jpg", b"\xff\xd8");
    site.build().succeeds();
    assert_eq!(
        attrs(
            &site.html("tin-tuc/thuan-an-9-thang/index.html"),
            ".bc-article__image",
            "src"
        ),
        ["../../images/hoi-nghi.jpg"]
    );
}

#[test]
fn a_bad_base_url_on_the_command_line() {
    let site = SiteTest::fixture("good");
    site.build_with(&["--base-url", "thu.example.gov.vn"])
        .fails()
        .stderr_has("base_url `thu.example.gov.vn` is not an absolute URL")
        .stderr_lacks("site.yaml");
    let site = site.edit(
        "content/site.yaml",
        "base_url: \"https://thu.example.gov.vn/\"",
        "base_url: \"/cchc/\"",
    );
    site.build().fails().stderr_has("--> content/site.yaml");
}

#[test]
fn inconsistent_figures_warn_and_fail_under_strict() {
    let site = SiteTest::fixture("good").edit(
        "content/data/thuan-an.yaml",
        "  resolved: 10816",
        "  resolved: 10816\n  pending: 99",
    );
    site.build()
        .succeeds()
        .stderr_has("warning: unit `thuan-an`, period `2023-9M`: pending is given as 99 but received + carried_over - resolved gives 40");
    site.build_with(&["--strict"])
        .fails()
        .stderr_has("error: unit `thuan-an`, period `2023-9M`: pending is given as 99");
}

#[test]
fn check_exits_non_zero_on_error() {
    let site =
        SiteTest::fixture("good").edit(ARTICLE, "date: 2023-10-26T07:00:00+07:00", "date: hôm qua");
    site.check().fails().stderr_has("`hôm qua` is not a date");
    assert!(!site.out().exists());
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let site = SiteTest::fixture("good");
    site.build().succeeds();
    let before = snapshot(&site.out());
    let site = site
        .edit(
            ARTICLE,
            "{{ data.received | num }}**",
            "{{ data.nothing | num }}**",
        )
        .remove("content/articles/tin-tuc/thong-bao.md");
    site.build().fails().stderr_has("nothing was written");
    assert_eq!(snapshot(&site.out()), before);
}

/// Every file under `dir` with its bytes and modification time.
fn snapshot(dir: &std::path::Path) -> Vec<(String, Vec<u8>, std::time::SystemTime)> {
    let mut v: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().display().to_string(),
                std::fs::read(e.path()).unwrap(),
                e.metadata().unwrap().modified().unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn no_site_folder() {
    let site = SiteTest::fixture("good").remove("content/site.yaml");
    site.build()
        .fails()
        .stderr_has("no content/site.yaml")
        .stderr_has("--root DIR");
}

#[test]
fn unknown_field_in_site_yaml() {
    let site = SiteTest::fixture("good").edit("content/site.yaml", "per_page: 2", "per_pages: 2");
    site.build()
        .fails()
        .stderr_has("there is no field `per_pages`")
        .stderr_has("--> content/site.yaml:15:1");
}

#[test]
fn prev_without_a_same_period_record() {
    let site = SiteTest::fixture("good").edit(
        ARTICLE,
        "quá hạn {{ data.resolved_late | num }}",
        "năm trước {{ prev.received | num }}",
    );
    site.build()
        .fails()
        .stderr_has("`prev.received` is used, but there is no cùng kỳ record (unit `thuan-an`, period `2022-9M`)")
        .stderr_has(&format!("--> {ARTICLE}:12:"));
}

#[test]
fn a_theme_that_does_not_exist() {
    let site = SiteTest::fixture("good").edit(
        "content/site.yaml",
        "language: vi",
        "language: vi\ntheme: cong-thong-tin",
    );
    site.build()
        .fails()
        .stderr_has("the theme `cong-thong-tin` does not exist")
        .stderr_has("--> content/site.yaml:4:8");
}

#[test]
fn hostile_inputs_give_errors_never_panics() {
    let cases: &[(&str, &[u8])] = &[
        ("content/site.yaml", b""),
        ("content/site.yaml", b"- just\n- a list\n"),
        ("content/site.yaml", b"title: [unclosed\n"),
        ("content/metrics.yaml", b"metrics: 5\n"),
        ("content/metrics.yaml", b"- key: x\n  label: X\n  unit: percent\n  formula: \"((a\"\n"),
        ("content/data/x.yaml", b""),
        ("content/data/x.yaml", b"42\n"),
        ("content/data/x.yaml", b"- 1\n- 2\n"),
        ("content/data/x.yaml", b"unit: thuan-an\nperiod: {a: 1}\nmetrics: {received: .nan}\n"),
        ("content/data/x.yaml", b"unit: thuan-an\nperiod: 2023-12-31..2023-01-01\n"),
        ("content/data/x.csv", b""),
        ("content/data/x.csv", b"unit\n"),
        ("content/data/x.csv", b"period,unit\n\xc3\n"),
        ("content/data/x.csv", b"\"unit,period\nthuan-an,2020\n"),
        ("content/data/x.xlsx", b""),
        ("content/data/x.xlsx", b"PK\x03\x04garbage"),
        ("content/articles/x.md", b""),
        ("content/articles/x.md", b"---"),
        ("content/articles/x.md", b"---\n---\n"),
        ("content/articles/x.md", b"---\r\ntitle: T\r\ndate: 2023-01-01T07:00+1\xc4\x91:0\r\n---\r\n"),
        ("content/articles/x.md", b"---\ntitle: T\ndate: 2023-01-01\n---\n{{ }}\n{% for %}\n[a](.md)\n"),
        ("content/articles/x.md", b"---\ntitle: T\ndate: 2023-01-01\nunit: thuan-an\nperiod: 2023-9M\n---\n{{ data }}{{ data.received.x }}{{ metric(key=1) }}\n"),
        ("content/articles/x.md", b"---\ntitle: T\ndate: 2023-01-01\n---\n{{ 1 / 0 | num }} {{ \"x\" | date }} {{ label(key=\"\") }}\n"),
        ("content/pages/x.md", b"---\ntitle: T\nslug: Trang Chu\n---\n"),
    ];
    for (path, bytes) in cases {
        let site = SiteTest::fixture("good").write_bytes(path, bytes);
        let out = site.build();
        assert!(
            out.code == 0 || out.code == 1,
            "{path}: exit {}\n{}",
            out.code,
            out.stderr
        );
        assert!(
            !out.stderr.contains("panicked"),
            "{path} {:?}: {}",
            String::from_utf8_lossy(bytes),
            out.stderr
        );
    }
}

#[test]
fn windows_exports_crlf_and_bom_are_read() {
    let site = SiteTest::fixture("good")
        .write_bytes("content/data/hong-ngu.csv", "Đơn vị;Kỳ báo cáo;Tỷ lệ giải quyết đúng hạn\r\nhong-ngu;2022-H1;99,95\r\n".as_bytes())
        .write_bytes(LAO_CAI, b"\xef\xbb\xbf# Notepad\r\n- unit: lao-cai\r\n  period: 2023\r\n  metrics:\r\n    received: 83786\r\n    online_rate: 54.76\r\n- unit: lao-cai\r\n  period: \"2022\"\r\n  metrics: {received: 66204, online_rate: 42.46}\r\n");
    site.build().succeeds().stderr_lacks("warning");
    let body = texts(
        &site.html("tin-tuc/thuan-an-9-thang/index.html"),
        ".bc-prose",
    )
    .join(" ");
    assert!(body.contains("Hồng Ngự đạt 99,95%"), "{body}");
    // Errors in a CRLF file point at the right line.
    let site = site.write_bytes(
        "content/data/hong-ngu.csv",
        "Đơn vị,Kỳ báo cáo,Tiếp nhận\r\nhong-ngu,2022-H1,5\r\nhong-ngu,2023-H9,6\r\n".as_bytes(),
    );
    site.build()
        .fails()
        .stderr_has("--> content/data/hong-ngu.csv:3:10")
        .stderr_has("3 | hong-ngu,2023-H9,6");
}

#[test]
fn a_count_whose_separators_are_not_thousands_is_an_error() {
    // `10.551` is ten thousand five hundred and fifty-one; `10.55` is not a
    // count at all.
    let site = SiteTest::fixture("good").write(
        "content/data/extra.csv",
        "unit,period,received\ncan-giuoc,2021,10.55\n",
    );
    site.build()
        .fails()
        .stderr_has("`received` is a count but 10.55 has decimals")
        .stderr_has("group the thousands by three")
        .stderr_has("--> content/data/extra.csv:2:16");
}

#[test]
fn internal_links_and_menu_urls_must_exist() {
    let site = SiteTest::fixture("good")
        .edit(
            "content/pages/gioi-thieu.md",
            "[trang chủ](/)",
            "[tệp](/files/khong-co.txt) [tin](/tin-tuc/khong-co/) [tệp có](/files/huong-dan.txt)",
        )
        .edit(
            "content/site.yaml",
            "url: \"/gioi-thieu/\"",
            "url: \"/gioi-thieuu/\"",
        );
    site.build()
        .fails()
        .stderr_has("broken link `/files/khong-co.txt`: /files/khong-co.txt is not a page or file of this site")
        .stderr_has("broken link `/tin-tuc/khong-co/`")
        .stderr_lacks("broken link `/files/huong-dan.txt`")
        .stderr_has("the menu entry `Giới thiệu` links to /gioi-thieuu/")
        .stderr_has("--> content/site.yaml:14:");
}

#[test]
fn summary_errors_point_at_the_column_in_the_front_matter() {
    let site = SiteTest::fixture("good").edit(
        ARTICLE,
        "trước hạn {{ data.early_rate | pct }}",
        "trước hạn {{ data.early_rat | pct }}",
    );
    // `summary: "Tiếp nhận {{ data.received | num }} hồ sơ, trước hạn {{ ` is 66 characters.
    site.build()
        .fails()
        .stderr_has(&format!("--> {ARTICLE}:6:67"))
        .stderr_has("^^^^^^^^^^^^^^\n");
}

#[test]
fn the_missing_key_of_an_expression_is_named() {
    let site = SiteTest::fixture("good").edit(
        ARTICLE,
        "quá hạn {{ data.resolved_late | num }}",
        "tổng {{ data.received + data.visits }}",
    );
    site.build()
        .fails()
        .stderr_has("the metric `visits` has no value")
        .stderr_lacks("the metric `received` has no value");
}

#[test]
fn errors_in_a_workbook_name_the_sheet_and_cell() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sheets/bad-cell.xlsx"
    ))
    .unwrap();
    let site = SiteTest::fixture("good").write_bytes("content/data/can-giuoc-2021.xlsx", &bytes);
    site.build()
        .fails()
        .stderr_has("`cao` in column `on_time_rate` is not a number (sheet `2021`, cell D4)")
        .stderr_has("--> content/data/can-giuoc-2021.xlsx:4:4")
        .stderr_has("warning: `on_time_rate` is 0.9938: a rate under 1%, or a fraction of 1? (sheet `2021`, cell D5)")
        .stderr_has("1 error and 2 warnings");
}

#[test]
fn postal_dossiers_count_in_received_when_reported() {
    let site = SiteTest::fixture("good").write(
        "content/data/buu-chinh.yaml",
        "unit: can-giuoc\nperiod: 2021\nmetrics: {received: 40, received_online: 10, received_direct: 25, received_postal: 5}\n",
    );
    site.build().succeeds().stderr_lacks("received is given");
    let site = site.write(
        "content/data/buu-chinh.yaml",
        "unit: can-giuoc\nperiod: 2021\nmetrics: {received: 40, received_online: 10, received_direct: 25}\n",
    );
    site.build().succeeds().stderr_has(
        "received is given as 40 but received_online + received_direct + received_postal? gives 35",
    );
}
