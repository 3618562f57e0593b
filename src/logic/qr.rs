//! QR codes for the kiosk screen: a visitor who finds a story on the kiosk
//! scans its address and carries on reading on their own phone. The code is
//! drawn in the page itself (an SVG path), so no network service is asked
//! and nothing leaks about what is being read.
//!
//! Only what the kiosk needs: byte mode (UTF-8), error-correction level M,
//! versions 1 to 10 (up to 213 bytes, ample for a story's URL), the smallest
//! version that fits, and the mask with the lowest penalty (ISO/IEC 18004
//! section 7.8.3). As in the common reference encoders (segno,
//! python-qrcode), the penalty is scored before the format and version
//! information and the dark module are drawn, with those modules light.

/// Error-correction codewords per block, level M, versions 1 to 10.
const ECC_PER_BLOCK: [usize; 10] = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26];
/// Error-correction blocks, level M, versions 1 to 10.
const NUM_BLOCKS: [usize; 10] = [1, 1, 1, 2, 2, 4, 4, 4, 5, 5];
/// Format information bits of level M (the two bits before the mask).
const LEVEL_M_BITS: u32 = 0b00;

/// A QR code symbol: `size` × `size` modules, row by row, `true` is dark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrCode {
    size: usize,
    modules: Vec<bool>,
}

impl QrCode {
    /// Encodes `text` (its UTF-8 bytes) at level M in the smallest version
    /// from 1 to 10 that holds it; `None` if it is too long for version 10.
    pub fn encode(text: &str) -> Option<QrCode> {
        (1..=10).find_map(|version| build(text.as_bytes(), version, None).map(|(code, _)| code))
    }

    /// Modules per side, without the quiet zone (21 for version 1).
    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether the module in column `x`, row `y` is dark; outside is light.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.modules[y * self.size + x]
    }

    /// SVG path data drawing the dark modules, one rectangle per horizontal
    /// run, in module units, shifted by a quiet zone of `quiet` modules.
    pub fn to_svg_path(&self, quiet: usize) -> String {
        let mut path = String::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while self.is_dark(x, y) {
                    x += 1;
                }
                let run = x - start;
                path.push_str(&format!("M{},{}h{run}v1h-{run}z", start + quiet, y + quiet));
            }
        }
        path
    }

    /// The SVG `viewBox` matching `to_svg_path(quiet)`.
    pub fn view_box(&self, quiet: usize) -> String {
        let side = self.size + 2 * quiet;
        format!("0 0 {side} {side}")
    }
}

/// Codewords (data and error correction) a symbol of `version` holds.
fn total_codewords(version: usize) -> usize {
    let mut modules = (16 * version + 128) * version + 64;
    if version >= 2 {
        let align = version / 7 + 2;
        modules -= (25 * align - 10) * align - 55;
        if version >= 7 {
            modules -= 36;
        }
    }
    modules / 8
}

fn data_codewords(version: usize) -> usize {
    total_codewords(version) - ECC_PER_BLOCK[version - 1] * NUM_BLOCKS[version - 1]
}

/// The data codewords for `data` in byte mode, or `None` if they do not fit.
fn data_stream(data: &[u8], version: usize) -> Option<Vec<u8>> {
    let capacity = data_codewords(version) * 8;
    let count_bits = if version <= 9 { 8 } else { 16 };
    if 4 + count_bits + 8 * data.len() > capacity {
        return None;
    }
    let mut bits = Vec::with_capacity(capacity);
    let mut push =
        |value: usize, len: usize| bits.extend((0..len).rev().map(|i| value >> i & 1 != 0));
    push(0b0100, 4);
    push(data.len(), count_bits);
    data.iter().for_each(|&byte| push(byte.into(), 8));
    // Terminator (up to four zeros), then zeros to the byte boundary.
    let terminated = (bits.len() + 4).min(capacity);
    bits.resize(terminated.div_ceil(8) * 8, false);
    let mut bytes: Vec<u8> = bits
        .chunks(8)
        .map(|c| c.iter().fold(0, |acc, &b| acc << 1 | u8::from(b)))
        .collect();
    let pads = [0xEC, 0x11].into_iter().cycle();
    let missing = capacity / 8 - bytes.len();
    bytes.extend(pads.take(missing));
    Some(bytes)
}

