//! Listening to an article ("Nghe bài viết"): what is read and in what
//! order, which voice reads it, and where the reading stands. The
//! article's own recording when the feed has one (`Article.audio`);
//! otherwise the browser's speech synthesis, but only with a Vietnamese
//! voice: Vietnamese read by an English voice is noise, so without one
//! the control says so. The browser side is `browser::speech`.

use bantin_format::model::{Article, Block};

/// The language set on every utterance (Android's engine needs it to pick
/// its Vietnamese voice).
pub const LANG: &str = "vi-VN";

/// The reading speeds offered, 1 the normal one.
pub const RATES: [f64; 5] = [0.75, 1.0, 1.25, 1.5, 2.0];
pub const DEFAULT_RATE: usize = 1;

/// A voice as the browser lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct Voice {
    pub name: String,
    pub lang: String,
    /// Installed on the device (not a network voice).
    pub local: bool,
    pub default: bool,
}

/// Whether a BCP 47 tag names Vietnamese ("vi", "vi-VN", "vi_VN").
pub fn is_vietnamese(lang: &str) -> bool {
    let l = lang.trim().to_ascii_lowercase();
    l == "vi" || l.starts_with("vi-") || l.starts_with("vi_")
}

/// The voice to read Vietnamese with: a Vietnamese one, Vietnam's
/// ("vi-VN") before others, an installed one before a network one, the
/// browser's default before the rest, then the first listed. None when the
/// device has no Vietnamese voice: nothing else may read.
pub fn pick_voice(voices: &[Voice]) -> Option<usize> {
    voices
        .iter()
        .enumerate()
        .filter(|(_, v)| is_vietnamese(&v.lang))
        .max_by_key(|(i, v)| {
            let vn = v.lang.trim().eq_ignore_ascii_case("vi-VN")
                || v.lang.trim().eq_ignore_ascii_case("vi_VN");
            (vn, v.local, v.default, std::cmp::Reverse(*i))
        })
        .map(|(i, _)| i)
}

/// Where a part read aloud is on the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    Title,
    Sapo,
    /// The body's block at this index.
    Block(usize),
}

/// One stretch read aloud: a paragraph, a heading, a quote, a list.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub text: String,
    pub place: Place,
}

/// What is read, in order: the title, the sapo, then each block of the
/// body that has words (paragraphs, headings, quotes with their source,
/// lists item by item, captions of pictures and tables; a table's cells
/// are not read). Blank ones are skipped.
pub fn parts(article: &Article) -> Vec<Part> {
    let mut out = vec![
        Part {
            text: article.summary.title.clone(),
            place: Place::Title,
        },
        Part {
            text: article.summary.sapo.clone(),
            place: Place::Sapo,
        },
    ];
    for (i, block) in article.body.iter().enumerate() {
        let text = match block {
            Block::Paragraph { runs } => runs.iter().map(|r| r.text.as_str()).collect::<String>(),
            Block::Heading { text, .. } => text.clone(),
            Block::Quote { text, cite } => match cite {
                Some(c) => format!("{text} ({c})"),
                None => text.clone(),
            },
            Block::List { items, .. } => items.join(". "),
            Block::Image(img) => img.caption.clone().unwrap_or_default(),
            Block::Table { caption, .. } | Block::Gallery { caption, .. } => {
                caption.clone().unwrap_or_default()
            }
            Block::Attachment { title, .. } | Block::Video { title, .. } => {
                title.clone().unwrap_or_default()
            }
        };
        out.push(Part {
            text,
            place: Place::Block(i),
        });
    }
    out.retain(|p| !bantin_format::text::is_blank(&p.text));
    out
}

/// Where the reading stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum State {
    #[default]
    Stopped,
    Playing,
    Paused,
}

/// The reading of one article: the part being read and whether it is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    pub at: usize,
    pub state: State,
}

impl Reading {
    /// Play (from the start when stopped), or resume the part paused in.
    pub fn play(self) -> Reading {
        Reading {
            at: if self.state == State::Stopped {
                0
            } else {
                self.at
            },
            state: State::Playing,
        }
    }

    pub fn pause(self) -> Reading {
        match self.state {
            State::Playing => Reading {
                state: State::Paused,
                ..self
            },
            _ => self,
        }
    }

    /// The next part (stopped after the last), reading on if it was.
    pub fn next(self, len: usize) -> Reading {
        if self.at + 1 >= len {
            Reading::default()
        } else {
            Reading {
                at: self.at + 1,
                state: self.moving(),
            }
        }
    }

    /// The part before (the first stays the first).
    pub fn previous(self) -> Reading {
        Reading {
            at: self.at.saturating_sub(1),
            state: self.moving(),
        }
    }

    /// A part was read to its end: on to the next.
    pub fn finished(self, len: usize) -> Reading {
        self.next(len)
    }

    fn moving(self) -> State {
        match self.state {
            State::Stopped => State::Playing,
            s => s,
        }
    }
}

/// "1,25×": a speed as the reader sees it (decimal comma).
pub fn rate_label(rate: f64) -> String {
    let hundredths = (rate * 100.0).round() as u64;
    let (whole, frac) = (hundredths / 100, hundredths % 100);
    match frac {
        0 => format!("{whole}×"),
        f if f % 10 == 0 => format!("{whole},{}×", f / 10),
        f => format!("{whole},{f:02}×"),
    }
}

