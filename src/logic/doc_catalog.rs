//! The document register (văn bản): legal status from the dates, the list
//! filters that live in the URL, text matching on number and summary, the
//! filter menus, and how attached files are labelled. Pure, tested natively.

use bantin_format::datetime::Date;
use bantin_format::display;
use bantin_format::library::{self, name_slug};
use bantin_format::model::{Document, DocumentFileRef};
use bantin_format::text::{fold, slugify};

use crate::strings;

/// Whether a document is in force on a given day (tình trạng hiệu lực).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    InForce,
    Expired,
    NotYetInForce,
}

impl Status {
    /// Every status, in the order the filter menu lists them.
    pub const ALL: [Status; 3] = [Status::InForce, Status::Expired, Status::NotYetInForce];

    /// "Còn hiệu lực", "Hết hiệu lực", "Chưa có hiệu lực".
    pub fn label(self) -> &'static str {
        match self {
            Status::InForce => strings::STATUS_IN_FORCE,
            Status::Expired => strings::STATUS_EXPIRED,
            Status::NotYetInForce => strings::STATUS_NOT_YET,
        }
    }

    /// The value in the URL (`hieu-luc=…`): the slug of the label.
    pub fn slug(self) -> &'static str {
        match self {
            Status::InForce => "con-hieu-luc",
            Status::Expired => "het-hieu-luc",
            Status::NotYetInForce => "chua-co-hieu-luc",
        }
    }

    /// The status of a slug; the label itself is accepted too ("Còn hiệu lực").
    pub fn from_slug(s: &str) -> Option<Status> {
        let s = slugify(s);
        Status::ALL.into_iter().find(|st| st.slug() == s)
    }
}

/// The status on `today` (a Vietnam date):
/// - expired from the expiry date on (`today >= expires`);
/// - otherwise not yet in force while the start, the effective date or
///   failing that the issue date, is after today;
/// - otherwise in force (also when the dates do not parse).
///
/// Being replaced does not change the status (see [`is_replaced`]): the
/// register shows that apart.
pub fn status(doc: &Document, today: Date) -> Status {
    // The library index's rule, so a list from its parts and a list from
    // the documents' pages agree.
    let (start, expires) = library::start_and_expiry(doc);
    library::status_of(start, expires, today.days()).into()
}

impl From<library::Status> for Status {
    fn from(s: library::Status) -> Status {
        match s {
            library::Status::InForce => Status::InForce,
            library::Status::Expired => Status::Expired,
            library::Status::NotYetInForce => Status::NotYetInForce,
        }
    }
}

/// Whether a later document replaces this one.
pub fn is_replaced(doc: &Document) -> bool {
    !doc.replaced_by.is_empty()
}

/// The year of issue (None when the issue date does not parse).
pub use bantin_format::library::year;

// ------------------------------------------------------------------- filters

/// URL query keys of the filters.
pub const KEY_TYPE: &str = "loai";
pub const KEY_ISSUER: &str = "co-quan";
pub const KEY_FIELD: &str = "linh-vuc";
pub const KEY_YEAR: &str = "nam";
pub const KEY_STATUS: &str = "hieu-luc";
pub const KEY_TEXT: &str = "q";

/// The list filters; they live in the URL query (keys: loai, co-quan,
/// linh-vuc, nam, hieu-luc, q).
///
/// Type, issuer and field hold the value as given, normally the name from
/// [`facets`] ("Hướng dẫn"), and the URL carries it as is. They are compared
/// by slug ([`slugify`]), so a differently cased or accented spelling, or the
/// slug itself ("huong-dan"), selects the same documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub doc_type: Option<String>,
    pub issuer: Option<String>,
    pub field: Option<String>,
    pub year: Option<i32>,
    pub status: Option<Status>,
    /// The search box, as typed (see [`text_matches`]).
    pub text: String,
}

/// A name filter's value, trimmed; None when it has no letter or digit.
fn name_value(value: &str) -> Option<String> {
    name_slug(value).map(|_| value.trim().to_string())
}

