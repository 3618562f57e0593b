//! Whether an image's alt text says anything, and what names the image
//! when it does not. One rule for the validator (which warns) and the app
//! (which treats a junk alt as absent). The JSON Schema's `JunkAlt` pattern
//! (public/schema/common.schema.json) is the same rule for what one value
//! shows; tests/alt_cases.json holds both to the same verdict.

use crate::model::Image;
use crate::text::fold;

/// Alt texts (folded: lower case, no diacritics, one space between words)
/// that CMSs put on every picture and that say nothing about this one.
pub const JUNK_WORDS: &[&str] = &[
    "image",
    "images",
    "img",
    "photo",
    "picture",
    "pic",
    "responsive image",
    "featured image",
    "thumbnail",
    "thumb",
    "banner",
    "icon",
    "logo",
    "placeholder",
    "untitled",
    "no image",
    "alt",
    "null",
    "undefined",
    "anh",
    "hinh",
    "hinh anh",
    "anh minh hoa",
    "hinh minh hoa",
    "anh dai dien",
];

/// File endings that make an alt a file name ("IMG_1234.jpg").
pub const IMAGE_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "webp", "bmp", "svg", "tif", "tiff", "heic", "avif",
];

/// Camera and CMS names for a picture, followed by digits ("IMG_1234",
/// "DSC01234").
const CAMERA_PREFIXES: &[&str] = &["img", "dsc", "dscn", "dscf", "pxl", "photo", "image"];

/// Whether `alt` (not blank) says nothing about the picture at `src`:
/// - it is only digits, spaces and punctuation ("123", "-", "…");
/// - it is one of [`JUNK_WORDS`], whatever its case and diacritics
///   ("Responsive image", "Ảnh", "hình ảnh");
/// - it is a file name: one word ending in an image extension
///   ("IMG_1234.jpg"), or a camera's name for a picture ("IMG_1234",
///   "DSC01234");
/// - it is the file name of `src`, with or without its extension, in any
///   case ("hoi-nghi-2026" for `media/hoi-nghi-2026.jpg`).
///
/// A blank alt is not junk: it is absent (see [`usable`]).
pub fn is_junk(alt: &str, src: &str) -> bool {
    if crate::text::is_blank(alt) {
        return false;
    }
    let alt = alt.trim();
    if alt.chars().all(is_filler) {
        return true;
    }
    let folded = fold(alt).split_whitespace().collect::<Vec<_>>().join(" ");
    if JUNK_WORDS.contains(&folded.as_str()) {
        return true;
    }
    let lower = alt.to_lowercase();
    let one_word = !lower.chars().any(char::is_whitespace);
    if one_word
        && lower
            .rsplit_once('.')
            .is_some_and(|(name, ext)| !name.is_empty() && IMAGE_EXTENSIONS.contains(&ext))
    {
        return true;
    }
    if is_camera_name(&lower) {
        return true;
    }
    let file = src
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .rsplit('/')
        .next()
        .unwrap_or("")
        .to_lowercase();
    let stem = file
        .rsplit_once('.')
        .map_or(file.as_str(), |(stem, _)| stem);
    !src.starts_with("data:") && !stem.is_empty() && (lower == file || lower == stem)
}

/// What an alt made of nothing else says nothing with: spaces, digits and
/// punctuation (ASCII, and … – — · • “ ” ‘ ’ « »).
fn is_filler(c: char) -> bool {
    c.is_whitespace() || c.is_ascii_digit() || c.is_ascii_punctuation() || "…–—·•“”‘’«»".contains(c)
}

/// "img_1234", "dsc01234", "img 2034": a prefix, at most one "-", "_" or
/// space, then only digits.
fn is_camera_name(lower: &str) -> bool {
    CAMERA_PREFIXES.iter().any(|prefix| {
        lower.strip_prefix(prefix).is_some_and(|rest| {
            let digits = rest.strip_prefix(['-', '_', ' ']).unwrap_or(rest);
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
        })
    })
}

/// The image's own alt when it says something (trimmed); None when it is
/// blank or junk.
pub fn usable(image: &Image) -> Option<&str> {
    let alt = image.alt.trim();
    (!crate::text::is_blank(alt) && !is_junk(alt, &image.src)).then_some(alt)
}

/// The caption, when it holds text.
pub fn caption(image: &Image) -> Option<&str> {
    image
        .caption
        .as_deref()
        .map(str::trim)
        .filter(|c| !crate::text::is_blank(c))
}

/// What names an image for people who cannot see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Name<'a> {
    /// Its own alt text.
    Alt(&'a str),
    /// No usable alt: its caption names it.
    Caption(&'a str),
    /// Neither: decorative (`alt=""`).
    Decorative,
}

pub fn name(image: &Image) -> Name<'_> {
    match (usable(image), caption(image)) {
        (Some(alt), _) => Name::Alt(alt),
        (None, Some(caption)) => Name::Caption(caption),
        (None, None) => Name::Decorative,
    }
}

