//! The slide deck of the default comparison: laying it out with Typst, the
//! PDF, and one PNG slide at 1920 × 1080.

use cluster_compare::compare::Comparison;
use cluster_compare::deck::{self, DeckOptions, typeset};
use cluster_compare::load;
use cluster_compare::model::Lang;

fn main() {
    divan::main();
}

fn default_deck() -> deck::Deck {
    let d = load::load_embedded()
        .unwrap_or_else(|e| panic!("{e}"))
        .dataset;
    let ids = ["shenzhen-battery-materials", "guangdong-six-city-nev"].map(String::from);
    let cmp = Comparison::build(&d, &ids, None, Lang::Zh);
    deck::build(&d, &cmp, &DeckOptions::default())
}

#[divan::bench(sample_count = 20)]
fn layout(bencher: divan::Bencher) {
    let deck = default_deck();
    bencher.bench(|| typeset::layout(divan::black_box(&deck)));
}

#[divan::bench(sample_count = 20)]
fn layout_and_pdf(bencher: divan::Bencher) {
    let deck = default_deck();
    bencher.bench(|| typeset::layout(&deck).and_then(|doc| typeset::pdf(&doc)));
}

#[divan::bench(sample_count = 20)]
fn png_one_slide_1920(bencher: divan::Bencher) {
    let deck = default_deck();
    let doc = typeset::layout(&deck).unwrap_or_else(|e| panic!("{e}"));
    let scale = typeset::scale_for_width(&doc, 1920);
    bencher.bench(|| typeset::png(&doc, 2, scale));
}
