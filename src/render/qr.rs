//! QR codes for contact details, so that a phone number or a website reaches a phone without a
//! network: as half-block text lines for the terminal, and as inline SVG for the HTML exports.
//! Also the `tel:` address of a Belgian number as written in the data.

use std::fmt::Write as _;

use qrcode::{Color, EcLevel, QrCode};

/// Light modules kept around the code. The standard asks for four; two are enough for phone
/// cameras and keep the code small on a terminal (an HTML page adds its own margin).
pub const QUIET_ZONE: usize = 2;

/// Why a text could not become a QR code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QrError {
    #[error("texte trop long pour un code QR ({0} octets)")]
    TooLong(usize),
}

/// The modules of a QR code with its quiet zone: `true` is dark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    /// Modules per side, quiet zone included.
    pub size: usize,
    modules: Vec<bool>,
}

impl Grid {
    /// Encodes `text` (medium error correction, the smallest version that fits).
    ///
    /// # Errors
    /// [`QrError::TooLong`] when the text does not fit in the largest QR code.
    pub fn new(text: &str) -> Result<Self, QrError> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
            .map_err(|_| QrError::TooLong(text.len()))?;
        let inner = code.width();
        let colors = code.to_colors();
        let size = inner + 2 * QUIET_ZONE;
        let mut modules = vec![false; size * size];
        for (i, color) in colors.iter().enumerate() {
            let (x, y) = (i % inner + QUIET_ZONE, i / inner + QUIET_ZONE);
            modules[y * size + x] = *color == Color::Dark;
        }
        Ok(Self { size, modules })
    }

    /// Whether the module at column `x`, row `y` is dark (outside the grid: light).
    #[must_use]
    pub fn dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.modules[y * self.size + x]
    }
}

/// `text` as lines of half-block characters, two module rows per line: `█` both dark, `▀` top
/// dark, `▄` bottom dark, space both light. Draw them dark on light (for example black on
/// white) whatever the terminal's theme: phone cameras read dark modules on a light ground.
///
/// # Errors
/// [`QrError::TooLong`] when the text does not fit in a QR code.
pub fn lines(text: &str) -> Result<Vec<String>, QrError> {
    let grid = Grid::new(text)?;
    Ok((0..grid.size.div_ceil(2))
        .map(|row| {
            (0..grid.size)
                .map(
                    |x| match (grid.dark(x, 2 * row), grid.dark(x, 2 * row + 1)) {
                        (true, true) => '█',
                        (true, false) => '▀',
                        (false, true) => '▄',
                        (false, false) => ' ',
                    },
                )
                .collect()
        })
        .collect())
}

/// `text` as a standalone SVG element: a white square and one black path, one unit per
/// module, scaled by the page. `label` becomes the accessible name (escaped here).
///
/// # Errors
/// [`QrError::TooLong`] when the text does not fit in a QR code.
pub fn svg(text: &str, label: &str) -> Result<String, QrError> {
    let grid = Grid::new(text)?;
    let n = grid.size;
    let mut path = String::new();
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if grid.dark(x, y) {
                let start = x;
                while grid.dark(x, y) {
                    x += 1;
                }
                let _ = write!(path, "M{start} {y}h{}v1h-{}z", x - start, x - start);
            } else {
                x += 1;
            }
        }
    }
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 {n} {n}\" \
         role=\"img\" aria-label=\"{}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{n}\" height=\"{n}\" fill=\"#fff\"/>\
         <path fill=\"#000\" d=\"{path}\"/></svg>",
        crate::render::escape::escape(label)
    ))
}

