//! The site card: the 1200×630 picture a link preview (Open Graph,
//! Twitter, Zalo) shows for a page that has no picture of its own, drawn
//! from the brand alone: the red of the theme colour, a lighter disc with
//! the yellow star of `public/favicon.svg` on it (its path is parsed from
//! [`STAR_PATH`], which a test finds in the favicon), left of the centre
//! so that the square crop of a small preview still holds it whole, and on
//! the right a yellow rule over three lighter lines, a bulletin's headline
//! and text drawn as shapes. No text: the
//! preview's title carries the site's name, and a bundled font that covers
//! Vietnamese would weigh more than the rest of the tool's data.
//!
//! Pure and deterministic: the same bytes on every call, on every machine
//! (integer sample positions, no clock, no randomness). Shapes are filled
//! with 4×4 supersampling, so edges are smooth; the colours that result are
//! few, and the PNG is an indexed one of a few kilobytes.

use std::collections::BTreeMap;

/// Width of the card, the size Facebook and Zalo ask for.
pub const WIDTH: u32 = 1200;
/// Height of the card (1.91:1).
pub const HEIGHT: u32 = 630;

/// The brand red (`theme-color` in index.html, the favicon's ground).
pub const BRAND_RED: [u8; 3] = [0xa5, 0x0e, 0x0e];
/// The star's yellow (the favicon's star).
pub const STAR_YELLOW: [u8; 3] = [0xff, 0xd4, 0x00];
/// The disc behind the star: the brand red, lighter.
pub const DISC_RED: [u8; 3] = [0xb8, 0x22, 0x1b];

/// The star of public/favicon.svg, in its 64×64 view box.
pub const STAR_PATH: &str =
    "M32 12l5.9 12.9 14.1 1.6-10.5 9.5 2.9 13.9L32 42.8l-12.4 7.1 2.9-13.9L12 26.5l14.1-1.6z";

/// Where the star's tips are equally far from, in the view box: the point
/// the card centres.
const STAR_CENTRE: (f32, f32) = (32.0, 33.0);
/// Centre of the disc and the star on the card: left of the card's centre,
/// yet inside the centred square a small preview crops to.
const CENTRE: (f32, f32) = (540.0, 315.0);
/// Pixels per view-box unit: the star's tips sit about 200 px from its centre.
const STAR_SCALE: f32 = 9.5;
/// The disc's radius; the star's tips stay well inside it.
const DISC_RADIUS: f32 = 252.0;
/// On the right, a short yellow rule over three lighter lines, like a
/// headline over its text: capsules (x from, x to, centre y, half height).
const RULE: (f32, f32, f32, f32) = (850.0, 940.0, 213.0, 7.0);
const LINES: [(f32, f32, f32, f32); 3] = [
    (850.0, 1090.0, 270.0, 17.0),
    (850.0, 1090.0, 330.0, 17.0),
    (850.0, 1010.0, 390.0, 17.0),
];
/// Samples per pixel along each axis.
const SUPERSAMPLE: u32 = 4;

/// The site card as PNG bytes (1200×630, indexed colour). `site_name`
/// names the picture in the PNG's metadata (a `Title` text chunk,
/// `tEXt` where the name is printable Latin-1, else UTF-8 `iTXt`); the picture itself
/// holds no text.
pub fn site_card_png(site_name: &str) -> Vec<u8> {
    let (palette, pixels) = draw();
    encode(&palette, &pixels, site_name)
}

/// A filled shape: its bounding box in pixels and whether a point is in it.
struct Shape {
    colour: [u8; 3],
    bounds: (f32, f32, f32, f32),
    inside: Box<dyn Fn(f32, f32) -> bool>,
}

