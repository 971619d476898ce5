use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::*;
use crate::data::{Origin, Record, UnitId};
use crate::messages::Lang;

/// A record of `unit` for `period` with these given figures.
fn record(unit: &str, period: &str, values: &[(&str, f64)]) -> Record {
    Record {
        unit: UnitId(unit.into()),
        period: Period::parse(period).unwrap(),
        source: None,
        values: values
            .iter()
            .map(|(k, v)| (crate::data::MetricKey::parse(k).unwrap(), *v))
            .collect::<BTreeMap<_, _>>(),
        origin: Origin {
            path: PathBuf::from("content/data/x.yaml"),
            line: 1,
            col: 1,
            source_line: String::new(),
        },
    }
}

/// Thuận An's centre in 9 months of 2023 (SPEC §3), the same centre a
/// year before, Lào Cai's centre in 2023 and 2022, and a commune.
fn figures() -> Figures {
    let records = vec![
        record(
            "thuan-an",
            "2023-9M",
            &[
                ("received", 10551.0),
                ("received_online", 2977.0),
                ("received_direct", 7574.0),
                ("carried_over", 305.0),
                ("resolved", 10816.0),
                ("resolved_early", 8906.0),
                ("resolved_on_time", 1638.0),
            ],
        ),
        record("thuan-an", "2022-9M", &[("received", 9000.0)]),
        record(
            "xa",
            "2023-9M",
            &[("satisfaction", 93.5), ("received", 82361.0)],
        ),
        record(
            "lao-cai",
            "2023",
            &[
                ("received", 83786.0),
                ("online_rate", 54.76),
                ("late_rate", 1.86),
                ("online_payment_amount", 4_700_000.0),
            ],
        ),
        record(
            "lao-cai",
            "2022",
            &[("received", 66204.0), ("online_rate", 42.46)],
        ),
        record(
            "chau-doc",
            "2020",
            &[
                ("received", 6580.0),
                ("resolved", 6123.0),
                ("resolved_late", 0.0),
            ],
        ),
    ];
    crate::data::compute(records, &Catalogue::builtin()).0
}

/// The findings of `text` in an article of `unit` and `period`: the text
/// each covers and its message and hint in English.
fn lint(unit: &str, period: &str, text: &str) -> Vec<(String, String, String)> {
    let catalogue = Catalogue::builtin();
    let words = crate::theme::Theme::builtin().words("vi");
    let figures = figures();
    let lint = Lint::new(&catalogue, &words);
    let doc = document(unit, period, text, None);
    let records = Records::of(&doc, &figures);
    lint.text(text, &records)
        .into_iter()
        .map(|f| (text[f.span].to_string(), f.message.en(), f.hint.en()))
        .collect()
}

fn document(unit: &str, period: &str, body: &str, summary: Option<&str>) -> Document {
    let summary_line = summary.map_or(String::new(), |s| format!("summary: \"{s}\"\n"));
    let text = format!(
        "---\ntitle: T\ndate: 2024-01-01\nunit: {unit}\nperiod: \"{period}\"\n{summary_line}---\n{body}"
    );
    let units = ["thuan-an", "xa", "lao-cai", "chau-doc"]
        .iter()
        .map(|u| {
            // Read as `site.yaml` writes a unit, whatever fields it gains.
            let unit: crate::model::Unit =
                yaml_serde::from_str(&format!("{{ id: {u}, name: {u}, level: city }}")).unwrap();
            (UnitId(u.to_string()), unit)
        })
        .collect();
    let mut diags = Vec::new();
    let doc = crate::site::parsers::document(
        Path::new("content/articles/a.md"),
        "a.md".into(),
        text,
        &units,
        &mut diags,
    );
    assert!(diags.is_empty(), "{diags:?}");
    doc.unwrap()
}

fn covered(found: &[(String, String, String)]) -> Vec<&str> {
    found.iter().map(|(t, _, _)| t.as_str()).collect()
}