/// Multiplication in GF(2⁸) modulo x⁸ + x⁴ + x³ + x² + 1.
fn gf_mul(x: u8, y: u8) -> u8 {
    let mut z = 0u8;
    for i in (0..8).rev() {
        z = (z << 1) ^ ((z >> 7) * 0x1D);
        z ^= ((y >> i) & 1) * x;
    }
    z
}

/// Generator polynomial ∏ (x − 2ⁱ), i < `degree`, highest coefficient (1)
/// left out, the others from highest to lowest.
fn rs_generator(degree: usize) -> Vec<u8> {
    let mut poly = vec![0u8; degree];
    poly[degree - 1] = 1;
    let mut root = 1u8;
    for _ in 0..degree {
        for j in 0..degree {
            poly[j] = gf_mul(poly[j], root) ^ poly.get(j + 1).copied().unwrap_or(0);
        }
        root = gf_mul(root, 2);
    }
    poly
}

/// Reed–Solomon error-correction codewords of `data`.
fn rs_remainder(data: &[u8], generator: &[u8]) -> Vec<u8> {
    let mut rem = vec![0u8; generator.len()];
    for &byte in data {
        let factor = byte ^ rem.remove(0);
        rem.push(0);
        for (r, &g) in rem.iter_mut().zip(generator) {
            *r ^= gf_mul(g, factor);
        }
    }
    rem
}

/// Splits the data codewords into blocks, adds each block's error
/// correction and interleaves them into the final codeword sequence.
fn interleave(data: &[u8], version: usize) -> Vec<u8> {
    let (blocks, ecc) = (NUM_BLOCKS[version - 1], ECC_PER_BLOCK[version - 1]);
    let total = total_codewords(version);
    let short_blocks = blocks - total % blocks;
    let short_len = total / blocks - ecc;
    let generator = rs_generator(ecc);
    let mut rest = data;
    let mut split = Vec::with_capacity(blocks);
    for i in 0..blocks {
        let (block, tail) = rest.split_at(short_len + usize::from(i >= short_blocks));
        split.push((block, rs_remainder(block, &generator)));
        rest = tail;
    }
    let mut out = Vec::with_capacity(total);
    for i in 0..=short_len {
        out.extend(split.iter().filter_map(|(block, _)| block.get(i)));
    }
    for i in 0..ecc {
        out.extend(split.iter().map(|(_, ecc)| ecc[i]));
    }
    out
}

/// A symbol under construction: modules, and which of them are function
/// patterns (never masked, never holding data).
struct Grid {
    size: usize,
    modules: Vec<bool>,
    function: Vec<bool>,
}

impl Grid {
    fn set(&mut self, x: usize, y: usize, dark: bool) {
        self.modules[y * self.size + x] = dark;
        self.function[y * self.size + x] = true;
    }

