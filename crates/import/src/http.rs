//! The polite HTTP client every import goes through.
//!
//! - at most `concurrency` requests in flight (default 4), and each slot
//!   waits `delay` after its answer before it takes the next request;
//! - a User-Agent that names bantin;
//! - only `http` and `https` URLs are fetched, and redirects (to http(s)
//!   only) are followed by hand, at most `max_redirects` hops, a loop
//!   refused;
//! - a time limit per request (a server that stalls fails that page) and a
//!   size limit per answer;
//! - conditional requests: with a cache folder, an answer that carries an
//!   `ETag` or a `Last-Modified` is kept on disk, and the next run asks
//!   with `If-None-Match` / `If-Modified-Since`: a 304 takes the kept copy,
//!   so a re-run with nothing new transfers nothing but headers;
//! - cookies: what a site sets is sent back to it, and kept in the cache
//!   folder across runs. NukeViet counts a page view once per session, so
//!   one session for the whole run (and the next ones) adds at most one
//!   view to each page, ever, instead of one per run.
//!
//! A name that is not an http(s) URL is a local file, read as it is.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use url::Url;

/// The User-Agent sent with every request.
pub const USER_AGENT: &str = concat!(
    "bantin-feed/",
    env!("CARGO_PKG_VERSION"),
    " (bantin import; a reader app for Vietnamese portals)"
);

#[derive(Clone, Debug)]
pub struct Options {
    pub concurrency: usize,
    /// The pause after each answer before the slot is used again.
    pub delay: Duration,
    /// Where answers with validators and the cookies are kept; `None`: no cache.
    pub cache_dir: Option<PathBuf>,
    /// The whole request, connection to last byte.
    pub timeout: Duration,
    /// The most bytes one answer may have.
    pub max_bytes: u64,
    pub max_redirects: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            concurrency: 4,
            delay: Duration::from_millis(100),
            cache_dir: None,
            timeout: Duration::from_secs(30),
            max_bytes: 32 * 1024 * 1024,
            max_redirects: 5,
        }
    }
}

/// What the client did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Requests sent over the network (redirect hops included).
    pub requests: usize,
    /// Of those, answered 304 Not Modified (the kept copy was used).
    pub not_modified: usize,
    /// Local files read.
    pub files: usize,
    /// Bytes of bodies received.
    pub bytes: u64,
    /// The most requests that were in flight at once.
    pub max_in_flight: usize,
}

/// An answer.
#[derive(Clone, Debug)]
pub struct Fetched {
    /// Where the body came from at last (after redirects); for a local
    /// file, its path.
    pub url: String,
    pub body: Vec<u8>,
    pub content_type: Option<String>,
    /// The body was the kept copy (the server said 304).
    pub cached: bool,
}

impl Fetched {
    /// The body as text: the charset the server or the page declares, else
    /// UTF-8. A page whose bytes are not what it declares (UTF-8 declared,
    /// windows-1258 sent, or the other way round) is read in the encoding
    /// its bytes are in, with a warning.
    pub fn text(&self) -> (String, Option<String>) {
        let declared = self
            .content_type
            .as_deref()
            .and_then(charset_of)
            .or_else(|| meta_charset(&self.body));
        let encoding = declared
            .as_deref()
            .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
            .unwrap_or(encoding_rs::UTF_8);
        let (text, _, bad) = encoding.decode(&self.body);
        if !bad {
            if encoding != encoding_rs::UTF_8
                && !self.body.is_ascii()
                && std::str::from_utf8(&self.body).is_ok()
            {
                let utf8 = String::from_utf8_lossy(&self.body).into_owned();
                return (
                    utf8,
                    Some(format!(
                        "declared {} but is UTF-8: read as UTF-8",
                        encoding.name()
                    )),
                );
            }
            return (text.into_owned(), None);
        }
        // Not the declared encoding: Vietnamese Windows, the usual other one.
        let (fallback, _, still_bad) = encoding_rs::WINDOWS_1258.decode(&self.body);
        let why = format!(
            "declared {} but its bytes are not: read as windows-1258{}",
            encoding.name(),
            if still_bad {
                " (some characters replaced)"
            } else {
                ""
            }
        );
        (fallback.into_owned(), Some(why))
    }
}

fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("charset"))
            .then(|| v.trim().trim_matches('"').to_ascii_lowercase())
    })
}

/// `<meta charset="…">` or `<?xml … encoding="…"?>` in the first 1024 bytes.
fn meta_charset(body: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&body[..body.len().min(1024)]).to_ascii_lowercase();
    for key in ["charset=", "encoding="] {
        if let Some(i) = head.find(key) {
            let v: String = head[i + key.len()..]
                .trim_start_matches(['"', '\''])
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            if !v.is_empty() {
                return Some(v);
            }
        }
    }
    None
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Kept {
    url: String,
    final_url: String,
    etag: Option<String>,
    last_modified: Option<String>,
    content_type: Option<String>,
}