#[test]
fn a_figure_of_the_record_is_named_with_its_expression() {
    let found = lint(
        "thuan-an",
        "2023-9M",
        "Trung tâm tiếp nhận 10.551 hồ sơ, trong đó có 2.977 hồ sơ trực tuyến.",
    );
    assert_eq!(covered(&found), ["10.551 hồ sơ", "2.977 hồ sơ"]);
    assert_eq!(
        found[0].1,
        "`10.551 hồ sơ` is typed by hand, and it is `received` (Hồ sơ tiếp nhận) of this \
         article's record, 10.551: it will not follow the data when the data is corrected"
    );
    assert!(
        found[0]
            .2
            .starts_with("write `{{ data.received | num }}` instead"),
        "{found:?}"
    );
    assert!(found[1].2.contains("`{{ data.received_online | num }}`"));
}

#[test]
fn rates_match_as_written_rounded_or_cut() {
    // early_rate is 8906 / 10816 = 82,341…%.
    for (written, filter) in [
        ("82,34%", "pct }}"),
        ("82.34%", "pct }}"),
        ("82,3%", "pct(decimals=1) }}"),
        ("82%", "pct(decimals=0) }}"),
        ("82,34 phần trăm", "pct }}"),
    ] {
        let text = format!("Tỷ lệ giải quyết trước hạn đạt {written}.");
        let found = lint("thuan-an", "2023-9M", &text);
        assert_eq!(covered(&found), [written], "{found:?}");
        assert!(found[0].1.contains("`early_rate`"), "{found:?}");
        assert!(
            found[0].2.contains(&format!("data.early_rate | {filter}")),
            "{found:?}"
        );
    }
    // online_rate is 28,2154…%: cut to 28,21 it is still the figure.
    let found = lint("thuan-an", "2023-9M", "Tỷ lệ hồ sơ trực tuyến đạt 28,21%.");
    assert_eq!(covered(&found), ["28,21%"]);
    assert!(found[0].1.contains("`online_rate`") && found[0].1.contains("28,22%"));
    // Without the metric's words: precise, and whole only when exact.
    assert_eq!(
        covered(&lint("thuan-an", "2023-9M", "Đạt 82,34%.")),
        ["82,34%"]
    );
    assert!(lint("thuan-an", "2023-9M", "Đạt 82%, còn 3%.").is_empty());
    // 82,5% is no figure of the record.
    assert!(lint("thuan-an", "2023-9M", "Đạt 82,5%.").is_empty());
}

#[test]
fn cung_ky_and_other_units_of_the_period_are_figures_too() {
    let found = lint(
        "thuan-an",
        "2023-9M",
        "Cùng kỳ năm trước tiếp nhận 9.000 hồ sơ. Cấp xã tiếp nhận 82.361 hồ sơ, mức độ hài lòng đạt 93,5%.",
    );
    assert_eq!(covered(&found), ["9.000 hồ sơ", "82.361 hồ sơ", "93,5%"]);
    assert!(
        found[0]
            .1
            .contains("of the same period last year (9 tháng đầu năm 2022)")
    );
    assert!(found[0].2.contains("`{{ prev.received | num }}`"));
    assert!(found[1].1.contains("of unit `xa` in 9 tháng đầu năm 2023"));
    assert!(
        found[2].2.contains(
            "`{{ metric(key=\"satisfaction\", unit=\"xa\", period=\"2023-9M\") | pct }}`"
        ),
        "{found:?}"
    );
}

#[test]
fn money_is_read_with_its_multiplier() {
    let found = lint(
        "lao-cai",
        "2023",
        "Thanh toán trực tuyến tổng số tiền trên 4,7 triệu đồng.",
    );
    assert_eq!(covered(&found), ["4,7 triệu đồng"]);
    assert!(
        found[0]
            .2
            .contains("`{{ data.online_payment_amount | vnd }}`")
    );
}