    fn new(version: usize) -> Grid {
        let size = 17 + 4 * version;
        let mut grid = Grid {
            size,
            modules: vec![false; size * size],
            function: vec![false; size * size],
        };
        for i in 0..size {
            grid.set(6, i, i % 2 == 0);
            grid.set(i, 6, i % 2 == 0);
        }
        // Finder patterns with their separators.
        for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4isize..=4 {
                for dx in -4isize..=4 {
                    let (x, y) = (cx as isize + dx, cy as isize + dy);
                    if (0..size as isize).contains(&x) && (0..size as isize).contains(&y) {
                        let ring = dx.abs().max(dy.abs());
                        grid.set(x as usize, y as usize, ring != 2 && ring != 4);
                    }
                }
            }
        }
        // Alignment pattern centres: rows and columns 6, the middle (from
        // version 7; true up to 13) and size − 7, except over the finders.
        let centres = match version {
            1 => vec![],
            2..=6 => vec![6, size - 7],
            _ => vec![6, (size - 1) / 2, size - 7],
        };
        for (i, &cy) in centres.iter().enumerate() {
            for (j, &cx) in centres.iter().enumerate() {
                let last = centres.len() - 1;
                if (i, j) == (0, 0) || (i, j) == (0, last) || (i, j) == (last, 0) {
                    continue;
                }
                for dy in -2isize..=2 {
                    for dx in -2isize..=2 {
                        let (x, y) = ((cx as isize + dx) as usize, (cy as isize + dy) as usize);
                        grid.set(x, y, dx.abs().max(dy.abs()) != 1);
                    }
                }
            }
        }
        // Reserve the format and version areas (light until the mask is known).
        grid.draw_format(0, false);
        if version >= 7 {
            grid.draw_version(version, false);
        }
        grid
    }

    /// Format information for level M and `mask`, both copies, and the
    /// dark module; all light when `!visible` (reserving the area).
    fn draw_format(&mut self, mask: u8, visible: bool) {
        let bits = format_bits(mask);
        let bit = |i: usize| visible && bits >> i & 1 != 0;
        let size = self.size;
        for i in 0..6 {
            self.set(8, i, bit(i));
        }
        self.set(8, 7, bit(6));
        self.set(8, 8, bit(7));
        self.set(7, 8, bit(8));
        for i in 9..15 {
            self.set(14 - i, 8, bit(i));
        }
        for i in 0..8 {
            self.set(size - 1 - i, 8, bit(i));
        }
        for i in 8..15 {
            self.set(8, size - 15 + i, bit(i));
        }
        self.set(8, size - 8, visible);
    }

    /// Version information (versions 7 and up), both copies.
    fn draw_version(&mut self, version: usize, visible: bool) {
        let mut rem = version as u32;
        for _ in 0..12 {
            rem = (rem << 1) ^ ((rem >> 11) * 0x1F25);
        }
        let bits = (version as u32) << 12 | rem;
        for i in 0..18 {
            let dark = visible && bits >> i & 1 != 0;
            let (a, b) = (self.size - 11 + i % 3, i / 3);
            self.set(a, b, dark);
            self.set(b, a, dark);
        }
    }

    /// Places the codewords in the two-column zigzag, from the bottom right.
    fn place(&mut self, codewords: &[u8]) {
        let size = self.size;
        let mut bit = 0;
        let mut right = size - 1;
        loop {
            let upward = (right + 1) & 2 == 0;
            for step in 0..size {
                let y = if upward { size - 1 - step } else { step };
                for x in [right, right - 1] {
                    let i = y * size + x;
                    if !self.function[i] && bit < codewords.len() * 8 {
                        self.modules[i] = codewords[bit / 8] >> (7 - bit % 8) & 1 != 0;
                        bit += 1;
                    }
                }
            }
            match right {
                1 => break,
                8 => right = 5, // skip the vertical timing pattern
                _ => right -= 2,
            }
        }
    }

    /// Flips the data modules where mask pattern `mask` says so; applying
    /// the same mask twice undoes it.
    fn apply_mask(&mut self, mask: u8) {
        for y in 0..self.size {
            for x in 0..self.size {
                let flip = match mask {
                    0 => (x + y) % 2 == 0,
                    1 => y % 2 == 0,
                    2 => x % 3 == 0,
                    3 => (x + y) % 3 == 0,
                    4 => (x / 3 + y / 2) % 2 == 0,
                    5 => x * y % 2 + x * y % 3 == 0,
                    6 => (x * y % 2 + x * y % 3) % 2 == 0,
                    _ => ((x + y) % 2 + x * y % 3) % 2 == 0,
                };
                let i = y * self.size + x;
                self.modules[i] ^= flip && !self.function[i];
            }
        }
    }

    /// The penalty score of ISO/IEC 18004 section 7.8.3.1 (N1 to N4); N4
    /// is 10 per whole 5 % the dark share lies away from 50 %.
    fn penalty(&self) -> usize {
        let size = self.size;
        let at = |x: usize, y: usize| self.modules[y * size + x];
        let mut score = 0;
        for horizontal in [true, false] {
            for a in 0..size {
                let line: Vec<bool> = (0..size)
                    .map(|b| if horizontal { at(b, a) } else { at(a, b) })
                    .collect();
                score += line_penalty(&line);
            }
        }
        for y in 1..size {
            for x in 1..size {
                let c = at(x, y);
                if at(x - 1, y) == c && at(x, y - 1) == c && at(x - 1, y - 1) == c {
                    score += 3;
                }
            }
        }
        let dark = self.modules.iter().filter(|&&m| m).count();
        let total = size * size;
        score + 10 * ((20 * dark).abs_diff(10 * total) / total)
    }
}