pub struct Client {
    agent: ureq::Agent,
    options: Options,
    in_flight: Mutex<usize>,
    freed: Condvar,
    stats: Mutex<Stats>,
    /// host → cookie name → value.
    cookies: Mutex<BTreeMap<String, BTreeMap<String, String>>>,
}

impl Client {
    pub fn new(options: Options) -> Client {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(USER_AGENT)
            .timeout_global(Some(options.timeout))
            .build();
        let cookies = options
            .cache_dir
            .as_ref()
            .and_then(|d| fs::read_to_string(d.join("cookies.json")).ok())
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default();
        Client {
            agent: config.new_agent(),
            options,
            in_flight: Mutex::new(0),
            freed: Condvar::new(),
            stats: Mutex::new(Stats::default()),
            cookies: Mutex::new(cookies),
        }
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    pub fn stats(&self) -> Stats {
        *self.stats.lock().unwrap()
    }

    /// Fetches `name`: an http(s) URL, or a local file.
    pub fn get(&self, name: &str) -> Result<Fetched, String> {
        let lower = name.to_ascii_lowercase();
        if !(lower.starts_with("http://") || lower.starts_with("https://")) {
            if Url::parse(name).is_ok_and(|u| u.scheme().len() > 1) {
                return Err("only http and https addresses are followed".into());
            }
            let body = fs::read(name).map_err(|e| format!("cannot read {name}: {e}"))?;
            self.stats.lock().unwrap().files += 1;
            return Ok(Fetched {
                url: name.to_string(),
                body,
                content_type: None,
                cached: false,
            });
        }
        let _slot = self.slot();
        let mut current = Url::parse(name).map_err(|e| format!("not a URL: {e}"))?;
        let mut seen = HashSet::new();
        for _ in 0..=self.options.max_redirects {
            if !matches!(current.scheme(), "http" | "https") {
                return Err(format!(
                    "redirected to a {}: address, which is not followed",
                    current.scheme()
                ));
            }
            if !seen.insert(current.to_string()) {
                return Err("redirect loop".into());
            }
            match self.once(&current)? {
                Hop::Done(f) => return Ok(f),
                Hop::Redirect(to) => {
                    current = current
                        .join(&to)
                        .map_err(|e| format!("bad redirect address: {e}"))?
                }
            }
        }
        Err(format!(
            "more than {} redirects",
            self.options.max_redirects
        ))
    }

    /// Runs `f` on every item with as many threads as requests may be in
    /// flight; the results in the items' order.
    pub fn map<T: Sync, R: Send>(&self, items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
        let next = AtomicUsize::new(0);
        let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
        let workers = self.options.concurrency.max(1).min(items.len().max(1));
        std::thread::scope(|s| {
            for _ in 0..workers {
                s.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let r = f(item);
                    results.lock().unwrap()[i] = Some(r);
                });
            }
        });
        results
            .into_inner()
            .unwrap()
            .into_iter()
            .map(|r| r.expect("every item ran"))
            .collect()
    }

    fn slot(&self) -> Slot<'_> {
        let mut n = self.in_flight.lock().unwrap();
        while *n >= self.options.concurrency.max(1) {
            n = self.freed.wait(n).unwrap();
        }
        *n += 1;
        let mut stats = self.stats.lock().unwrap();
        stats.max_in_flight = stats.max_in_flight.max(*n);
        Slot(self)
    }

    fn once(&self, url: &Url) -> Result<Hop, String> {
        let kept = self.kept(url);
        let mut req = self.agent.get(url.as_str());
        if let Some(cookie) = self.cookie_header(url) {
            req = req.header("Cookie", cookie);
        }
        if let Some((k, _)) = &kept {
            if let Some(etag) = &k.etag {
                req = req.header("If-None-Match", etag);
            }
            if let Some(lm) = &k.last_modified {
                req = req.header("If-Modified-Since", lm);
            }
        }
        self.stats.lock().unwrap().requests += 1;
        let mut resp = req.call().map_err(describe)?;
        self.remember_cookies(url, resp.headers());
        let status = resp.status().as_u16();
        let header = |n: &str| {
            resp.headers()
                .get(n)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        if status == 304 {
            if let Some((k, body)) = kept {
                self.stats.lock().unwrap().not_modified += 1;
                return Ok(Hop::Done(Fetched {
                    url: k.final_url,
                    body,
                    content_type: k.content_type,
                    cached: true,
                }));
            }
            return Err("304 Not Modified without a kept copy".into());
        }
        if matches!(status, 301 | 302 | 303 | 307 | 308) {
            return header("location")
                .map(Hop::Redirect)
                .ok_or_else(|| format!("HTTP {status} without a Location"));
        }
        if !(200..300).contains(&status) {
            return Err(format!("HTTP {status}"));
        }
        let (etag, last_modified, content_type) = (
            header("etag"),
            header("last-modified"),
            header("content-type"),
        );
        let body = resp
            .body_mut()
            .with_config()
            .limit(self.options.max_bytes)
            .read_to_vec()
            .map_err(describe)?;
        self.stats.lock().unwrap().bytes += body.len() as u64;
        let fetched = Fetched {
            url: url.to_string(),
            body,
            content_type,
            cached: false,
        };
        if etag.is_some() || last_modified.is_some() {
            self.keep(
                url,
                &Kept {
                    url: url.to_string(),
                    final_url: url.to_string(),
                    etag,
                    last_modified,
                    content_type: fetched.content_type.clone(),
                },
                &fetched.body,
            );
        }
        Ok(Hop::Done(fetched))
    }

    fn cache_paths(&self, url: &Url) -> Option<(PathBuf, PathBuf)> {
        let dir = self.options.cache_dir.as_ref()?.join("http");
        let key = format!("{:016x}", fnv(url.as_str()));
        Some((
            dir.join(format!("{key}.json")),
            dir.join(format!("{key}.body")),
        ))
    }

    fn kept(&self, url: &Url) -> Option<(Kept, Vec<u8>)> {
        let (meta, body) = self.cache_paths(url)?;
        let k: Kept = serde_json::from_str(&fs::read_to_string(meta).ok()?).ok()?;
        (k.url == url.as_str()).then_some(())?;
        Some((k, fs::read(body).ok()?))
    }

    /// Keeps an answer (body first, then its description, each through a
    /// temporary file: an interrupted run leaves no half-written entry).
    fn keep(&self, url: &Url, kept: &Kept, body: &[u8]) {
        let Some((meta, body_path)) = self.cache_paths(url) else {
            return;
        };
        let write = |path: &PathBuf, bytes: &[u8]| -> std::io::Result<()> {
            fs::create_dir_all(path.parent().expect("in the cache folder"))?;
            let tmp = path.with_extension(format!("tmp{}", std::process::id()));
            fs::write(&tmp, bytes)?;
            fs::rename(&tmp, path)
        };
        let json = serde_json::to_vec(kept).expect("plain strings");
        let _ = write(&body_path, body).and_then(|_| write(&meta, &json));
    }

    fn cookie_header(&self, url: &Url) -> Option<String> {
        let jar = self.cookies.lock().unwrap();
        let cookies = jar.get(url.host_str()?)?;
        (!cookies.is_empty()).then(|| {
            cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ")
        })
    }

    fn remember_cookies(&self, url: &Url, headers: &ureq::http::HeaderMap) {
        let Some(host) = url.host_str() else { return };
        let mut changed = false;
        let mut jar = self.cookies.lock().unwrap();
        for v in headers.get_all("set-cookie") {
            let Ok(v) = v.to_str() else { continue };
            let pair = v.split(';').next().unwrap_or("");
            if let Some((k, val)) = pair.split_once('=') {
                let (k, val) = (k.trim(), val.trim());
                if k.is_empty() || k.len() > 256 || val.len() > 4096 {
                    continue;
                }
                let host_jar = jar.entry(host.to_string()).or_default();
                if host_jar.get(k).map(String::as_str) != Some(val) {
                    host_jar.insert(k.to_string(), val.to_string());
                    changed = true;
                }
            }
        }
        if changed {
            if let Some(dir) = &self.options.cache_dir {
                let _ = fs::create_dir_all(dir);
                let tmp = dir.join(format!("cookies.json.tmp{}", std::process::id()));
                let json = serde_json::to_vec(&*jar).expect("plain strings");
                let _ =
                    fs::write(&tmp, json).and_then(|_| fs::rename(&tmp, dir.join("cookies.json")));
            }
        }
    }
}

