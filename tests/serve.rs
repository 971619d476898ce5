//! `baocao serve`: pages over HTTP, reload on change, the error overlay over
//! the last good site, and no way out of the site's files.

mod common;
use common::*;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
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

fn serve(site: &SiteTest, port: u16) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_baocao"));
    command
        .args([
            "serve",
            "--root",
            site.root.to_str().unwrap(),
            "--port",
            &port.to_string(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

fn start(site: &SiteTest) -> Server {
    let port = free_port();
    let child = serve(site, port).spawn().unwrap();
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

/// Starts the server and counts the rebuilds it reports on its standard
/// output once it is serving (the first build is not counted).
fn start_counting(site: &SiteTest) -> (Server, Arc<AtomicUsize>) {
    let port = free_port();
    let mut child = serve(site, port).stdout(Stdio::piped()).spawn().unwrap();
    let stdout = child.stdout.take().unwrap();
    let server = Server(child, port);
    let rebuilds = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&rebuilds);
    let (ready, serving) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut started = false;
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if line.starts_with("serving ") || line.starts_with("đang phục vụ ") {
                started = true;
                let _ = ready.send(());
            } else if started && (line.starts_with("rebuilt ") || line.starts_with("đã dựng lại "))
            {
                count.fetch_add(1, Ordering::SeqCst);
            }
        }
    });
    serving
        .recv_timeout(Duration::from_secs(20))
        .expect("the server did not start");
    (server, rebuilds)
}

/// A raw HTTP request, so the path goes out exactly as written.
fn get(port: u16, path: &str) -> (u16, String, String) {
    request(port, "GET", path, "")
}