/// The `alt` attribute to draw. `caption_shown`: the caption is drawn as
/// the figure's caption right beside the image, and so already names it
/// (the figure takes its name from its caption): the image gets `alt=""`
/// rather than a second reading of the same words. Elsewhere (cards, the
/// kiosk, a cover without its caption) the caption becomes the alt.
pub fn img_alt(image: &Image, caption_shown: bool) -> String {
    match name(image) {
        Name::Alt(alt) => alt.to_string(),
        Name::Caption(caption) if !caption_shown => caption.to_string(),
        Name::Caption(_) | Name::Decorative => String::new(),
    }
}

/// The `alt` of a link's banner, which is the link's name: the banner's own
/// alt when it says something, else the link's title.
pub fn banner_alt(image: &Image, title: &str) -> String {
    usable(image).unwrap_or(title.trim()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Invisible characters are blank here as everywhere in the format
    /// (`text::is_blank`): an alt or caption of zero-width spaces names
    /// nothing.
    #[test]
    fn invisible_alt_and_caption_are_blank() {
        let zwsp = "\u{200B}\u{FEFF}";
        assert!(!is_junk(zwsp, "media/a.jpg"));
        assert_eq!(usable(&image("media/a.jpg", zwsp, None)), None);
        assert_eq!(
            name(&image("media/a.jpg", zwsp, Some("Quang cảnh hội nghị"))),
            Name::Caption("Quang cảnh hội nghị")
        );
        assert_eq!(
            name(&image("media/a.jpg", zwsp, Some(zwsp))),
            Name::Decorative
        );
    }

    fn image(src: &str, alt: &str, caption: Option<&str>) -> Image {
        Image {
            src: src.into(),
            alt: alt.into(),
            caption: caption.map(Into::into),
            credit: None,
            width: None,
            height: None,
        }
    }

    #[test]
    fn junk_alts_say_nothing() {
        for alt in [
            "Responsive image",
            "responsive  IMAGE",
            "Ảnh",
            "ảnh",
            "Hình ảnh",
            "HÌNH ẢNH",
            "ảnh minh họa",
            "image",
            "IMG_1234.jpg",
            "anh1.PNG",
            "IMG_1234",
            "DSC01234",
            "img 2034",
            "123",
            "...",
            "-",
            " 2026 ",
        ] {
            assert!(is_junk(alt, "media/a.jpg"), "{alt:?} should be junk");
        }
        // The picture's own file name, with or without the extension.
        assert!(is_junk("hoi-nghi-2026", "media/2026/hoi-nghi-2026.jpg"));
        assert!(is_junk(
            "Hoi-Nghi-2026.JPG",
            "media/2026/hoi-nghi-2026.jpg?v=2"
        ));
    }

    #[test]
    fn real_alts_are_kept() {
        for alt in [
            "Hội trường Tỉnh ủy kín chỗ",
            "Ảnh chân dung đồng chí Bí thư",
            "Logo Báo Nhân Dân",
            "Hình ảnh hội nghị tổng kết",
            "Biểu đồ năm 2026",
            "Ánh nắng trên đồng lúa",
            "image of a meeting hall",
        ] {
            assert!(
                !is_junk(alt, "media/hoi-nghi.jpg"),
                "{alt:?} should be kept"
            );
        }
        // Blank is absent, not junk.
        assert!(!is_junk("", "media/a.jpg"));
        assert!(!is_junk("   ", "media/a.jpg"));
        // A data: URL has no file name to repeat.
        assert!(!is_junk("base64", "data:image/png;base64,AAAA"));
    }

    #[test]
    fn an_image_is_named_by_its_alt_else_its_caption_else_nothing() {
        let own = image("media/a.jpg", " Đại biểu dự hội nghị ", Some("Toàn cảnh"));
        assert_eq!(name(&own), Name::Alt("Đại biểu dự hội nghị"));
        assert_eq!(img_alt(&own, true), "Đại biểu dự hội nghị");

        let junk = image(
            "media/a.jpg",
            "Responsive image",
            Some(" Toàn cảnh hội nghị "),
        );
        assert_eq!(name(&junk), Name::Caption("Toàn cảnh hội nghị"));
        // Beside its caption the image adds nothing; alone it is the caption.
        assert_eq!(img_alt(&junk, true), "");
        assert_eq!(img_alt(&junk, false), "Toàn cảnh hội nghị");

        let bare = image("media/a.jpg", "", Some("  "));
        assert_eq!(name(&bare), Name::Decorative);
        assert_eq!(img_alt(&bare, false), "");
    }

    #[test]
    fn a_banner_is_named_by_its_alt_else_the_link_title() {
        let named = image("media/b.png", "Báo Nhân Dân điện tử", None);
        assert_eq!(banner_alt(&named, "Báo Nhân Dân"), "Báo Nhân Dân điện tử");
        let junk = image("media/b.png", "banner", None);
        assert_eq!(banner_alt(&junk, "Báo Nhân Dân"), "Báo Nhân Dân");
        let empty = image("media/b.png", "", None);
        assert_eq!(banner_alt(&empty, "Báo Nhân Dân"), "Báo Nhân Dân");
    }
}
