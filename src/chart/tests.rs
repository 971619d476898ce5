use super::*;
use crate::data::{compute, record};
use crate::model::Level;

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
                since: None,
                until: None,
                merged_from: Vec::new(),
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
        words: vi_words(),
        style: vi_style(),
    }
}

/// The Vietnamese number style, made once for every test.
fn vi_style() -> &'static crate::format::Style {
    static STYLE: std::sync::OnceLock<crate::format::Style> = std::sync::OnceLock::new();
    STYLE.get_or_init(crate::format::Style::vi)
}

/// The default theme's Vietnamese words, made once for every test.
fn vi_words() -> &'static crate::theme::Words {
    static WORDS: std::sync::OnceLock<crate::theme::Words> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| crate::theme::Theme::builtin().words("vi"))
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
            Ok(quick_xml::events::Event::Start(e)) => {
                depth += 1;
                for a in e.attributes() {
                    a.unwrap_or_else(|err| panic!("bad attribute: {err}\n{svg}"));
                }
            }
            Ok(quick_xml::events::Event::Empty(e)) => {
                for a in e.attributes() {
                    a.unwrap_or_else(|err| panic!("bad attribute: {err}\n{svg}"));
                }
            }
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

/// Both drawings of a figure: wide, then narrow.
fn svgs_of(html: &str) -> Vec<&str> {
    html.match_indices("<svg")
        .map(|(start, _)| {
            let end = start + html[start..].find("</svg>").unwrap() + 6;
            &html[start..end]
        })
        .collect()
}

/// No text of a drawing is below 12 CSS px where the page shows it: the
/// wide one in a column of at least `SWITCH` px, the narrow one in a
/// column of at least `SMALLEST_COLUMN` px.
fn readable_on_a_phone(svg: &str) {
    let (width, _) = view_box(svg);
    let column = if width == svg::NARROW {
        svg::SMALLEST_COLUMN
    } else {
        svg::SWITCH
    };
    for size in svg.split("font-size=\"").skip(1) {
        let size: f64 = size.split('"').next().unwrap().parse().unwrap();
        let px = size * f64::from(column) / f64::from(width);
        assert!(px >= 12.0, "text of {size} units is {px:.1} px: {svg}");
    }
}

