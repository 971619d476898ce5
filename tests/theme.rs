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
        texts(&site.html("index.html"), ".bc-heading"),
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
