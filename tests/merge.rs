//! Units that merge (SPEC §2 "Units change"): a ward formed on 1 July 2025
//! from two old ones compares with cùng kỳ through the sum of its
//! predecessors, and says so; lifetimes and successions are checked.

mod common;
use common::*;

const UNITS: &str =
    "  - { id: hong-ngu, name: \"Thành phố Hồng Ngự\", parent: tinh-thu, level: city }\n";

fn merged(extra_units: &str) -> SiteTest {
    SiteTest::fixture("good")
        .edit(
            "content/site.yaml",
            UNITS,
            &format!(
                "{UNITS}  - {{ id: phuong-a, name: \"Phường A\", parent: tinh-thu, level: commune, until: 2025-06-30 }}
  - {{ id: phuong-b, name: \"Phường B\", parent: tinh-thu, level: commune, until: 2025-06-30 }}
  - id: phuong-moi
    name: \"Phường Mới\"
    parent: tinh-thu
    level: commune
    since: 2025-07-01
    merged_from: [phuong-a, phuong-b]
{extra_units}"
            ),
        )
        .write(
            "content/data/sap-xep.csv",
            "unit,period,received,resolved,resolved_early,resolved_on_time\n\
             phuong-a,2025-H1,100,100,0,90\n\
             phuong-b,2025-H1,300,300,0,290\n\
             phuong-moi,2025-H2,450,450,0,450\n\
             phuong-moi,2026-H1,500,500,0,500\n",
        )
        .write(
            "content/articles/tin-tuc/phuong-moi.md",
            "---\ntitle: \"Phường Mới: 6 tháng đầu năm 2026\"\ndate: 2026-07-05T07:00:00+07:00\nunit: phuong-moi\nperiod: 2026-H1\n---\n\
             Tiếp nhận hồ sơ <span id=\"cmp\">{{ compare(key=\"received\") }}</span>.\n\
             Cùng kỳ đúng hạn <span id=\"rate\">{{ metric(key=\"on_time_rate\", period=\"2025-H1\") | pct }}</span>,\n\
             cả năm 2025 <span id=\"year\">{{ metric(key=\"received\", period=\"2025\") | num }}</span>.\n\n\
             {{ chart(kind=\"trend\", metric=\"received\", periods=3) }}\n\n\
             {{ kpis(metrics=[\"received\"]) }}\n\n\
             {{ table(metrics=[\"received\", \"on_time_rate\"], periods=3) }}\n",
        )
}

#[test]
fn cung_ky_of_a_merged_ward_is_the_sum_of_its_predecessors_and_says_so() {
    let site = merged("");
    site.build().succeeds();
    let doc = site.html("tin-tuc/phuong-moi/index.html");
    assert_eq!(
        texts(&doc, "#cmp"),
        ["tăng 100 hồ sơ (+25%) so với cùng kỳ (tổng của Phường A và Phường B trước sắp xếp)"]
    );
    // (90 + 290) / (100 + 300): 95%, not the mean of 90% and 96,67%.
    assert_eq!(texts(&doc, "#rate"), ["95%"]);
    // 2025 straddles 1 July: both halves exist as records.
    assert_eq!(texts(&doc, "#year"), ["850"]);
    // The trend and the table say which figures are sums, and of what.
    let note = "Số liệu của Phường Mới trước sắp xếp là tổng của Phường A và Phường B.";
    assert_eq!(texts(&doc, ".bc-chart__note"), [note]);
    assert_eq!(texts(&doc, ".bc-table__note"), [format!("* {note}")]);
    // In the table, the row of the sum carries the note's mark; the
    // ward's own row does not.
    let heads = texts(&doc, ".bc-table tbody th");
    assert_eq!(texts(&doc, ".bc-table tbody th .bc-note-mark"), ["*"]);
    assert!(
        heads.contains(&"6 tháng đầu năm 2025*".to_string()),
        "{heads:?}"
    );
    assert!(
        heads.contains(&"6 tháng đầu năm 2026".to_string()),
        "{heads:?}"
    );
    let cards = texts(&doc, ".bc-kpis").join(" ");
    assert!(
        cards.contains("so với cùng kỳ (tổng của Phường A và Phường B trước sắp xếp)"),
        "{cards}"
    );
    assert!(texts(&doc, ".bc-table td").contains(&"95%".to_string()));
}

/// 2025 straddles 1 July: without the ward's own second half, or
/// without one old ward's first half, there is no figure, and the
/// message says which part is missing.
#[test]
fn a_straddling_period_without_both_parts_says_which_part_is_missing() {
    const STRADDLES: &str = "there is no record for unit `phuong-moi`, period `2025`: \
         the period straddles 2025-07-01, the day the unit was formed, so its figures add \
         the units before the reorganisation to the unit's own, and ";
    let merged = |extra: &str| {
        merged(extra).write(
            "content/articles/tin-tuc/phuong-moi.md",
            "---\ntitle: \"Phường Mới: năm 2025\"\ndate: 2026-01-05T07:00:00+07:00\nunit: phuong-moi\n---\n\
             Cả năm 2025 {{ metric(key=\"received\", period=\"2025\") | num }}.\n",
        )
    };
    let site = merged("").edit(
        "content/data/sap-xep.csv",
        "phuong-moi,2025-H2,450,450,0,450\n",
        "",
    );
    site.build()
        .fails()
        .stderr_has(&format!(
            "{STRADDLES}the unit's own part from that day (`2025-H2`) has no record"
        ))
        .stderr_has("hint: add the missing records to content/data/");
    let site = merged("").edit(
        "content/data/sap-xep.csv",
        "phuong-b,2025-H1,300,300,0,290\n",
        "",
    );
    site.build().fails().stderr_has(&format!(
        "{STRADDLES}the part before that day (`2025-H1`) lacks the record of Phường B"
    ));
    // Both parts missing: both named; in Vietnamese too.
    let site = merged("")
        .edit(
            "content/data/sap-xep.csv",
            "phuong-b,2025-H1,300,300,0,290\n",
            "",
        )
        .edit(
            "content/data/sap-xep.csv",
            "phuong-moi,2025-H2,450,450,0,450\n",
            "",
        );
    let out = site.run_in("vi", &["build", "--root", site.root.to_str().unwrap()]);
    out.fails().stderr_has(
        "không có bản ghi của đơn vị `phuong-moi`, kỳ `2025`: kỳ này chứa ngày 2025-07-01 là ngày \
         thành lập đơn vị, nên số liệu là tổng của các đơn vị trước sắp xếp với số liệu của chính \
         đơn vị, nhưng phần trước ngày đó (`2025-H1`) thiếu bản ghi của Phường B; phần của chính \
         đơn vị từ ngày đó (`2025-H2`) chưa có bản ghi",
    );
}

/// Cùng kỳ of a year after the reorganisation is a straddling year: a
/// missing part is named there too, as is a missing predecessor before.
#[test]
fn a_missing_part_of_cung_ky_or_of_a_sum_is_named() {
    let site = merged("")
        .edit("content/data/sap-xep.csv", "phuong-moi,2025-H2,450,450,0,450\n", "")
        .remove("content/articles/tin-tuc/phuong-moi.md")
        .write(
            "content/data/nam-2026.csv",
            "unit,period,received\nphuong-moi,2026,1000\n",
        )
        .write(
            "content/articles/tin-tuc/ca-nam.md",
            "---\ntitle: \"Cả năm 2026\"\ndate: 2026-12-30T07:00:00+07:00\nunit: phuong-moi\nperiod: 2026\n---\n\
             Tiếp nhận {{ compare(key=\"received\") }}.\n",
        );
    site.build()
        .fails()
        .stderr_has("content/articles/tin-tuc/ca-nam.md")
        .stderr_has("period `2025`: the period straddles 2025-07-01")
        .stderr_has("the unit's own part from that day (`2025-H2`) has no record");
    // `prev.received` written by hand: the same part named.
    let site = site.write(
        "content/articles/tin-tuc/ca-nam.md",
        "---\ntitle: \"Cả năm 2026\"\ndate: 2026-12-30T07:00:00+07:00\nunit: phuong-moi\nperiod: 2026\n---\n\
         Cùng kỳ {{ prev.received }}.\n",
    );
    site.build()
        .fails()
        .stderr_has(
            "`prev.received` is used, but there is no record for unit `phuong-moi`, period `2025`: \
             the period straddles 2025-07-01",
        )
        .stderr_has("the unit's own part from that day (`2025-H2`) has no record")
        .stderr_has("content/articles/tin-tuc/ca-nam.md:7:12");
    let site = merged("")
        .write(
            "content/data/quy.csv",
            "unit,period,received\nphuong-a,2024-Q1,5\n",
        )
        .edit(
            "content/articles/tin-tuc/phuong-moi.md",
            "Tiếp nhận",
            "Quý I/2024 {{ metric(key=\"received\", period=\"2024-Q1\") | num }}. Tiếp nhận",
        );
    site.build().fails().stderr_has(
        "there is no record for unit `phuong-moi`, period `2024-Q1`: before 2025-07-01, the day \
         the unit was formed, its figures are the sum of the units merged into it, and there is \
         no record of Phường B for that period",
    );
}

#[test]
fn a_metric_a_predecessor_lacks_is_named() {
    let site = merged("")
        .write(
            "content/data/sap-xep-2.csv",
            "unit,period,received_online\nphuong-a,2025-H1,40\n",
        )
        .edit(
            "content/articles/tin-tuc/phuong-moi.md",
            "Tiếp nhận",
            "Trực tuyến {{ metric(key=\"received_online\", period=\"2025-H1\") | num }}. Tiếp nhận",
        );
    site.build().fails().stderr_has(
        "the metric `received_online` has no value for unit `phuong-moi`, period `2025-H1`: \
         it is the sum of the units before the reorganisation, and Phường B lacks it",
    );
}

#[test]
fn a_record_outside_a_units_lifetime_is_a_located_error() {
    let site = merged("").write(
        "content/data/muon.csv",
        "unit,period,received\nphuong-a,2025-Q3,5\n",
    );
    site.build().fails().stderr_has("content/data/muon.csv:2").stderr_has(
        "a record of unit `phuong-a` for period `2025-Q3` (2025-07-01..2025-09-30) lies outside the unit's lifetime (..2025-06-30)",
    );
}

#[test]
fn a_succession_cycle_is_a_located_error() {
    let site = merged(
        "  - { id: vong-1, name: \"Xã 1\", level: commune, since: 2020-01-01, until: 2019-12-31, merged_from: [vong-2] }\n  - { id: vong-2, name: \"Xã 2\", level: commune, since: 2020-01-01, until: 2019-12-31, merged_from: [vong-1] }\n",
    );
    site.build()
        .fails()
        .stderr_has("content/site.yaml:")
        .stderr_has("the units merge in a cycle: `vong-1` → `vong-2` → `vong-1`");
}

#[test]
fn an_overlap_and_a_unit_merged_twice_are_located_errors() {
    let site = merged(
        "  - { id: phuong-khac, name: \"Phường Khác\", level: commune, since: 2025-06-01, merged_from: [phuong-a] }\n",
    );
    site.build()
        .fails()
        .stderr_has("content/site.yaml:")
        .stderr_has("the unit `phuong-a` is merged into two units, `phuong-khac` and `phuong-moi`")
        .stderr_has("the unit `phuong-a` (..2025-06-30) overlaps its successor `phuong-khac` (2025-06-01..)");
}

/// The example site: Phường Trung Tâm (since 1 July 2025) compares its
/// first half of 2026 with the sum of Phường Đông Hưng and Phường Tây Sơn.
#[test]
fn the_example_compares_a_new_ward_with_its_predecessors() {
    let site = SiteTest::example();
    site.build_with(&["--strict"]).succeeds();
    let doc = site.html("tin-tuc/phuong-trung-tam-6-thang-2026/index.html");
    let body = texts(&doc, "main p").join(" ");
    // 16.120 against 8.232 + 6.435 = 14.667.
    assert!(
        body.contains("tăng 1.453 hồ sơ (+9,91%) so với cùng kỳ (tổng của Phường Đông Hưng và Phường Tây Sơn trước sắp xếp)"),
        "{body}"
    );
    // Its summary of 2025 gives the old and new wards their dates.
    let doc = site.html("tong-ket/2025/index.html");
    let units = texts(&doc, ".bc-summary__table tbody th");
    for row in [
        "Phường Đông Hưng (đến 30/06/2025)",
        "Phường Trung Tâm (từ 01/07/2025)",
    ] {
        assert!(units.contains(&row.to_string()), "{units:?}");
    }
    assert!(units.contains(&"Tỉnh Ví Dụ".to_string()), "{units:?}");
    // The 2024 summary has only the wards of 2024.
    let units = texts(
        &site.html("tong-ket/2024/index.html"),
        ".bc-summary__table tbody th",
    );
    assert!(!units.iter().any(|u| u.contains("Trung Tâm")), "{units:?}");
}

#[test]
fn an_english_site_says_so_in_english() {
    let site = merged("").edit("content/site.yaml", "language: vi", "language: en");
    site.build().succeeds();
    let doc = site.html("tin-tuc/phuong-moi/index.html");
    let cmp = texts(&doc, "#cmp").join("");
    assert!(
        cmp.ends_with("on the same period a year earlier (the sum of Phường A and Phường B before the reorganisation)"),
        "{cmp}"
    );
    assert_eq!(
        texts(&doc, ".bc-chart__note"),
        ["Figures of Phường Mới before the reorganisation are the sum of Phường A and Phường B."]
    );
}

/// Districts ended on 1 July 2025: a unit formed since is a province, a
/// commune or a centre; `district` and `city` remain for history.
#[test]
fn a_unit_formed_after_the_reorganisation_is_not_a_district() {
    let site =
        merged("  - { id: huyen-moi, name: \"Huyện Mới\", level: district, since: 2025-07-01 }\n");
    site.build()
        .fails()
        .stderr_has("content/site.yaml:")
        .stderr_has("the unit `huyen-moi` exists after 1 July 2025 but its level is `district`");
}

/// Unit pages show the lineage: predecessors with links, the successor of
/// a dissolved unit, and the dates.
#[test]
fn unit_pages_show_the_lineage() {
    let site = merged("");
    site.build().succeeds();
    let new = site.html("don-vi/phuong-moi/index.html");
    let family = texts(&new, ".bc-unit__family").join(" ");
    assert!(family.contains("01/07/2025"), "{family}");
    assert_eq!(
        texts(&new, ".bc-unit__family li a"),
        ["Phường A", "Phường B"]
    );
    let old = site.html("don-vi/phuong-a/index.html");
    assert!(
        texts(&old, ".bc-unit__family")
            .join(" ")
            .contains("30/06/2025")
    );
    assert_eq!(
        attrs(&old, ".bc-unit__family dd a", "href").last().unwrap(),
        "../../don-vi/phuong-moi/"
    );
}

/// `merged` with the old wards' 2024 records: years before the ward was
/// formed.
fn merged_with_2024() -> SiteTest {
    merged("").edit(
        "content/data/sap-xep.csv",
        "phuong-a,2025-H1",
        "phuong-a,2024,200,200,0,190\nphuong-b,2024,600,600,0,590\nphuong-a,2025-H1",
    )
}

const STRADDLE_NOTE: &str = "Gồm số liệu 6 tháng đầu năm 2025 của Phường A và Phường B trước \
     sắp xếp và số liệu 6 tháng cuối năm 2025 của Phường Mới từ ngày 01/07/2025.";

/// The rows of a table whose period cell or header carries a footnote
/// mark: the text of each row's first cell without the mark, and where
/// the mark links.
fn marked_rows(doc: &scraper::Html, table: &str) -> Vec<(String, String)> {
    let row = scraper::Selector::parse(&format!("{table} tbody tr")).unwrap();
    let mark = scraper::Selector::parse(".bc-note-mark").unwrap();
    let cell = scraper::Selector::parse("th, td").unwrap();
    doc.select(&row)
        .filter_map(|tr| {
            let m = tr.select(&mark).next()?;
            let first = tr.select(&cell).next()?;
            let text: String = first.text().collect();
            Some((
                text.split_whitespace().collect::<Vec<_>>().join(" "),
                m.value().attr("href")?.to_string(),
            ))
        })
        .collect()
}

/// The summary of 2025 lists the wards that existed for part of the year
/// with their dates, in the table and the rankings; the new ward's year
/// adds the old wards' first half to its own second half and says so in
/// a footnote. The summary of 2024 has no row for a ward formed later, so
/// no total counts the same dossiers twice.
#[test]
fn the_yearly_summary_lists_units_of_part_of_the_year_with_their_dates() {
    let site = merged_with_2024();
    site.build().succeeds();
    let doc = site.html("tong-ket/2025/index.html");
    let units = texts(&doc, ".bc-summary__table tbody th");
    for row in [
        "Phường A (đến 30/06/2025)",
        "Phường B (đến 30/06/2025)",
        "Phường Mới (từ 01/07/2025)",
    ] {
        assert!(units.contains(&row.to_string()), "{units:?}");
    }
    let periods = texts(&doc, ".bc-summary__table tbody td.bc-summary__period");
    assert!(periods.contains(&"Năm 20251".to_string()), "{periods:?}");
    assert_eq!(
        marked_rows(&doc, ".bc-summary__table"),
        [(
            "Phường Mới (từ 01/07/2025)".to_string(),
            "#ghi-chu-bang-1".to_string()
        )]
    );
    assert_eq!(texts(&doc, "ol.bc-table-notes li"), [STRADDLE_NOTE]);
    assert_eq!(
        attrs(&doc, "ol.bc-table-notes li", "id"),
        ["ghi-chu-bang-1"]
    );
    let ranked = texts(&doc, ".bc-ranking__list li");
    assert!(
        ranked
            .iter()
            .any(|r| r.starts_with("Phường Mới (từ 01/07/2025): 97,65%")),
        "{ranked:?}"
    );
    assert!(
        ranked
            .iter()
            .any(|r| r.starts_with("Phường A (đến 30/06/2025): 90,00%")),
        "{ranked:?}"
    );

    let doc = site.html("tong-ket/2024/index.html");
    let units = texts(&doc, ".bc-summary__table tbody th");
    assert_eq!(units, ["Phường A", "Phường B"]);
    assert_eq!(
        texts(&doc, ".bc-summary__total th"),
        ["Cộng 2 đơn vị thuộc Tỉnh Thử"]
    );
    assert_eq!(
        texts(&doc, ".bc-summary__total td")[..2],
        ["Năm 2024", "800"]
    );
    assert!(texts(&doc, "ol.bc-table-notes li").is_empty());
}

#[test]
fn an_english_summary_gives_the_dates_in_english() {
    let site = merged("").edit("content/site.yaml", "language: vi", "language: en");
    site.build().succeeds();
    let doc = site.html("tong-ket/2025/index.html");
    let units = texts(&doc, ".bc-summary__table tbody th");
    assert!(
        units.contains(&"Phường A (until 30/06/2025)".to_string()),
        "{units:?}"
    );
    assert!(
        units.contains(&"Phường Mới (from 01/07/2025)".to_string()),
        "{units:?}"
    );
    assert_eq!(
        texts(&doc, "ol.bc-table-notes li"),
        [
            "Combines the figures of Phường A and Phường B for first half of 2025, before the \
          reorganisation, with those of Phường Mới for second half of 2025, from 01/07/2025."
        ]
    );
}

/// A ward formed mid-year whose year has no straddling figure (the old
/// wards' first half is missing) shows its own figures since it was
/// formed, not the sum of some predecessors'.
#[test]
fn a_ward_formed_mid_year_without_the_first_half_shows_its_own() {
    let site = merged("")
        .edit(
            "content/data/sap-xep.csv",
            "phuong-b,2025-H1,300,300,0,290\n",
            "",
        )
        .remove("content/articles/tin-tuc/phuong-moi.md");
    site.build().succeeds();
    let doc = site.html("tong-ket/2025/index.html");
    let units = texts(&doc, ".bc-summary__table tbody th");
    let at = units
        .iter()
        .position(|u| u == "Phường Mới (từ 01/07/2025)")
        .unwrap_or_else(|| panic!("{units:?}"));
    let periods = texts(&doc, ".bc-summary__table tbody td.bc-summary__period");
    assert_eq!(periods[at], "6 tháng cuối năm 2025");
    assert!(marked_rows(&doc, ".bc-summary__table").is_empty());
}

/// The ward's page marks each figure that is a sum of the old wards'
/// with a footnote saying so.
#[test]
fn the_unit_pages_records_mark_sums_of_predecessors() {
    let site = merged_with_2024();
    site.build().succeeds();
    let doc = site.html("don-vi/phuong-moi/index.html");
    let marked = marked_rows(&doc, "table.bc-records");
    let rows: Vec<(&str, &str)> = marked
        .iter()
        .map(|(p, h)| (p.as_str(), h.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("Năm 20251", "#ghi-chu-so-lieu-1"),
            ("6 tháng đầu năm 20252", "#ghi-chu-so-lieu-2"),
            ("Năm 20242", "#ghi-chu-so-lieu-2"),
        ]
    );
    assert_eq!(
        texts(&doc, "ol.bc-table-notes li"),
        [
            STRADDLE_NOTE,
            "Tổng của Phường A và Phường B trước sắp xếp."
        ]
    );
    // The ward's own records carry no mark.
    let all = texts(&doc, "table.bc-records tbody th");
    assert!(
        all.contains(&"6 tháng cuối năm 2025".to_string()),
        "{all:?}"
    );
    assert!(all.contains(&"6 tháng đầu năm 2026".to_string()), "{all:?}");
}

const BOM: &str = "\u{feff}";

fn csv_rows(site: &SiteTest, rel: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let text = site.read(rel);
    let text = text.strip_prefix(BOM).unwrap_or(&text);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    r.records()
        .map(|row| {
            header
                .iter()
                .cloned()
                .zip(row.unwrap().iter().map(str::to_string))
                .collect()
        })
        .collect()
}

/// Open data never passes a sum off as a reported record: a sum's own
/// files name the records it adds up, and the year's CSV holds reported
/// records only.
#[test]
fn open_data_marks_sums_and_the_years_file_holds_reported_records() {
    let site = merged_with_2024();
    site.build().succeeds();
    let row = &csv_rows(&site, "du-lieu/phuong-moi/2024.csv")[0];
    assert_eq!(row["derived_from"], "phuong-a/2024;phuong-b/2024");
    assert_eq!(row["received"], "800");
    let year: serde_json::Value =
        serde_json::from_str(&site.read("du-lieu/phuong-moi/2025.json")).unwrap();
    assert_eq!(
        year["derived_from"],
        serde_json::json!(["phuong-a/2025-H1", "phuong-b/2025-H1", "phuong-moi/2025-H2"])
    );
    assert!(year.get("source").is_none());
    assert!(
        year["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["derived"] == true)
    );
    // Each part names a file of the site.
    for part in year["derived_from"].as_array().unwrap() {
        let rel = format!("du-lieu/{}.csv", part.as_str().unwrap());
        assert!(site.out().join(&rel).is_file(), "{rel}");
    }
    // A reported record has no such column or field.
    let own = &csv_rows(&site, "du-lieu/phuong-moi/2025-H2.csv")[0];
    assert!(!own.contains_key("derived_from"), "{own:?}");
    let own: serde_json::Value =
        serde_json::from_str(&site.read("du-lieu/phuong-moi/2025-H2.json")).unwrap();
    assert!(own.get("derived_from").is_none());
    // The years' files: the old wards' records and the new ward's own.
    for (file, expected) in [
        (
            "du-lieu/2024.csv",
            vec![("phuong-a", "2024"), ("phuong-b", "2024")],
        ),
        (
            "du-lieu/2025.csv",
            vec![
                ("phuong-a", "2025-H1"),
                ("phuong-b", "2025-H1"),
                ("phuong-moi", "2025-H2"),
            ],
        ),
    ] {
        let rows = csv_rows(&site, file);
        let ours: Vec<(&str, &str)> = rows
            .iter()
            .filter(|r| r["unit"].starts_with("phuong-"))
            .map(|r| (r["unit"].as_str(), r["period"].as_str()))
            .collect();
        assert_eq!(ours, expected, "{file}");
        assert!(rows.iter().all(|r| !r.contains_key("derived_from")));
    }
}

/// Over a period straddling 1 July 2025, flows add up but stocks do not.
/// The example's Phường Trung Tâm for 9 months of 2025 is Phường Đông
/// Hưng's and Phường Tây Sơn's first half (8.232 + 6.435 received, 234 +
/// 184 carried over, 8.204 + 6.425 resolved) and its own third quarter
/// (7.958 received, 456 carried over, 8.321 resolved, 93 pending): 418
/// dossiers carried into the 9 months, not 874, and 93 pending at their
/// end, not 549. Open data shows the same.
#[test]
fn a_straddling_period_of_the_example_takes_stocks_from_their_part() {
    let site = SiteTest::example();
    site.build_with(&["--strict"]).succeeds();
    for (period, received, carried, resolved, pending) in [
        ("2025-9M", 22625, 418, 22950, 93),
        // 7 months: the first half and July (2.788 + 456 − 3.116 = 128).
        ("2025-7M", 17455, 418, 17745, 128),
    ] {
        let rel = format!("du-lieu/phuong-trung-tam/{period}");
        let row = &csv_rows(&site, &format!("{rel}.csv"))[0];
        assert!(!row["derived_from"].is_empty(), "{row:?}");
        for (key, want) in [
            ("received", received),
            ("carried_over", carried),
            ("resolved", resolved),
            ("pending", pending),
        ] {
            assert_eq!(row[key], want.to_string(), "{period} {key}");
        }
        let json: serde_json::Value =
            serde_json::from_str(&site.read(&format!("{rel}.json"))).unwrap();
        assert_eq!(json["values"]["carried_over"], carried, "{period}");
        assert_eq!(json["values"]["pending"], pending, "{period}");
        // received + carried_over == resolved + pending for the whole.
        assert_eq!(received + carried, resolved + pending, "{period}");
        // The site's own rate of what had to be resolved uses them too.
        let share = json["values"]["resolved_share"].as_f64().unwrap();
        let want = resolved as f64 / (received + carried) as f64 * 100.0;
        assert!((share - want).abs() < 1e-9, "{period}: {share} ≠ {want}");
    }
}

/// Every figure of the example added up from the units before the
/// reorganisation passes the checks a reported record does: each
/// formula against the values it relates (`pending` against `received +
/// carried_over - resolved`, which holds over a straddle only when both
/// stocks come from their own part, or both are summed), and the
/// catalogue's checks.
#[test]
fn the_examples_combined_figures_are_consistent() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (site, _) = baocao::site::load(root).unwrap();
    let (figures, diags) =
        baocao::data::compute_with_units(site.records.clone(), &site.catalogue, &site.units);
    assert!(diags.is_empty(), "{diags:#?}");
    let mut combined = 0;
    let mut straddling = 0;
    for f in figures
        .records
        .values()
        .filter(|f| f.is_from_predecessors())
    {
        combined += 1;
        let since = site.units[&f.unit].since.unwrap();
        if f.period.start() < since && since <= f.period.end() {
            straddling += 1;
        }
        let get = |k: &str| f.get(k);
        for def in site.catalogue.iter() {
            let (Some(formula), Some(v)) = (&def.formula, f.get(def.key.as_str())) else {
                continue;
            };
            if let Some(computed) = formula.eval(&get) {
                assert!(
                    (computed - v).abs() <= 0.5,
                    "{} {}: {} is {v}, its formula gives {computed}",
                    f.unit,
                    f.period.id(),
                    def.key
                );
            }
        }
        for check in &site.catalogue.checks {
            if let Some(o) = check.expr.check(&get, 0.5) {
                assert!(o.holds, "{} {}: {}", f.unit, f.period.id(), check.text);
            }
        }
    }
    // Three wards, each with 2023, 2023-H1, 2024, 2024-H1 and 2025-H1
    // before 1 July, and 7 and 9 months of 2025 across it.
    assert_eq!((combined, straddling), (21, 6));
}

/// `import` matches a form's names among the units of its period: after
/// the reorganisation a new ward has an old one's name, and the period
/// decides; a name of a ward dissolved before the period is an error
/// naming it and its dates, and adds no unit.
#[test]
fn import_matches_names_among_the_units_of_the_forms_period() {
    let site = merged(
        "  - { id: an-lac-cu, name: \"Phường An Lạc\", parent: tinh-thu, level: commune, until: 2025-06-30 }
  - { id: an-lac, name: \"Phường An Lạc\", parent: tinh-thu, level: commune, since: 2025-07-01, merged_from: [an-lac-cu] }
",
    )
    .write(
        "nhap/an-lac.csv",
        "Đơn vị,Kỳ báo cáo,Tiếp nhận\nPhường An Lạc,2025-H1,100\nUBND phường An Lạc,2026-H1,120\n",
    )
    .write(
        "nhap/cu.csv",
        "Đơn vị,Kỳ báo cáo,Tiếp nhận\nPhường Mới,2026-H1,7\nPhường A,2026-H1,5\n",
    );
    let root = site.root.to_str().unwrap().to_string();
    let file = |f: &str| site.root.join("nhap").join(f);
    let out_dir = site.root.join("content/data/nhap");
    let out = out_dir.to_str().unwrap();
    site.run(&[
        "import",
        "--root",
        &root,
        "--out",
        out,
        file("an-lac.csv").to_str().unwrap(),
    ])
    .succeeds();
    site.build().succeeds();
    let old = &csv_rows(&site, "du-lieu/an-lac-cu/2025-H1.csv")[0];
    assert_eq!(old["received"], "100");
    let new = &csv_rows(&site, "du-lieu/an-lac/2026-H1.csv")[0];
    assert_eq!(new["received"], "120");

    let site_yaml = site.root.join("content/site.yaml");
    let before = std::fs::read_to_string(&site_yaml).unwrap();
    site.run(&[
        "import",
        "--root",
        &root,
        "--out",
        out,
        file("cu.csv").to_str().unwrap(),
    ])
    .fails()
    .stderr_has("nhap/cu.csv:3")
    .stderr_has(
        "\"Phường A\" names `phuong-a` (..2025-06-30), which did not exist throughout the \
         period `2026-H1` (2026-01-01..2026-06-30): its row is not imported",
    )
    .stderr_has("hint: check the form's period, or `since`/`until` of the unit");
    assert_eq!(
        std::fs::read_to_string(&site_yaml).unwrap(),
        before,
        "no unit is added"
    );
}