#[test]
fn a_rate_beside_its_words_that_disagrees_is_reported_with_both_numbers() {
    // on_time_rate is (8906 + 1638) / 10816 = 97,49%.
    let found = lint(
        "thuan-an",
        "2023-9M",
        "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 3%.",
    );
    assert_eq!(covered(&found), ["3%"]);
    assert_eq!(
        found[0].1,
        "`3%` beside “giải quyết đúng hạn” disagrees with the data: `on_time_rate` (Tỷ lệ giải quyết \
         đúng và trước hạn) is 97,49%"
    );
    assert!(found[0].2.contains("`{{ data.on_time_rate | pct }}`"));
    // Spelt `tỉ lệ … đúng hẹn`, and with the rate words last.
    for text in [
        "Tỉ lệ xử lý đúng hẹn 3%.",
        "Hồ sơ trực tuyến 2.000, tỷ lệ đúng hạn 15%, trước hạn 82,34%.",
    ] {
        let found = lint("thuan-an", "2023-9M", text);
        assert!(
            found
                .iter()
                .any(|f| f.1.contains("disagrees") && f.1.contains("on_time_rate")),
            "{text}: {found:?}"
        );
    }
    // A bound that holds, and one that does not.
    assert!(lint("thuan-an", "2023-9M", "Tỷ lệ đúng hạn đạt trên 90%.").is_empty());
    assert!(lint("thuan-an", "2023-9M", "Tỷ lệ đúng hạn đạt gần 98%.").is_empty());
    assert_eq!(
        covered(&lint("thuan-an", "2023-9M", "Tỷ lệ đúng hạn đạt trên 99%.")),
        ["99%"]
    );
    // Words after a rate name it for equality, never for a contradiction.
    let found = lint(
        "thuan-an",
        "2023-9M",
        "Có 97,49% hồ sơ đúng hạn. Có 3% hồ sơ đúng hạn.",
    );
    assert_eq!(covered(&found), ["97,49%"], "{found:?}");
    // Rates that are not the metric's: a share of the count before them,
    // a comparison, a starting point.
    for text in [
        "Có 1.638 hồ sơ giải quyết đúng hạn, chiếm 15,14%.",
        "Tỷ lệ đúng hạn cao hơn mức bình quân 90% của tỉnh.",
        "Tỷ lệ đúng hạn cao hơn mức 90% của năm trước.",
        "Tỷ lệ đúng hạn so với 95% của tỉnh.",
        "Tỷ lệ đúng hạn tăng từ 60% lên 97,49%.",
    ] {
        let found = lint("thuan-an", "2023-9M", text);
        assert!(
            found.iter().all(|f| !f.1.contains("disagrees")),
            "{text}: {found:?}"
        );
    }
    // A count's longer name is not the rate's: not a contradiction.
    assert!(lint("thuan-an", "2023-9M", "Thanh toán trực tuyến đạt 30%.").is_empty());
    // A target is not a result.
    assert!(
        lint(
            "thuan-an",
            "2023-9M",
            "Phấn đấu năm 2025 đạt 50% hồ sơ trực tuyến; mục tiêu tỷ lệ đúng hạn 100%."
        )
        .is_empty()
    );
}

#[test]
fn a_rate_known_from_its_complement_is_checked_but_never_claimed() {
    // Châu Đốc 2020 has no late dossier: on time (and early) is 100%.
    let found = lint(
        "chau-doc",
        "2020",
        "Văn bản đến đạt 100%. Tỉ lệ hồ sơ xử lý đúng hạn 3%, trước hạn 95,6%.",
    );
    assert_eq!(covered(&found), ["3%"]);
    assert!(found[0].1.contains("is 100%"), "{found:?}");
    assert!(found[0].2.contains("`{{ (100 - data.late_rate) | pct }}`"));
}

