//! Chart rendering benchmark: 1,000 charts of each kind, each timed on its
//! own; prints the median and 95th percentile per chart and the SVG size.
//! Run with `cargo bench --bench charts`.

use std::time::Instant;

use baocao::chart::{self, Chart, Data, Item, Kind, Stack};

const N: usize = 1000;

fn item(label: &str, value: f64) -> Item {
    Item {
        label: label.to_string(),
        long: label.to_string(),
        value,
        shown: baocao::format::num(value, None),
    }
}

/// Data shaped like the example site's, varied per iteration so no two
/// charts are the same.
fn model(kind: Kind, i: usize) -> Chart {
    let v = |base: f64| base + (i % 97) as f64;
    let data = match kind {
        Kind::Bar => Data::Bars {
            items: vec![
                item("Hồ sơ tiếp nhận", v(10551.0)),
                item("Trực tuyến", v(2977.0)),
                item("Trực tiếp", v(7574.0)),
                item("Đã giải quyết", v(10816.0)),
                item("Đang giải quyết", v(40.0)),
            ],
            highlight: None,
        },
        Kind::Compare => Data::Bars {
            items: vec![
                item("TP Dĩ An", v(12000.0)),
                item("TP Thuận An", v(10551.0)),
                item("TX Bến Cát", v(8000.0)),
                item("TP Tân Uyên", v(6000.0)),
                item("Huyện Dầu Tiếng", v(3000.0)),
            ],
            highlight: Some(1),
        },
        Kind::Stacked => Data::Stacks {
            legend: vec!["Trước hạn".into(), "Đúng hạn".into(), "Quá hạn".into()],
            colors: vec![0, 1, 4],
            stacks: (2021..2024)
                .map(|y| Stack {
                    label: format!("9 tháng đầu năm {y}"),
                    parts: vec![
                        item("Trước hạn", v(8906.0)),
                        item("Đúng hạn", v(1638.0)),
                        item("Quá hạn", v(272.0)),
                    ],
                })
                .collect(),
        },
        Kind::Donut => Data::Shares {
            items: vec![
                item("Hồ sơ trực tuyến", v(2977.0)),
                item("Hồ sơ trực tiếp", v(7574.0)),
            ],
            colors: vec![0, 1],
            total: "10.551".into(),
            total_label: "Tổng số".into(),
        },
        Kind::Trend => Data::Line {
            items: (2019..2024)
                .map(|y| item(&y.to_string(), v(60000.0 + f64::from(y - 2019) * 5000.0)))
                .collect(),
            x: (0..5).map(|k| f64::from(k) * 365.0).collect(),
        },
    };
    Chart {
        note: None,
        kind,
        title: "Kết quả giải quyết hồ sơ".into(),
        period: "9 tháng đầu năm 2023".into(),
        source: Some("Báo cáo số 245/BC-UBND".into()),
        data,
        row_header: "Chỉ tiêu".into(),
        scale: baocao::data::MetricUnit::Count,
        style: baocao::format::Style::vi(),
    }
}

fn main() {
    println!(
        "{:<8} {:>12} {:>12} {:>10}",
        "kind", "median µs", "p95 µs", "SVG bytes"
    );
    for kind in [
        Kind::Bar,
        Kind::Stacked,
        Kind::Donut,
        Kind::Trend,
        Kind::Compare,
    ] {
        let models: Vec<Chart> = (0..N).map(|i| model(kind, i)).collect();
        // One warm-up so parsing the fonts is not timed.
        let _ = chart::svg::draw(&models[0], chart::svg::WIDTH);
        let words = baocao::theme::Theme::builtin().words("vi");
        let mut times = Vec::with_capacity(N);
        let mut bytes = 0;
        for m in &models {
            let start = Instant::now();
            let svg = chart::svg::draw(m, chart::svg::WIDTH);
            let narrow = chart::svg::draw(m, chart::svg::NARROW);
            let html = chart::html::figure(m, &svg, &narrow, &words);
            times.push(start.elapsed().as_secs_f64() * 1e6);
            bytes = svg.len() + narrow.len();
            std::hint::black_box(html);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{:<8} {:>12.1} {:>12.1} {:>10}",
            kind.name(),
            times[N / 2],
            times[N * 95 / 100],
            bytes
        );
    }
}
