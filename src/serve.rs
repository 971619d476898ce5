//! `baocao serve`: renders the site in memory, serves it over HTTP, watches
//! `content/` and `themes/`, rebuilds on change and reloads open pages with
//! server-sent events. The reload script and the error overlay are added to
//! responses here, never to what `build` writes.

mod rebuild;

use crate::messages::{Hint, Msg, Status};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use crate::BuildOptions;
use crate::diagnostic::{self, Diagnostic};

/// Options of `baocao serve`.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// The site folder.
    pub root: PathBuf,
    /// Address to listen on.
    pub bind: String,
    /// Port (0: any free port).
    pub port: u16,
    /// Include drafts.
    pub drafts: bool,
}

/// What is being served: the last good site, and the current error if the
/// last rebuild failed.
#[derive(Default)]
struct State {
    files: BTreeMap<String, Vec<u8>>,
    error: Option<String>,
}

/// Shared between the HTTP threads and the watcher.
struct Hub {
    state: RwLock<State>,
    clients: Mutex<Vec<Sender<String>>>,
}

impl Hub {
    fn broadcast(&self, event: &str) {
        if let Ok(mut clients) = self.clients.lock() {
            // A client that went away has dropped its receiver: forget it.
            clients.retain(|c| c.send(event.to_string()).is_ok());
        }
    }
}

/// Formats a server-sent event; every line of the data gets its prefix.
fn sse(event: &str, data: &str) -> String {
    let mut out = format!("event: {event}\n");
    for line in data.lines() {
        out.push_str("data: ");
        out.push_str(line);
        out.push('\n');
    }
    if data.is_empty() {
        out.push_str("data:\n");
    }
    out.push('\n');
    out
}

/// "rebuilt 9 pages and 6 charts in 0.02 s".
fn rebuilt(pages: usize, charts: usize, elapsed: Duration) -> Status {
    crate::msg!(
        Status::Rebuilt,
        Status::count(pages, Status::OnePage, Status::Pages),
        Status::count(charts, Status::OneChart, Status::Charts),
        crate::messages::Text::decimal(elapsed.as_secs_f64(), 2)
    )
}

/// Runs the server until the process is stopped; returns the exit code.
pub fn run(opts: &ServeOptions) -> i32 {
    let server = match tiny_http::Server::http((opts.bind.as_str(), opts.port)) {
        Ok(s) => s,
        Err(e) => {
            let d = Diagnostic::error(crate::msg!(
                Msg::CannotListen,
                format!("{}:{}", opts.bind, opts.port),
                e
            ))
            .hint(Hint::AnotherProgramMayUsing);
            eprint!(
                "{}",
                diagnostic::render_all(&[d], crate::messages::Lang::for_site(&opts.root))
            );
            return 1;
        }
    };
    let port = server.server_addr().to_ip().map_or(opts.port, |a| a.port());
    let host = if opts.bind == "0.0.0.0" {
        "127.0.0.1"
    } else {
        opts.bind.as_str()
    };
    // Links are relative; the base URL only feeds canonical links and feeds,
    // which should point at this server while previewing.
    let build = BuildOptions {
        root: opts.root.clone(),
        output: None,
        base_url: Some(format!("http://{host}:{port}/")),
        drafts: opts.drafts,
        strict: false,
        year: None,
    };
    let hub = Arc::new(Hub {
        state: RwLock::new(State::default()),
        clients: Mutex::new(Vec::new()),
    });
    // The builds run on their own thread, which keeps what the last one
    // made for the next change; the site is served once the first is done.
    let (changes, changed) = mpsc::channel();
    let (ready, built) = mpsc::channel();
    {
        let hub = Arc::clone(&hub);
        std::thread::spawn(move || rebuild::work(&hub, &build, &changed, &ready));
    }
    let _ = built.recv();
    let _watcher = match watch(&opts.root, changes) {
        Ok(w) => w,
        Err(e) => {
            let d = Diagnostic::error(crate::msg!(Msg::CannotWatch, opts.root.display(), e));
            eprint!(
                "{}",
                diagnostic::render_all(&[d], crate::messages::Lang::for_site(&opts.root))
            );
            return 1;
        }
    };
    let serving = crate::msg!(
        Status::Serving,
        opts.root.display(),
        format!("http://{host}:{port}/")
    );
    println!(
        "{}",
        serving.text(crate::messages::Lang::for_site(&opts.root))
    );
    for request in server.incoming_requests() {
        let hub = Arc::clone(&hub);
        std::thread::spawn(move || handle(request, &hub));
    }
    0
}

