//! The app's addresses: every path the app writes, with its query, is
//! built here, and so is the base path the app is deployed under put in
//! front of them (`with_base`; the browser side supplies the base from
//! index.html). Paths are Vietnamese, as readers of the portals expect.
//! Pure, so the rules are tested natively.

use bantin_format::text::slugify;

use crate::strings;

pub const HOME: &str = "/";
pub const NEWS: &str = "/tin-tuc";
pub const CALENDAR: &str = "/lich-cong-tac";
pub const DOCUMENTS: &str = "/van-ban";
pub const SEARCH: &str = "/tim-kiem";
pub const KIOSK: &str = "/kiosk";
pub const OFFLINE: &str = "/ngoai-tuyen";
/// The articles the reader saved ("Đã lưu").
pub const SAVED: &str = "/da-luu";
/// The service worker's script (written by the build next to index.html).
pub const SERVICE_WORKER: &str = "/sw.js";

/// Query keys of the app's pages.
pub const KEY_SEARCH: &str = "q";
pub const KEY_WEEK: &str = "tuan";
pub const KEY_CATEGORY: &str = "chuyen-muc";
pub const KEY_TAG: &str = "the";

/// One entry of the main navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NavItem {
    pub href: &'static str,
    pub label: &'static str,
}

/// The main navigation, in the order the header shows it.
pub const NAV: [NavItem; 6] = [
    NavItem {
        href: HOME,
        label: strings::NAV_HOME,
    },
    NavItem {
        href: NEWS,
        label: strings::NAV_NEWS,
    },
    NavItem {
        href: CALENDAR,
        label: strings::NAV_CALENDAR,
    },
    NavItem {
        href: DOCUMENTS,
        label: strings::NAV_DOCUMENTS,
    },
    NavItem {
        href: SAVED,
        label: strings::NAV_SAVED,
    },
    NavItem {
        href: SEARCH,
        label: strings::NAV_SEARCH,
    },
];

pub fn article(slug: &str) -> String {
    format!("{NEWS}/{slug}")
}

pub fn document(id: &str) -> String {
    format!("{DOCUMENTS}/{id}")
}

