//! Vietnamese text folding: "Tuyên giáo" and "tuyen giao" compare equal,
//! and đ/Đ fold to d (they do not decompose under Unicode NFD, so a table
//! does the work instead of a normalisation crate). Also slugs (built on
//! folding), word counts and reading times, and the lowercase composed
//! form search compares exact diacritics by.

/// The Vietnamese vowels, lowercase, precomposed (NFC), with the plain
/// letter each folds to: per row a vowel without tone, then with huyền,
/// sắc, hỏi, ngã, nặng. The one table of Vietnamese letters: folding reads
/// it, and so does [`lowercase_nfc`] (search's exact-diacritics form).
const VOWELS: [(char, &str); 12] = [
    ('a', "aàáảãạ"),
    ('a', "ăằắẳẵặ"),
    ('a', "âầấẩẫậ"),
    ('e', "eèéẻẽẹ"),
    ('e', "êềếểễệ"),
    ('i', "iìíỉĩị"),
    ('o', "oòóỏõọ"),
    ('o', "ôồốổỗộ"),
    ('o', "ơờớởỡợ"),
    ('u', "uùúủũụ"),
    ('u', "ưừứửữự"),
    ('y', "yỳýỷỹỵ"),
];

/// Rows of [`VOWELS`] that a vowel mark makes of another (a + ̂ → â …).
const VOWEL_MARKS: [(usize, char, usize); 6] = [
    (0, '\u{0306}', 1),
    (0, '\u{0302}', 2),
    (3, '\u{0302}', 4),
    (6, '\u{0302}', 7),
    (6, '\u{031B}', 8),
    (9, '\u{031B}', 10),
];

/// Folds one lowercase character to its base letter.
fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    if c == 'đ' {
        return 'd';
    }
    VOWELS
        .iter()
        .find(|(_, forms)| forms.contains(c))
        .map_or(c, |(base, _)| *base)
}

/// Combining marks (text typed in decomposed form) carry no letter.
pub fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// The tone a combining mark stands for (a column of [`VOWELS`]).
fn tone_of(mark: char) -> Option<usize> {
    match mark {
        '\u{0300}' | '\u{0340}' => Some(1),
        '\u{0301}' | '\u{0341}' => Some(2),
        '\u{0309}' => Some(3),
        '\u{0303}' => Some(4),
        '\u{0323}' => Some(5),
        _ => None,
    }
}

/// Lowercase, with the Vietnamese vowels composed (NFC), so that text typed
/// decomposed compares equal to precomposed text; diacritics are kept
/// (search ranks an exact-diacritics match higher). Other marks stay.
pub fn lowercase_nfc(s: &str) -> String {
    let lower = s.to_lowercase();
    if !lower.chars().any(is_combining) {
        return lower;
    }
    let mut out = String::with_capacity(lower.len());
    // The vowel being composed: its row and tone in VOWELS.
    let mut vowel: Option<(usize, usize)> = None;
    for c in lower.chars() {
        if let Some((row, tone)) = vowel {
            let marked = VOWEL_MARKS
                .iter()
                .find(|&&(from, mark, _)| from == row && mark == c)
                .map(|&(_, _, to)| (to, tone));
            let toned = tone_of(c).filter(|_| tone == 0).map(|t| (row, t));
            if let Some(next) = marked.or(toned) {
                vowel = Some(next);
                continue;
            }
            out.extend(VOWELS[row].1.chars().nth(tone));
        }
        vowel = VOWELS
            .iter()
            .enumerate()
            .find_map(|(row, (_, forms))| forms.chars().position(|f| f == c).map(|t| (row, t)));
        if vowel.is_none() {
            out.push(c);
        }
    }
    if let Some((row, tone)) = vowel {
        out.extend(VOWELS[row].1.chars().nth(tone));
    }
    out
}

