use super::*;
use crate::data::{compute, record};
use crate::site::Level;

fn units() -> BTreeMap<UnitId, Unit> {
    let unit = |id: &str, name: &str, parent: Option<&str>| {
        (
            UnitId(id.into()),
            Unit {
                id: UnitId(id.into()),
                name: name.into(),
                short: None,
                parent: parent.map(|p| UnitId(p.into())),
                level: Level::City,
            },
        )
    };
    [
        unit("tinh", "Tỉnh", None),
        unit("thuan-an", "Thuận An & <vùng lân cận>", Some("tinh")),
        unit("di-an", "Dĩ An", Some("tinh")),
        unit("tan-uyen", "Tân Uyên", Some("tinh")),
    ]
    .into()
}

fn figures() -> Figures {
    let cat = Catalogue::builtin();
    let recs = vec![
        record(
            "thuan-an",
            "2021-9M",
            &[
                ("received", 8000.0),
                ("resolved_early", 6000.0),
                ("resolved_on_time", 1500.0),
                ("resolved", 7800.0),
            ],
        ),
        record(
            "thuan-an",
            "2022-9M",
            &[
                ("received", 9000.0),
                ("resolved_early", 7000.0),
                ("resolved_on_time", 1500.0),
                ("resolved", 8700.0),
            ],
        ),
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
        record("thuan-an", "2023", &[("received", 14000.0)]),
        record(
            "di-an",
            "2023-9M",
            &[
                ("received", 12000.0),
                ("resolved", 11000.0),
                ("resolved_early", 9000.0),
                ("resolved_on_time", 1900.0),
            ],
        ),
        record("tan-uyen", "2023-9M", &[("received", 6000.0)]),
    ];
    compute(recs, &cat).0
}

fn cx<'a>(cat: &'a Catalogue, figs: &'a Figures, units: &'a BTreeMap<UnitId, Unit>) -> Context<'a> {
    Context {
        catalogue: cat,
        figures: figs,
        units,
        page_unit: Some(UnitId("thuan-an".into())),
        page_period: Period::parse("2023-9M").ok(),
    }
}

fn args(kind: &str) -> Args {
    Args {
        kind: kind.into(),
        ..Args::default()
    }
}

fn keys(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Parses the SVG as XML: every chart must be well-formed.
fn well_formed(svg: &str) {
    let mut reader = quick_xml::Reader::from_str(svg);
    let mut depth = 0i32;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not XML: {e}\n{svg}"),
        }
    }
    assert_eq!(depth, 0, "unbalanced: {svg}");
}

fn svg_of(html: &str) -> &str {
    let start = html.find("<svg").unwrap();
    let end = html.find("</svg>").unwrap() + 6;
    &html[start..end]
}

fn render(a: &Args) -> String {
    let (cat, figs, units) = (Catalogue::builtin(), figures(), units());
    chart(a, &cx(&cat, &figs, &units)).unwrap_or_else(|e| panic!("{e}"))
}

fn error(a: &Args) -> String {
    let (cat, figs, units) = (Catalogue::builtin(), figures(), units());
    chart(a, &cx(&cat, &figs, &units)).unwrap_err()
}

fn common_checks(html: &str, kind: &str) {
    let svg = svg_of(html);
    well_formed(svg);
    assert!(
        html.starts_with(&format!("<figure class=\"bc-chart bc-chart--{kind}\">")),
        "{html}"
    );
    assert!(svg.contains("viewBox=\"0 0 480 "), "{svg}");
    assert!(
        !svg.contains(" width=\"480\"") && !svg.contains("<svg width"),
        "no fixed size: {svg}"
    );
    assert!(
        svg.contains("role=\"img\"") && svg.contains("<title>"),
        "{svg}"
    );
    assert!(html.contains("<figcaption class=\"bc-chart__caption\">"));
    assert!(
        html.contains(
            "<details class=\"bc-chart__data\"><summary>Xem bảng số liệu</summary><table"
        )
    );
    assert!(
        !html.contains('\n'),
        "one line, so Markdown leaves it alone"
    );
    assert!(!svg.contains("font-size=\"12.09"), "font sizes are rounded");
}

