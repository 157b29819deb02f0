//! Which way a difference to the baseline may lie, worked out from both
//! figures' qualifiers, and why a difference is not computed at all.

use cc_data::model::{Bound, Lang, Qualifier};

/// Which way the true difference to the baseline may lie from the one
/// computed from the written numbers, worked out from both qualifiers.
///
/// A figure written `> 5700亿元` is a lower bound: as the baseline (the
/// denominator) it makes the true ratio *smaller* than computed; as the other
/// figure (the numerator) it makes it *larger*. Two bounds pushing the same
/// way stay a bound; two pushing opposite ways leave the ratio open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RatioBound {
    /// Both figures exact.
    Exact,
    /// Estimates (about, nearly) on one or both sides, no bound: `≈`.
    About,
    /// The true ratio is above the computed one: `>` (strict), `≥`, or `≳`
    /// (approximately) where the other figure is an estimate.
    Above { strict: bool, approx: bool },
    /// The true ratio is below the computed one: `<`, `≤` or `≲`.
    Below { strict: bool, approx: bool },
    /// The bounds push in opposite directions: the ratio has no bound, so
    /// none is shown.
    Open,
}

/// How one side's qualifier moves the ratio.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Push {
    None,
    About,
    Up(bool),
    Down(bool),
}

impl RatioBound {
    /// The bound of `numerator / denominator` (or `numerator − denominator`)
    /// where the figures carry these qualifiers.
    ///
    /// ```
    /// use cc_core::compare::RatioBound;
    /// use cc_data::model::Qualifier::*;
    /// // 1.85万亿元 against a baseline of > 5700亿元: less than 3.2×.
    /// assert_eq!(RatioBound::of(Exact, MoreThan).symbol(), "<");
    /// assert_eq!(RatioBound::of(MoreThan, Exact).symbol(), ">");
    /// assert_eq!(RatioBound::of(MoreThan, MoreThan), RatioBound::Open);
    /// ```
    pub fn of(numerator: Qualifier, denominator: Qualifier) -> Self {
        let strict = |q: Qualifier| matches!(q, Qualifier::MoreThan | Qualifier::LessThan);
        let num = match numerator.bound() {
            Bound::Exact => Push::None,
            Bound::Approximate => Push::About,
            Bound::Lower => Push::Up(strict(numerator)),
            Bound::Upper => Push::Down(strict(numerator)),
        };
        let den = match denominator.bound() {
            Bound::Exact => Push::None,
            Bound::Approximate => Push::About,
            // A larger denominator makes the ratio smaller.
            Bound::Lower => Push::Down(strict(denominator)),
            Bound::Upper => Push::Up(strict(denominator)),
        };
        use Push::*;
        match (num, den) {
            (None, None) => RatioBound::Exact,
            (About, None) | (None, About) | (About, About) => RatioBound::About,
            (Up(s), None) | (None, Up(s)) => RatioBound::Above {
                strict: s,
                approx: false,
            },
            (Down(s), None) | (None, Down(s)) => RatioBound::Below {
                strict: s,
                approx: false,
            },
            (Up(s), About) | (About, Up(s)) => RatioBound::Above {
                strict: s,
                approx: true,
            },
            (Down(s), About) | (About, Down(s)) => RatioBound::Below {
                strict: s,
                approx: true,
            },
            (Up(a), Up(b)) => RatioBound::Above {
                strict: a || b,
                approx: false,
            },
            (Down(a), Down(b)) => RatioBound::Below {
                strict: a || b,
                approx: false,
            },
            (Up(_), Down(_)) | (Down(_), Up(_)) => RatioBound::Open,
        }
    }

    /// The symbol written before the difference: empty when exact.
    pub fn symbol(self) -> &'static str {
        match self {
            RatioBound::Exact | RatioBound::Open => "",
            RatioBound::About => "≈",
            RatioBound::Above { approx: true, .. } => "≳",
            RatioBound::Above { strict: true, .. } => ">",
            RatioBound::Above { .. } => "≥",
            RatioBound::Below { approx: true, .. } => "≲",
            RatioBound::Below { strict: true, .. } => "<",
            RatioBound::Below { .. } => "≤",
        }
    }

    /// The bound in words, for hover text.
    pub fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (RatioBound::Exact, _) => "",
            (RatioBound::About, Lang::Zh) => "约数：比值为估算",
            (RatioBound::About, Lang::En) => "an estimate: the figures are approximate",
            (RatioBound::Above { .. }, Lang::Zh) => "下限：实际差距至少如此",
            (RatioBound::Above { .. }, Lang::En) => {
                "a lower bound: the true difference is at least this"
            }
            (RatioBound::Below { .. }, Lang::Zh) => "上限：实际差距至多如此",
            (RatioBound::Below { .. }, Lang::En) => {
                "an upper bound: the true difference is at most this"
            }
            (RatioBound::Open, Lang::Zh) => "两个界限方向相反，比值无界",
            (RatioBound::Open, Lang::En) => "bounds in opposite directions: the ratio has no bound",
        }
    }
}