fn request(port: u16, method: &str, path: &str, body: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let length = if body.is_empty() {
        String::new()
    } else {
        format!("Content-Length: {}\r\n", body.len())
    };
    write!(
        s,
        "{method} {path} HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n{length}\r\n{body}"
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

/// The kinds of the server-sent events that arrive within `time`.
fn events_within(events: &mut BufReader<TcpStream>, time: Duration) -> Vec<String> {
    let deadline = Instant::now() + time;
    let mut kinds = Vec::new();
    let mut current = String::new();
    // Kept across read timeouts, which may split a line.
    let mut line = String::new();
    while Instant::now() < deadline {
        match events.read_line(&mut line) {
            Ok(0) => panic!("the event stream closed"),
            Ok(_) => {}
            Err(_) => continue,
        }
        let text = line.trim_end_matches(['\r', '\n']);
        if let Some(e) = text.strip_prefix("event: ") {
            current = e.to_string();
        } else if text.is_empty() && !current.is_empty() {
            kinds.push(std::mem::take(&mut current));
        }
        line.clear();
    }
    kinds
}

fn wait_until(what: &str, done: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting: {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
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

#[test]
fn an_idle_server_stays_idle_and_only_changed_output_reloads() {
    let site = SiteTest::fixture("good");
    let (server, rebuilds) = start_counting(&site);
    let mut events = subscribe(server.1);

    // Rebuilding reads every source; reading must not trigger a rebuild.
    let idle = events_within(&mut events, Duration::from_secs(10));
    assert_eq!(
        rebuilds.load(Ordering::SeqCst),
        0,
        "an idle server rebuilds nothing"
    );
    assert!(idle.is_empty(), "no events while idle: {idle:?}");

    // The same bytes saved again, a file touched: a rebuild whose output
    // is the same reloads nothing.
    let article = site.root.join(ARTICLE);
    std::fs::write(&article, std::fs::read(&article).unwrap()).unwrap();
    std::fs::File::options()
        .write(true)
        .open(site.root.join("content/data/thuan-an.yaml"))
        .unwrap()
        .set_modified(std::time::SystemTime::now())
        .unwrap();
    wait_until("a rebuild after saving", || {
        rebuilds.load(Ordering::SeqCst) >= 1
    });
    let same = events_within(&mut events, Duration::from_secs(1));
    assert!(
        same.is_empty(),
        "nothing changed, nothing reloads: {same:?}"
    );

    edit(&site, "Ghi chú[^nguon].", "Ghi chú đã sửa[^nguon].");
    let changed = events_within(&mut events, Duration::from_secs(3));
    assert_eq!(changed, ["reload"], "one change, one reload");
    let (_, _, page) = get(server.1, "/tin-tuc/thuan-an-9-thang/");
    assert!(page.contains("Ghi chú đã sửa"));
}

#[test]
fn only_get_and_head_are_allowed() {
    let site = SiteTest::fixture("good");
    let server = start(&site);
    let port = server.1;
    for method in ["POST", "PUT", "DELETE", "TRACE", "PATCH", "OPTIONS"] {
        for path in ["/", "/tin-tuc/thuan-an-9-thang/", "/__baocao/events"] {
            let (status, head, body) = request(port, method, path, "a=1");
            assert_eq!(status, 405, "{method} {path}: {head}");
            assert!(head.contains("Allow: GET, HEAD"), "{method} {path}: {head}");
            assert!(
                !body.contains("Thuận An") && !body.contains("EventSource"),
                "{method} {path}: {body}"
            );
        }
    }

    let (status, head, body) = request(port, "HEAD", "/tin-tuc/thuan-an-9-thang/", "");
    assert_eq!(status, 200, "{head}");
    assert!(
        head.to_lowercase()
            .contains("content-type: text/html; charset=utf-8"),
        "{head}"
    );
    assert!(body.is_empty(), "HEAD has no body: {body}");
    let (_, _, page) = get(port, "/tin-tuc/thuan-an-9-thang/");
    assert!(
        head.contains(&format!("Content-Length: {}", page.len())),
        "HEAD gives the length of the page: {head}"
    );
    let (status, head, body) = request(port, "HEAD", "/__baocao/events", "");
    assert_eq!(status, 200, "{head}");
    assert!(
        head.to_lowercase()
            .contains("content-type: text/event-stream"),
        "{head}"
    );
    assert!(body.is_empty(), "HEAD has no body: {body}");
    assert_eq!(request(port, "HEAD", "/khong-co/", "").0, 404);
    assert_eq!(get(port, "/").0, 200);
}

/// Starts the server in the site's folder (`--root .`, as `baocao serve`
/// is mostly run) and keeps the lines of its standard output.
fn start_reading(site: &SiteTest) -> (Server, Arc<std::sync::Mutex<Vec<String>>>) {
    let port = free_port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_baocao"))
        .args(["serve", "--root", ".", "--port", &port.to_string()])
        .current_dir(&site.root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let server = Server(child, port);
    let lines = Arc::new(std::sync::Mutex::new(Vec::new()));
    let kept = Arc::clone(&lines);
    let (ready, serving) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if line.starts_with("đang phục vụ ") {
                let _ = ready.send(());
            }
            kept.lock().unwrap().push(line);
        }
    });
    serving
        .recv_timeout(Duration::from_secs(20))
        .expect("the server did not start");
    (server, lines)
}

/// How many pages the last rebuild rendered, by its status line
/// ("đã dựng lại 1 trang và 0 biểu đồ trong 0,00 giây").
fn last_rebuild(lines: &std::sync::Mutex<Vec<String>>) -> usize {
    let lines = lines.lock().unwrap();
    let line = lines
        .iter()
        .rev()
        .find(|l| l.starts_with("đã dựng lại "))
        .expect("a rebuild");
    line["đã dựng lại ".len()..]
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{line}"))
}

fn rebuilds(lines: &std::sync::Mutex<Vec<String>>) -> usize {
    lines
        .lock()
        .unwrap()
        .iter()
        .filter(|l| l.starts_with("đã dựng lại "))
        .count()
}

#[test]
fn an_edit_renders_only_the_pages_it_changes_and_anything_else_the_whole_site() {
    let mut site = SiteTest::fixture("good");
    // Newer articles, so the edited one is not in every page's sidebar.
    for i in 1..=6 {
        site = site.write(
            &format!("content/articles/su-kien/moi-{i}.md"),
            &format!("---\ntitle: \"Tin mới {i}\"\ndate: 2030-01-0{i}\n---\nNội dung.\n"),
        );
    }
    let (server, lines) = start_reading(&site);
    let port = server.1;
    let mut events = subscribe(port);
    let first = rebuilds(&lines);
    let whole = last_rebuild(&lines);
    assert!(whole > 10, "the first build renders every page: {whole}");
    let (_, _, other) = get(port, "/tin-tuc/thong-bao/");
    let (_, _, home) = get(port, "/");

    // The body of an article: its page alone is rendered again.
    edit(&site, "Ghi chú[^nguon].", "Ghi chú mới[^nguon].");
    wait_for(&mut events, "reload");
    let (_, _, page) = get(port, "/tin-tuc/thuan-an-9-thang/");
    assert!(page.contains("Ghi chú mới"), "the new body is served");
    assert!(
        page.contains("Thuận An: kết quả 9 tháng") && page.contains("thuan-an-9-thang"),
        "the rest of the page is as before"
    );
    wait_until("the rebuild's status line", || rebuilds(&lines) > first);
    assert_eq!(last_rebuild(&lines), 1, "only the edited page: {lines:?}");
    assert_eq!(get(port, "/tin-tuc/thong-bao/").2, other);
    assert_eq!(get(port, "/").2, home);

    // Its body checked as a build checks it: an error shows over the page,
    // and fixing it renders the page alone again.
    edit(
        &site,
        "Ghi chú mới[^nguon].",
        "Xem [trang](khong-co.md)[^nguon].",
    );
    let error = wait_for(&mut events, "error");
    assert!(error.contains("khong-co.md"), "{error}");
    edit(
        &site,
        "Xem [trang](khong-co.md)[^nguon].",
        "Ghi chú lần ba[^nguon].",
    );
    wait_for(&mut events, "reload");
    let (_, _, page) = get(port, "/tin-tuc/thuan-an-9-thang/");
    assert!(page.contains("Ghi chú lần ba") && !page.contains("<div id=\"bc-error-overlay\""));
    assert_eq!(last_rebuild(&lines), 1);

    // Its front matter: the pages that show the title are rendered again
    // (its own, the lists and related lists that show it, the feed and
    // the search index), not the whole site.
    let count = rebuilds(&lines);
    let (_, _, about) = get(port, "/gioi-thieu/");
    edit(
        &site,
        "title: \"Thuận An: kết quả 9 tháng\"",
        "title: \"Thuận An: chín tháng\"",
    );
    wait_for(&mut events, "reload");
    assert!(
        get(port, "/tin-tuc/").2.contains("Thuận An: chín tháng"),
        "the list shows the new title"
    );
    assert!(
        get(port, "/tin-tuc/thuan-an-9-thang/")
            .2
            .contains("Thuận An: chín tháng")
    );
    let (_, _, index) = get(port, "/tim-kiem/chi-muc.js");
    assert!(index.contains("Thuận An: chín tháng"), "the search index");
    wait_until("the rebuild's status line", || rebuilds(&lines) > count);
    let some = last_rebuild(&lines);
    assert!(
        1 < some && some < whole,
        "{some} of {whole} pages: {lines:?}"
    );
    assert_eq!(get(port, "/gioi-thieu/").2, about, "a page not showing it");

    // Body edits are still served alone.
    edit(&site, "Ghi chú lần ba[^nguon].", "Ghi chú lần bốn[^nguon].");
    wait_for(&mut events, "reload");
    let (_, _, page) = get(port, "/tin-tuc/thuan-an-9-thang/");
    assert!(page.contains("Ghi chú lần bốn") && page.contains("Thuận An: chín tháng"));
    assert_eq!(last_rebuild(&lines), 1);

    // A new article: lists change, the whole site is built.
    let count = rebuilds(&lines);
    std::fs::write(
        site.root.join("content/articles/tin-tuc/bai-moi.md"),
        "---\ntitle: \"Bài mới đăng\"\ndate: 2024-01-02\n---\nNội dung.\n",
    )
    .unwrap();
    wait_for(&mut events, "reload");
    assert!(get(port, "/tin-tuc/").2.contains("Bài mới đăng"));
    assert_eq!(get(port, "/tin-tuc/bai-moi/").0, 200);
    wait_until("the rebuild's status line", || rebuilds(&lines) > count);
    assert!(last_rebuild(&lines) > whole);

    // A file the build does not read changes nothing.
    let count = rebuilds(&lines);
    std::fs::write(site.root.join("content/articles/tin-tuc/ghi-chu.txt"), "x").unwrap();
    let none = events_within(&mut events, Duration::from_secs(1));
    assert!(none.is_empty(), "{none:?}");
    assert_eq!(rebuilds(&lines), count);
}