/// A path with a query of `pairs`, each value encoded; no pairs, no "?".
pub fn with_query(path: &str, pairs: &[(&str, &str)]) -> String {
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

/// The news of one category.
pub fn news_category(slug: &str) -> String {
    with_query(NEWS, &[(KEY_CATEGORY, slug)])
}

/// The news under one tag (by the tag's slug, as the feed's tag lists are).
pub fn news_tag(tag: &str) -> String {
    with_query(NEWS, &[(KEY_TAG, &slugify(tag))])
}

/// The working calendar of one ISO week ("2026-W48").
pub fn calendar_week(week: &str) -> String {
    with_query(CALENDAR, &[(KEY_WEEK, week)])
}

/// The search page for `query` (the bare page when it is blank).
pub fn search(query: &str) -> String {
    let q = query.trim();
    if q.is_empty() {
        SEARCH.to_string()
    } else {
        with_query(SEARCH, &[(KEY_SEARCH, q)])
    }
}

/// The search page with the archive search's filters
/// (`archive_search::Filters::to_query`).
pub fn search_filtered(pairs: &[(&str, String)]) -> String {
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    with_query(SEARCH, &pairs)
}

/// The document library with a filter's query (`doc_catalog::Filter::to_query`).
pub fn documents_filtered(pairs: &[(&str, String)]) -> String {
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    with_query(DOCUMENTS, &pairs)
}

/// A `mailto:` link that sends a story by e-mail (RFC 6068): no
/// addressee (the reader's mail app asks), the title as the subject, and
/// the title and the story's whole address as the body, one a line. Both
/// are percent-encoded as UTF-8, so diacritics, "&", "?", "#" and "%" in a
/// title reach the mail app as they are.
pub fn mail(title: &str, url: &str) -> String {
    let body = format!("{title}\r\n{url}");
    format!("mailto:?subject={}&body={}", encode(title), encode(&body))
}

/// Percent-encodes a query key or value as `encodeURIComponent` does.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The base path as the app uses it: "/" or "/bantin/" (from index.html's
/// `bantin-base`; anything but a site-absolute path means "/").
pub fn normalize_base(meta: Option<&str>) -> String {
    match meta.map(str::trim) {
        Some(b) if b.starts_with('/') && !b.starts_with("//") => {
            if b.ends_with('/') {
                b.to_string()
            } else {
                format!("{b}/")
            }
        }
        _ => "/".to_string(),
    }
}

/// An app path ("/tin-tuc?trang=2") under the base path ("/bantin/"):
/// "/bantin/tin-tuc?trang=2". Anything that is not an app path (another
/// site, a protocol-relative URL, a relative one) is left as it is.
pub fn with_base(base: &str, path: &str) -> String {
    let base = base.trim_end_matches('/');
    if !base.is_empty() && path.starts_with('/') && !path.starts_with("//") {
        format!("{base}{path}")
    } else {
        path.to_string()
    }
}

/// The router's base: the base path without its trailing slash ("" at the root).
pub fn router_base(base: &str) -> String {
    base.trim_end_matches('/').to_string()
}

/// An app path as a whole address on `origin` ("https://example.org"), for
/// a QR code or a share.
pub fn absolute(origin: &str, base: &str, path: &str) -> String {
    format!("{}{}", origin.trim_end_matches('/'), with_base(base, path))
}

/// The feed directory's URL, from index.html's `bantin-feed` value: site
/// absolute or http(s) as given, anything else under the app's base path;
/// always ending in "/".
pub fn feed_base(base: &str, configured: &str) -> String {
    let lower = configured.to_ascii_lowercase();
    let mut url = if configured.starts_with('/')
        || lower.starts_with("http://")
        || lower.starts_with("https://")
    {
        configured.to_string()
    } else {
        format!("{base}{configured}")
    };
    if !url.ends_with('/') {
        url.push('/');
    }
    url
}

/// A URL found in the feed, for use in the page. Feed URLs were validated:
/// http(s), data:image, or relative. Site-absolute paths ("/van-ban/…")
/// are the app's own routes, so they go under the base path; a query or
/// fragment stays on the page; any other relative URL is a file of the feed.
pub fn resolve_feed_url(base: &str, feed_base: &str, url: &str) -> String {
    let lower = url.to_ascii_lowercase();
    if url.starts_with('/') {
        with_base(base, url)
    } else if url.starts_with('?')
        || url.starts_with('#')
        || lower.starts_with("http")
        || lower.starts_with("data:")
    {
        url.to_string()
    } else {
        format!("{feed_base}{url}")
    }
}

/// Whether the navigation entry `href` is the section the reader is in.
/// Home matches only itself; a section matches its own pages too
/// (`/tin-tuc/abc` is in `/tin-tuc`), but not a longer name (`/tin-tuc-cu`).
pub fn is_current(path: &str, href: &str) -> bool {
    let path = path.trim_end_matches('/');
    let href = href.trim_end_matches('/');
    if href.is_empty() {
        return path.is_empty();
    }
    path == href
        || path
            .strip_prefix(href)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// Whether a link to `href` is the page the reader is on, for its
/// `aria-current`: a link with a query (`/tin-tuc?the=…`) only on that
/// very query; an `exact` link only on its path; any other on its path
/// and the pages under it ([`is_current`]). `query` may start with "?".
pub fn is_link_current(href: &str, exact: bool, path: &str, query: &str) -> bool {
    let href = href.split('#').next().unwrap_or_default();
    let (target, target_query) = href.split_once('?').unwrap_or((href, ""));
    if !target_query.is_empty() {
        return target.trim_end_matches('/') == path.trim_end_matches('/')
            && target_query == query.trim_start_matches('?');
    }
    if exact {
        target.trim_end_matches('/') == path.trim_end_matches('/')
    } else {
        is_current(path, target)
    }
}

/// The app's own path of a browser path: without the base path the app is
/// deployed under ("/bantin/tin-tuc" under "/bantin/" is "/tin-tuc").
pub fn strip_base<'a>(path: &'a str, base: &str) -> &'a str {
    let base = base.trim_end_matches('/');
    match path.strip_prefix(base) {
        Some(rest) if !base.is_empty() && (rest.is_empty() || rest.starts_with('/')) => {
            if rest.is_empty() {
                "/"
            } else {
                rest
            }
        }
        _ => path,
    }
}

