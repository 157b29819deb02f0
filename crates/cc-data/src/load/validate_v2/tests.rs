//! The version 2 checks, one rule at a time.

use super::*;

#[test]
fn dates_and_addresses() {
    assert!(is_full_date("2026-11-22"));
    assert!(is_full_date("2024-02-29"));
    assert!(!is_full_date("2023-02-29"));
    assert!(!is_full_date("2026-11"));
    assert!(!is_full_date("2026-13-01"));
    assert!(!is_full_date("２０２６-11-22"));
    assert!(is_web_address("https://www.miit.gov.cn/a/b.html?x=1"));
    assert!(is_web_address("http://example.org"));
    assert!(!is_web_address("ftp://example.org"));
    assert!(!is_web_address("https://"));
    assert!(!is_web_address("https://exa mple.org"));
    assert!(!is_web_address("www.miit.gov.cn"));
    assert!(!is_web_address("https://evil.com\\@good.com"));
    assert!(!is_web_address("https://user:pw@good.com/"));
    assert!(!is_web_address("https://good.com\u{202E}lmth.exe"));
    assert!(!is_web_address("https://good\u{200B}.com"));
    assert!(!is_web_address("https://good.com/\u{FEFF}"));
    assert!(
        is_web_address("https://good.com/a@b"),
        "an @ in the path is no user name"
    );
}

fn seed() -> Dataset {
    crate::load::load_embedded().unwrap().dataset
}

fn errors_at(d: &Dataset, path: &str) -> Vec<String> {
    crate::load::validate(d)
        .into_iter()
        .filter(|p| p.severity == Severity::Error && p.path.starts_with(path))
        .map(|p| p.message)
        .collect()
}

#[test]
fn a_range_whose_high_end_overflows_is_refused_and_shown_briefly() {
    let mut d = seed();
    let m = &mut d.clusters[0].metrics[0];
    m.value = 1.0;
    m.value_high = Some(1e308);
    m.unit = "万亿元".into();
    let e = errors_at(&d, "clusters[0].metrics[0].value_high");
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("1e308") && !e[0].contains("00000"), "{e:?}");
}

#[test]
fn hidden_characters_and_user_names_in_addresses_are_refused() {
    for url in [
        "https://evil.com\\@good.com/",
        "https://good.com\u{202E}gpj.exe",
        "https://goo\u{200B}d.com",
    ] {
        let mut d = seed();
        let i = d.sources.iter().position(|s| s.url.is_some()).unwrap();
        d.sources[i].url = Some(url.into());
        let e = errors_at(&d, &format!("sources[{i}].url"));
        assert_eq!(e.len(), 1, "{url:?}: {e:?}");
        assert!(
            !e[0].contains('\u{202E}') && !e[0].contains('\u{200B}'),
            "{e:?}"
        );
    }
}

#[test]
fn access_dates_are_bounded() {
    for (date, ok) in [
        ("0000-01-01", false),
        ("9999-12-31", false),
        ("1989-12-31", false),
        ("2024-05-01", true),
    ] {
        let mut d = seed();
        let i = d.sources.iter().position(|s| s.url.is_some()).unwrap();
        d.sources[i].accessed = Some(date.into());
        let e = errors_at(&d, &format!("sources[{i}].accessed"));
        assert_eq!(e.is_empty(), ok, "{date}: {e:?}");
    }
}

#[test]
fn ranks_are_checked_without_a_register() {
    let mut d = seed();
    d.register = None;
    let with_batch: Vec<usize> = (0..d.clusters.len())
        .filter(|&i| d.clusters[i].designation.is_some())
        .take(3)
        .collect();
    for (k, &i) in with_batch.iter().enumerate() {
        let des = d.clusters[i].designation.as_mut().unwrap();
        des.batch = Some(1);
        des.rank = Some(if k < 2 { 7 } else { 99 });
    }
    let e: Vec<String> = crate::load::validate(&d)
        .into_iter()
        .filter(|p| p.severity == Severity::Error && p.path.ends_with("designation.rank"))
        .map(|p| p.message)
        .collect();
    assert!(
        e.iter().any(|m| m.contains("rank 7 in batch 1 is also")),
        "{e:?}"
    );
    assert!(e.iter().any(|m| m.contains("beyond the 45")), "{e:?}");
}

#[test]
fn huge_announced_counts_do_not_overflow() {
    let mut d = seed();
    let r = d.register.as_mut().unwrap();
    for b in &mut r.batches {
        b.announced = u32::MAX;
    }
    let (_, announced) = d.register_named().unwrap();
    assert_eq!(announced, u64::from(u32::MAX) * r_len(&d));
    crate::load::validate(&d);
}

fn r_len(d: &Dataset) -> u64 {
    d.register.as_ref().unwrap().batches.len() as u64
}