/// Whether a name selects `value` (a filter value, name or slug).
fn same_name(name: &str, value: &str) -> bool {
    slugify(name) == slugify(value)
}

impl Filter {
    /// `get(key)` reads a query parameter (already URL-decoded). Unknown
    /// and invalid values are ignored: a name with no letters or digits, a
    /// year that is not 1…9999, a status that is not one of the slugs.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Filter {
        let name = |key: &str| get(key).as_deref().and_then(name_value);
        Filter {
            doc_type: name(KEY_TYPE),
            issuer: name(KEY_ISSUER),
            field: name(KEY_FIELD),
            year: get(KEY_YEAR)
                .and_then(|y| y.trim().parse::<i32>().ok())
                .filter(|y| (1..=9999).contains(y)),
            status: get(KEY_STATUS).as_deref().and_then(Status::from_slug),
            text: get(KEY_TEXT)
                .filter(|q| !q.trim().is_empty())
                .unwrap_or_default(),
        }
    }

    /// (key, value) pairs for the URL, only the set filters, in the order
    /// loai, co-quan, linh-vuc, nam, hieu-luc, q.
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let names = [
            (KEY_TYPE, &self.doc_type),
            (KEY_ISSUER, &self.issuer),
            (KEY_FIELD, &self.field),
        ];
        let mut out: Vec<(&'static str, String)> = names
            .into_iter()
            .filter_map(|(key, value)| Some((key, name_value(value.as_deref()?)?)))
            .collect();
        if let Some(y) = self.year {
            out.push((KEY_YEAR, y.to_string()));
        }
        if let Some(s) = self.status {
            out.push((KEY_STATUS, s.slug().to_string()));
        }
        if !self.text.trim().is_empty() {
            out.push((KEY_TEXT, self.text.clone()));
        }
        out
    }

    /// No filter is set (blank text counts as none).
    pub fn is_empty(&self) -> bool {
        self.doc_type.is_none()
            && self.issuer.is_none()
            && self.field.is_none()
            && self.year.is_none()
            && self.status.is_none()
            && self.text.trim().is_empty()
    }

    /// Whether `doc` passes every set filter; status is judged on `today`.
    pub fn matches(&self, doc: &Document, today: Date) -> bool {
        self.doc_type
            .as_deref()
            .is_none_or(|t| same_name(&doc.doc_type, t))
            && self
                .issuer
                .as_deref()
                .is_none_or(|i| same_name(&doc.issuer, i))
            && self
                .field
                .as_deref()
                .is_none_or(|f| doc.fields.iter().any(|name| same_name(name, f)))
            && self.year.is_none_or(|y| year(doc) == Some(y))
            && self.status.is_none_or(|s| status(doc, today) == s)
            && text_matches(doc, &self.text)
    }
}