/// The figure as HTML requires it (Nu HTML Checker): the caption is the
/// figure's first child element, nothing before it, one caption; the two
/// drawings and the table follow.
fn figure_structure(html: &str) {
    let doc = scraper::Html::parse_fragment(html);
    let figure = doc
        .select(&scraper::Selector::parse("figure").unwrap())
        .next()
        .unwrap();
    let children: Vec<String> = figure
        .children()
        .filter_map(scraper::ElementRef::wrap)
        .map(|e| e.value().name().to_string())
        .collect();
    assert_eq!(
        children.first().map(String::as_str),
        Some("figcaption"),
        "{html}"
    );
    assert_eq!(children.iter().filter(|c| *c == "figcaption").count(), 1);
    assert!(
        figure
            .children()
            .take_while(|c| c
                .value()
                .as_element()
                .is_none_or(|e| e.name() != "figcaption"))
            .all(|c| c.value().as_text().is_none_or(|t| t.trim().is_empty())),
        "no text before the caption: {html}"
    );
    assert_eq!(
        children.iter().filter(|c| *c == "svg").count(),
        2,
        "a wide and a narrow drawing: {html}"
    );
    let class = |sel: &str| {
        figure
            .select(&scraper::Selector::parse(sel).unwrap())
            .map(|e| e.value().attr("class").unwrap_or("").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        class("svg"),
        [
            "bc-chart__svg bc-chart__svg--wide",
            "bc-chart__svg bc-chart__svg--narrow"
        ]
    );
    // The table scrolls in a named region that takes keyboard focus.
    let wrap = figure
        .select(&scraper::Selector::parse("details > div.bc-table-wrap > table").unwrap())
        .next()
        .and_then(|t| t.parent())
        .and_then(scraper::ElementRef::wrap)
        .unwrap_or_else(|| panic!("no table in a scroll box: {html}"));
    assert_eq!(wrap.value().attr("role"), Some("region"));
    assert_eq!(wrap.value().attr("tabindex"), Some("0"));
    assert!(!wrap.value().attr("aria-label").unwrap_or("").is_empty());
}

fn render(a: &Args) -> String {
    let (cat, figs, units) = (Catalogue::builtin(), figures(), units());
    chart(a, &cx(&cat, &figs, &units)).unwrap_or_else(|e| panic!("{}", e.en()))
}

/// The English text of a chart's error.
fn error(a: &Args) -> String {
    let (cat, figs, units) = (Catalogue::builtin(), figures(), units());
    chart(a, &cx(&cat, &figs, &units)).unwrap_err().en()
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
            "<details class=\"bc-chart__data\"><summary>Xem bảng số liệu</summary><div class=\"bc-table-wrap\" role=\"region\""
        ),
        "{html}"
    );
    figure_structure(html);
    for svg in svgs_of(html) {
        well_formed(svg);
        readable_on_a_phone(svg);
    }
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
    assert!(html.contains(">Trước hạn 82,3%</text>"), "{html}");
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
    // The table writes the shares as the chart does.
    assert!(
        html.contains("<td class=\"bc-num\">8.906 (82,3%)</td>"),
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
        svg_of(&html).matches("<path class=\"bc-chart__c").count(),
        2,
        "{html}"
    );
    // On the ring, in the legend and in the table: one precision.
    assert!(
        html.contains(">28,2%</text>") && html.contains(">71,8%</text>"),
        "{html}"
    );
    assert!(!html.contains(">28%</text>"), "{html}");
    assert!(html.contains(">2.977 (28,2%)</text>"), "{html}");
    assert!(html.contains(">10.551</text>"), "the total in the middle");
    assert!(
        html.contains(">Tổng số</text>"),
        "the theme's word under it"
    );
    assert!(html.contains("<th scope=\"row\">Hồ sơ tiếp nhận trực tuyến</th><td class=\"bc-num\">2.977</td><td class=\"bc-num\">28,2%</td>"), "{html}");
    assert!(html.contains("<th scope=\"row\">Tổng số</th><td class=\"bc-num\">10.551</td><td class=\"bc-num\">100,0%</td>"), "{html}");
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

/// A figure served by the memo is the figure drawn afresh; other figures
/// or other words are another figure, never the one kept.
#[test]
fn a_kept_figure_is_the_figure_drawn_afresh() {
    let (cat, units) = (Catalogue::builtin(), units());
    let a = Args {
        metrics: keys(&["received", "resolved"]),
        ..args("bar")
    };
    let figs = figures();
    let fresh = |cx: &Context<'_>| {
        let model = build(&a, cx).unwrap();
        html::figure(
            &model,
            &svg::draw(&model, svg::WIDTH),
            &svg::draw(&model, svg::NARROW),
            cx.words,
        )
    };
    let first = render(&a);
    assert_eq!(first, render(&a));
    assert_eq!(first, fresh(&cx(&cat, &figs, &units)));
    // One value changed: the chart changes with it.
    let mut changed = figures();
    let key = (UnitId("thuan-an".into()), Period::parse("2023-9M").unwrap());
    if let Some(f) = changed.records.get_mut(&key) {
        f.values
            .insert(crate::data::MetricKey::parse("received").unwrap(), 10552.0);
    }
    let other = chart(&a, &cx(&cat, &changed, &units)).unwrap();
    assert!(other.contains("10.552") && !first.contains("10.552"));
    assert_eq!(other, fresh(&cx(&cat, &changed, &units)));
    // English words.
    let en = crate::theme::Theme::builtin().words("en");
    let english = Context {
        words: &en,
        ..cx(&cat, &figs, &units)
    };
    let html = chart(&a, &english).unwrap();
    assert_ne!(html, first);
    assert_eq!(html, fresh(&english));
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
    .unwrap_err()
    .en();
    assert!(
        e.contains("table(): the metric `received_online` has no value for unit `di-an`"),
        "{e}"
    );
}

/// Every `<text>` of an SVG with its box, from its position, anchor and
/// size, measured as the browser will draw it.
/// A text's box: left, right, top, bottom, and the text.
type TextBox = (i32, i32, i32, i32, String);

