//! A site's themes/<name>/ overrides the built-in theme file by file.

mod common;
use common::*;

#[test]
fn a_site_template_overrides_the_built_in_one() {
    let site = SiteTest::fixture("good")
        .edit("content/site.yaml", "language: vi", "language: vi\ntheme: rieng")
        .write("themes/rieng/templates/article.html", "{% extends \"base.html\" %}{% block content %}<h1 class=\"rieng\">{{ page.title }}</h1>{{ page.content | safe }}{% endblock content %}")
        .write("themes/rieng/static/css/them.css", "body{}");
    site.build().succeeds();
    let doc = site.html("tin-tuc/thuan-an-9-thang/index.html");
    assert_eq!(texts(&doc, "h1.rieng"), ["Thuận An: kết quả 9 tháng"]);
    // Templates the site does not override still come from the built-in theme.
    assert_eq!(
        texts(&doc, ".bc-footer__owner"),
        ["Ủy ban nhân dân thành phố Thử"]
    );
    assert_eq!(
        texts(&site.html("index.html"), ".bc-latest .bc-section-title"),
        ["Tin mới nhất"]
    );
    assert_eq!(site.read("css/them.css"), "body{}");
    assert!(site.out().join("css/baocao.css").is_file());
}

#[test]
fn errors_in_a_site_template_name_the_template_file() {
    let site = SiteTest::fixture("good")
        .edit("content/site.yaml", "language: vi", "language: vi\ntheme: rieng")
        .write("themes/rieng/templates/page.html", "{% extends \"base.html\" %}\n{% block content %}\n{{ page.nothing.deeper }}\n{% endblock content %}");
    site.build()
        .fails()
        .stderr_has("--> themes/rieng/templates/page.html:3:");
}

/// The default theme's words of one language.
fn words(lang: &str) -> Vec<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("themes/default/i18n/{lang}.yaml"));
    let map: std::collections::BTreeMap<String, serde_json::Value> =
        yaml_serde::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut all = Vec::new();
    for v in map.values() {
        match v {
            serde_json::Value::String(s) => all.push(s.clone()),
            serde_json::Value::Array(a) => {
                all.extend(a.iter().filter_map(|s| s.as_str().map(str::to_string)))
            }
            _ => {}
        }
    }
    all
}

/// Every page's text and attribute values, as a reader or screen reader
/// meets them.
fn page_texts(site: &SiteTest) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(site.out()) {
        let entry = entry.unwrap();
        if entry.path().extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        let doc = Html::parse_document(&std::fs::read_to_string(entry.path()).unwrap());
        let mut text: String = doc.root_element().text().collect::<Vec<_>>().join(" ");
        for el in doc
            .root_element()
            .descendants()
            .filter_map(scraper::ElementRef::wrap)
        {
            for (_, v) in el.value().attrs() {
                text.push(' ');
                text.push_str(v);
            }
        }
        out.push((entry.path().display().to_string(), text));
    }
    out
}

#[test]
fn both_languages_have_every_interface_word() {
    let keys = |lang: &str| -> std::collections::BTreeSet<String> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("themes/default/i18n/{lang}.yaml"));
        let map: std::collections::BTreeMap<String, serde_json::Value> =
            yaml_serde::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        map.into_keys().collect()
    };
    assert_eq!(keys("vi"), keys("en"));
    // Every `i18n.key` the templates use is in the files.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for part in text.split("i18n.").skip(1) {
            let key: String = part
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            assert!(keys("vi").contains(&key), "{key}");
        }
    }
}

/// Whether `text` holds `word` as a whole word: "up" is not in "group".
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn an_english_site_has_no_vietnamese_interface_word_and_back() {
    let vi = words("vi");
    let en = words("en");
    // Words both languages share ("Email") say nothing either way.
    let only = |a: &[String], b: &[String]| -> Vec<String> {
        a.iter().filter(|w| !b.contains(w)).cloned().collect()
    };
    let (vi_only, en_only) = (only(&vi, &en), only(&en, &vi));

    // The menu is the site's own text, not the theme's: give it English.
    let site = SiteTest::fixture("good")
        .edit("content/site.yaml", "language: vi", "language: en")
        .edit(
            "content/site.yaml",
            "name: \"Trang chủ\"",
            "name: \"Start\"",
        )
        // So are the metric labels the figure cards show.
        .edit(
            "content/metrics.yaml",
            "metrics:\n",
            "metrics:\n  - { key: on_time_rate, label: \"On-time rate\", unit: percent }\n  - { key: online_rate, label: \"Online share\", unit: percent }\n",
        )
        .edit(
            "content/articles/tin-tuc/thuan-an-9-thang.md",
            "| Chỉ tiêu | Số |",
            "| Item | No. |",
        )
        .edit("content/pages/gioi-thieu.md", "Trang [tin", "See [news")
        // So are the catalogue's labels, which unit pages and summaries
        // show: give the rates they show English ones.
        .edit(
            "content/metrics.yaml",
            "metrics:\n",
            "metrics:\n  - { key: on_time_rate, label: \"On-time rate\", short: \"On time\" }\n  - { key: online_rate, label: \"Online rate\", short: \"Online\" }\n",
        )
        .edit(
            "content/articles/tin-tuc/thuan-an-9-thang.md",
            "Ghi chú[^nguon].",
            "{{ chart(kind=\"donut\", metrics=[\"resolved_early\", \"resolved_on_time\"]) }}\n\n{{ data.received | num }} {{ data.online_rate | pct }} {{ data.online_payment_amount | vnd }}",
        );
    site.build().succeeds();
    let pages = page_texts(&site);
    assert!(pages.len() > 5);
    for (page, text) in &pages {
        for w in &vi_only {
            assert!(!contains_word(text, w), "{page} has the Vietnamese `{w}`");
        }
    }
    assert!(
        pages
            .iter()
            .any(|(_, t)| t.contains("Skip to main content"))
    );
    assert!(pages.iter().any(|(_, t)| t.contains("Latest news")));
    assert!(
        pages
            .iter()
            .any(|(_, t)| t.contains("Show the figures as a table"))
    );

    let site = SiteTest::fixture("good");
    site.build().succeeds();
    for (page, text) in &page_texts(&site) {
        for w in &en_only {
            assert!(!contains_word(text, w), "{page} has the English `{w}`");
        }
    }
}

#[test]
fn a_theme_rewords_interface_words_in_its_i18n_file() {
    let site = SiteTest::fixture("good").write(
        "themes/default/i18n/vi.yaml",
        "latest_news: \"Tin tức mới\"\n",
    );
    site.build().succeeds();
    assert_eq!(
        texts(&site.html("index.html"), "h2#tin-moi"),
        ["Tin tức mới"]
    );
    // The other words keep the built-in text.
    assert!(
        site.read("index.html")
            .contains("Bỏ qua, đến nội dung chính")
    );
}