/// Why no difference to the baseline is computed for a cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotComparable {
    /// The two figures differ in definition: this cell's scope and the baseline's.
    Definitions { this: String, baseline: String },
    /// Both figures are bounds pushing the ratio in opposite directions
    /// (e.g. `> 1200家` against `> 4000家`): no bound can be stated.
    OppositeBounds,
    /// One figure is a range.
    Range,
}

impl NotComparable {
    /// The text the cell shows instead of a difference.
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (NotComparable::Definitions { this, baseline }, Lang::Zh) => {
                format!("不可比：口径不同（{this}；基准：{baseline}）")
            }
            (NotComparable::Definitions { this, baseline }, Lang::En) => format!(
                "not comparable: different definitions ({this}; baseline: {baseline})"
            ),
            (NotComparable::OppositeBounds, Lang::Zh) => {
                "不可比：两数均为界限且方向相反，比值无界".into()
            }
            (NotComparable::OppositeBounds, Lang::En) => {
                "not comparable: both figures are bounds in opposite directions, so the ratio has no bound".into()
            }
            (NotComparable::Range, Lang::Zh) => "未计算：含范围值".into(),
            (NotComparable::Range, Lang::En) => "not computed: a figure is a range".into(),
        }
    }

    /// The short form for a chart label or card: `不可比` / `not comparable`.
    pub fn short(&self, lang: Lang) -> &'static str {
        match (self, lang) {
            (NotComparable::Range, Lang::Zh) => "未计算",
            (NotComparable::Range, Lang::En) => "not computed",
            (_, Lang::Zh) => "不可比",
            (_, Lang::En) => "not comparable",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Qualifier::*;

    fn sym(n: Qualifier, d: Qualifier) -> &'static str {
        RatioBound::of(n, d).symbol()
    }

    #[test]
    fn a_ratio_against_a_bound_is_a_bound_in_the_right_direction() {
        // The issue's case: exact 1.85万亿元 over a baseline of > 5700亿元.
        assert_eq!(sym(Exact, MoreThan), "<");
        assert_eq!(sym(Exact, AtLeast), "≤");
        assert_eq!(sym(MoreThan, Exact), ">");
        assert_eq!(sym(AtLeast, Exact), "≥");
        assert_eq!(sym(LessThan, Exact), "<");
        assert_eq!(sym(UpTo, Exact), "≤");
        assert_eq!(sym(Exact, LessThan), ">");
        assert_eq!(sym(Exact, UpTo), "≥");
        // Bounds pushing the same way stay a bound; strict wins.
        assert_eq!(sym(MoreThan, LessThan), ">");
        assert_eq!(sym(AtLeast, UpTo), "≥");
        assert_eq!(sym(UpTo, AtLeast), "≤");
        assert_eq!(sym(LessThan, MoreThan), "<");
        // Opposite directions: no bound at all.
        for (n, d) in [
            (MoreThan, MoreThan),
            (AtLeast, MoreThan),
            (LessThan, UpTo),
            (UpTo, UpTo),
        ] {
            assert_eq!(RatioBound::of(n, d), RatioBound::Open, "{n:?} / {d:?}");
        }
        // ≈ only for about / nearly.
        assert_eq!(sym(Exact, Exact), "");
        assert_eq!(sym(About, Exact), "≈");
        assert_eq!(sym(Exact, Nearly), "≈");
        assert_eq!(sym(Nearly, About), "≈");
        for q in [MoreThan, AtLeast, LessThan, UpTo] {
            assert_ne!(sym(q, Exact), "≈");
            assert_ne!(sym(Exact, q), "≈");
        }
        // An estimate beside a bound: roughly that bound.
        assert_eq!(sym(About, MoreThan), "≲");
        assert_eq!(sym(MoreThan, Nearly), "≳");
    }
}
