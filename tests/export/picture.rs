//! The picture of a view (`export --view overview`): the overview's chart
//! is a chart, never a strip squeezed under the panels.

use cluster_compare::export::{self, Format, PngOptions, Request, View};
use cluster_compare::load;
use cluster_compare::model::Lang;

fn picture(ids: &[String], lang: Lang) -> image::RgbaImage {
    let d = load::load_embedded().unwrap().dataset;
    let r = Request {
        ids: ids.to_vec(),
        lang,
        png: PngOptions {
            view: View::Overview,
            width: 1600,
            height: 900,
            scale: 1.0,
            dark: false,
        },
        ..Default::default()
    };
    let bytes = export::render(&d, &r, Format::Png).unwrap_or_else(|e| panic!("{e}"));
    image::load_from_memory(&bytes).unwrap().to_rgba8()
}

/// The longest unbroken run of `rgb` down any column of pixels: the height
/// of the tallest bar drawn in that colour.
fn tallest_run(img: &image::RgbaImage, rgb: [u8; 3]) -> u32 {
    let mut best = 0;
    for x in 0..img.width() {
        let mut run = 0;
        for y in 0..img.height() {
            if img.get_pixel(x, y).0[..3] == rgb {
                run += 1;
                best = best.max(run);
            } else {
                run = 0;
            }
        }
    }
    best
}

#[test]
fn the_overview_pictures_chart_is_tall_enough_to_read() {
    let ids = [
        "shenzhen-battery-materials".to_owned(),
        "guangdong-six-city-nev".to_owned(),
    ];
    for lang in [Lang::Zh, Lang::En] {
        let img = picture(&ids, lang);
        // The second cluster's output (1.85万亿元) is the tallest bar.
        let bar = tallest_run(&img, [0xd5, 0x5e, 0x00]);
        assert!(bar >= 90, "{lang:?}: the tallest bar is {bar} px of 900");
    }
}