#[test]
fn changes_are_checked_against_cung_ky() {
    let found = lint(
        "lao-cai",
        "2023",
        "Tiếp nhận mới 83.786 hồ sơ (tăng 17.582 hồ sơ so với cùng kỳ). Tỷ lệ hồ sơ trực tuyến \
         đạt 54,76%, tăng 12,3% so với cùng kỳ. Tỷ lệ hồ sơ chậm muộn giảm xuống còn 1,86%.",
    );
    assert_eq!(
        covered(&found),
        ["83.786 hồ sơ", "17.582 hồ sơ", "54,76%", "12,3%", "1,86%"]
    );
    assert!(found[1].1.contains(
        "the change of `received` (Hồ sơ tiếp nhận): “tăng 17.582 hồ sơ (+26,56%) so với cùng kỳ”"
    ));
    assert!(found[1].2.contains("`{{ compare(key=\"received\") }}`"));
    assert_eq!(
        found[3].1,
        "`12,3%` writes the change of a rate in percent: `online_rate` (Tỷ lệ hồ sơ trực tuyến) \
         went from 42,46% to 54,76%, a change of 12,3 percentage points"
    );
    assert!(found[3].2.contains("percentage points (điểm phần trăm)"));
    assert!(found[4].1.contains("`late_rate`") && !found[4].1.contains("change"));
    // Right in points, right in % for a count, wrong, and the wrong way.
    let found = lint(
        "lao-cai",
        "2023",
        "Tỷ lệ trực tuyến tăng 12,3 điểm phần trăm. Hồ sơ tiếp nhận tăng 26,56%. \
         Hồ sơ tiếp nhận tăng 5%. Hồ sơ tiếp nhận giảm 17.582 hồ sơ so với cùng kỳ.",
    );
    assert_eq!(
        covered(&found),
        ["12,3 điểm phần trăm", "26,56%", "5%", "17.582 hồ sơ"],
        "{found:?}"
    );
    assert!(found[0].1.contains("the change of `online_rate`"));
    assert!(found[1].1.contains("the change of `received`"));
    for f in &found[2..] {
        assert!(
            f.1.contains(
                "disagrees with the data: for `received` (Hồ sơ tiếp nhận) the data \
                 gives “tăng 17.582 hồ sơ (+26,56%) so với cùng kỳ”"
            ),
            "{f:?}"
        );
    }
    // `+26,56%` is a change too.
    assert_eq!(
        covered(&lint("lao-cai", "2023", "Hồ sơ tiếp nhận (+26,56%).")),
        ["+26,56%"]
    );
    // A difference that is no change over time, a change against another
    // baseline: not compared.
    assert!(
        lint(
            "lao-cai",
            "2023",
            "Tỷ lệ trực tuyến giữa hai xã chênh nhau 25,7 điểm phần trăm. \
             Hồ sơ tiếp nhận tăng 40% so với năm 2020."
        )
        .is_empty()
    );
    // No cùng kỳ record: nothing to compare with.
    assert!(lint("thuan-an", "2023-9M", "Tỷ lệ trực tuyến tăng 12,3%.").is_empty());
}

#[test]
fn dates_that_cannot_exist_are_reported() {
    let found = lint(
        "thuan-an",
        "2023-9M",
        "Ngày 32/10/2023 và 29/02/2023, đến tháng 13/11/2020, tháng 13/2020, ngày 31/4.",
    );
    assert_eq!(
        covered(&found),
        [
            "32/10/2023",
            "29/02/2023",
            "tháng 13/11/2020",
            "tháng 13/2020",
            "31/4"
        ]
    );
    let en: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
    assert_eq!(
        en,
        [
            "`32/10/2023` is not a date that exists: month 10 has no day 32",
            "`29/02/2023` is not a date that exists: 2023 is not a leap year, so February has 28 days",
            "`tháng 13/11/2020` is not a date that exists: “tháng” (month) is followed by a whole \
             date, and there is no month 13",
            "`tháng 13/2020` is not a date that exists: there is no month 13",
            "`31/4` is not a date that exists: month 4 has no day 31",
        ]
    );
    assert_eq!(
        found[2].2,
        "a day is written `ngày 13/11/2020`, a month `tháng 11/2020`"
    );
    // Dates that exist, fractions and numbers of documents.
    assert!(
        lint(
            "thuan-an",
            "2023-9M",
            "Ngày 13/11/2020, 29/02/2024, ngày 28/01, tháng 10/2023, 09/25 dịch vụ, \
             Nghị quyết số 10/2023/NQ-HĐND, Chỉ thị số 14/CT-TTg ngày 25/5/2018."
        )
        .is_empty()
    );
}