/// Folded words: lowercase, without diacritics, split on anything that is
/// not a letter or digit.
fn tokens(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Text matching, blind to diacritics and case. The query is folded and
/// split into words on anything not a letter or digit ("112-HD" → 112, hd);
/// every word must match, in any order, either
/// - the number: the word is a prefix of the number's words run together
///   from some word on ("112", "hd", "btg", "112hd" and "hdbtgtu" all match
///   "112-HD/BTGTU"; "113" and "12" do not), or
/// - the text: the word stands anywhere in the folded summary, issuer or
///   type ("tuyen truyen" matches "…công tác tuyên truyền…").
///
/// A query without words matches every document.
pub fn text_matches(doc: &Document, query: &str) -> bool {
    let words = tokens(query);
    if words.is_empty() {
        return true;
    }
    let number = tokens(&doc.number);
    let number_tails: Vec<String> = (0..number.len()).map(|i| number[i..].concat()).collect();
    let text = fold(&format!("{} {} {}", doc.summary, doc.issuer, doc.doc_type));
    words.iter().all(|w| {
        number_tails.iter().any(|tail| tail.starts_with(w.as_str())) || text.contains(w.as_str())
    })
}

/// Newest first: issue date descending (dates that do not parse last), then
/// on the same day the higher leading number first ("113-…" before
/// "112-…"), then the number alphabetically; the library index's order
/// ([`bantin_format::library::sort_newest`]).
pub use bantin_format::library::sort_newest;

// -------------------------------------------------------------------- facets

/// Values for the filter menus with their counts: types, issuers and fields
/// alphabetically by folded name (names that are the same slug counted
/// together, under the first spelling), years newest first; a document
/// counts once per value. The library index's root holds the same
/// ([`bantin_format::library::facets`]).
pub use bantin_format::library::{facets, Facets};

// --------------------------------------------------------------------- files

/// What a file of unknown format is called.
const UNKNOWN_FORMAT: &str = "TỆP";

/// Formats by media type (lowercase, without parameters).
const MEDIA_TYPES: &[(&str, &str)] = &[
    ("application/pdf", "PDF"),
    ("application/msword", "DOC"),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "DOCX",
    ),
    ("application/vnd.ms-excel", "XLS"),
    (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "XLSX",
    ),
    ("application/vnd.ms-powerpoint", "PPT"),
    (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "PPTX",
    ),
    ("application/vnd.oasis.opendocument.text", "ODT"),
    ("application/vnd.oasis.opendocument.spreadsheet", "ODS"),
    ("application/vnd.oasis.opendocument.presentation", "ODP"),
    ("application/rtf", "RTF"),
    ("text/rtf", "RTF"),
    ("text/plain", "TXT"),
    ("text/csv", "CSV"),
    ("application/zip", "ZIP"),
    ("application/x-zip-compressed", "ZIP"),
    ("application/vnd.rar", "RAR"),
    ("application/x-rar-compressed", "RAR"),
    ("application/x-7z-compressed", "7Z"),
    ("image/jpeg", "JPG"),
    ("image/png", "PNG"),
    ("image/gif", "GIF"),
    ("image/webp", "WEBP"),
    ("image/tiff", "TIFF"),
];

/// Formats a browser shows in a tab rather than downloading.
const INLINE_FORMATS: &[&str] = &["PDF", "TXT", "JPG", "PNG", "GIF", "WEBP"];

/// "PDF", "DOCX", "XLSX", "ODT", "TXT", "ZIP", … from the media type,
/// falling back to the file name's extension (1 to 5 letters or digits),
/// uppercased; "TỆP" if neither tells.
pub fn file_format(file: &DocumentFileRef) -> String {
    let media = file
        .media_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if let Some((_, format)) = MEDIA_TYPES.iter().find(|(m, _)| *m == media) {
        return (*format).to_string();
    }
    let base = file.name.rsplit(['/', '\\']).next().unwrap_or_default();
    match base.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty()
                && (1..=5).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            ext.to_ascii_uppercase()
        }
        _ => UNKNOWN_FORMAT.to_string(),
    }
}

/// Vietnamese sizes, 1024-based: "820 B", "1.023 B", "245 KB", "1,2 MB",
/// "12 MB". One decimal with a comma under 10 (a ",0" is dropped: "1 KB"),
/// none from 10 up; thousands with "." ([`display::number`]). A value that
/// rounds to 1024 goes up a unit ("1 MB", not "1.024 KB").
pub fn file_size(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut scale = 1.0_f64;
    for (k, unit) in UNITS.iter().enumerate() {
        if k == 0 && bytes < 1024 {
            return format!("{} {unit}", display::number(bytes));
        }
        if k > 0 {
            scale *= 1024.0;
        }
        // Bytes are at least 1024 here, so the value is at least 1 KB, and
        // a larger unit is only reached when the last one rounded to 1024.
        let value = bytes as f64 / scale;
        let last = k + 1 == UNITS.len();
        let tenths = (value * 10.0).round() as u64;
        if tenths < 100 {
            return match tenths % 10 {
                0 => format!("{} {unit}", tenths / 10),
                d => format!("{},{d} {unit}", tenths / 10),
            };
        }
        let whole = value.round() as u64;
        if whole < 1024 || last {
            return format!("{} {unit}", display::number(whole));
        }
    }
    unreachable!("the last unit always returns")
}