/// The viewBox's width and height.
fn view_box(svg: &str) -> (i32, i32) {
    let v: Vec<i32> = svg
        .split("viewBox=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    (v[2], v[3])
}

fn text_boxes(svg: &str) -> (i32, Vec<TextBox>) {
    let (_, height) = view_box(svg);
    let mut boxes = Vec::new();
    let mut reader = quick_xml::Reader::from_str(svg);
    let mut current: Option<(f64, f64, String, String, f64, bool)> = None;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) if e.name().as_ref() == "text" => {
                let get = |k: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == k)
                        .map(|a| a.value.to_string())
                        .unwrap_or_default()
                };
                current = Some((
                    get("x").parse().unwrap(),
                    get("y").parse().unwrap(),
                    get("text-anchor"),
                    get("dy"),
                    get("font-size").parse().unwrap(),
                    get("font-weight") == "bold",
                ));
            }
            quick_xml::events::Event::Text(t) => {
                if let Some((x, y, anchor, dy, size, bold)) = current.take() {
                    let text = t
                        .into_inner()
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&#39;", "'")
                        .replace("&amp;", "&");
                    let w = f64::from(svg::measure(&text, size, bold));
                    let l = match anchor.as_str() {
                        "middle" => x - w / 2.0,
                        "end" => x - w,
                        _ => x,
                    };
                    let (t, b) = match dy.as_str() {
                        "0.76em" => (y + 0.04 * size, y + 0.96 * size),
                        "0.5ex" => (y - 0.48 * size, y + 0.44 * size),
                        _ => (y - 0.98 * size, y - 0.02 * size),
                    };
                    boxes.push((
                        l.round() as i32,
                        (l + w).round() as i32,
                        t.round() as i32,
                        b.round() as i32,
                        text,
                    ));
                }
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    (height, boxes)
}

fn assert_laid_out(chart: &Chart) {
    for width in [svg::WIDTH, svg::NARROW] {
        let svg = svg::draw(chart, width);
        well_formed(&svg);
        readable_on_a_phone(&svg);
        assert_eq!(view_box(&svg).0, width);
        let (height, boxes) = text_boxes(&svg);
        for (l, r, t, b, text) in &boxes {
            assert!(
                *l >= 0 && *r <= width && *t >= 0 && *b <= height,
                "{text:?} ({l}..{r}, {t}..{b}) leaves the {width}×{height} chart {:?}",
                chart.kind
            );
        }
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let overlap = a.0 < b.1 - 1 && b.0 < a.1 - 1 && a.2 < b.3 - 1 && b.2 < a.3 - 1;
                assert!(
                    !overlap,
                    "{:?} overlaps {:?} in {:?} {width} wide",
                    a, b, chart.kind
                );
            }
        }
    }
}

fn model(kind: Kind, data: Data, scale: MetricUnit) -> Chart {
    Chart {
        note: None,
        kind,
        title: "Kiểm tra".into(),
        period: "Năm 2023".into(),
        source: None,
        data,
        row_header: "Chỉ tiêu".into(),
        scale,
        style: crate::format::Style::vi(),
    }
}

fn item(label: &str, value: f64, shown: String) -> Item {
    Item {
        label: label.into(),
        long: label.into(),
        value,
        shown,
    }
}