#[test]
fn numbers_that_are_not_figures_are_left_alone() {
    for text in [
        // Template expressions, tags and comments.
        "Tiếp nhận {{ data.received | num }} hồ sơ {# 10.551 hồ sơ #}{% set x = 10551 %}.",
        // Code.
        "Viết `10.551 hồ sơ` hoặc:\n\n```\n10.551 hồ sơ\n```\n",
        // Years, ranges of years, ISO codes, phone numbers, list numbers.
        "Năm 2023, giai đoạn 2022 - 2025, ISO 9001:2015, tổng đài 19008996, số 0000 000 000.",
        "1. Một\n2. Hai\n",
        // Small numbers without a unit; 0% and 100% alone.
        "Có 3 hội nghị, 10 tổ công tác, đạt 100%, còn 0%.",
        // Links.
        "[báo cáo](https://example.gov.vn/10551.pdf)",
    ] {
        assert!(
            lint("thuan-an", "2023-9M", text).is_empty(),
            "{text}: {:?}",
            lint("thuan-an", "2023-9M", text)
        );
    }
    // A number under 1.000 without a unit word: only after its metric's
    // words (`carried_over` is 305).
    assert!(lint("thuan-an", "2023-9M", "Hội nghị có 305 đại biểu.").is_empty());
    assert_eq!(
        covered(&lint("thuan-an", "2023-9M", "Số tồn kỳ trước là 305.")),
        ["305"]
    );
    // A small count with its unit word, a number glued to its unit word.
    assert_eq!(
        covered(&lint(
            "chau-doc",
            "2020",
            "Không có hồ sơ quá hạn (0 hồ sơ), 6.580hồ sơ."
        )),
        ["0 hồ sơ", "6.580hồ sơ"]
    );
}

#[test]
fn an_article_without_records_has_only_its_dates_checked() {
    let catalogue = Catalogue::builtin();
    let words = crate::theme::Theme::builtin().words("vi");
    let lint = Lint::new(&catalogue, &words);
    let found = lint.text(
        "Tiếp nhận 10.551 hồ sơ ngày 32/10/2023.",
        &Records::default(),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].message.code(), "W0705");
}

#[test]
fn warnings_are_located_in_the_file_and_lint_false_turns_them_off() {
    let catalogue = Catalogue::builtin();
    let words = crate::theme::Theme::builtin().words("vi");
    let figures = figures();
    let lint = Lint::new(&catalogue, &words);
    let doc = document(
        "thuan-an",
        "2023-9M",
        "Mở đầu.\n\nTrung tâm tiếp nhận 10.551 hồ sơ.\n",
        Some("Đã tiếp nhận 10.551 hồ sơ."),
    );
    let found = lint.document(&doc, &figures);
    let places: Vec<_> = found
        .iter()
        .map(|d| {
            (
                d.path.clone().unwrap(),
                d.line.unwrap(),
                d.col.unwrap(),
                d.len,
            )
        })
        .collect();
    let file = PathBuf::from("content/articles/a.md");
    // Line 6 is `summary: "Đã tiếp nhận …"`; the body starts on line 8.
    assert_eq!(
        places,
        [(file.clone(), 10, 21, 12), (file, 6, 24, 12)],
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .all(|d| d.severity == crate::diagnostic::Severity::Warning)
    );
    let shown = found[0].render(Lang::Vi);
    assert!(
        shown.starts_with("cảnh báo[W0701]: `10.551 hồ sơ` được gõ tay"),
        "{shown}"
    );
    assert!(shown.contains("content/articles/a.md:10:21"), "{shown}");
    let mut off = doc.clone();
    off.front.lint_off = true;
    assert!(lint.document(&off, &figures).is_empty());
}

#[test]
fn a_site_in_english_reads_numbers_the_english_way() {
    let catalogue = Catalogue::builtin();
    let words = crate::theme::Theme::builtin().words("en");
    let figures = figures();
    let lint = Lint::new(&catalogue, &words);
    let doc = document("thuan-an", "2023-9M", "", None);
    let records = Records::of(&doc, &figures);
    let found = lint.text("Received 10,551 hồ sơ, 82.34% early.", &records);
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn the_lint_finishes_on_hostile_text() {
    // Long sentences full of figures and names, many blocks, unclosed
    // tags: the work grows with the text, not with its square.
    let nasty = [
        "1.".repeat(5_000),
        "tỷ lệ trực tuyến tăng 12,3% ngày 99/99/9999 đúng hạn 3% ".repeat(3_000),
        "- a 10.551 hồ sơ\n".repeat(5_000),
        "> ".repeat(2_000) + "đạt 54,76%",
        "{{ {% {# ".repeat(1_000),
    ]
    .concat();
    let start = std::time::Instant::now();
    let found = lint("lao-cai", "2023", &nasty);
    assert!(!found.is_empty());
    assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
}