enum Hop {
    Done(Fetched),
    Redirect(String),
}

/// A request slot: freed (after the delay) when dropped.
struct Slot<'a>(&'a Client);

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        if !self.0.options.delay.is_zero() {
            std::thread::sleep(self.0.options.delay);
        }
        *self.0.in_flight.lock().unwrap() -= 1;
        self.0.freed.notify_one();
    }
}

fn describe(e: ureq::Error) -> String {
    match e {
        ureq::Error::Timeout(_) => "no complete answer in time (the server stalled)".into(),
        ureq::Error::BodyExceedsLimit(n) => format!("the answer is larger than {n} bytes"),
        ureq::Error::HostNotFound => "host not found".into(),
        ureq::Error::ConnectionFailed => "connection failed".into(),
        ureq::Error::Io(e) => format!("the answer broke off ({e})"),
        other => other.to_string(),
    }
}

/// FNV-1a, 64 bits: the cache's file names.
pub fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// `href` resolved against `base`, when the result is http(s).
pub fn resolve(base: &str, href: &str) -> Option<String> {
    let href = href.trim();
    let joined = match Url::parse(base) {
        Ok(b) => b.join(href).ok()?,
        Err(_) => Url::parse(href).ok()?,
    };
    matches!(joined.scheme(), "http" | "https").then(|| joined.to_string())
}