#[test]
fn bar_labels_values_in_vietnamese_format() {
    let html = render(&Args {
        metrics: keys(&["received", "resolved", "pending"]),
        ..args("bar")
    });
    common_checks(&html, "bar");
    for text in [
        ">Hồ sơ tiếp nhận</text>",
        ">10.551</text>",
        ">10.816</text>",
        ">40</text>",
    ] {
        assert!(html.contains(text), "{text} missing: {html}");
    }
    assert!(
        html.contains("<span class=\"bc-chart__title\">Thuận An &amp; &lt;vùng lân cận&gt;</span>"),
        "{html}"
    );
    assert!(html.contains("<span class=\"bc-chart__period\">9 tháng đầu năm 2023</span>"));
    assert!(
        html.contains("<th scope=\"row\">Hồ sơ đang giải quyết</th><td class=\"bc-num\">40</td>")
    );
}

#[test]
fn a_bar_chart_of_five_bars_is_small() {
    let html = render(&Args {
        metrics: keys(&[
            "received",
            "received_online",
            "received_direct",
            "resolved",
            "resolved_early",
        ]),
        ..args("bar")
    });
    assert!(
        svg_of(&html).len() < 12 * 1024,
        "{} bytes",
        svg_of(&html).len()
    );
}

#[test]
fn stacked_shares_labelled_over_periods() {
    let html = render(&Args {
        metrics: keys(&["resolved_early", "resolved_on_time", "resolved_late"]),
        periods: Some(3),
        ..args("stacked")
    });
    common_checks(&html, "stacked");
    // 8.906 of 10.816 = 82,3%; 272 late = 2,5% does not fit its segment and is written below.
    assert!(html.contains(">82,3%</text>"), "{html}");
    assert!(html.contains("Quá hạn 2,5%"), "{html}");
    assert!(
        html.contains(">9 tháng đầu năm 2021</text>")
            && html.contains(">9 tháng đầu năm 2023</text>")
    );
    assert!(
        html.contains(
            "<span class=\"bc-chart__period\">9 tháng đầu năm 2021 – 9 tháng đầu năm 2023</span>"
        ),
        "{html}"
    );
    assert!(
        html.contains("<td class=\"bc-num\">8.906 (82,34%)</td>"),
        "{html}"
    );
}

#[test]
fn donut_values_and_percentages() {
    let html = render(&Args {
        metrics: keys(&["received_online", "received_direct"]),
        ..args("donut")
    });
    common_checks(&html, "donut");
    assert_eq!(
        html.matches("<path class=\"bc-chart__c").count(),
        2,
        "{html}"
    );
    assert!(
        html.contains(">28%</text>") && html.contains(">72%</text>"),
        "{html}"
    );
    assert!(html.contains(">2.977 (28,2%)</text>"), "{html}");
    assert!(html.contains(">10.551</text>"), "the total in the middle");
    assert!(html.contains("<th scope=\"row\">Tổng số</th><td class=\"bc-num\">10.551</td><td class=\"bc-num\">100%</td>"));
}

#[test]
fn trend_over_periods_of_the_same_span() {
    let html = render(&Args {
        metric: Some("received".into()),
        ..args("trend")
    });
    common_checks(&html, "trend");
    // 9-month periods only: the year 2023 is another span.
    for text in [
        ">9T/2021</text>",
        ">9T/2022</text>",
        ">9T/2023</text>",
        ">8.000</text>",
        ">10.551</text>",
    ] {
        assert!(html.contains(text), "{text}: {html}");
    }
    assert!(!html.contains("14.000"), "{html}");
    assert!(html.contains("<polyline"), "{html}");
    let two = render(&Args {
        metric: Some("received".into()),
        periods: Some(2),
        ..args("trend")
    });
    assert!(!two.contains(">9T/2021</text>"));
}

#[test]
fn compare_sorted_with_the_article_unit_highlighted() {
    let html = render(&Args {
        metric: Some("received".into()),
        ..args("compare")
    });
    common_checks(&html, "compare");
    let pos = |s: &str| html.find(s).unwrap_or_else(|| panic!("{s}: {html}"));
    assert!(pos(">Dĩ An</text>") < pos(">Thuận An &amp; &lt;vùng lân cận&gt;</text>"));
    assert!(pos(">Thuận An &amp; &lt;vùng lân cận&gt;</text>") < pos(">Tân Uyên</text>"));
    assert!(
        html.contains("font-weight=\"bold\"") || html.contains("font-style=\"bold\""),
        "highlighted label is bold: {html}"
    );
}