/// Lowercase, without diacritics: what search and slugs compare.
/// Idempotent: `fold(&fold(s)) == fold(s)`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|c| !is_combining(*c)) {
        for lower in c.to_lowercase() {
            if !is_combining(lower) {
                out.push(fold_char(lower));
            }
        }
    }
    out
}

/// An ASCII slug: folded, non-alphanumerics collapsed to single hyphens
/// ("Chỉ thị 05" → "chi-thi-05"). Letters that do not fold to ASCII count
/// as separators.
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Characters that show nothing on their own: spaces of every width, the
/// C0 and C1 controls, and the format characters that take no room (soft
/// hyphen, zero-width space and joiners, direction marks and controls,
/// the word joiner, the byte-order mark, variation selectors, Hangul
/// fillers). A text made only of these is blank. The JSON Schemas' `Text`
/// pattern is the complement of this list, character for character
/// (tests/schema_agreement.rs holds them together).
pub const INVISIBLE: &[(char, char)] = &[
    ('\u{0}', ' '),
    ('\u{7F}', '\u{A0}'),
    ('\u{AD}', '\u{AD}'),
    ('\u{34F}', '\u{34F}'),
    ('\u{61C}', '\u{61C}'),
    ('\u{115F}', '\u{1160}'),
    ('\u{1680}', '\u{1680}'),
    ('\u{17B4}', '\u{17B5}'),
    ('\u{180B}', '\u{180F}'),
    ('\u{2000}', '\u{200F}'),
    ('\u{2028}', '\u{202F}'),
    ('\u{205F}', '\u{206F}'),
    ('\u{3000}', '\u{3000}'),
    ('\u{3164}', '\u{3164}'),
    ('\u{FE00}', '\u{FE0F}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFA0}', '\u{FFA0}'),
];

pub fn is_invisible(c: char) -> bool {
    INVISIBLE.iter().any(|&(from, to)| (from..=to).contains(&c))
}

/// Nothing a reader could see: empty, spaces, invisible characters.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(is_invisible)
}

