//! chart(), kpis() and table() in articles: through Markdown intact,
//! escaped, deterministic, and with errors that name the argument.

mod common;
use common::*;

const PAGE: &str = "content/articles/bieu-do.md";

fn with_body(body: &str) -> SiteTest {
    SiteTest::fixture("good").write(
        PAGE,
        &format!("---\ntitle: Biểu đồ\ndate: 2023-11-01T08:00:00+07:00\nunit: thuan-an\nperiod: 2023-9M\n---\nĐoạn mở đầu.\n\n{body}\n\nĐoạn kết.\n"),
    )
}

#[test]
fn every_kind_renders_as_a_figure_with_svg_caption_and_table() {
    let site = with_body(concat!(
        "{{ chart(kind=\"bar\", metrics=[\"received\", \"resolved\", \"pending\"]) }}\n\n",
        "{{ chart(kind=\"stacked\", metrics=[\"resolved_early\", \"resolved_on_time\", \"resolved_late\"], title=\"Theo thời hạn\") }}\n\n",
        "{{ chart(kind=\"donut\", metrics=[\"received_online\", \"received_direct\"]) }}\n\n",
        "{{ chart(kind=\"trend\", metric=\"received\", unit=\"lao-cai\", period=\"2023\") }}\n\n",
        "{{ chart(kind=\"compare\", metric=\"received\", units=[\"thuan-an\", \"lao-cai\"], period=2023) }}",
    ));
    let site = site.write(
        "content/data/thuan-an-2023.yaml",
        "unit: thuan-an\nperiod: 2023\nmetrics: {received: 14000}\n",
    );
    site.build().succeeds();
    let doc = site.html("bieu-do/index.html");
    let kinds = attrs(&doc, ".bc-prose > figure", "class");
    assert_eq!(
        kinds,
        [
            "bc-chart bc-chart--bar",
            "bc-chart bc-chart--stacked",
            "bc-chart bc-chart--donut",
            "bc-chart bc-chart--trend",
            "bc-chart bc-chart--compare"
        ]
    );
    assert_eq!(
        texts(&doc, ".bc-prose > p"),
        ["Đoạn mở đầu.", "Đoạn kết."],
        "Markdown left the figures whole"
    );
    // Each chart drawn wide and narrow; the page's CSS shows one.
    for view_box in attrs(&doc, "figure svg.bc-chart__svg--wide", "viewBox") {
        assert!(view_box.starts_with("0 0 480 "), "{view_box}");
    }
    for view_box in attrs(&doc, "figure svg.bc-chart__svg--narrow", "viewBox") {
        assert!(view_box.starts_with("0 0 340 "), "{view_box}");
    }
    assert!(
        attrs(&doc, "figure svg", "width").is_empty(),
        "no fixed size"
    );
    assert_eq!(attrs(&doc, "figure svg", "role").len(), 10);
    // The caption is the figure's first child (Nu HTML Checker); the table
    // follows the drawings, in a box that scrolls.
    assert_eq!(
        doc.select(&Selector::parse("figure > figcaption:first-child").unwrap())
            .count(),
        5
    );
    assert_eq!(
        doc.select(
            &Selector::parse(
                "figure > details > div.bc-table-wrap[role=region][tabindex=\"0\"] > table"
            )
            .unwrap()
        )
        .count(),
        5
    );
    // Unit names with & and < are text in the SVG, the caption and the table.
    let titles = texts(&doc, "figure svg title");
    assert_eq!(titles[0], "Thành phố Thuận An & vùng <lân cận>");
    assert!(
        texts(&doc, ".bc-chart__title")
            .contains(&"Thành phố Thuận An & vùng <lân cận>".to_string())
    );
    let svg_text = texts(&doc, "figure.bc-chart--bar svg.bc-chart__svg--wide text");
    assert!(
        svg_text.contains(&"10.551".to_string())
            && svg_text.contains(&"Hồ sơ tiếp nhận".to_string()),
        "{svg_text:?}"
    );
    let compare = texts(
        &doc,
        "figure.bc-chart--compare svg.bc-chart__svg--wide text",
    );
    // Short names on the chart, full names in its table.
    assert_eq!(
        compare,
        [
            "Trung tâm PVHCC tỉnh Lào Cai",
            "83.786",
            "TP Thuận An",
            "14.000"
        ]
    );
    let table = texts(&doc, "figure.bc-chart--compare tbody th");
    assert_eq!(
        table,
        [
            "Trung tâm PVHCC tỉnh Lào Cai",
            "Thành phố Thuận An & vùng <lân cận> (đơn vị của bài)"
        ]
    );
    assert_eq!(
        texts(&doc, "figure.bc-chart--trend .bc-chart__period"),
        ["Năm 2022 – năm 2023"]
    );
    assert_eq!(
        texts(&doc, "figure.bc-chart--bar .bc-chart__source"),
        ["Nguồn: Báo cáo số 245/BC-UBND"]
    );
}