#[test]
fn labels_stay_inside_and_apart_even_with_hard_data() {
    let n = |v: f64| format::num(v, None);
    let long = "Ủy ban nhân dân các xã, phường, thị trấn thuộc thành phố Thuận An tỉnh Bình Dương";
    assert_laid_out(&model(
        Kind::Bar,
        Data::Bars {
            items: vec![
                item(long, 1_234_567_890.0, n(1_234_567_890.0)),
                item("Một", 1.0, n(1.0)),
                item("Không", 0.0, n(0.0)),
            ],
            highlight: None,
        },
        MetricUnit::Count,
    ));
    assert_laid_out(&model(
        Kind::Bar,
        Data::Bars {
            items: vec![
                item(
                    "Số tiền thanh toán trực tuyến",
                    19_250_000_000.0,
                    format::vnd(19_250_000_000.0),
                ),
                item("Nhỏ", 850_000.0, format::vnd(850_000.0)),
            ],
            highlight: None,
        },
        MetricUnit::Vnd,
    ));
    let units: Vec<Item> = (0..12)
        .map(|k| {
            item(
                &format!("Phường số {k} thành phố"),
                f64::from(k) * 1000.0 + 5.0,
                n(f64::from(k) * 1000.0 + 5.0),
            )
        })
        .collect();
    assert_laid_out(&model(
        Kind::Compare,
        Data::Bars {
            items: units,
            highlight: Some(3),
        },
        MetricUnit::Count,
    ));
    let parts = [
        "Trước hạn",
        "Đúng hạn",
        "Quá hạn",
        "Trực tuyến toàn trình",
        "Bưu chính công ích",
        "Thư điện tử",
    ];
    let stacks = (0..3)
        .map(|y| Stack {
            label: format!("9 tháng đầu năm {}", 2021 + y),
            parts: parts
                .iter()
                .enumerate()
                .map(|(k, p)| item(p, [9000.0, 1600.0, 270.0, 3.0, 0.0, 1.0][k], n(1.0)))
                .collect(),
        })
        .collect();
    assert_laid_out(&model(
        Kind::Stacked,
        Data::Stacks {
            legend: parts.iter().map(|p| p.to_string()).collect(),
            colors: (0..6).collect(),
            stacks,
        },
        MetricUnit::Count,
    ));
    assert_laid_out(&model(
        Kind::Donut,
        Data::Shares {
            items: vec![
                item(long, 1_234_000_000.0, n(1_234_000_000.0)),
                item("Trực tiếp", 567_890.0, n(567_890.0)),
                item("Không có", 0.0, n(0.0)),
            ],
            colors: vec![0, 1, 2],
            total: n(1_234_567_890.0),
            total_label: "Tổng số".into(),
        },
        MetricUnit::Count,
    ));
    for (scale, values) in [
        (
            MetricUnit::Count,
            vec![2.0, 1.0, 0.0, 2.0, 1.0, 2.0, 0.0, 1.0],
        ),
        (
            MetricUnit::Percent,
            vec![97.5, 98.1, 99.95, 96.2, 99.0, 98.7, 99.99, 100.0],
        ),
        (
            MetricUnit::Vnd,
            vec![4.7e6, 2.5e9, 19.25e9, 7.0e8, 1.0e10, 3.3e9, 12.0e9, 6.0e9],
        ),
        (MetricUnit::Count, vec![66204.0, 83786.0]),
    ] {
        let shown = |v: f64| match scale {
            MetricUnit::Percent => format::pct(v, None),
            MetricUnit::Vnd => format::vnd(v),
            _ => n(v),
        };
        let items: Vec<Item> = values
            .iter()
            .enumerate()
            .map(|(k, v)| {
                item(
                    &format!("Quý {}/{}", ["I", "II", "III", "IV"][k % 4], 2022 + k / 4),
                    *v,
                    shown(*v),
                )
            })
            .collect();
        let x = (0..items.len()).map(|k| k as f64 * 91.0).collect();
        assert_laid_out(&model(Kind::Trend, Data::Line { items, x }, scale));
    }
}

#[test]
fn trend_axes_are_honest() {
    let items = vec![
        item("2022", 99.9, "99,9%".into()),
        item("2023", 97.0, "97%".into()),
    ];
    let svg = svg::draw(
        &model(
            Kind::Trend,
            Data::Line {
                items,
                x: vec![0.0, 365.0],
            },
            MetricUnit::Percent,
        ),
        svg::WIDTH,
    );
    assert!(
        svg.contains(">100%</text>") && !svg.contains(">125%<") && !svg.contains(">200%<"),
        "a rate axis stops at 100%: {svg}"
    );
    let items = vec![item("2022", 2.0, "2".into()), item("2023", 1.0, "1".into())];
    let svg = svg::draw(
        &model(
            Kind::Trend,
            Data::Line {
                items,
                x: vec![0.0, 365.0],
            },
            MetricUnit::Count,
        ),
        svg::WIDTH,
    );
    assert!(
        !svg.contains(">0,5<") && !svg.contains(",25<"),
        "counts get whole ticks: {svg}"
    );
    let items = vec![
        item("2022", 2.5e9, "2,5 tỷ đồng".into()),
        item("2023", 1.0e10, "10 tỷ đồng".into()),
    ];
    let svg = svg::draw(
        &model(
            Kind::Trend,
            Data::Line {
                items,
                x: vec![0.0, 365.0],
            },
            MetricUnit::Vnd,
        ),
        svg::WIDTH,
    );
    assert!(
        svg.contains(">10,0 tỷ</text>") && !svg.contains("10.000.000.000"),
        "money ticks in words, one precision (2,5 tỷ, 5,0 tỷ…): {svg}"
    );
}