/// "PDF · 245 KB"; the format alone when the size is not known (0).
pub fn file_label(file: &DocumentFileRef) -> String {
    let format = file_format(file);
    if file.size == 0 {
        format
    } else {
        format!("{format} · {}", file_size(file.size))
    }
}

/// Browsers show these in a tab (PDF, JPEG/PNG/GIF/WebP images, plain
/// text): open them; others download.
pub fn opens_inline(file: &DocumentFileRef) -> bool {
    INLINE_FORMATS.contains(&file_format(file).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    /// A document from the required fields plus `extra` (which overrides).
    fn doc(extra: Value) -> Document {
        let mut v = json!({
            "id": "112-hd-btgtu",
            "number": "112-HD/BTGTU",
            "type": "Hướng dẫn",
            "issuer": "Ban Tuyên giáo Tỉnh ủy",
            "issued": "2026-11-20",
            "summary": "Hướng dẫn công tác tuyên truyền kỷ niệm ngày thành lập Đảng"
        });
        for (k, x) in extra.as_object().expect("an object") {
            v[k] = x.clone();
        }
        serde_json::from_value(v).expect("a document")
    }

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn file(name: &str, media_type: &str, size: u64) -> DocumentFileRef {
        DocumentFileRef {
            name: name.to_string(),
            url: format!("/files/{name}"),
            media_type: media_type.to_string(),
            size,
        }
    }

    fn query(pairs: &[(&str, &str)]) -> Filter {
        Filter::from_query(|key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
        })
    }

    // ---------------------------------------------------------------- status

    #[test]
    fn status_labels_slugs_and_back() {
        assert_eq!(Status::InForce.label(), "Còn hiệu lực");
        assert_eq!(Status::Expired.label(), "Hết hiệu lực");
        assert_eq!(Status::NotYetInForce.label(), "Chưa có hiệu lực");
        for s in Status::ALL {
            assert_eq!(Status::from_slug(s.slug()), Some(s));
            assert_eq!(slugify(s.label()), s.slug());
            assert_eq!(Status::from_slug(s.label()), Some(s));
        }
        assert_eq!(Status::from_slug("hieu-luc"), None);
        assert_eq!(Status::from_slug(""), None);
    }

    #[test]
    fn status_around_the_effective_date() {
        let doc = doc(json!({"issued": "2026-11-20", "effective": "2026-12-01"}));
        assert_eq!(status(&doc, d("2026-11-20")), Status::NotYetInForce);
        assert_eq!(status(&doc, d("2026-11-30")), Status::NotYetInForce);
        assert_eq!(status(&doc, d("2026-12-01")), Status::InForce);
        assert_eq!(status(&doc, d("2026-12-02")), Status::InForce);
    }

    #[test]
    fn status_around_the_expiry_date() {
        let doc = doc(json!({"effective": "2026-12-01", "expires": "2027-12-31"}));
        assert_eq!(status(&doc, d("2027-12-30")), Status::InForce);
        assert_eq!(status(&doc, d("2027-12-31")), Status::Expired);
        assert_eq!(status(&doc, d("2028-01-01")), Status::Expired);
    }

    #[test]
    fn status_without_effective_date_uses_issued() {
        let doc = doc(json!({"issued": "2026-11-20"}));
        assert_eq!(status(&doc, d("2026-11-19")), Status::NotYetInForce);
        assert_eq!(status(&doc, d("2026-11-20")), Status::InForce);
        assert_eq!(status(&doc, d("2030-01-01")), Status::InForce);
    }

    #[test]
    fn the_status_filter_judges_a_document_without_effective_date_or_signer_by_its_issue() {
        // A portal that lists no signer and no effective date (1.1 says what
        // the app then shows): in force from the day of issue, until it expires.
        let bare = doc(json!({"issued": "2026-11-10", "expires": "2027-06-30"}));
        assert!(bare.signer.is_none() && bare.effective.is_none());
        let only = |st: Status| Filter {
            status: Some(st),
            ..Filter::default()
        };
        let today = d("2026-12-30");
        assert!(only(Status::InForce).matches(&bare, today));
        assert!(!only(Status::NotYetInForce).matches(&bare, today));
        assert!(!only(Status::Expired).matches(&bare, today));
        assert!(only(Status::NotYetInForce).matches(&bare, d("2026-11-09")));
        assert!(only(Status::Expired).matches(&bare, d("2027-06-30")));
    }

    #[test]
    fn status_ignores_dates_that_do_not_parse_and_replacement() {
        let doc1 = doc(json!({"issued": "20/11/2026", "expires": "sometime"}));
        assert_eq!(status(&doc1, d("2000-01-01")), Status::InForce);
        // A bad effective date falls back to the issue date.
        let doc2 = doc(json!({"effective": "soon"}));
        assert_eq!(status(&doc2, d("2026-11-19")), Status::NotYetInForce);
        // Replaced documents keep their date-based status.
        let replaced = doc(json!({"replaced_by": ["120-hd-btgtu"]}));
        assert!(is_replaced(&replaced));
        assert!(!is_replaced(&doc1));
        assert_eq!(status(&replaced, d("2026-12-01")), Status::InForce);
    }

    #[test]
    fn expiry_wins_over_a_later_start() {
        let doc = doc(json!({"effective": "2027-01-01", "expires": "2026-12-01"}));
        assert_eq!(status(&doc, d("2026-12-15")), Status::Expired);
    }

    #[test]
    fn year_of_issue() {
        assert_eq!(year(&doc(json!({"issued": "2025-01-02"}))), Some(2025));
        assert_eq!(year(&doc(json!({"issued": "2025"}))), None);
    }

    // --------------------------------------------------------------- filters

    #[test]
    fn filter_query_round_trip() {
        let f = Filter {
            doc_type: Some("Hướng dẫn".into()),
            issuer: Some("Ban Tuyên giáo Tỉnh ủy".into()),
            field: Some("tuyen-truyen".into()),
            year: Some(2026),
            status: Some(Status::Expired),
            text: "112-HD".into(),
        };
        let q = f.to_query();
        assert_eq!(
            q,
            vec![
                ("loai", "Hướng dẫn".to_string()),
                ("co-quan", "Ban Tuyên giáo Tỉnh ủy".to_string()),
                ("linh-vuc", "tuyen-truyen".to_string()),
                ("nam", "2026".to_string()),
                ("hieu-luc", "het-hieu-luc".to_string()),
                ("q", "112-HD".to_string()),
            ]
        );
        let pairs: Vec<(&str, &str)> = q.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(query(&pairs), f);
        assert!(!f.is_empty());
    }

    #[test]
    fn empty_filter() {
        let f = query(&[]);
        assert_eq!(f, Filter::default());
        assert!(f.is_empty());
        assert!(f.to_query().is_empty());
        assert!(f.matches(&doc(json!({})), d("2026-12-01")));
        let blank = Filter {
            text: "   ".into(),
            ..Filter::default()
        };
        assert!(blank.is_empty());
        assert!(blank.to_query().is_empty());
    }

    #[test]
    fn names_are_kept_as_given_and_compared_by_slug() {
        let f = query(&[
            ("loai", " Hướng dẫn "),
            ("co-quan", "Ban Tuyên giáo Tỉnh ủy"),
        ]);
        assert_eq!(f.doc_type.as_deref(), Some("Hướng dẫn"));
        assert_eq!(f.issuer.as_deref(), Some("Ban Tuyên giáo Tỉnh ủy"));
        assert_eq!(
            f.to_query(),
            vec![
                ("loai", "Hướng dẫn".to_string()),
                ("co-quan", "Ban Tuyên giáo Tỉnh ủy".to_string())
            ]
        );
        let today = d("2026-12-25");
        let doc = doc(json!({}));
        for spelling in ["Hướng dẫn", "HƯỚNG DẪN", "huong dan", "huong-dan"] {
            let f = Filter {
                doc_type: Some(spelling.into()),
                ..Filter::default()
            };
            assert!(f.matches(&doc, today), "{spelling}");
        }
    }

    #[test]
    fn invalid_query_values_are_ignored() {
        let f = query(&[
            ("loai", " – "),
            ("co-quan", ""),
            ("nam", "hai-nghin"),
            ("hieu-luc", "mai-mai"),
            ("q", "  "),
            ("trang", "3"),
        ]);
        assert_eq!(f, Filter::default());
        for bad in ["0", "-5", "10000", "2026.5", ""] {
            assert_eq!(query(&[("nam", bad)]).year, None, "{bad}");
        }
        assert_eq!(query(&[("nam", " 2025 ")]).year, Some(2025));
    }

    fn register() -> Vec<Document> {
        vec![
            doc(json!({
                "id": "a", "number": "112-HD/BTGTU", "type": "Hướng dẫn",
                "issuer": "Ban Tuyên giáo Tỉnh ủy", "issued": "2026-11-20",
                "fields": ["Tuyên truyền", "Lịch sử Đảng"],
                "summary": "Hướng dẫn tuyên truyền kỷ niệm 97 năm Ngày thành lập Đảng"
            })),
            doc(json!({
                "id": "b", "number": "05-CT/TU", "type": "Chỉ thị",
                "issuer": "Tỉnh ủy", "issued": "2025-03-10", "expires": "2026-03-10",
                "fields": ["Chuyển đổi số"],
                "summary": "Chỉ thị về đẩy mạnh chuyển đổi số trong các cơ quan Đảng"
            })),
            doc(json!({
                "id": "c", "number": "30-KH/BTGTU", "type": "Kế hoạch",
                "issuer": "Ban Tuyên giáo Tỉnh ủy", "issued": "2026-12-20",
                "effective": "2027-01-01", "fields": ["Tuyên truyền"],
                "summary": "Kế hoạch thông tin đối ngoại năm 2027"
            })),
        ]
    }

    fn ids(f: &Filter, today: Date) -> Vec<String> {
        register()
            .iter()
            .filter(|doc| f.matches(doc, today))
            .map(|doc| doc.id.clone())
            .collect()
    }

    #[test]
    fn each_filter_alone() {
        let today = d("2026-12-25");
        let by = |pairs: &[(&str, &str)]| ids(&query(pairs), today);
        assert_eq!(by(&[("loai", "chi-thi")]), ["b"]);
        assert_eq!(by(&[("loai", "Kế hoạch")]), ["c"]);
        assert_eq!(by(&[("co-quan", "ban-tuyen-giao-tinh-uy")]), ["a", "c"]);
        assert_eq!(by(&[("co-quan", "tinh-uy")]), ["b"]);
        assert_eq!(by(&[("linh-vuc", "tuyen-truyen")]), ["a", "c"]);
        assert_eq!(by(&[("linh-vuc", "lich-su-dang")]), ["a"]);
        assert_eq!(by(&[("nam", "2026")]), ["a", "c"]);
        assert_eq!(by(&[("nam", "2025")]), ["b"]);
        assert!(by(&[("nam", "2024")]).is_empty());
        assert_eq!(by(&[("hieu-luc", "con-hieu-luc")]), ["a"]);
        assert_eq!(by(&[("hieu-luc", "het-hieu-luc")]), ["b"]);
        assert_eq!(by(&[("hieu-luc", "chua-co-hieu-luc")]), ["c"]);
        assert_eq!(by(&[("q", "chuyen doi so")]), ["b"]);
        assert_eq!(by(&[("loai", "nghi-quyet")]), Vec::<String>::new());
    }

    #[test]
    fn filters_combined() {
        let today = d("2026-12-25");
        let by = |pairs: &[(&str, &str)]| ids(&query(pairs), today);
        assert_eq!(
            by(&[("co-quan", "ban-tuyen-giao-tinh-uy"), ("nam", "2026")]),
            ["a", "c"]
        );
        assert_eq!(
            by(&[
                ("co-quan", "ban-tuyen-giao-tinh-uy"),
                ("hieu-luc", "con-hieu-luc")
            ]),
            ["a"]
        );
        assert_eq!(
            by(&[("linh-vuc", "tuyen-truyen"), ("q", "doi ngoai")]),
            ["c"]
        );
        assert!(by(&[("loai", "chi-thi"), ("nam", "2026")]).is_empty());
        // The status depends on the day: c comes into force on 1 January.
        let f = query(&[("hieu-luc", "con-hieu-luc")]);
        assert_eq!(ids(&f, d("2027-01-01")), ["a", "c"]);
    }

    // ------------------------------------------------------------------ text

    #[test]
    fn text_matches_the_number() {
        let doc = doc(json!({"number": "112-HD/BTGTU"}));
        for q in [
            "112-HD",
            "112 hd",
            "112hd",
            "112",
            "hd",
            "btgtu",
            "BTG",
            "112-HD/BTGTU",
            "hd 112",
        ] {
            assert!(text_matches(&doc, q), "{q}");
        }
        for q in ["113 hd", "113", "12", "112 kh"] {
            assert!(!text_matches(&doc, q), "{q}");
        }
    }

    #[test]
    fn text_matches_summary_words_without_diacritics() {
        let doc = doc(json!({
            "summary": "Hướng dẫn công tác tuyên truyền kỷ niệm ngày thành lập Đảng"
        }));
        for q in [
            "tuyen truyen",
            "tuyên truyền",
            "TUYEN TRUYEN",
            "Tuyên-truyền",
            "dang",
            "truyen tuyen",
            "thanh lap",
            "",
            "  ",
        ] {
            assert!(text_matches(&doc, q), "{q:?}");
        }
        assert!(!text_matches(&doc, "tuyen truyen doi ngoai"));
        assert!(!text_matches(&doc, "chuyen doi so"));
    }

    #[test]
    fn text_matches_issuer_and_type_and_mixed() {
        let doc = doc(json!({}));
        assert!(text_matches(&doc, "ban tuyen giao"));
        assert!(text_matches(&doc, "huong dan 112"));
        assert!(text_matches(&doc, "112 tuyen truyen"));
        assert!(!text_matches(&doc, "113 tuyen truyen"));
    }

    // --------------------------------------------------------------- sorting

    #[test]
    fn newest_first() {
        let mut docs = vec![
            doc(json!({"id": "old", "number": "5-CV/BTGTU", "issued": "2025-01-02"})),
            doc(json!({"id": "n98", "number": "98-CV/BTGTU", "issued": "2026-11-20"})),
            doc(json!({"id": "bad", "number": "1-CV/BTGTU", "issued": "?"})),
            doc(json!({"id": "n112", "number": "112-HD/BTGTU", "issued": "2026-11-20"})),
            doc(json!({"id": "new", "number": "1-TB/BTGTU", "issued": "2026-12-01"})),
            doc(json!({"id": "same1", "number": "98-CV/BTGTU", "issued": "2026-11-20"})),
        ];
        sort_newest(&mut docs);
        let order: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(order, ["new", "n112", "n98", "same1", "old", "bad"]);
    }

    // ---------------------------------------------------------------- facets

    #[test]
    fn facet_counts_and_order() {
        let mut docs = register();
        docs.push(doc(json!({
            "id": "d", "type": "Hướng dẫn", "issuer": "Đảng ủy Khối", "issued": "2024-05-05",
            "fields": ["Tuyên truyền", "tuyên truyền", "Đối ngoại"]
        })));
        docs.push(doc(
            json!({"id": "e", "type": "Hướng Dẫn", "issued": "2026-01-01"}),
        ));
        let f = facets(&docs);
        let s = |v: &[(&str, usize)]| -> Vec<(String, usize)> {
            v.iter().map(|(n, c)| (n.to_string(), *c)).collect()
        };
        assert_eq!(
            f.types,
            s(&[("Chỉ thị", 1), ("Hướng dẫn", 3), ("Kế hoạch", 1)])
        );
        assert_eq!(
            f.issuers,
            s(&[
                ("Ban Tuyên giáo Tỉnh ủy", 3),
                ("Đảng ủy Khối", 1),
                ("Tỉnh ủy", 1)
            ])
        );
        assert_eq!(
            f.fields,
            s(&[
                ("Chuyển đổi số", 1),
                ("Đối ngoại", 1),
                ("Lịch sử Đảng", 1),
                ("Tuyên truyền", 3)
            ])
        );
        assert_eq!(f.years, vec![(2026, 3), (2025, 1), (2024, 1)]);
        assert_eq!(facets(&[]), Facets::default());
    }

    // ----------------------------------------------------------------- files

    #[test]
    fn file_sizes() {
        assert_eq!(file_size(0), "0 B");
        assert_eq!(file_size(820), "820 B");
        assert_eq!(file_size(1023), "1.023 B");
        assert_eq!(file_size(1024), "1 KB");
        assert_eq!(file_size(1536), "1,5 KB");
        assert_eq!(file_size(10_188), "9,9 KB");
        assert_eq!(file_size(10_200), "10 KB");
        assert_eq!(file_size(250_000), "244 KB");
        assert_eq!(file_size(1_048_000), "1.023 KB");
        assert_eq!(file_size(1_048_100), "1 MB");
        assert_eq!(file_size(1_258_291), "1,2 MB");
        assert_eq!(file_size(12_582_912), "12 MB");
        assert_eq!(file_size(15_000_000), "14 MB");
        assert_eq!(file_size(3 << 30), "3 GB");
        assert_eq!(file_size(2000 << 40), "2.000 TB");
    }

    #[test]
    fn formats_by_media_type() {
        let cases = [
            ("application/pdf", "PDF"),
            ("application/PDF; charset=binary", "PDF"),
            (
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "DOCX",
            ),
            ("application/msword", "DOC"),
            (
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "XLSX",
            ),
            ("application/vnd.oasis.opendocument.text", "ODT"),
            ("text/plain; charset=utf-8", "TXT"),
            ("application/zip", "ZIP"),
            ("image/jpeg", "JPG"),
        ];
        for (media, want) in cases {
            assert_eq!(file_format(&file("van-ban", media, 1)), want, "{media}");
        }
    }

    #[test]
    fn formats_by_extension_then_unknown() {
        let octet = "application/octet-stream";
        assert_eq!(file_format(&file("112-HD-BTGTU.pdf", octet, 1)), "PDF");
        assert_eq!(file_format(&file("bieu-mau.Docx", "", 1)), "DOCX");
        assert_eq!(file_format(&file("du-lieu.tar.gz", octet, 1)), "GZ");
        assert_eq!(file_format(&file("a/b.c/van-ban", octet, 1)), "TỆP");
        assert_eq!(file_format(&file("van-ban", octet, 1)), "TỆP");
        assert_eq!(file_format(&file(".hidden", octet, 1)), "TỆP");
        assert_eq!(file_format(&file("ten.quadaiqua", octet, 1)), "TỆP");
        assert_eq!(file_format(&file("van-ban.", octet, 1)), "TỆP");
        // The media type wins over the name.
        assert_eq!(
            file_format(&file("van-ban.doc", "application/pdf", 1)),
            "PDF"
        );
    }

    #[test]
    fn labels() {
        assert_eq!(
            file_label(&file("a.pdf", "application/pdf", 250_000)),
            "PDF · 244 KB"
        );
        assert_eq!(file_label(&file("a.docx", "", 1_258_291)), "DOCX · 1,2 MB");
        assert_eq!(file_label(&file("a.pdf", "application/pdf", 0)), "PDF");
    }

    #[test]
    fn inline_or_download() {
        assert!(opens_inline(&file("a", "application/pdf", 1)));
        assert!(opens_inline(&file("a.txt", "", 1)));
        assert!(opens_inline(&file("a", "image/png", 1)));
        assert!(!opens_inline(&file("a.docx", "", 1)));
        assert!(!opens_inline(&file("a", "application/zip", 1)));
        assert!(!opens_inline(&file("a", "", 1)));
    }
}
