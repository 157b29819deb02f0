//! Targets against figures: linear in both, and honest about ranges.

use cc_core::compare::Comparison;
use cc_data::model::{Dataset, Lang};

fn seed() -> Dataset {
    cc_data::load::load_embedded().unwrap().dataset
}

/// A seed cluster (its index) with a target (its index among the
/// comparison's targets) made to show progress: its scope and unit set to its
/// latest figure's.
fn cluster_with_progress(d: &mut Dataset) -> (usize, usize) {
    for i in 0..d.clusters.len() {
        let c = &mut d.clusters[i];
        let Some(k) = (0..c.targets.len()).find(|&k| c.latest_actual(&c.targets[k].key).is_some())
        else {
            continue;
        };
        let m = c.latest_actual(&c.targets[k].key).unwrap().clone();
        let t = &mut c.targets[k];
        t.scope = m.scope.clone();
        t.unit = m.unit.clone();
        t.value = m.value * 2.0;
        let key = t.key.clone();
        let cmp = Comparison::build(d, std::slice::from_ref(&d.clusters[i].id), None, Lang::En);
        if let Some(j) = cmp.columns[0]
            .targets
            .iter()
            .position(|t| t.target.key == key && t.fraction.is_some())
        {
            return (i, j);
        }
    }
    panic!("the seed has a target with an actual figure");
}

#[test]
fn many_targets_on_many_figures_do_not_copy_the_history_per_target() {
    let mut d = seed();
    let (i, _) = cluster_with_progress(&mut d);
    let c = &mut d.clusters[i];
    let target = c
        .targets
        .iter()
        .find(|t| c.latest_actual(&t.key).is_some())
        .unwrap()
        .clone();
    let figure = c.latest_actual(&target.key).unwrap().clone();
    let n = 20_000;
    c.metrics.extend((0..n).map(|k| {
        let mut m = figure.clone();
        m.as_of.year = 1000 + (k % 1000) as i32;
        m
    }));
    c.targets.extend((0..n).map(|_| target.clone()));
    let id = c.id.clone();

    let t = std::time::Instant::now();
    let cmp = Comparison::build(&d, &[id], None, Lang::En);
    let took = t.elapsed();
    let targets = &cmp.columns[0].targets;
    assert!(targets.len() > n);
    // Each target's actual is one figure: no copy of its metric's series
    // (20,000 copies of 20,000 points were 6.4 GB).
    assert!(
        targets
            .iter()
            .filter_map(|t| t.actual.as_ref())
            .all(|a| a.history.is_empty())
    );
    assert!(took.as_secs_f64() < 20.0, "{took:?}");
}

#[test]
fn progress_from_a_range_is_not_its_low_end() {
    let mut d = seed();
    let (i, j) = cluster_with_progress(&mut d);
    let id = d.clusters[i].id.clone();
    let before = Comparison::build(&d, std::slice::from_ref(&id), None, Lang::En);
    let key = before.columns[0].targets[j].target.key.clone();

    let c = &mut d.clusters[i];
    let latest = c
        .metrics
        .iter()
        .enumerate()
        .filter(|(_, m)| m.key == key && m.subject.is_none() && !m.forecast)
        .max_by_key(|(_, m)| m.as_of.year)
        .map(|(k, _)| k)
        .unwrap();
    let m = &mut c.metrics[latest];
    m.value_high = Some(m.value * 3.0);
    let after = Comparison::build(&d, &[id], None, Lang::En);
    let tp = &after.columns[0].targets[j];
    assert!(tp.actual.is_some(), "the actual is still shown");
    assert_eq!(tp.fraction, None, "no progress from the low end alone");
    assert_eq!(tp.gap, None);
}
