//! One kind of cache for every view: a value computed from the data, the
//! language and some inputs, kept until any of them changes.

use cc_data::model::Lang;

/// Which data a value was computed from: the dataset (its generation, which
/// the app bumps whenever it loads another) and the language shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DataGen {
    pub dataset: u64,
    pub lang: Lang,
}

/// A value and what it was computed from.
#[derive(Debug)]
pub struct Memo<K, V> {
    slot: Option<(DataGen, K, V)>,
}

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Self { slot: None }
    }
}

impl<K: PartialEq + Clone, V> Memo<K, V> {
    /// Whether the value kept was computed from `data` and `key`.
    pub fn is_fresh(&self, data: DataGen, key: &K) -> bool {
        self.slot
            .as_ref()
            .is_some_and(|(g, k, _)| *g == data && k == key)
    }

    /// The value for `data` and `key`, computed by `f` when it is not kept.
    pub fn get_or_compute(&mut self, data: DataGen, key: &K, f: impl FnOnce() -> V) -> &V {
        if !self.is_fresh(data, key) {
            self.slot = Some((data, key.clone(), f()));
        }
        match &self.slot {
            Some((_, _, v)) => v,
            None => unreachable!("just filled"),
        }
    }

    /// The value kept, whatever it was computed from.
    pub fn get(&self) -> Option<&V> {
        self.slot.as_ref().map(|(_, _, v)| v)
    }

    pub fn clear(&mut self) {
        self.slot = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_memo_recomputes_when_the_data_the_language_or_the_key_changes() {
        let mut m: Memo<u32, u32> = Memo::default();
        let mut runs = 0;
        let g = DataGen {
            dataset: 1,
            lang: Lang::Zh,
        };
        let mut get = |m: &mut Memo<u32, u32>, g, k| {
            *m.get_or_compute(g, &k, || {
                runs += 1;
                k * 2
            })
        };
        assert_eq!(get(&mut m, g, 2), 4);
        assert_eq!(get(&mut m, g, 2), 4);
        let en = DataGen {
            lang: Lang::En,
            ..g
        };
        assert_eq!(get(&mut m, en, 2), 4);
        let next = DataGen { dataset: 2, ..g };
        assert_eq!(get(&mut m, next, 2), 4);
        assert_eq!(get(&mut m, next, 3), 6);
        assert_eq!(runs, 4);
    }
}
