//! Parse + validate a synthetic dataset of 10,000 clusters (goal: < 300 ms).

use cluster_compare::{load, synth};

fn main() {
    divan::main();
}

#[divan::bench(args = [1_000, 10_000], sample_count = 10)]
fn parse_and_validate(bencher: divan::Bencher, n: usize) {
    let text = synth::json(n);
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| {
            load::load_str("synthetic.json", divan::black_box(&text))
                .map(|l| l.dataset.clusters.len())
        });
}

#[divan::bench(sample_count = 20)]
fn embedded_seed() -> usize {
    load::load_embedded()
        .map(|l| l.dataset.clusters.len())
        .unwrap_or(0)
}
