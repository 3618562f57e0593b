//! The app's addresses. Paths are Vietnamese, as readers of the portals
//! expect; builders here keep every link in the app consistent.

use crate::strings;

pub const HOME: &str = "/";
pub const NEWS: &str = "/tin-tuc";
pub const CALENDAR: &str = "/lich-cong-tac";
pub const DOCUMENTS: &str = "/van-ban";
pub const SEARCH: &str = "/tim-kiem";
pub const KIOSK: &str = "/kiosk";
pub const OFFLINE: &str = "/ngoai-tuyen";

/// One entry of the main navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NavItem {
    pub href: &'static str,
    pub label: &'static str,
}

/// The main navigation, in the order the header shows it.
pub const NAV: [NavItem; 5] = [
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