/// Keeps a rebuild's outcome and returns the event open pages need: a
/// reload when the site's bytes changed or its error went away, the error
/// when it is new, nothing when the rebuild changed nothing (an editor
/// saving the same bytes, a file merely touched).
fn update(hub: &Hub, outcome: Result<BTreeMap<String, Vec<u8>>, String>) -> Option<String> {
    let mut state = hub.state.write().ok()?;
    match outcome {
        Ok(files) => {
            let changed = state.files != files || state.error.is_some();
            state.files = files;
            state.error = None;
            changed.then(|| sse("reload", "rebuilt"))
        }
        // Keep serving the last good site; show the error over it.
        Err(text) => {
            if state.error.as_deref() == Some(text.as_str()) {
                return None;
            }
            let event = sse("error", &text);
            state.error = Some(text);
            Some(event)
        }
    }
}

/// Whether a watcher event can mean a source changed: created, written,
/// removed or renamed. Opening and reading a file (as every rebuild does)
/// is not a change, nor is a new access time, nor an event the watcher
/// could not classify.
fn is_change(event: &notify::Event) -> bool {
    use notify::EventKind;
    use notify::event::{MetadataKind, ModifyKind};
    match event.kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// Watches the sources; a burst of editor writes becomes one change,
/// handed to the builds.
fn watch(
    root: &Path,
    changes: Sender<rebuild::Change>,
) -> notify::Result<
    notify_debouncer_full::Debouncer<
        notify::RecommendedWatcher,
        notify_debouncer_full::RecommendedCache,
    >,
> {
    use notify::RecursiveMode;
    let output = root.join("output");
    // An editor's save is a few events within a millisecond or two; the
    // page must show within 200 ms of the save, the build included.
    let mut debouncer = notify_debouncer_full::new_debouncer(
        Duration::from_millis(50),
        Some(Duration::from_millis(10)),
        move |res: notify_debouncer_full::DebounceEventResult| {
            let Ok(events) = res else { return };
            let source = |p: &PathBuf| {
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                !p.starts_with(&output) && !crate::fs::is_ignored(&name)
            };
            // A rescan means events were lost: anything may have changed.
            let change = if events.iter().any(|e| e.need_rescan()) {
                rebuild::Change::Rescan
            } else {
                let mut paths: Vec<PathBuf> = events
                    .iter()
                    .filter(|e| is_change(e))
                    .flat_map(|e| e.paths.iter().filter(|p| source(p)).cloned())
                    .collect();
                if paths.is_empty() {
                    return;
                }
                paths.sort();
                paths.dedup();
                rebuild::Change::Paths(paths)
            };
            let _ = changes.send(change);
        },
    )?;
    for dir in ["content", "themes"] {
        let path = root.join(dir);
        if path.is_dir() {
            debouncer.watch(&path, RecursiveMode::Recursive)?;
        }
    }
    Ok(debouncer)
}

/// The path a URL names inside the site, or `None` when it tries to leave
/// it (`..`, encoded or not, backslashes, NUL).
pub fn site_path(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path)?;
    let mut parts = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return None,
            s if s.contains('\\') || s.contains('\0') || s.contains(':') => return None,
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The content type of a file by its extension.
pub fn mime(path: &str) -> &'static str {
    match path
        .rsplit('.')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
        .as_str()
    {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

const EVENTS: &str = "__baocao/events";

/// The script that reloads the page on a rebuild and shows build errors.
const CLIENT: &str = r#"<script>(function(){var s=new EventSource("/__baocao/events");function show(t){var o=document.getElementById("bc-error-overlay");if(!o){o=document.createElement("div");o.id="bc-error-overlay";o.setAttribute("role","alert");o.style.cssText="position:fixed;inset:0;z-index:2147483647;background:rgba(11,12,12,.92);color:#fff;overflow:auto;padding:2rem;font:14px/1.5 monospace;white-space:pre-wrap";document.body.appendChild(o);}o.textContent=t;}s.addEventListener("reload",function(){location.reload();});s.addEventListener("error",function(e){if(e.data)show(e.data);});})();</script>"#;

fn handle(request: tiny_http::Request, hub: &Hub) {
    // A preview only reads: anything but GET and HEAD is refused.
    let head = match request.method() {
        tiny_http::Method::Get => false,
        tiny_http::Method::Head => true,
        _ => {
            let mut response =
                tiny_http::Response::from_string("405 Method Not Allowed").with_status_code(405);
            if let Ok(h) = tiny_http::Header::from_bytes("Allow", "GET, HEAD".as_bytes()) {
                response.add_header(h);
            }
            let _ = request.respond(response);
            return;
        }
    };
    let url = request.url().to_string();
    let Some(path) = site_path(&url) else {
        let _ = request
            .respond(tiny_http::Response::from_string("403 Forbidden").with_status_code(403));
        return;
    };
    if path == EVENTS {
        if head {
            // The headers of the stream, without opening it.
            let mut response = tiny_http::Response::empty(200);
            for (name, value) in [
                ("Content-Type", "text/event-stream"),
                ("Cache-Control", "no-store"),
            ] {
                if let Ok(h) = tiny_http::Header::from_bytes(name, value.as_bytes()) {
                    response.add_header(h);
                }
            }
            let _ = request.respond(response);
            return;
        }
        return events(request, hub);
    }
    let Ok(state) = hub.state.read() else { return };
    let index = if path.is_empty() {
        "index.html".to_string()
    } else {
        format!("{path}/index.html")
    };
    let slash = url.split(['?', '#']).next().unwrap_or("").ends_with('/');
    let (status, file, body) = if let Some(b) = state.files.get(&path) {
        (200, path.clone(), b.clone())
    } else if let Some(b) = state.files.get(&index) {
        if !path.is_empty() && !slash {
            // `/tin-tuc/a` without its slash: send the browser to the folder,
            // so relative links resolve as on the real server.
            drop(state);
            let mut response = tiny_http::Response::empty(301);
            if let Ok(h) = tiny_http::Header::from_bytes("Location", format!("/{path}/").as_bytes())
            {
                response.add_header(h);
            }
            let _ = request.respond(response);
            return;
        }
        (200, index, b.clone())
    } else if let Some(b) = state.files.get("404.html") {
        (404, "404.html".to_string(), b.clone())
    } else {
        (404, "404.txt".to_string(), b"404 Not Found".to_vec())
    };
    let mut body = body;
    if file.ends_with(".html") {
        body = inject(&body, state.error.as_deref());
    }
    drop(state);
    let mut response = tiny_http::Response::from_data(body).with_status_code(status);
    if let Ok(h) = tiny_http::Header::from_bytes("Content-Type", mime(&file).as_bytes()) {
        response.add_header(h);
    }
    if let Ok(h) = tiny_http::Header::from_bytes("Cache-Control", "no-store".as_bytes()) {
        response.add_header(h);
    }
    let _ = request.respond(response);
}

/// Adds the reload script, and the error overlay when the last rebuild failed.
fn inject(html: &[u8], error: Option<&str>) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    let mut extra = String::from(CLIENT);
    if let Some(err) = error {
        extra.push_str(&format!(
            "<div id=\"bc-error-overlay\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;background:rgba(11,12,12,.92);color:#fff;overflow:auto;padding:2rem;font:14px/1.5 monospace;white-space:pre-wrap\">{}</div>",
            crate::chart::html::escape(err)
        ));
    }
    match text.rfind("</body>") {
        Some(i) => format!("{}{extra}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{extra}").into_bytes(),
    }
}

/// A server-sent event stream: one per open page.
fn events(request: tiny_http::Request, hub: &Hub) {
    let (tx, rx) = mpsc::channel::<String>();
    let first = hub
        .state
        .read()
        .ok()
        .and_then(|s| s.error.clone())
        .map(|e| sse("error", &e));
    if let Ok(mut clients) = hub.clients.lock() {
        clients.push(tx);
    }
    // tiny_http buffers bodies; events must go out at once, so write the
    // response by hand and flush after each event.
    let mut w = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 1000\n\n";
    if w.write_all(head.as_bytes())
        .and_then(|()| w.flush())
        .is_err()
    {
        return;
    }
    if let Some(e) = first {
        if w.write_all(e.as_bytes()).and_then(|()| w.flush()).is_err() {
            return;
        }
    }
    loop {
        let msg = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(m) => m,
            // A comment keeps proxies from closing an idle stream and tells
            // us when the page has gone.
            Err(mpsc::RecvTimeoutError::Timeout) => ": ping\n\n".to_string(),
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if w.write_all(msg.as_bytes())
            .and_then(|()| w.flush())
            .is_err()
        {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_never_leave_the_site() {
        assert_eq!(site_path("/tin-tuc/a/?x=1").as_deref(), Some("tin-tuc/a"));
        assert_eq!(site_path("/").as_deref(), Some(""));
        assert_eq!(site_path("/c%E1%BA%A3i/").as_deref(), Some("cải"));
        for bad in [
            "/../Cargo.toml",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/a/..%2f..%2fb",
            "/a%5c..%5cb",
            "/%",
            "/C:/x",
            "/a/%00",
        ] {
            assert_eq!(site_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn events_prefix_every_line() {
        assert_eq!(sse("error", "a\nb"), "event: error\ndata: a\ndata: b\n\n");
    }

    #[test]
    fn the_script_goes_before_the_end_of_the_body_only_when_serving() {
        let html = inject(b"<html><body><p>x</p></body></html>", Some("error: <b>"));
        let text = String::from_utf8(html).unwrap();
        assert!(text.contains("EventSource(\"/__baocao/events\")"));
        assert!(text.contains(">error: &lt;b&gt;</div></body>"), "{text}");
    }

    #[test]
    fn only_a_changed_site_or_error_is_sent_to_open_pages() {
        let hub = Hub {
            state: RwLock::new(State::default()),
            clients: Mutex::new(Vec::new()),
        };
        let site = |text: &str| BTreeMap::from([("index.html".to_string(), text.into())]);
        let reload = Some(sse("reload", "rebuilt"));
        assert_eq!(update(&hub, Ok(site("a"))), reload);
        assert_eq!(update(&hub, Ok(site("a"))), None, "same bytes");
        assert_eq!(update(&hub, Ok(site("b"))), reload);
        assert_eq!(update(&hub, Err("e1".into())), Some(sse("error", "e1")));
        assert_eq!(update(&hub, Err("e1".into())), None, "same error");
        assert_eq!(update(&hub, Err("e2".into())), Some(sse("error", "e2")));
        assert_eq!(
            update(&hub, Ok(site("b"))),
            reload,
            "the overlay goes even when the site is the same"
        );
        assert_eq!(hub.state.read().unwrap().files, site("b"));
    }

    #[test]
    fn reading_a_source_is_not_a_change() {
        use notify::event::{
            AccessKind, AccessMode, CreateKind, DataChange, MetadataKind, ModifyKind, RemoveKind,
            RenameMode,
        };
        use notify::{Event, EventKind};
        for kind in [
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            EventKind::Access(AccessKind::Read),
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)),
            EventKind::Any,
            EventKind::Other,
        ] {
            assert!(!is_change(&Event::new(kind)), "{kind:?}");
        }
        for kind in [
            EventKind::Create(CreateKind::File),
            EventKind::Modify(ModifyKind::Data(DataChange::Content)),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any)),
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
            EventKind::Remove(RemoveKind::File),
        ] {
            assert!(is_change(&Event::new(kind)), "{kind:?}");
        }
    }

    #[test]
    fn mime_types() {
        assert_eq!(mime("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(mime("css/baocao.css"), "text/css; charset=utf-8");
        assert_eq!(
            mime("files/x.XLSX"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        );
    }
}