/// The first embedding, override or isolate control (U+202A–U+202E,
/// U+2066–U+2069) in a text: each changes the direction of what follows
/// it, up to its closing mark or the end of the paragraph.
pub fn direction_control(s: &str) -> Option<char> {
    s.chars()
        .find(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
}

/// Words in a text, as readers count them (runs of non-space characters).
pub fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Minutes to read `words` words at a comfortable 200 words a minute,
/// never less than one.
pub fn reading_minutes(words: usize) -> usize {
    words.div_ceil(200).max(1)
}

/// U+2068 FIRST STRONG ISOLATE: opens an isolate whose direction is its
/// first strong letter's.
pub const FSI: char = '\u{2068}';
/// U+2069 POP DIRECTIONAL ISOLATE: closes the isolate last opened.
pub const PDI: char = '\u{2069}';

/// Feed text made safe to share one string with other words (the tab's
/// title, a select's option): wrapped in FSI … PDI, so its direction is
/// its own and nothing in it (an unclosed U+202E RIGHT-TO-LEFT OVERRIDE,
/// an embedding) reaches the words after it. A PDI in the text that closes
/// no isolate the text opened is dropped, as it would close the wrapper
/// early; isolates the text leaves open are closed before the wrapper is.
/// In the page itself, feed text has an element of its own instead, and
/// the stylesheet makes every element an isolate.
pub fn isolate(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2 * FSI.len_utf8());
    out.push(FSI);
    let mut open = 0usize;
    for c in s.chars() {
        match c {
            // LEFT-TO-RIGHT, RIGHT-TO-LEFT and FIRST STRONG ISOLATE.
            '\u{2066}' | '\u{2067}' | FSI => open += 1,
            PDI if open == 0 => continue,
            PDI => open -= 1,
            _ => {}
        }
        out.push(c);
    }
    out.extend(std::iter::repeat_n(PDI, open));
    out.push(PDI);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isolate_wraps_text_in_first_strong_isolate() {
        assert_eq!(isolate("Tin tức"), "\u{2068}Tin tức\u{2069}");
        assert_eq!(isolate(""), "\u{2068}\u{2069}");
        // An unclosed override stays inside: the wrapper's PDI ends it.
        assert_eq!(
            format!("{} · Bản tin", isolate("Tin\u{202E} đảo ngược")),
            "\u{2068}Tin\u{202E} đảo ngược\u{2069} · Bản tin"
        );
    }

    #[test]
    fn isolate_keeps_its_wrapper_closed_last() {
        // A stray PDI would close the wrapper and let the override after it out.
        assert_eq!(isolate("a\u{2069}\u{202E}b"), "\u{2068}a\u{202E}b\u{2069}");
        // Isolates the text opens and leaves open are closed first.
        assert_eq!(
            isolate("\u{2067}a\u{2066}b"),
            "\u{2068}\u{2067}a\u{2066}b\u{2069}\u{2069}\u{2069}"
        );
        // Balanced isolates in the text stay as they are.
        assert_eq!(
            isolate("x\u{2067}a\u{2069}y"),
            "\u{2068}x\u{2067}a\u{2069}y\u{2069}"
        );
        // Whatever the text, the result's isolates balance, and the wrapper's PDI is the last character.
        for s in [
            "\u{2069}\u{2069}",
            "\u{2068}\u{2068}\u{2069}",
            "\u{202E}\u{2067}\u{2069}\u{2069}x",
        ] {
            let out = isolate(s);
            let mut depth = 0i32;
            for c in out.chars() {
                match c {
                    '\u{2066}'..='\u{2068}' => depth += 1,
                    PDI => depth -= 1,
                    _ => {}
                }
                assert!(depth >= 0, "{out:?}");
                if depth == 0 {
                    assert_eq!(c, PDI, "{out:?}: the wrapper closes only at the end");
                }
            }
            assert_eq!(depth, 0, "{out:?}");
            assert!(out.ends_with(PDI) && out.starts_with(FSI));
        }
    }

    #[test]
    fn reading_time_rounds_up_to_whole_minutes() {
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(200), 1);
        assert_eq!(reading_minutes(201), 2);
        assert_eq!(reading_minutes(1000), 5);
        assert_eq!(word_count("Sáng 23/11,  Ban Tuyên giáo\ntổ chức"), 7);
    }

    #[test]
    fn folds_vietnamese_diacritics_and_case() {
        assert_eq!(fold("Tuyên giáo"), "tuyen giao");
        assert_eq!(fold("ĐẢNG ỦY"), "dang uy");
        assert_eq!(
            fold("Nghị quyết Trung ương 4 (khóa XII)"),
            "nghi quyet trung uong 4 (khoa xii)"
        );
        assert_eq!(
            fold("Học tập và làm theo tư tưởng, đạo đức"),
            "hoc tap va lam theo tu tuong, dao duc"
        );
        assert_eq!(fold("ệ ự ẫ ỵ ữ"), "e u a y u");
    }

    #[test]
    fn folds_decomposed_input() {
        // "Tuyên" typed as e + combining circumflex.
        assert_eq!(fold("Tuye\u{0302}n gia\u{0301}o"), "tuyen giao");
    }

    #[test]
    fn folding_is_idempotent() {
        for s in ["Đảng ủy Khối", "tuyen giao", "Ấp Bắc", "İstanbul", "ß"] {
            assert_eq!(fold(&fold(s)), fold(s), "{s}");
        }
    }

    #[test]
    fn slugs_are_ascii_kebab() {
        assert_eq!(slugify("Chỉ thị 05"), "chi-thi-05");
        assert_eq!(slugify("  Chuyển đổi số!  "), "chuyen-doi-so");
        assert_eq!(slugify("Tin tức – sự kiện"), "tin-tuc-su-kien");
        assert_eq!(slugify("–"), "");
    }
}
