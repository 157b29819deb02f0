//! Design tokens shared by the app's theme and the slide deck: colours as
//! plain RGB and the slide type scale. No egui here; `ui::theme` turns these
//! into egui colours and the deck passes them to the Typst template.

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#0072b2`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Colours of one theme.
#[derive(Clone, Copy, Debug)]
pub struct Colours {
    pub bg: Rgb,
    pub panel_bg: Rgb,
    pub card_bg: Rgb,
    pub border: Rgb,
    pub text: Rgb,
    pub text_weak: Rgb,
    pub accent: Rgb,
    pub good: Rgb,
    pub warn: Rgb,
    pub bad: Rgb,
    /// Context figures (not a compared cluster): grey.
    pub context: Rgb,
    /// One colour per compared cluster, in panel order. Colour-blind-safe
    /// (Okabe–Ito based).
    pub series: [Rgb; 6],
}

pub const LIGHT: Colours = Colours {
    bg: Rgb(0xf6, 0xf7, 0xf9),
    panel_bg: Rgb(0xff, 0xff, 0xff),
    card_bg: Rgb(0xf1, 0xf4, 0xf8),
    border: Rgb(0xd5, 0xdb, 0xe3),
    text: Rgb(0x1d, 0x23, 0x2b),
    text_weak: Rgb(0x5a, 0x64, 0x70),
    accent: Rgb(0x1f, 0x6f, 0xd1),
    good: Rgb(0x1c, 0x8a, 0x4c),
    warn: Rgb(0xb5, 0x6a, 0x00),
    bad: Rgb(0xc0, 0x39, 0x2b),
    context: Rgb(0x8a, 0x93, 0x9e),
    series: [
        Rgb(0x00, 0x72, 0xb2),
        Rgb(0xd5, 0x5e, 0x00),
        Rgb(0x00, 0x9e, 0x73),
        Rgb(0xcc, 0x79, 0xa7),
        Rgb(0x8a, 0x6d, 0x00),
        // Wine, not grey: grey reads as "no data" and as the context figures.
        Rgb(0x88, 0x22, 0x55),
    ],
};

pub const DARK: Colours = Colours {
    bg: Rgb(0x16, 0x19, 0x1d),
    panel_bg: Rgb(0x1e, 0x22, 0x27),
    card_bg: Rgb(0x27, 0x2c, 0x33),
    border: Rgb(0x3a, 0x41, 0x4a),
    text: Rgb(0xe6, 0xe9, 0xed),
    text_weak: Rgb(0xa0, 0xa8, 0xb3),
    accent: Rgb(0x5a, 0xa2, 0xf0),
    good: Rgb(0x4c, 0xc2, 0x7e),
    warn: Rgb(0xf0, 0xb0, 0x40),
    bad: Rgb(0xf0, 0x6a, 0x5a),
    context: Rgb(0x7d, 0x86, 0x91),
    series: [
        Rgb(0x56, 0xb4, 0xe9),
        Rgb(0xe6, 0x9f, 0x00),
        Rgb(0x2e, 0xc4, 0x9a),
        Rgb(0xe0, 0x94, 0xc0),
        Rgb(0xf0, 0xe4, 0x42),
        // Violet, not grey (see the light theme).
        Rgb(0xa8, 0x94, 0xf0),
    ],
};

/// The sequential scale of the province map: zero, five steps from light
/// to strong (ColorBrewer Blues in the light theme), and divisions without data.
#[derive(Clone, Copy, Debug)]
pub struct MapRamp {
    pub zero: Rgb,
    pub steps: [Rgb; 5],
    pub no_data: Rgb,
    pub hatch: Rgb,
}

pub const MAP_LIGHT: MapRamp = MapRamp {
    zero: Rgb(0xee, 0xf1, 0xf5),
    steps: [
        Rgb(0xc6, 0xdb, 0xef),
        Rgb(0x9e, 0xca, 0xe1),
        Rgb(0x6b, 0xae, 0xd6),
        Rgb(0x31, 0x82, 0xbd),
        Rgb(0x08, 0x51, 0x9c),
    ],
    no_data: Rgb(0xff, 0xff, 0xff),
    hatch: Rgb(0xd5, 0xdb, 0xe3),
};

pub const MAP_DARK: MapRamp = MapRamp {
    zero: Rgb(0x2a, 0x30, 0x37),
    steps: [
        Rgb(0x21, 0x4a, 0x72),
        Rgb(0x22, 0x5c, 0x8e),
        Rgb(0x2d, 0x7b, 0xba),
        Rgb(0x52, 0x9f, 0xe2),
        Rgb(0x93, 0xc8, 0xf6),
    ],
    no_data: Rgb(0x1e, 0x22, 0x27),
    hatch: Rgb(0x3a, 0x41, 0x4a),
};

pub fn map_ramp(dark: bool) -> &'static MapRamp {
    if dark { &MAP_DARK } else { &MAP_LIGHT }
}

pub fn colours(dark: bool) -> &'static Colours {
    if dark { &DARK } else { &LIGHT }
}

/// Type scale of a slide, in points, for a slide 540 pt high (16:9 is
/// 960 × 540 pt, 4:3 is 720 × 540 pt). The floors are the legibility rule
/// the deck tests check: body and labels at least 14 pt, footnotes and the
/// source line at least 10 pt, titles at least 28 pt.
pub mod slide_type {
    pub const TITLE: f64 = 30.0;
    pub const DECK_TITLE: f64 = 40.0;
    pub const SUBTITLE: f64 = 17.0;
    pub const BODY: f64 = 17.0;
    pub const LABEL: f64 = 15.0;
    pub const NOTE: f64 = 11.0;
    pub const SOURCE: f64 = 10.5;
    /// Margin around the slide.
    pub const MARGIN: f64 = 36.0;

    pub const FLOOR_TITLE: f64 = 28.0;
    pub const FLOOR_BODY: f64 = 14.0;
    pub const FLOOR_NOTE: f64 = 10.0;
}

/// The bundled Noto Sans CJK SC subset (OFL): the one font of the slides and
/// the app's fallback for Chinese, kept once for both.
pub const CJK_FONT: &[u8] = include_bytes!("../../../assets/fonts/NotoSansCJKsc-Subset.otf");

#[cfg(test)]
mod tests {
    use super::*;

    /// Saturation of a colour, 0 (grey) to 1.
    fn saturation(c: Rgb) -> f32 {
        let v = [c.0, c.1, c.2].map(|x| f32::from(x) / 255.0);
        let (max, min) = (
            v.iter().copied().fold(0.0, f32::max),
            v.iter().copied().fold(1.0, f32::min),
        );
        if max == 0.0 { 0.0 } else { (max - min) / max }
    }

    #[test]
    fn no_cluster_colour_is_a_grey() {
        for t in [&LIGHT, &DARK] {
            assert!(saturation(t.context) < 0.2, "the context grey is a grey");
            for (i, &c) in t.series.iter().enumerate() {
                assert!(
                    saturation(c) > 0.25,
                    "cluster colour {i} {} reads as grey",
                    c.hex()
                );
            }
        }
    }
}