/// N1 (a run of five or more: 3, plus 1 per module past five) and N3
/// (1:1:3:1:1 with four light modules on one side, beyond the edge counting
/// as light; the scan resumes after a counted pattern, as segno's does) of
/// one row or column.
fn line_penalty(line: &[bool]) -> usize {
    let mut score = 0;
    let mut run = 0;
    for (i, &m) in line.iter().enumerate() {
        run = if i > 0 && line[i - 1] == m {
            run + 1
        } else {
            1
        };
        if run >= 5 && line.get(i + 1) != Some(&m) {
            score += run - 2;
        }
    }
    const FINDER: [bool; 7] = [true, false, true, true, true, false, true];
    let light = |from: usize, to: usize| (from..to).all(|i| !line.get(i).copied().unwrap_or(false));
    let mut i = 0;
    while i + 7 <= line.len() {
        if line[i..i + 7] == FINDER && (light(i.saturating_sub(4), i) || light(i + 7, i + 11)) {
            score += 40;
            i += 7;
        } else {
            i += 1;
        }
    }
    score
}

/// The 15 format bits (BCH-protected, masked) for level M and `mask`.
fn format_bits(mask: u8) -> u32 {
    let data = LEVEL_M_BITS << 3 | u32::from(mask);
    let mut rem = data;
    for _ in 0..10 {
        rem = (rem << 1) ^ ((rem >> 9) * 0x537);
    }
    (data << 10 | rem) ^ 0x5412
}