#[test]
fn kpis_and_tables_in_an_article() {
    let site = with_body(concat!(
        "{{ kpis(metrics=[\"received\", \"online_rate\"], unit=\"lao-cai\", period=\"2023\") }}\n\n",
        "{{ table(metrics=[\"received\", \"online_rate\"], units=[\"lao-cai\"], period=\"2023\") }}",
    ));
    site.build().succeeds();
    let doc = site.html("bieu-do/index.html");
    assert_eq!(
        texts(&doc, ".bc-prose .bc-kpi__value"),
        ["83.786", "54,76%"]
    );
    assert_eq!(
        texts(&doc, ".bc-prose .bc-kpi__change"),
        [
            "▲ tăng 17.582 hồ sơ (+26,56%) so với cùng kỳ",
            "▲ tăng 12,3 điểm phần trăm so với cùng kỳ"
        ]
    );
    assert_eq!(
        attrs(&doc, ".bc-prose .bc-kpi", "class"),
        ["bc-kpi bc-kpi--good", "bc-kpi bc-kpi--good"]
    );
    assert_eq!(
        texts(&doc, ".bc-prose .bc-table td.bc-num"),
        ["83.786", "54,76%"]
    );
    assert_eq!(
        attrs(&doc, ".bc-prose .bc-table th", "scope"),
        ["col", "col", "col", "row"]
    );
}

fn fails_with(body: &str, needles: &[&str]) {
    let out = with_body(body).build();
    out.fails().stderr_has(&format!("--> {PAGE}:9:"));
    for n in needles {
        out.stderr_has(n);
    }
}

#[test]
fn invalid_chart_arguments_are_build_errors_naming_the_article_and_argument() {
    fails_with(
        "{{ chart(kind=\"pie\", metrics=[\"received\"]) }}",
        &["chart(kind=\"pie\"): unknown kind; the kinds are bar, stacked, donut, trend, compare"],
    );
    fails_with(
        "{{ chart(kind=\"bar\", metrics=[\"recieved\"]) }}",
        &["metrics=[…]: unknown metric key `recieved`; did you mean `received`?"],
    );
    fails_with(
        "{{ chart(kind=\"bar\", metrics=[\"received\", \"pending_overdue\"]) }}",
        &["the metric `pending_overdue` has no value for unit `thuan-an`, period `2023-9M`"],
    );
    fails_with(
        "{{ chart(kind=\"trend\", metric=\"received\") }}",
        &[
            "chart(kind=\"trend\"): needs at least 2 periods of the same span with `received` for unit `thuan-an`; found 1 (2023-9M)",
        ],
    );
    fails_with(
        "{{ chart(kind=\"bar\", metrcs=[\"received\"]) }}",
        &["chart() has no argument `metrcs`; did you mean `metrics`?"],
    );
    fails_with(
        "{{ kpis(metrics=[\"visits\"]) }}",
        &["kpis(): the metric `visits` has no value"],
    );
    fails_with(
        "{{ table(metrics=[\"received\"], units=[\"thuan-an\", \"hong-ngu\"]) }}",
        &["table(): there is no record for unit `hong-ngu`, period `2023-9M`"],
    );
}