#[test]
fn more_errors_that_name_the_argument() {
    let e = error(&Args {
        metrics: keys(&["received"]),
        units: keys(&["di-an"]),
        ..args("bar")
    });
    assert!(e.contains("chart(kind=\"bar\"): does not take units=; it takes metrics=, and title=, unit=, period="), "{e}");
    assert!(
        error(&Args {
            metrics: keys(&["received", "received"]),
            ..args("stacked")
        })
        .contains("names `received` twice")
    );
    assert!(
        error(&Args {
            metrics: keys(&["on_time_rate", "late_rate"]),
            ..args("donut")
        })
        .contains("`on_time_rate` is a rate; parts of a whole must be counts or amounts")
    );
    let seven = keys(&[
        "received",
        "received_online",
        "received_direct",
        "resolved",
        "resolved_early",
        "resolved_on_time",
        "carried_over",
    ]);
    assert!(
        error(&Args {
            metrics: seven,
            ..args("stacked")
        })
        .contains("at most 6 parts")
    );
    // The article's own period must exist: no silent stand-in.
    let e = error(&Args {
        metric: Some("received".into()),
        period: Some("2025-9M".into()),
        ..args("trend")
    });
    assert!(
        e.contains("there is no record for unit `thuan-an`, period `2025-9M`"),
        "{e}"
    );
    let e = error(&Args {
        metrics: keys(&["resolved_early", "resolved_on_time"]),
        period: Some("2025-9M".into()),
        periods: Some(3),
        ..args("stacked")
    });
    assert!(
        e.contains("there is no record for unit `thuan-an`, period `2025-9M`"),
        "{e}"
    );
    // Compare without units= needs the article's own unit to report.
    let e = error(&Args {
        metric: Some("received_online".into()),
        unit: Some("di-an".into()),
        ..args("compare")
    });
    assert!(
        e.contains("the metric `received_online` has no value for unit `di-an`"),
        "{e}"
    );
    assert!(
        error(&Args {
            metric: Some("received".into()),
            units: keys(&["di-an", "di-an"]),
            ..args("compare")
        })
        .contains("names `di-an` twice")
    );
    let (cat, figs, units) = (Catalogue::builtin(), figures(), units());
    let e = table(
        &keys(&["received"]),
        &keys(&["di-an"]),
        Some(2),
        None,
        None,
        &cx(&cat, &figs, &units),
    )
    .unwrap_err();
    assert_eq!(e, crate::msg!(Msg::TableArgs, Part::UnitsOrPeriods));
    assert!(e.en().contains("not both"), "{}", e.en());
}

#[test]
fn compare_uses_short_names_on_the_chart_and_marks_the_article_unit_in_the_table() {
    let html = render(&Args {
        metric: Some("received".into()),
        ..args("compare")
    });
    assert!(html.contains("(đơn vị của bài)</th>"), "{html}");
}