#[test]
fn same_data_same_bytes() {
    let a = Args {
        metrics: keys(&["received_online", "received_direct"]),
        ..args("donut")
    };
    assert_eq!(render(&a), render(&a));
}

#[test]
fn invalid_arguments_are_errors_naming_them() {
    assert!(error(&args("pie")).contains(
        "chart(kind=\"pie\"): unknown kind; the kinds are bar, stacked, donut, trend, compare"
    ));
    assert!(
        error(&Args {
            metrics: keys(&["recieved"]),
            ..args("bar")
        })
        .contains("metrics=[…]: unknown metric key `recieved`; did you mean `received`?")
    );
    assert!(
        error(&Args {
            metrics: keys(&["received", "pending_overdue"]),
            ..args("bar")
        })
        .contains(
            "the metric `pending_overdue` has no value for unit `thuan-an`, period `2023-9M`"
        )
    );
    assert!(
        error(&Args {
            metrics: keys(&["received", "online_rate"]),
            ..args("bar")
        })
        .contains("cannot share one chart")
    );
    let e = error(&Args {
        metric: Some("received".into()),
        unit: Some("di-an".into()),
        ..args("trend")
    });
    assert!(e.contains("chart(kind=\"trend\"): needs at least 2 periods of the same span with `received` for unit `di-an`; found 1 (2023-9M)"), "{e}");
    assert!(error(&args("bar")).contains("chart(kind=\"bar\"): needs metrics=[…]"));
    assert!(error(&args("trend")).contains("needs metric=\"…\""));
    assert!(
        error(&Args {
            metrics: keys(&["received"]),
            ..args("donut")
        })
        .contains("at least 2 metric keys")
    );
    assert!(
        error(&Args {
            metric: Some("received".into()),
            units: keys(&["thuan-an", "di-am"]),
            ..args("compare")
        })
        .contains("units=[…]: unknown unit `di-am`")
    );
}

#[test]
fn kpis_with_change_in_words_coloured_by_better() {
    let (cat, figs, units) = (Catalogue::builtin(), figures(), units());
    let html = kpis(
        &keys(&["received", "resolved_late"]),
        None,
        None,
        &cx(&cat, &figs, &units),
    )
    .unwrap();
    assert!(
        html.contains("<p class=\"bc-kpi__value\">10.551</p>"),
        "{html}"
    );
    assert!(
        html.contains("▲</span> tăng 1.551 hồ sơ (+17,23%) so với cùng kỳ"),
        "{html}"
    );
    // Late dossiers went up (200 → 272): bad news, though the arrow points up.
    assert!(html.contains("<div class=\"bc-kpi bc-kpi--bad\"><p class=\"bc-kpi__label\">Hồ sơ giải quyết quá hạn</p>"), "{html}");
    assert!(
        html.contains(
            "<div class=\"bc-kpi bc-kpi--good\"><p class=\"bc-kpi__label\">Hồ sơ tiếp nhận</p>"
        ),
        "{html}"
    );
}

#[test]
fn tables_of_units_or_periods() {
    let (cat, figs, units) = (Catalogue::builtin(), figures(), units());
    let c = cx(&cat, &figs, &units);
    let html = table(
        &keys(&["received", "on_time_rate"]),
        &keys(&["thuan-an", "di-an"]),
        None,
        None,
        None,
        &c,
    )
    .unwrap();
    assert!(
        html.contains("<th scope=\"col\" class=\"bc-num\">Tỷ lệ giải quyết đúng và trước hạn</th>"),
        "{html}"
    );
    assert!(html.contains("<tr><th scope=\"row\">Dĩ An</th><td class=\"bc-num\">12.000</td><td class=\"bc-num\">99,09%</td></tr>"), "{html}");
    let html = table(&keys(&["received"]), &[], Some(3), None, None, &c).unwrap();
    assert!(
        html.contains(
            "<tr><th scope=\"row\">9 tháng đầu năm 2021</th><td class=\"bc-num\">8.000</td></tr>"
        ),
        "{html}"
    );
    let e = table(
        &keys(&["received_online"]),
        &keys(&["di-an"]),
        None,
        None,
        None,
        &c,
    )
    .unwrap_err();
    assert!(
        e.contains("table(): the metric `received_online` has no value for unit `di-an`"),
        "{e}"
    );
}