#[test]
fn compare_and_table_of_named_units_need_no_unit_on_the_page() {
    let site = SiteTest::fixture("good")
        .write(
            "content/data/so-sanh.yaml",
            "- { unit: hong-ngu, period: 2023-9M, metrics: { received: 900 } }\n- { unit: can-giuoc, period: 2023-9M, metrics: { received: 700 } }\n",
        )
        .write(
            "content/articles/tong-hop.md",
            "---\ntitle: Tổng hợp\ndate: 2023-10-30\nperiod: 2023-9M\n---\n{{ chart(kind=\"compare\", metric=\"received\", units=[\"thuan-an\", \"hong-ngu\", \"can-giuoc\"]) }}\n\n{{ table(metrics=[\"received\"], units=[\"hong-ngu\", \"can-giuoc\"]) }}\n\n{{ chart(kind=\"compare\", metric=\"received\", units=[\"hong-ngu\", \"can-giuoc\"], period=\"2023-9M\") }}\n",
        );
    site.build().succeeds();
    let page = site.html("tong-hop/index.html");
    assert_eq!(texts(&page, "figure.bc-chart").len(), 2);
    let cells = texts(&page, "table td, table th").join(" ");
    assert!(cells.contains("900") && cells.contains("700"), "{cells}");
    // With period= the page needs no period either; a template variable
    // named `unit` does not change the page's scope.
    let site = site.write(
        "content/articles/tong-hop.md",
        "---\ntitle: Tổng hợp\ndate: 2023-10-30\n---\n{% set unit = \"khong-co\" %}{{ chart(kind=\"compare\", metric=\"received\", units=[\"hong-ngu\", \"can-giuoc\"], period=\"2023-9M\") }}\n\n{{ table(metrics=[\"received\"], units=[\"hong-ngu\", \"can-giuoc\"], period=\"2023-9M\") }}\n",
    );
    site.build().succeeds();
    assert_eq!(
        texts(&site.html("tong-hop/index.html"), "figure.bc-chart").len(),
        1
    );
    // Without a unit on the page, a comparison of its siblings cannot be
    // guessed: it still says what is missing.
    let site = site.write(
        "content/articles/tong-hop.md",
        "---\ntitle: Tổng hợp\ndate: 2023-10-30\nperiod: 2023-9M\n---\n{{ chart(kind=\"compare\", metric=\"received\") }}\n",
    );
    site.build().fails().stderr_has("this page has no unit");
}

#[test]
fn filters_and_functions_refuse_arguments_they_do_not_take() {
    for call in [
        "{{ data.received | num(x=1) }}",
        "{{ data.online_rate | pct(decimal=1) }}",
        "{{ metric(key=\"received\", unitt=\"x\") }}",
        "{{ compare(key=\"received\", againts=\"previous\") }}",
        "{{ label(key=\"received\", x=1) }}",
    ] {
        let site = SiteTest::fixture("good").write(
            "content/articles/x.md",
            &format!(
                "---\ntitle: X\ndate: 2023-01-01\nunit: thuan-an\nperiod: 2023-9M\n---\n{call}\n"
            ),
        );
        site.build().fails().stderr_has("has no argument");
    }
}

/// The font the charts are measured with is shipped with the site, and the
/// CSS uses it for chart text: a WOFF2 file (with its licence beside it)
/// that the stylesheet's `@font-face` points at, relative to the
/// stylesheet, with `font-display: swap`.
#[test]
fn the_chart_font_is_shipped_and_used() {
    let site = SiteTest::fixture("good");
    site.build().succeeds();
    let css = site.read("css/baocao.css");
    let faces: Vec<&str> = css
        .split("@font-face")
        .skip(1)
        .map(|f| &f[..f.find('}').unwrap()])
        .collect();
    assert_eq!(faces.len(), 2, "regular and bold: {css}");
    let mut weights = Vec::new();
    for face in faces {
        assert!(face.contains("font-display: swap"), "{face}");
        assert!(face.contains("font-family: \"baocao Noto Sans\""), "{face}");
        let url = face
            .split("url(\"")
            .nth(1)
            .and_then(|u| u.split('"').next())
            .unwrap();
        assert!(
            url.starts_with("../fonts/") && url.ends_with(".woff2"),
            "{url}"
        );
        let file = site.out().join("css").join(url);
        let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        assert_eq!(&bytes[..4], b"wOF2", "{url} is WOFF2");
        assert!(
            bytes.len() < 20_000,
            "{url}: a subset, {} bytes",
            bytes.len()
        );
        weights.push(
            face.split("font-weight: ")
                .nth(1)
                .and_then(|w| w.split(';').next())
                .unwrap()
                .to_string(),
        );
    }
    assert_eq!(weights, ["400", "700"]);
    assert!(
        site.read("fonts/OFL.txt")
            .contains("SIL OPEN FONT LICENSE Version 1.1"),
        "the licence travels with the font"
    );
    // The last rule wins the cascade.
    let chart_rule = css
        .rsplit('}')
        .find(|r| r.trim_start().starts_with(".bc-chart__svg {") && r.contains("font-family"))
        .unwrap_or_else(|| panic!("no font for chart text: {css}"));
    assert!(
        chart_rule.contains("font-family: \"baocao Noto Sans\""),
        "{chart_rule}"
    );
}

/// `kpis()` with several bad names reports every one of them in one run,
/// not only the first.
#[test]
fn kpis_report_every_bad_name_at_once() {
    fails_with(
        "{{ kpis(metrics=[\"recieved\", \"received\", \"on_tme_rate\"]) }}",
        &[
            "kpis():",
            "`recieved`",
            "`on_tme_rate`",
            "did you mean `received`?",
        ],
    );
}