#[test]
fn errors_are_typed_messages_in_both_languages() {
    use crate::messages::Lang;
    let (cat, figs, units) = (Catalogue::builtin(), figures(), units());
    let c = cx(&cat, &figs, &units);
    let e = chart(&args("pie"), &c).unwrap_err();
    assert_eq!(
        e,
        crate::msg!(Msg::UnknownChartKind, "pie", KINDS),
        "{}",
        e.en()
    );
    // One metric key, or several: the plural is the wording's, not a value.
    assert_eq!(
        error(&args("bar")),
        "chart(kind=\"bar\"): needs metrics=[…] with at least 1 metric key"
    );
    let e = chart(
        &Args {
            metrics: keys(&["received"]),
            ..args("donut")
        },
        &c,
    )
    .unwrap_err();
    assert_eq!(
        e.en(),
        "chart(kind=\"donut\"): needs metrics=[…] with at least 2 metric keys"
    );
    assert_eq!(
        e.text(Lang::Vi),
        "chart(kind=\"donut\"): cần metrics=[…] với ít nhất 2 mã chỉ tiêu"
    );
    // No period found: "none", in the reader's language.
    let e = chart(
        &Args {
            metric: Some("received".into()),
            periods: Some(0),
            ..args("trend")
        },
        &c,
    )
    .unwrap_err();
    assert_eq!(
        e.en(),
        "chart(kind=\"trend\"): needs at least 2 periods of the same span with `received` for unit `thuan-an`; found 0 (none)"
    );
    assert!(
        e.text(Lang::Vi).ends_with("mới có 0 (chưa có)"),
        "{}",
        e.text(Lang::Vi)
    );
    // A nested message keeps its own type.
    let e = kpis(&keys(&["recieved"]), None, None, &c).unwrap_err();
    assert_eq!(
        e,
        crate::msg!(
            Msg::KpisArgs,
            crate::msg!(
                Part::MetricsArg,
                crate::msg!(Msg::UnknownMetricKeyDidYouMean, "recieved", "received")
            )
        )
    );
    assert_eq!(
        e.en(),
        "kpis(): metrics=[…]: unknown metric key `recieved`; did you mean `received`?"
    );
}

/// The texts of an SVG or HTML fragment that are percentages, with the
/// number of decimals each is written with.
fn percent_decimals(texts: &[String]) -> Vec<(String, usize)> {
    texts
        .iter()
        .filter(|t| t.ends_with('%') && !t.starts_with('<'))
        .map(|t| {
            let number = t.trim_end_matches('%').rsplit(' ').next().unwrap_or("");
            let d = number.split(',').nth(1).map_or(0, str::len);
            (t.clone(), d)
        })
        .collect()
}

fn svg_texts(svg: &str) -> Vec<String> {
    text_boxes(svg).1.into_iter().map(|b| b.4).collect()
}

fn cell_texts(html: &str, selector: &str) -> Vec<String> {
    let doc = scraper::Html::parse_fragment(html);
    doc.select(&scraper::Selector::parse(selector).unwrap())
        .map(|e| e.text().collect::<String>())
        .collect()
}

#[test]
fn one_column_one_precision() {
    let cat = Catalogue::builtin();
    let recs = vec![
        record(
            "thuan-an",
            "2021",
            &[("satisfaction", 97.0), ("received", 900.0)],
        ),
        record(
            "thuan-an",
            "2022",
            &[("satisfaction", 99.0), ("received", 950.0)],
        ),
        record(
            "thuan-an",
            "2023",
            &[
                ("satisfaction", 97.9),
                ("received", 1200.0),
                ("received_online", 810.0),
                ("received_direct", 190.0),
            ],
        ),
        record(
            "di-an",
            "2023",
            &[("satisfaction", 98.74), ("received", 800.0)],
        ),
        record(
            "tan-uyen",
            "2023",
            &[("satisfaction", 97.0), ("received", 1000.0)],
        ),
    ];
    let figs = compute(recs, &cat).0;
    let units = units();
    let c = Context {
        page_period: Period::parse("2023").ok(),
        ..cx(&cat, &figs, &units)
    };
    let all = keys(&["thuan-an", "di-an", "tan-uyen"]);

    // A table: each column has the decimals of its most precise value.
    let html = table(
        &keys(&["received", "satisfaction"]),
        &all,
        None,
        None,
        None,
        &c,
    )
    .unwrap();
    assert_eq!(
        cell_texts(&html, "td"),
        ["1.200", "97,90%", "800", "98,74%", "1.000", "97,00%"],
        "{html}"
    );

    // A comparison: every value on both drawings and in the table.
    let html = chart(
        &Args {
            metric: Some("satisfaction".into()),
            units: all.clone(),
            ..args("compare")
        },
        &c,
    )
    .unwrap();
    for svg in svgs_of(&html) {
        let pct = percent_decimals(&svg_texts(svg));
        assert_eq!(pct.len(), 3, "{svg}");
        assert!(pct.iter().all(|(_, d)| *d == 2), "{pct:?}");
    }
    assert_eq!(cell_texts(&html, "td"), ["98,74%", "97,90%", "97,00%"]);

    // A trend: the values of the line, and the axis's ticks among
    // themselves.
    let html = chart(
        &Args {
            metric: Some("satisfaction".into()),
            periods: Some(3),
            ..args("trend")
        },
        &c,
    )
    .unwrap();
    let values = cell_texts(&html, "td");
    assert_eq!(values, ["97,0%", "99,0%", "97,9%"]);
    for svg in svgs_of(&html) {
        let pct = percent_decimals(&svg_texts(svg));
        assert!(pct.iter().any(|(t, _)| values.contains(t)), "{svg}");
        let ticks: Vec<usize> = pct
            .iter()
            .filter(|(t, _)| !values.contains(t))
            .map(|p| p.1)
            .collect();
        assert!(ticks.len() >= 3, "{pct:?}");
        assert!(ticks.windows(2).all(|w| w[0] == w[1]), "{pct:?}");
    }

    // A donut of 81% and 19%: whole shares on the ring, in the legend and
    // in the table, never "81,0%".
    let html = chart(
        &Args {
            metrics: keys(&["received_online", "received_direct"]),
            ..args("donut")
        },
        &c,
    )
    .unwrap();
    for svg in svgs_of(&html) {
        let texts = svg_texts(svg);
        assert!(texts.contains(&"810 (81%)".to_string()), "{texts:?}");
        assert!(texts.contains(&"81%".to_string()), "{texts:?}");
        assert!(!svg.contains(",0%"), "{svg}");
    }
    assert_eq!(
        cell_texts(&html, "td"),
        ["810", "81%", "190", "19%", "1.000", "100%"]
    );
}