/// A recording's length as a clock reads it: "3:34", "1:02:05".
pub fn duration_label(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bantin_format::model::{ArticleSummary, Run};

    fn voice(name: &str, lang: &str, local: bool, default: bool) -> Voice {
        Voice {
            name: name.into(),
            lang: lang.into(),
            local,
            default,
        }
    }

    #[test]
    fn only_a_vietnamese_voice_reads_and_vietnam_s_first() {
        // Only English voices: nothing reads (never Vietnamese in English).
        let en = [
            voice("Samantha", "en-US", true, true),
            voice("Google UK English", "en-GB", false, false),
        ];
        assert_eq!(pick_voice(&en), None);
        assert_eq!(pick_voice(&[]), None);
        // Apple's Linh, Microsoft's HoaiMy, Google's, Android's vi_VN.
        let mixed = [
            voice("Samantha", "en-US", true, true),
            voice("Google Tiếng Việt", "vi-VN", false, false),
            voice("Linh", "vi-VN", true, false),
        ];
        assert_eq!(pick_voice(&mixed), Some(2), "installed before network");
        let android = [
            voice("vi-vn-x-gft-local", "vi_VN", true, false),
            voice("en", "en-US", true, true),
        ];
        assert_eq!(pick_voice(&android), Some(0));
        // A bare "vi" voice is Vietnamese too, after Vietnam's.
        let bare = [
            voice("vi", "vi", true, true),
            voice("HoaiMy", "vi-VN", false, false),
        ];
        assert_eq!(pick_voice(&bare), Some(1));
        assert_eq!(pick_voice(&bare[..1]), Some(0));
        assert!(is_vietnamese("VI-vn") && !is_vietnamese("vie") && !is_vietnamese("en-VN"));
    }

    fn article() -> Article {
        let summary: ArticleSummary = serde_json::from_value(serde_json::json!({
            "id": "a", "slug": "a", "title": "Tiêu đề", "sapo": "Sapo.",
            "published": "2026-11-20T08:00:00+07:00", "category": "c"
        }))
        .unwrap();
        let run = |t: &str| Run {
            text: t.into(),
            bold: false,
            italic: false,
            link: None,
        };
        Article {
            summary,
            related: vec![],
            audio: None,
            body: vec![
                Block::Paragraph {
                    runs: vec![run("Đoạn "), run("một.")],
                },
                Block::Paragraph {
                    runs: vec![run(" \u{200B}")],
                },
                Block::Heading {
                    text: "Mục hai".into(),
                    level: 2,
                },
                Block::List {
                    ordered: false,
                    items: vec!["a".into(), "b".into()],
                },
                Block::Quote {
                    text: "Lời".into(),
                    cite: Some("Bác".into()),
                },
            ],
        }
    }

    #[test]
    fn the_parts_are_the_title_the_sapo_and_each_block_with_words() {
        let p = parts(&article());
        let texts: Vec<&str> = p.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Tiêu đề",
                "Sapo.",
                "Đoạn một.",
                "Mục hai",
                "a. b",
                "Lời (Bác)"
            ]
        );
        // The blank paragraph is skipped; the others keep their block's index.
        let places: Vec<&Place> = p.iter().map(|p| &p.place).collect();
        assert_eq!(
            places,
            [
                &Place::Title,
                &Place::Sapo,
                &Place::Block(0),
                &Place::Block(2),
                &Place::Block(3),
                &Place::Block(4)
            ]
        );
    }

    #[test]
    fn play_pause_resume_skip_and_the_end() {
        let r = Reading::default();
        assert_eq!(r.state, State::Stopped);
        let r = r.play();
        assert_eq!((r.at, r.state), (0, State::Playing));
        let r = r.next(3);
        assert_eq!((r.at, r.state), (1, State::Playing));
        let paused = r.pause();
        assert_eq!((paused.at, paused.state), (1, State::Paused));
        // Skipping while paused stays paused; resuming reads where it is.
        let skipped = paused.next(3);
        assert_eq!((skipped.at, skipped.state), (2, State::Paused));
        assert_eq!(
            skipped.play(),
            Reading {
                at: 2,
                state: State::Playing
            }
        );
        assert_eq!(skipped.previous().previous().previous().at, 0);
        // The last part read to its end: stopped, and a new play starts over.
        let end = Reading {
            at: 2,
            state: State::Playing,
        }
        .finished(3);
        assert_eq!(end, Reading::default());
        assert_eq!(end.play().at, 0);
        assert_eq!(Reading::default().pause(), Reading::default());
    }

    #[test]
    fn speeds_and_lengths_read_the_vietnamese_way() {
        let labels: Vec<String> = RATES.iter().map(|r| rate_label(*r)).collect();
        assert_eq!(labels, ["0,75×", "1×", "1,25×", "1,5×", "2×"]);
        assert_eq!(RATES[DEFAULT_RATE], 1.0);
        assert_eq!(duration_label(3), "0:03");
        assert_eq!(duration_label(214), "3:34");
        assert_eq!(duration_label(3725), "1:02:05");
    }
}