/// The `tel:` address of a phone number as written in the data (`081 73 71 76`,
/// `+32 2 524 98 89`, `112`). Belgian national numbers get the `+32` prefix so that they also
/// work from a phone with a foreign SIM card; short service numbers stay as they are.
#[must_use]
pub fn tel_uri(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if phone.trim_start().starts_with('+') {
        format!("tel:+{digits}")
    } else if let Some(national) = digits.strip_prefix('0').filter(|d| d.len() >= 8) {
        format!("tel:+32{national}")
    } else {
        format!("tel:{digits}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dark runs of an SVG code: `(x, y, width)` of each `M x y h w v 1 h -w z` of its path.
    fn runs(svg: &str) -> Vec<(usize, usize, usize)> {
        let d = svg.split("d=\"").nth(1).and_then(|s| s.split('"').next());
        d.expect("path")
            .split('z')
            .filter(|r| !r.is_empty())
            .map(|run| {
                let nums: Vec<usize> = run
                    .trim_start_matches('M')
                    .split(['h', 'v', ' ', '-'])
                    .filter(|s| !s.is_empty())
                    .map(|s| s.parse().expect("number"))
                    .collect();
                (nums[0], nums[1], nums[2])
            })
            .collect()
    }

    #[test]
    fn tel_uris_are_international_except_short_numbers() {
        assert_eq!(tel_uri("081 73 71 76"), "tel:+3281737176");
        assert_eq!(tel_uri("0470/12.34.56"), "tel:+32470123456");
        assert_eq!(tel_uri("+32 2 524 98 89"), "tel:+3225249889");
        assert_eq!(tel_uri("+33 1 23 45 67 89"), "tel:+33123456789");
        assert_eq!(tel_uri("112"), "tel:112");
        assert_eq!(tel_uri("1733"), "tel:1733");
    }

    #[test]
    fn lines_pack_two_rows_and_keep_the_quiet_zone() {
        let grid = Grid::new("tel:+3281737176").expect("fits");
        // Version 1 is 21 modules wide.
        assert_eq!(grid.size, 21 + 2 * QUIET_ZONE);
        let lines = lines("tel:+3281737176").expect("fits");
        assert_eq!(lines.len(), grid.size.div_ceil(2));
        assert!(lines.iter().all(|l| l.chars().count() == grid.size));
        // Quiet zone: the first line is blank; the second holds module rows 2 and 3, the top
        // edge of the finder pattern (seven dark) over its hollow row (dark, five light, dark).
        assert!(lines[0].chars().all(|c| c == ' '));
        let second: Vec<char> = lines[1].chars().collect();
        assert_eq!(&second[..QUIET_ZONE], [' ', ' ']);
        assert_eq!(
            second[QUIET_ZONE..QUIET_ZONE + 7],
            ['█', '▀', '▀', '▀', '▀', '▀', '█']
        );
        // Every line reflects the grid exactly.
        for (row, line) in lines.iter().enumerate() {
            for (x, c) in line.chars().enumerate() {
                let expected = match (grid.dark(x, 2 * row), grid.dark(x, 2 * row + 1)) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                };
                assert_eq!(c, expected, "row {row} col {x}");
            }
        }
    }

    #[test]
    fn svg_paths_cover_exactly_the_dark_modules() {
        let text = "https://www.cainamur.be";
        let grid = Grid::new(text).expect("fits");
        let svg = svg(text, "Site <CAI> & co").expect("fits");
        assert!(svg.contains("aria-label=\"Site &lt;CAI&gt; &amp; co\""));
        let mut painted = vec![false; grid.size * grid.size];
        for (x, y, w) in runs(&svg) {
            for cell in &mut painted[y * grid.size + x..y * grid.size + x + w] {
                assert!(!*cell, "painted twice");
                *cell = true;
            }
        }
        for y in 0..grid.size {
            for x in 0..grid.size {
                assert_eq!(painted[y * grid.size + x], grid.dark(x, y), "({x}, {y})");
            }
        }
    }

    /// Decodes a picture of modules (`true` dark) with an independent QR reader, each module
    /// drawn as a 4×4 block as a camera would see it.
    fn decode(modules: &[Vec<bool>]) -> String {
        const SCALE: usize = 4;
        let (w, h) = (modules[0].len() * SCALE, modules.len() * SCALE);
        let mut image =
            rqrr::PreparedImage::prepare_from_bitmap(w, h, |x, y| modules[y / SCALE][x / SCALE]);
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "one code found");
        grids[0].decode().expect("decodes").1
    }

    #[test]
    fn half_block_lines_scan_back_to_the_text() {
        for text in [
            "tel:+3281737176",
            "tel:112",
            "https://www.cainamur.be/contact?x=1",
        ] {
            let lines = lines(text).expect("fits");
            // Each character holds two module rows: the top and the bottom half.
            let mut modules = Vec::new();
            for line in &lines {
                let (top, bottom): (Vec<bool>, Vec<bool>) = line
                    .chars()
                    .map(|c| (matches!(c, '█' | '▀'), matches!(c, '█' | '▄')))
                    .unzip();
                modules.push(top);
                modules.push(bottom);
            }
            assert_eq!(decode(&modules), text);
        }
    }

    #[test]
    fn svg_scans_back_to_the_text() {
        let text = "https://www.cire.be";
        let svg = svg(text, "").expect("fits");
        let n = Grid::new(text).expect("fits").size;
        let mut modules = vec![vec![false; n]; n];
        for (x, y, w) in runs(&svg) {
            modules[y][x..x + w].fill(true);
        }
        assert_eq!(decode(&modules), text);
    }

    #[test]
    fn too_long_text_is_an_error() {
        let long = "x".repeat(5000);
        assert_eq!(lines(&long), Err(QrError::TooLong(5000)));
        assert!(svg(&long, "").is_err());
    }
}