#[test]
fn a_wide_total_grows_the_hole_rather_than_shrinking_the_text() {
    let chart = model(
        Kind::Donut,
        Data::Shares {
            items: vec![
                item("Trực tuyến", 1_100_000_000.0, "1.100.000.000".into()),
                item("Trực tiếp", 234_567_890.0, "234.567.890".into()),
            ],
            colors: vec![0, 1],
            total: "1.334.567.890".into(),
            total_label: "Tổng số".into(),
        },
        MetricUnit::Count,
    );
    assert_laid_out(&chart);
    for width in [svg::WIDTH, svg::NARROW] {
        let svg = svg::draw(&chart, width);
        assert!(svg.contains(">1.334.567.890</text>"), "whole: {svg}");
    }
    // Shares written across the ring at 3 and 9 o'clock, beside a wide
    // total: the ring is thick enough for them, and they stay on it.
    let chart = model(
        Kind::Donut,
        Data::Shares {
            items: vec![
                item("Trực tuyến", 600_000.0, "600.000".into()),
                item("Trực tiếp", 500_000.0, "500.000".into()),
            ],
            colors: vec![0, 1],
            total: "1.100.000".into(),
            total_label: "Tổng số".into(),
        },
        MetricUnit::Count,
    );
    assert_laid_out(&chart);
    for width in [svg::WIDTH, svg::NARROW] {
        let svg = svg::draw(&chart, width);
        assert!(
            svg.contains(">54,5%</text>") && svg.contains(">45,5%</text>"),
            "{svg}"
        );
        let (_, boxes) = text_boxes(&svg);
        let total = boxes.iter().find(|b| b.4 == "1.100.000").unwrap();
        // The ring's radii, from the first arc: "A{outer} {outer} … A{inner} {inner}".
        let radii: Vec<f64> = svg
            .split("<path")
            .nth(1)
            .unwrap()
            .split('A')
            .skip(1)
            .map(|a| a.split(' ').next().unwrap().parse().unwrap())
            .collect();
        let (outer, inner) = (radii[0], radii[1]);
        let (cx, cy) = (f64::from(total.0 + total.1) / 2.0, 8.0 + outer);
        for label in boxes
            .iter()
            .filter(|b| b.4.ends_with('%') && !b.4.contains('('))
        {
            assert!(
                label.1 + 4 <= total.0 || total.1 + 4 <= label.0,
                "{label:?} beside {total:?}"
            );
            for x in [label.0, label.1] {
                for y in [label.2, label.3] {
                    let d = (f64::from(x) - cx).hypot(f64::from(y) - cy);
                    assert!(
                        d >= inner - 1.0 && d <= outer + 1.0,
                        "{label:?} leaves the ring ({inner}..{outer}): {svg}"
                    );
                }
            }
        }
    }
}
