//! `baocao serve`: pages over HTTP, reload on change, the error overlay over
//! the last good site, and no way out of the site's files.

mod common;
use common::*;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ARTICLE: &str = "content/articles/tin-tuc/thuan-an-9-thang.md";

/// Stops the server however the test ends.
struct Server(Child, u16);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start(site: &SiteTest) -> Server {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_baocao"))
        .args([
            "serve",
            "--root",
            site.root.to_str().unwrap(),
            "--port",
            &port.to_string(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = Server(child, port);
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return server;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("the server did not start");
}

/// A raw HTTP request, so the path goes out exactly as written.
fn get(port: u16, path: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, head.to_string(), body.to_string())
}

/// Reads server-sent events until one of `kind` arrives; returns its data.
fn wait_for(events: &mut BufReader<TcpStream>, kind: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut current = String::new();
    let mut data = String::new();
    while Instant::now() < deadline {
        let mut line = String::new();
        match events.read_line(&mut line) {
            Ok(0) => panic!("the event stream closed"),
            Ok(_) => {}
            Err(_) => continue,
        }
        let line = line.trim_end_matches(['\r', '\n']);
        if let Some(e) = line.strip_prefix("event: ") {
            current = e.to_string();
            data.clear();
        } else if let Some(d) = line.strip_prefix("data: ") {
            data.push_str(d);
            data.push('\n');
        } else if line.is_empty() && current == kind {
            return data;
        }
    }
    panic!("no `{kind}` event");
}

fn subscribe(port: u16) -> BufReader<TcpStream> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_millis(500)))
        .unwrap();
    write!(
        s,
        "GET /__baocao/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let mut r = BufReader::new(s);
    let mut status = String::new();
    while status.is_empty() {
        let _ = r.read_line(&mut status);
    }
    assert!(status.contains("200"), "{status}");
    r
}

fn edit(site: &SiteTest, from: &str, to: &str) {
    let path = site.root.join(ARTICLE);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from));
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn serve_reloads_on_change_and_shows_errors_over_the_last_good_site() {
    let site = SiteTest::fixture("good");
    let server = start(&site);
    let port = server.1;

    let (status, head, page) = get(port, "/tin-tuc/thuan-an-9-thang/");
    assert_eq!(status, 200);
    assert!(
        head.to_lowercase()
            .contains("content-type: text/html; charset=utf-8"),
        "{head}"
    );
    assert!(page.contains("Thuận An: kết quả 9 tháng"));
    assert!(
        page.contains("EventSource(\"/__baocao/events\")"),
        "the reload script is injected when serving"
    );
    assert!(!site.out().exists(), "serve writes nothing to output/");

    let mut events = subscribe(port);
    edit(&site, "Ghi chú[^nguon].", "Ghi chú đã sửa[^nguon].");
    wait_for(&mut events, "reload");
    let (_, _, page) = get(port, "/tin-tuc/thuan-an-9-thang/");
    assert!(page.contains("Ghi chú đã sửa"), "the new content is served");

    edit(
        &site,
        "{{ data.received | num }}**",
        "{{ data.recieved | num }}**",
    );
    let error = wait_for(&mut events, "error");
    assert!(
        error.contains("lỗi[E0203]: không có mã chỉ tiêu `recieved`")
            && error.contains("thuan-an-9-thang.md:11:"),
        "{error}"
    );
    let (status, _, page) = get(port, "/tin-tuc/thuan-an-9-thang/");
    assert_eq!(status, 200);
    assert!(
        page.contains("Ghi chú đã sửa"),
        "the last good page is still served"
    );
    assert!(
        page.contains("<div id=\"bc-error-overlay\"")
            && page.contains("không có mã chỉ tiêu `recieved`"),
        "the overlay shows the error"
    );

    edit(
        &site,
        "{{ data.recieved | num }}**",
        "{{ data.received | num }}**",
    );
    wait_for(&mut events, "reload");
    let (_, _, page) = get(port, "/tin-tuc/thuan-an-9-thang/");
    assert!(
        !page.contains("<div id=\"bc-error-overlay\""),
        "fixing the file removes the overlay"
    );
}

#[test]
fn requests_never_read_outside_the_site() {
    let site = SiteTest::fixture("good").write("secret.txt", "mật khẩu");
    let server = start(&site);
    let port = server.1;
    for path in [
        "/../Cargo.toml",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/../secret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e%5csecret.txt",
        "//etc/passwd",
        "/content/site.yaml",
    ] {
        let (status, _, body) = get(port, path);
        assert!(status == 403 || status == 404, "{path}: {status}");
        assert!(
            !body.contains("[package]")
                && !body.contains("root:")
                && !body.contains("mật khẩu")
                && !body.contains("base_url"),
            "{path}: {body}"
        );
    }
}

#[test]
fn pretty_urls_and_mime_types() {
    let site = SiteTest::fixture("good");
    let server = start(&site);
    let port = server.1;
    let (status, head, _) = get(port, "/tin-tuc/thuan-an-9-thang");
    assert_eq!(status, 301);
    assert!(
        head.contains("Location: /tin-tuc/thuan-an-9-thang/"),
        "{head}"
    );
    let (status, head, body) = get(port, "/css/baocao.css");
    assert_eq!(status, 200);
    assert!(
        head.to_lowercase().contains("content-type: text/css"),
        "{head}"
    );
    assert!(!body.contains("EventSource"), "only HTML gets the script");
    let (status, _, body) = get(port, "/");
    assert_eq!(status, 200);
    assert!(body.contains("Tin mới nhất"));
    assert_eq!(get(port, "/khong-co/").0, 404);
}

#[test]
fn a_port_in_use_is_an_error_not_a_panic() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let site = SiteTest::fixture("good");
    let out = site.run(&[
        "serve",
        "--root",
        site.root.to_str().unwrap(),
        "--port",
        &port.to_string(),
    ]);
    out.fails()
        .stderr_has(&format!("cannot listen on 127.0.0.1:{port}"))
        .stderr_has("--port");
}
