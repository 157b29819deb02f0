//! Parse + validate a synthetic dataset of 10,000 clusters (goal: < 300 ms),
//! and locate thousands of problems in time linear in the file and their number.

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

/// Locating problems, by number of problems in one file (2,000 clusters, 18 MB):
/// linear in the problems, one walk over the file however many there are.
#[divan::bench(args = [1_000, 3_000, 6_000], sample_count = 5)]
fn problems_in_18mb(bencher: divan::Bencher, problems: usize) {
    let text = synth::json_with_problems(2_000, problems);
    bencher.bench(|| {
        load::load_str("synthetic.json", divan::black_box(&text))
            .err()
            .map(|e| e.problems.len())
    });
}

/// Locating 3,000 problems, by file size (1,000 to 7,000 clusters, 9 to 64 MB):
/// linear in the file.
#[divan::bench(args = [1_000, 2_000, 4_000, 7_000], sample_count = 3)]
fn problems_3000_by_clusters(bencher: divan::Bencher, clusters: usize) {
    let text = synth::json_with_problems(clusters, 3_000);
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| {
            load::load_str("synthetic.json", divan::black_box(&text))
                .err()
                .map(|e| e.problems.len())
        });
}