/// The kiosk screen runs full-screen, without the site's header and footer.
pub fn is_kiosk(path: &str) -> bool {
    is_current(path, KIOSK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_is_stripped_only_as_a_whole_segment() {
        assert_eq!(strip_base("/bantin/tin-tuc", "/bantin/"), "/tin-tuc");
        assert_eq!(strip_base("/bantin", "/bantin/"), "/");
        assert_eq!(strip_base("/bantin/", "/bantin/"), "/");
        assert_eq!(strip_base("/bantinx/kiosk", "/bantin/"), "/bantinx/kiosk");
        assert_eq!(strip_base("/kiosk", "/"), "/kiosk");
    }

    #[test]
    fn home_is_current_only_on_itself() {
        assert!(is_current("/", HOME));
        assert!(is_current("", HOME));
        assert!(!is_current("/tin-tuc", HOME));
    }

    #[test]
    fn a_section_is_current_on_its_pages_but_not_on_longer_names() {
        assert!(is_current("/tin-tuc", NEWS));
        assert!(is_current("/tin-tuc/", NEWS));
        assert!(is_current("/tin-tuc/hoi-nghi-tong-ket", NEWS));
        assert!(!is_current("/tin-tuc-cu", NEWS));
        assert!(!is_current("/van-ban", NEWS));
    }

    #[test]
    fn a_link_with_a_query_is_current_only_on_that_query() {
        assert!(is_link_current(
            "/tin-tuc?the=bien-dao",
            false,
            "/tin-tuc",
            "?the=bien-dao"
        ));
        assert!(is_link_current(
            "/tin-tuc?the=bien-dao",
            false,
            "/tin-tuc",
            "the=bien-dao"
        ));
        assert!(!is_link_current(
            "/tin-tuc?the=bien-dao",
            false,
            "/tin-tuc",
            "?the=khac"
        ));
        assert!(!is_link_current(
            "/tin-tuc?chuyen-muc=x",
            false,
            "/tin-tuc/bai-viet",
            ""
        ));
        assert!(!is_link_current(
            "/lich-cong-tac?tuan=2026-W48",
            false,
            "/lich-cong-tac",
            ""
        ));
        // Without a query: a section, or with `exact` its path alone.
        assert!(is_link_current(
            "/tin-tuc",
            false,
            "/tin-tuc/bai-viet",
            "?a=b"
        ));
        assert!(!is_link_current("/", true, "/tin-tuc", ""));
        assert!(is_link_current("/", true, "/", "?q=x"));
        assert!(is_link_current(
            "/bantin/van-ban",
            false,
            "/bantin/van-ban/12-hd",
            ""
        ));
    }

    #[test]
    fn kiosk_detection() {
        assert!(is_kiosk("/kiosk"));
        assert!(is_kiosk("/kiosk/"));
        assert!(!is_kiosk("/kiosks"));
        assert!(!is_kiosk("/"));
    }

    #[test]
    fn builders_make_section_paths() {
        assert_eq!(article("hoi-nghi"), "/tin-tuc/hoi-nghi");
        assert_eq!(document("112-hd-btgtu"), "/van-ban/112-hd-btgtu");
        assert_eq!(news_category("hoc-tap"), "/tin-tuc?chuyen-muc=hoc-tap");
        assert_eq!(news_tag("Biển đảo"), "/tin-tuc?the=bien-dao");
        assert_eq!(calendar_week("2027-W01"), "/lich-cong-tac?tuan=2027-W01");
        assert_eq!(search("  "), "/tim-kiem");
        assert_eq!(search(" tuyên giáo "), "/tim-kiem?q=tuy%C3%AAn%20gi%C3%A1o");
        assert_eq!(search("112/HD&x=1"), "/tim-kiem?q=112%2FHD%26x%3D1");
        assert_eq!(documents_filtered(&[]), "/van-ban");
        assert_eq!(
            documents_filtered(&[("loai", "Hướng dẫn".into()), ("nam", "2026".into())]),
            "/van-ban?loai=H%C6%B0%E1%BB%9Bng%20d%E1%BA%ABn&nam=2026"
        );
    }

    #[test]
    fn a_mail_link_carries_the_title_and_the_address_encoded() {
        let m = mail(
            "Hội nghị & tổng kết: 100% đạt #1?",
            "https://x.org/bantin/tin-tuc/hoi-nghi",
        );
        assert_eq!(
            m,
            "mailto:?subject=H%E1%BB%99i%20ngh%E1%BB%8B%20%26%20t%E1%BB%95ng%20k%E1%BA%BFt%3A%20100%25%20%C4%91%E1%BA%A1t%20%231%3F\
             &body=H%E1%BB%99i%20ngh%E1%BB%8B%20%26%20t%E1%BB%95ng%20k%E1%BA%BFt%3A%20100%25%20%C4%91%E1%BA%A1t%20%231%3F\
             %0D%0Ahttps%3A%2F%2Fx.org%2Fbantin%2Ftin-tuc%2Fhoi-nghi"
        );
        // Exactly two query fields: nothing in a title can add a third.
        assert_eq!(mail("a&cc=x@y.z", "u").matches('&').count(), 1);
    }

    #[test]
    fn encoding_matches_encode_uri_component() {
        assert_eq!(encode("a-z_A.Z!~*'()09"), "a-z_A.Z!~*'()09");
        assert_eq!(encode("a b/c?d#e"), "a%20b%2Fc%3Fd%23e");
        assert_eq!(encode("đ"), "%C4%91");
    }

    #[test]
    fn the_base_path_goes_in_front_of_app_paths_only() {
        assert_eq!(normalize_base(None), "/");
        assert_eq!(normalize_base(Some("/bantin")), "/bantin/");
        assert_eq!(normalize_base(Some("https://x.org/")), "/");
        assert_eq!(normalize_base(Some("//x.org/")), "/");
        assert_eq!(with_base("/", "/tin-tuc"), "/tin-tuc");
        assert_eq!(
            with_base("/bantin/", "/tin-tuc?trang=2"),
            "/bantin/tin-tuc?trang=2"
        );
        assert_eq!(with_base("/bantin/", "//evil.org/x"), "//evil.org/x");
        assert_eq!(with_base("/bantin/", "https://x.org/"), "https://x.org/");
        assert_eq!(router_base("/bantin/"), "/bantin");
        assert_eq!(router_base("/"), "");
        assert_eq!(with_base("/bantin/", SERVICE_WORKER), "/bantin/sw.js");
        assert_eq!(
            absolute("https://x.org", "/bantin/", &article("a")),
            "https://x.org/bantin/tin-tuc/a"
        );
    }

    #[test]
    fn feed_addresses_follow_the_deployment() {
        assert_eq!(feed_base("/", "feed/"), "/feed/");
        assert_eq!(feed_base("/bantin/", "feed"), "/bantin/feed/");
        assert_eq!(feed_base("/bantin/", "/du-lieu/"), "/du-lieu/");
        assert_eq!(
            feed_base("/", "https://cdn.x.org/f"),
            "https://cdn.x.org/f/"
        );
        let r = |u| resolve_feed_url("/bantin/", "/bantin/feed/", u);
        assert_eq!(r("/van-ban/12"), "/bantin/van-ban/12");
        assert_eq!(r("media/a.webp"), "/bantin/feed/media/a.webp");
        assert_eq!(r("https://x.org/a.png"), "https://x.org/a.png");
        assert_eq!(r("data:image/png;base64,AA"), "data:image/png;base64,AA");
        assert_eq!(r("#muc-1"), "#muc-1");
    }

    #[test]
    fn the_routes_app_declares_are_the_paths_built_here() {
        // lib.rs declares routes with leptos_router's `path!`, which takes
        // literals: each must be one of this module's paths.
        let lib = include_str!("../lib.rs");
        let known = [
            HOME, NEWS, CALENDAR, DOCUMENTS, SEARCH, KIOSK, OFFLINE, SAVED,
        ];
        let declared: Vec<&str> = lib
            .split("path!(\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert_eq!(declared.len(), 10, "{declared:?}");
        for path in declared {
            let section = path.split("/:").next().unwrap_or(path);
            assert!(known.contains(&section), "{path} is not built by routes.rs");
        }
        assert_eq!(article(":slug"), "/tin-tuc/:slug");
        assert_eq!(document(":id"), "/van-ban/:id");
    }

    #[test]
    fn navigation_is_vietnamese_and_unique() {
        let mut hrefs: Vec<_> = NAV.iter().map(|n| n.href).collect();
        hrefs.sort_unstable();
        hrefs.dedup();
        assert_eq!(hrefs.len(), NAV.len());
        assert_eq!(NAV[0].label, "Trang chủ");
        assert!(NAV.iter().all(|n| !n.label.is_empty()));
    }
}