/// The symbol of `version` for `data` and the mask used (`mask`, or the one
/// with the lowest penalty); `None` if the data does not fit.
fn build(data: &[u8], version: usize, mask: Option<u8>) -> Option<(QrCode, u8)> {
    let codewords = interleave(&data_stream(data, version)?, version);
    let mut grid = Grid::new(version);
    grid.place(&codewords);
    let mask = mask.unwrap_or_else(|| {
        (0..8)
            .min_by_key(|&m| {
                grid.apply_mask(m);
                let score = grid.penalty();
                grid.apply_mask(m);
                score
            })
            .unwrap_or(0)
    });
    grid.apply_mask(mask);
    grid.draw_format(mask, true);
    if version >= 7 {
        grid.draw_version(version, true);
    }
    Some((
        QrCode {
            size: grid.size,
            modules: grid.modules,
        },
        mask,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Reference symbols from segno 1.6.6 (Python), an independent encoder:
    // `segno.make_qr(text.encode(), error="m", mode="byte",
    // boost_error=False[, version=…, mask=…])`, with the one-line fix for its
    // padding bug (heuer/segno#123, #148: a spare zero byte where the pad
    // codewords should start). Every matrix was also checked equal to
    // python-qrcode 8.2's at the same version and mask.
    //
    // Text, version, mask, and whether segno chose the version and mask
    // itself (its penalty rules are the ones `Grid::penalty` follows) or
    // they were forced: all the masks on "A", other block layouts for the
    // rest. The matrices follow in the same order, one paragraph each:
    // rows top to bottom, modules left to right, 1 = dark, as hex
    // (zero-padded to a whole nibble).
    const CASES: [(&str, usize, u8, bool); 15] = [
        ("A", 1, 7, true),
        ("Tuyên giáo", 1, 2, true),
        ("Ban Tuyên giáo Tỉnh ủy", 3, 0, true),
        (
            "https://bantin.example/tin-tuc/hoi-nghi-bao-cao-vien",
            4,
            2,
            true,
        ),
        (
            "https://bantin.example/tin-tuc/thoi-su/hoi-nghi-bao-cao-vien-thang-10-nam-2024-\
             quan-triet-nghi-quyet-trung-uong-ve-cong-tac-tuyen-giao?from=kiosk",
            8,
            5,
            true,
        ),
        (
            "https://bantin.example/tin-tuc/thoi-su/hoi-nghi-bao-cao-vien-thang-10-nam-2024-\
             quan-triet-nghi-quyet-trung-uong-ve-cong-tac-tuyen-giao-va-dan-van-cua-dang-bo-tinh\
             ?from=kiosk&screen=sanh-chinh-tang-1",
            10,
            2,
            true,
        ),
        ("A", 1, 0, false),
        ("A", 1, 1, false),
        ("A", 1, 2, false),
        ("A", 1, 3, false),
        ("A", 1, 4, false),
        ("A", 1, 5, false),
        ("A", 1, 6, false),
        (
            "https://bantin.example/tin-tuc/hoi-nghi-bao-cao-vien",
            6,
            3,
            false,
        ),
        ("Tuyên giáo", 9, 2, false),
    ];
    const MATRICES: &str = "
fe73fc10d06e8cbb7485dba6aec15d07faafe0070096a504e21182f30719e0da6aaa8068e3f814d05bb8ba73fdd4
83ee9223048d4fe98f0

fe2bfc10906ea4bb7555dbadaec14507faafe01b00be2be3456fe0ed9d224ac77f350065cbf835d052f8baf0bdd7
0d2eaf9104770feeb90

fe3cf3fc15de906e87acbb74ee05dbae232ec13a2d07faaaafe00dd200aa535891601ab2cabb0c4af982403e3a0f
4756eed20f794fcae721d6605b5b684b651a78e18b169e83b2f13aeb8cfc8046d47bf92eabf049dd16babb2fb5d0
588e2eb51273040237efe988c18

fe04fd3fc123e0106ea77babb7527275dbaa1212ec14ac1107faaaaafe01c63800be55f1be14605e9b4382492ad7
3d70c9fca11229da077ecd0d9c2129dc41e51af41e50cb58c87d6c9b4fa272bed218bdebc028e91dcea059e926b8
36383d38e24d4cbe3552f900571d457f9e4bead05a50f1fbab622fddd68ede6eea2892c104d5381cfeb243b10

fe0a3bab2cbfc172f9d69bd06ebce0b3e06bb75c89e7ffa5dba6bdffb042ec129e710b9107faaaaaaaaafe01043c
590c008282efe11ce75e1d6f31fbfd0c98ba5a5a97efa552ab183122321ac8a8c4876ef40cb2298b4c8bc4a7cc4f
93af54c4cf8d6e7898c129967a1f296fe23a2de8abf51031bf02a3afb4d7b46cb5fe55be336e1e6b7fff88bec5cf
91dff25199f459c3193af1a6aa8dadec4aab1b8e462ff494fd3cff24bfe6e8c0317b36962d74def965f5d6722933
4a6040871482aab2b85b4b2bc62a6a641ddec440977fbf2f15b637c27f8d25a6eabff0b0b232df00ebfb0e420915
ba62391813cf27e9cae2a1250c860ce3730fe30dfe806f71136ac7bf9d42ad212ab04e0545f4b1aba27b3e31cfad
d36141ddf2aee8194be798590418c6b90649fe8213daabdc8

fe333397d16b3fc13367d2fdca906ea384f7447bcbb7555702c504a5dbabf76bf5c292ec17d7231350d107faaaaa
aaaaaafe01a332c547da00be4c043f18063e4a026ce12ef0614bc6baaf48a3ec4ea6a0c894bb53e460942f56e706
1d24162b3e8b862449ffa8c1e87fa4cb85baf181b435223814065c10712e4e86f7a03841f192b9f27ca4df453f24
6994f36dfcf636f601c7041fc6b15f2c2f8e84ffee6b28da7ccc013b8f9c6d96fe5f5776738870257678dbcf4e78
e6ffea476ffcd2fe5b1d029c783591c7acdba2b1c71a95c4ba0f1a6344453e40d5ff687bf9f09ab2214d5a6e2f0c
addb1c42f8dc62a2408234b23a8459faeda7a1fa3ce9d194fda7c5bce65151c7098486e4c548e385862e35ce79ad
2f5570b642510bd24693d4974d7864388a8799d88a3c5348aa1bfddce7a4deba90e728bdb7e4bb56e1a6c320cd2d
3fbdb883093e9e2867a9eb5f55f051cf4d6d964e02c4563e7a16f980439671dad8c77f8a61faf4c0abd058f6f450
b1b1fbae0cabe5d30fddd6410948ef8a72eaf6c1ccaa1f91045016ed4b33bcfef4d0517831210

fe73fc15d06e88bb7485dbacaec11507faafe00300aa3094e21190ba2350c44a6aaa807aabf85df04bb8bad76dd0
11aeb22304c46fe8ab8

fea3fc13506ebcbb7425dba1aec17d07faafe00900a3612e48bb05ef77fa6eef3fff805003fb08b04112ba023dd2
bb2ea777046ecfedfe8

fe13fc11106eb0bb75b5dbaaaec15907faafe01000be53e2caf21e82c0dafca9e492007493f9d3d05836bab4e5d4
f22eaac104fc8fee930

fe93fc17d06e8abb75b5dba72ec12d07faafe01b00b73a5acaf233b41b6827c9e492005927fa65105836ba6f8dd7
9faeaac1044a5fe8480

fed3fc13106e9ebb75c5dbaeaec17907faafe017008b97c944cafd8cf9c28d6ef8e380571ffb30504f2abaf3fdd2
caee84f9048d4feae28

fe23fc17106eb0bb7575dba2aec13907faafe0180082d6730dee5e82c0fa7eaf3fff805413f9d3d04447ba34e5d2
fa2e8777047e8fee930

fea3fc17106eb8bb7475dbabaec12107faafe008009ff4bb0dee57a652e21f2f3fff80571ffb41905447baa6add7
7c2e87770472bfecda0

fee82a9c3fc15d6fd9106e816b9d4bb75bc6d005dba4c74dd2ec12b5c52d07faaaaaaafe01c5945800b7336c1e25
8e6d1f87c590e1387a98fe1dc5091002f8cd265a6ba49e2944393b30137ef212bb315c681360533e8c268d3954e9
a0ab137eda8691f15ce2a824cb368757ea63fa0b4f7cf127319dfbf555960906a343e52c7ee58e5ec7aac63f13eb
24bc95d7328cb37444b9c04666944f061d9d37edd2601215ce6d43e133e8ff0047554ec4ffa877ecab905cf5ceb1
8ba67be80fcdd5c1a0cc6eea2de3bc5b049c1a655efeb0dedbe30

fe219d632063fc10b951b2a9906ea47fd8ca54bb7507172ce9d5dba9decfb21a2ec14891472a5107faaaaaaaaaaf
e010d1f1672300be004afe6cf3e120316719ce0378b258ed932d888bbf5dc87285e63383391ec970029332725ce1
38ceadaecf32d4b727f5dc8b287fabde2b918c968fa81f2726ce1f15eac96ce32d2c9331c1c8be87cd7779d918a8
e91a523c726fe9c03ac176ce22f3448fe71c8bc6b0ff83f5f98b7fd0c4000466f14606a81b2ae25ab591d201189c
5183f8154f9935ff4845800a63004059a3b64e44171999242969c5122a69359e13724d0618c25a31f01b86bb6584
5d55e12662965e5d00a4d3d9e7375d28724825935c487f744e5943d7263acde9650513ff48239e7574cfe6586259
01cbb7c72ce5955d0ac0d41e9652b2f13ee0bfe748f8806e7a4590e45bf86572b952ab305c9b3167251fbaf80dfe
6cef8dd69180d9cf27aebe065393264d046bfb287298efea078c9ec9900
";

    fn hex(code: &QrCode) -> String {
        let mut bits = code.modules.clone();
        bits.resize(bits.len().div_ceil(4) * 4, false);
        let nibble = |c: &[bool]| c.iter().fold(0, |acc, &b| acc << 1 | u8::from(b));
        bits.chunks(4).map(|c| format!("{:x}", nibble(c))).collect()
    }

    #[test]
    fn matches_the_reference_symbols() {
        let matrices: Vec<String> = MATRICES
            .split("\n\n")
            .map(|m| m.split_whitespace().collect())
            .collect();
        assert_eq!(matrices.len(), CASES.len());
        for ((text, version, mask, automatic), expected) in CASES.into_iter().zip(matrices) {
            let (code, chosen) =
                build(text.as_bytes(), version, (!automatic).then_some(mask)).unwrap();
            assert_eq!(chosen, mask, "{text}");
            if automatic {
                assert_eq!(QrCode::encode(text).as_ref(), Some(&code), "{text}");
            }
            assert_eq!(
                hex(&code),
                expected,
                "{text}, version {version}, mask {mask}"
            );
        }
    }

    #[test]
    fn chooses_the_smallest_version_and_gives_up_past_version_10() {
        // Byte capacities at level M: 14, 26, 42, …, 213 (version 10).
        let side = |len: usize| QrCode::encode(&"a".repeat(len)).map(|c| c.size());
        assert_eq!(side(0), Some(21));
        assert_eq!(side(14), Some(21));
        assert_eq!(side(15), Some(25));
        assert_eq!(side(42), Some(29));
        assert_eq!(side(43), Some(33));
        assert_eq!(side(213), Some(57));
        assert_eq!(side(214), None);
        // Bytes, not characters: "ệ" is three bytes.
        assert_eq!(QrCode::encode(&"ệ".repeat(5)).map(|c| c.size()), Some(25));
    }

    #[test]
    fn format_bits_are_the_published_level_m_words() {
        // ISO/IEC 18004 Table C.1, level M (00), masks 0 to 7.
        let words = [
            0x5412, 0x5125, 0x5E7C, 0x5B4B, 0x45F9, 0x40CE, 0x4F97, 0x4AA0,
        ];
        for (mask, word) in words.into_iter().enumerate() {
            assert_eq!(format_bits(mask as u8), word, "mask {mask}");
        }
    }

    #[test]
    fn reed_solomon_matches_the_iso_example() {
        // ISO/IEC 18004 Annex I: "01234567" at 1-M.
        let data = [
            16, 32, 12, 86, 97, 128, 236, 17, 236, 17, 236, 17, 236, 17, 236, 17,
        ];
        let ecc = rs_remainder(&data, &rs_generator(10));
        assert_eq!(ecc, [165, 36, 212, 193, 237, 54, 199, 135, 44, 85]);
    }

    #[test]
    fn svg_path_draws_runs_inside_the_quiet_zone() {
        let code = QrCode::encode("A").unwrap();
        let path = code.to_svg_path(4);
        // The top row starts with the finder's seven dark modules.
        assert!(path.starts_with("M4,4h7v1h-7z"), "{path}");
        let runs = path.split('h').skip(1).step_by(2);
        let dark: usize = runs
            .map(|n| n.split('v').next().unwrap().parse::<usize>().unwrap())
            .sum();
        assert_eq!(dark, code.modules.iter().filter(|&&m| m).count());
        assert_eq!(code.view_box(4), "0 0 29 29");
        assert!(code.is_dark(0, 0) && !code.is_dark(7, 0) && !code.is_dark(21, 0));
    }
}
