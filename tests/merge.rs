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
    assert_eq!(texts(&doc, ".bc-table__note"), [note]);
    let cards = texts(&doc, ".bc-kpis").join(" ");
    assert!(
        cards.contains("so với cùng kỳ (tổng của Phường A và Phường B trước sắp xếp)"),
        "{cards}"
    );
    assert!(texts(&doc, ".bc-table td").contains(&"95%".to_string()));
}

#[test]
fn a_straddling_period_without_both_parts_has_no_value() {
    let site = merged("").edit(
        "content/data/sap-xep.csv",
        "phuong-moi,2025-H2,450,450,0,450\n",
        "",
    );
    site.build()
        .fails()
        .stderr_has("there is no record for unit `phuong-moi`, period `2025`");
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
