//! One run reports everything: an error in an article's front matter does
//! not hide the errors of its body and summary, which are still checked
//! (rendered when the article's unit and period are valid, else compiled).

mod common;
use common::*;

const ARTICLE: &str = "content/articles/tin-tuc/thuan-an-9-thang.md";

#[test]
fn a_bad_date_and_the_body_and_summary_errors_are_reported_together() {
    let site = SiteTest::fixture("good")
        .edit(
            ARTICLE,
            "date: 2023-10-26T07:00:00+07:00",
            "date: 26/10/2023",
        )
        .edit(
            ARTICLE,
            "{{ data.received | num }}**",
            "{{ data.recieved | num }}**",
        )
        .edit(
            ARTICLE,
            "trước hạn {{ data.early_rate | pct }}",
            "trước hạn {{ data.early_rat | pct }}",
        );
    for out in [site.build(), site.check()] {
        out.fails()
            .stderr_has("error: `26/10/2023` is not a date")
            .stderr_has(&format!("--> {ARTICLE}:3:7"))
            .stderr_has("unknown metric key `early_rat`")
            .stderr_has(&format!("--> {ARTICLE}:6:"))
            .stderr_has("unknown metric key `recieved`")
            .stderr_has(&format!("--> {ARTICLE}:11:"))
            // The date's error is not repeated as "no date".
            .stderr_lacks("has no date")
            .stderr_has("3 errors");
        // In the order of the file's lines.
        let date = out.plain.find("26/10/2023").unwrap();
        let summary = out.plain.find("early_rat").unwrap();
        let body = out.plain.find("recieved").unwrap();
        assert!(date < summary && summary < body, "{}", out.stderr);
    }
    assert!(!site.out().exists());
}

#[test]
fn a_bad_unit_still_reports_the_body_template_errors_without_follow_ups() {
    // The unit chooses the body's figures: with it wrong, the body is only
    // compiled, so `data.…` is not reported as missing.
    let site = SiteTest::fixture("good")
        .edit(ARTICLE, "unit: thuan-an", "unit: thuan-am")
        .edit(
            ARTICLE,
            "## Kết quả giải quyết",
            "## Kết quả {{ data.received ",
        );
    site.build()
        .fails()
        .stderr_has("unknown unit `thuan-am`")
        .stderr_has(&format!("--> {ARTICLE}:4:"))
        .stderr_has(&format!("--> {ARTICLE}:17:"))
        .stderr_lacks("no unit")
        .stderr_has("2 errors");
    // A bad period likewise.
    let site = SiteTest::fixture("good")
        .edit(ARTICLE, "period: 2023-9M", "period: Q3/2023")
        .edit(
            ARTICLE,
            "## Kết quả giải quyết",
            "## Kết quả {{ data.received ",
        );
    site.build()
        .fails()
        .stderr_has("bad period `Q3/2023`")
        .stderr_has(&format!("--> {ARTICLE}:17:"))
        .stderr_has("2 errors");
}

#[test]
fn an_unreadable_front_matter_still_reports_the_body_syntax_errors() {
    let site = SiteTest::fixture("good")
        .edit(ARTICLE, "author:", "autor:")
        .edit(
            ARTICLE,
            "## Kết quả giải quyết",
            "## Kết quả {{ data.received ",
        );
    site.build()
        .fails()
        .stderr_has("there is no field `autor`")
        .stderr_has(&format!("--> {ARTICLE}:7:"))
        .stderr_has(&format!("--> {ARTICLE}:17:"))
        .stderr_has("2 errors");
}

#[test]
fn a_draft_with_a_bad_date_has_its_body_checked_only_with_drafts() {
    let draft = "content/articles/tin-tuc/ban-nhap.md";
    let site = SiteTest::fixture("good")
        .edit(draft, "date: 2024-02-01T08:00:00+07:00", "date: 2024-02-30")
        .edit(draft, "Chưa xuất bản.", "Chưa xuất bản {{ data.received ");
    site.build()
        .fails()
        .stderr_has("`2024-02-30` is not a date")
        .stderr_has("1 error");
    site.build_with(&["--drafts"])
        .fails()
        .stderr_has("`2024-02-30` is not a date")
        .stderr_has(&format!("--> {draft}:6:"))
        .stderr_has("2 errors");
}