fn shapes() -> Vec<Shape> {
    let (cx, cy) = CENTRE;
    let r = DISC_RADIUS;
    let star: Vec<(f32, f32)> = parse_path(STAR_PATH)
        .into_iter()
        .map(|(x, y)| {
            (
                cx + (x - STAR_CENTRE.0) * STAR_SCALE,
                cy + (y - STAR_CENTRE.1) * STAR_SCALE,
            )
        })
        .collect();
    let bounds = star.iter().fold(
        (f32::MAX, f32::MAX, f32::MIN, f32::MIN),
        |(x0, y0, x1, y1), &(x, y)| (x0.min(x), y0.min(y), x1.max(x), y1.max(y)),
    );
    vec![
        Shape {
            colour: DISC_RED,
            bounds: (cx - r, cy - r, cx + r, cy + r),
            inside: Box::new(move |x, y| (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r),
        },
        Shape {
            colour: STAR_YELLOW,
            bounds,
            inside: Box::new(move |x, y| in_polygon(&star, x, y)),
        },
    ]
    .into_iter()
    .chain(LINES.iter().map(|&line| capsule(line, DISC_RED)))
    .chain([capsule(RULE, STAR_YELLOW)])
    .collect()
}

/// A horizontal bar with round ends, from x0 to x1 (the ends' centres).
fn capsule((x0, x1, cy, r): (f32, f32, f32, f32), colour: [u8; 3]) -> Shape {
    Shape {
        colour,
        bounds: (x0 - r, cy - r, x1 + r, cy + r),
        inside: Box::new(move |x, y| {
            let dx = if x < x0 {
                x0 - x
            } else if x > x1 {
                x - x1
            } else {
                0.0
            };
            dx * dx + (y - cy) * (y - cy) <= r * r
        }),
    }
}

/// Every pixel as an index into the palette (first colour: the ground).
fn draw() -> (Vec<[u8; 3]>, Vec<u8>) {
    let shapes = shapes();
    let mut palette = vec![BRAND_RED];
    let mut index: BTreeMap<[u8; 3], u8> = BTreeMap::from([(BRAND_RED, 0)]);
    let mut pixels = Vec::with_capacity((WIDTH * HEIGHT) as usize);
    let samples = SUPERSAMPLE * SUPERSAMPLE;
    for py in 0..HEIGHT {
        for px in 0..WIDTH {
            let mut colour = BRAND_RED;
            for shape in &shapes {
                let (x0, y0, x1, y1) = shape.bounds;
                let (fx, fy) = (px as f32, py as f32);
                if fx + 1.0 < x0 || fx > x1 || fy + 1.0 < y0 || fy > y1 {
                    continue;
                }
                let mut covered = 0;
                for sy in 0..SUPERSAMPLE {
                    for sx in 0..SUPERSAMPLE {
                        let x = fx + (sx as f32 + 0.5) / SUPERSAMPLE as f32;
                        let y = fy + (sy as f32 + 0.5) / SUPERSAMPLE as f32;
                        if (shape.inside)(x, y) {
                            covered += 1;
                        }
                    }
                }
                colour = blend(colour, shape.colour, covered, samples);
            }
            let next = palette.len();
            let i = *index.entry(colour).or_insert_with(|| {
                palette.push(colour);
                next as u8
            });
            pixels.push(i);
        }
    }
    assert!(palette.len() <= 256, "the card has too many colours");
    (palette, pixels)
}

/// `over` covering `covered` of `samples` parts of a pixel of `under`.
fn blend(under: [u8; 3], over: [u8; 3], covered: u32, samples: u32) -> [u8; 3] {
    let mut out = [0u8; 3];
    for c in 0..3 {
        let mixed = (u32::from(over[c]) * covered
            + u32::from(under[c]) * (samples - covered)
            + samples / 2)
            / samples;
        out[c] = mixed as u8;
    }
    out
}

/// Even-odd rule: a ray to the right crosses the outline an odd number of times.
fn in_polygon(points: &[(f32, f32)], x: f32, y: f32) -> bool {
    let mut inside = false;
    let mut j = points.len() - 1;
    for i in 0..points.len() {
        let (xi, yi) = points[i];
        let (xj, yj) = points[j];
        if (yi > y) != (yj > y) && x < xj + (y - yj) * (xi - xj) / (yi - yj) {
            inside = !inside;
        }
        j = i;
    }
    inside
}

/// The vertices of an SVG path made of straight lines only (`M`, `L`,
/// `l`, `m`, `H`, `h`, `V`, `v`, `z`), as the favicon's star is.
fn parse_path(path: &str) -> Vec<(f32, f32)> {
    let mut tokens = Vec::new();
    let mut number = String::new();
    let flush = |number: &mut String, tokens: &mut Vec<Token>| {
        if !number.is_empty() {
            tokens.push(Token::Number(number.parse().expect("a number in the path")));
            number.clear();
        }
    };
    for ch in path.chars() {
        match ch {
            '0'..='9' | '.' => number.push(ch),
            '-' => {
                flush(&mut number, &mut tokens);
                number.push('-');
            }
            ' ' | ',' => flush(&mut number, &mut tokens),
            c if c.is_ascii_alphabetic() => {
                flush(&mut number, &mut tokens);
                tokens.push(Token::Command(c));
            }
            c => panic!("unexpected {c:?} in the path"),
        }
    }
    flush(&mut number, &mut tokens);

    let mut points: Vec<(f32, f32)> = Vec::new();
    let (mut x, mut y) = (0.0f32, 0.0f32);
    let mut command = 'M';
    let mut it = tokens.into_iter().peekable();
    let next_number = |it: &mut std::iter::Peekable<std::vec::IntoIter<Token>>| match it.next() {
        Some(Token::Number(n)) => n,
        other => panic!("a number expected in the path, found {other:?}"),
    };
    while let Some(token) = it.peek().copied() {
        if let Token::Command(c) = token {
            it.next();
            command = c;
            if c.eq_ignore_ascii_case(&'z') {
                continue;
            }
        }
        match command {
            'M' | 'L' => {
                x = next_number(&mut it);
                y = next_number(&mut it);
            }
            'm' | 'l' => {
                x += next_number(&mut it);
                y += next_number(&mut it);
            }
            'H' => x = next_number(&mut it),
            'h' => x += next_number(&mut it),
            'V' => y = next_number(&mut it),
            'v' => y += next_number(&mut it),
            c => panic!("the path command {c:?} is not a straight line"),
        }
        points.push((x, y));
        // After a move, further pairs are lines (SVG's implicit lineto).
        command = match command {
            'M' => 'L',
            'm' => 'l',
            c => c,
        };
    }
    points
}

#[derive(Clone, Copy, Debug)]
enum Token {
    Number(f32),
    Command(char),
}

fn encode(palette: &[[u8; 3]], pixels: &[u8], site_name: &str) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, WIDTH, HEIGHT);
        encoder.set_color(png::ColorType::Indexed);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_palette(palette.concat());
        encoder.set_compression(png::Compression::High);
        encoder.set_filter(png::Filter::NoFilter);
        let name = site_name.trim();
        if !name.is_empty() {
            // tEXt holds printable Latin-1 only; anything else goes as UTF-8.
            let latin1 = |c: char| matches!(c, ' '..='~' | '\u{a0}'..='\u{ff}');
            let added = if name.chars().all(latin1) {
                encoder.add_text_chunk("Title".into(), name.into())
            } else {
                encoder.add_itxt_chunk("Title".into(), name.into())
            };
            added.expect("a text chunk before the header is written");
        }
        let mut writer = encoder.write_header().expect("PNG header into memory");
        writer
            .write_image_data(pixels)
            .expect("PNG data into memory");
        writer.finish().expect("PNG end into memory");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The card decoded: width, height and RGB pixels.
    fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>, png::Info<'static>) {
        let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().expect("a PNG");
        let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
        let frame = reader.next_frame(&mut buf).expect("a frame");
        assert_eq!(frame.color_type, png::ColorType::Rgb);
        buf.truncate(frame.buffer_size());
        let info = reader.info().clone();
        (frame.width, frame.height, buf, info)
    }

    fn at(pixels: &[u8], x: u32, y: u32) -> [u8; 3] {
        let i = ((y * WIDTH + x) * 3) as usize;
        [pixels[i], pixels[i + 1], pixels[i + 2]]
    }

    #[test]
    fn the_card_is_1200_by_630_with_the_star_yellow_on_the_brand_red() {
        let bytes = site_card_png("Ban Tuyên giáo Tỉnh ủy");
        let (width, height, pixels, _) = decode(&bytes);
        assert_eq!((width, height), (1200, 630));
        let (cx, cy) = CENTRE;
        assert_eq!(at(&pixels, cx as u32, cy as u32), STAR_YELLOW);
        for (x, y) in [
            (0, 0),
            (WIDTH - 1, 0),
            (0, HEIGHT - 1),
            (WIDTH - 1, HEIGHT - 1),
        ] {
            assert_eq!(at(&pixels, x, y), BRAND_RED, "corner {x},{y}");
        }
        // Between the star's tips: the lighter disc.
        assert_eq!(
            at(&pixels, cx as u32, (cy - DISC_RADIUS + 20.0) as u32),
            DISC_RED
        );
    }

    #[test]
    fn the_same_bytes_on_every_call_and_a_few_kilobytes() {
        let a = site_card_png("Bản tin");
        assert_eq!(a, site_card_png("Bản tin"));
        assert!(a.len() < 16 * 1024, "{} bytes", a.len());
        assert_ne!(a, site_card_png("Another name"));
    }

    #[test]
    fn the_edges_are_smoothed_and_the_square_crop_holds_the_whole_star() {
        let (_, _, pixels, _) = decode(&site_card_png(""));
        // Some pixels lie between the disc and the star's colours.
        let mut between = 0;
        for y in 0..HEIGHT {
            for x in 0..WIDTH {
                let c = at(&pixels, x, y);
                if ![BRAND_RED, DISC_RED, STAR_YELLOW].contains(&c) {
                    between += 1;
                }
            }
        }
        assert!(between > 1000, "{between} anti-aliased pixels");
        // A centred 630×630 crop keeps the disc and the star whole.
        let crop = ((WIDTH - HEIGHT) / 2) as f32;
        assert!(CENTRE.0 - DISC_RADIUS >= crop);
        assert!(CENTRE.0 + DISC_RADIUS <= crop + HEIGHT as f32);
        // Left of the disc and at the right edge, plain red from top to bottom.
        for y in 0..HEIGHT {
            for x in [0, 200, crop as u32 - 1, WIDTH - 1] {
                assert_eq!(at(&pixels, x, y), BRAND_RED, "{x},{y}");
            }
        }
        // On the right: the yellow rule, and the lines in the disc's red.
        assert_eq!(at(&pixels, 895, RULE.2 as u32), STAR_YELLOW);
        for (x0, x1, cy, _) in LINES {
            assert_eq!(at(&pixels, ((x0 + x1) / 2.0) as u32, cy as u32), DISC_RED);
        }
    }

    #[test]
    fn the_title_names_the_site_in_the_png_text() {
        let (_, _, _, info) = decode(&site_card_png("Ban Tuyên giáo Tỉnh ủy Bình Sơn"));
        let titles: Vec<String> = info
            .utf8_text
            .iter()
            .filter(|t| t.keyword == "Title")
            .map(|t| t.get_text().unwrap())
            .collect();
        assert_eq!(titles, vec!["Ban Tuyên giáo Tỉnh ủy Bình Sơn"]);
        let (_, _, _, info) = decode(&site_card_png("Ban Tuyen giao"));
        assert_eq!(info.uncompressed_latin1_text[0].text, "Ban Tuyen giao");
        // A control character is no Latin-1 text: it goes as UTF-8.
        let (_, _, _, info) = decode(&site_card_png("Bản\u{85}tin"));
        assert_eq!(info.utf8_text[0].get_text().unwrap(), "Bản\u{85}tin");
        let (_, _, _, info) = decode(&site_card_png("  "));
        assert!(info.uncompressed_latin1_text.is_empty() && info.utf8_text.is_empty());
    }

    #[test]
    fn the_star_is_the_favicons() {
        let favicon = include_str!("../../../public/favicon.svg");
        assert!(favicon.contains(&format!("d=\"{STAR_PATH}\"")));
        assert!(favicon.contains("fill=\"#ffd400\"") && favicon.contains("fill=\"#a50e0e\""));
        let points = parse_path(STAR_PATH);
        assert_eq!(points.len(), 10);
        assert_eq!(points[0], (32.0, 12.0));
        let close =
            |a: (f32, f32), b: (f32, f32)| (a.0 - b.0).abs() < 1e-4 && (a.1 - b.1).abs() < 1e-4;
        assert!(close(points[2], (52.0, 26.5)), "{:?}", points[2]);
        assert!(close(points[4], (44.4, 49.9)), "{:?}", points[4]);
        assert!(close(points[9], (26.1, 24.9)), "{:?}", points[9]);
        // Its tips are (nearly) equally far from the centre the card uses.
        let tips = [points[0], points[2], points[4], points[6], points[8]];
        let d =
            |p: (f32, f32)| ((p.0 - STAR_CENTRE.0).powi(2) + (p.1 - STAR_CENTRE.1).powi(2)).sqrt();
        for tip in tips {
            assert!((d(tip) - 21.0).abs() < 0.3, "{tip:?}: {}", d(tip));
        }
        // And they stay inside the disc, clear of its edge.
        let farthest = tips.iter().map(|&t| d(t)).fold(0.0f32, f32::max);
        assert!(farthest * STAR_SCALE + 40.0 < DISC_RADIUS, "{farthest}");
    }

    #[test]
    fn theme_colour_and_favicon_agree_with_the_card() {
        let index = include_str!("../../../index.html");
        assert!(index.contains("<meta name=\"theme-color\" content=\"#a50e0e\">"));
        let hex = |c: [u8; 3]| format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2]);
        assert_eq!(hex(BRAND_RED), "#a50e0e");
        assert_eq!(hex(STAR_YELLOW), "#ffd400");
    }
}
