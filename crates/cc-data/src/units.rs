//! The unit registry: every unit the data may use, with its dimension and its
//! factor to the dimension's base unit. Values keep the unit they were written
//! in; [`Quantity::base`] gives them normalised so 1.85万亿元 and 5700亿元
//! compare correctly. Only values of one dimension are ever compared.

/// What a unit measures. Values of different dimensions never share an axis.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// Chinese yuan (base: 元).
    MoneyCny,
    /// US dollars (base: 美元).
    MoneyUsd,
    /// Firms and organisations (base: 家).
    Firms,
    /// Other counts: clusters, projects, lines, provinces (base: 个).
    Count,
    /// Vehicles (base: 辆).
    Vehicles,
    /// Mass (base: 吨).
    Mass,
    /// Energy (base: kWh).
    Energy,
    /// Floor area (base: 平方米).
    Area,
    /// Shares and growth rates (base: %).
    Percent,
    /// Multiples, e.g. "grew 2.2 times" (base: 倍).
    Times,
    /// Durations (base: 年).
    Years,
    /// People: employment (base: 人).
    People,
    /// Installed or produced power (base: kW).
    Power,
}

impl Dimension {
    /// What the dimension measures, in words for messages.
    pub fn describe(self) -> &'static str {
        match self {
            Dimension::MoneyCny => "an amount in yuan",
            Dimension::MoneyUsd => "an amount in US dollars",
            Dimension::Firms => "a number of firms",
            Dimension::Count => "a count",
            Dimension::Vehicles => "a number of vehicles",
            Dimension::Mass => "a mass",
            Dimension::Energy => "energy",
            Dimension::Area => "an area",
            Dimension::Percent => "a share or rate",
            Dimension::Times => "a multiple",
            Dimension::Years => "a duration",
            Dimension::People => "a number of people",
            Dimension::Power => "power",
        }
    }

    /// [`Dimension::describe`] in Chinese.
    pub fn describe_zh(self) -> &'static str {
        match self {
            Dimension::MoneyCny => "人民币金额",
            Dimension::MoneyUsd => "美元金额",
            Dimension::Firms => "企业数",
            Dimension::Count => "个数",
            Dimension::Vehicles => "车辆数",
            Dimension::Mass => "质量",
            Dimension::Energy => "能量",
            Dimension::Area => "面积",
            Dimension::Percent => "比例或比率",
            Dimension::Times => "倍数",
            Dimension::Years => "时长",
            Dimension::People => "人数",
            Dimension::Power => "功率",
        }
    }
}

/// A registered unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unit {
    /// As written in the data, e.g. `亿元`.
    pub symbol: &'static str,
    pub dimension: Dimension,
    /// Multiply a value in this unit by `factor` to get the base unit.
    pub factor: f64,
}

const fn u(symbol: &'static str, dimension: Dimension, factor: f64) -> Unit {
    Unit {
        symbol,
        dimension,
        factor,
    }
}

/// Every unit the format accepts.
pub const UNITS: &[Unit] = &[
    u("元", Dimension::MoneyCny, 1.0),
    u("万元", Dimension::MoneyCny, 1e4),
    u("亿元", Dimension::MoneyCny, 1e8),
    u("万亿元", Dimension::MoneyCny, 1e12),
    u("美元", Dimension::MoneyUsd, 1.0),
    u("万美元", Dimension::MoneyUsd, 1e4),
    u("亿美元", Dimension::MoneyUsd, 1e8),
    u("家", Dimension::Firms, 1.0),
    u("万家", Dimension::Firms, 1e4),
    u("个", Dimension::Count, 1.0),
    u("项", Dimension::Count, 1.0),
    u("条", Dimension::Count, 1.0),
    u("辆", Dimension::Vehicles, 1.0),
    u("万辆", Dimension::Vehicles, 1e4),
    u("吨", Dimension::Mass, 1.0),
    u("万吨", Dimension::Mass, 1e4),
    u("kWh", Dimension::Energy, 1.0),
    u("MWh", Dimension::Energy, 1e3),
    u("GWh", Dimension::Energy, 1e6),
    u("平方米", Dimension::Area, 1.0),
    u("万平方米", Dimension::Area, 1e4),
    u("%", Dimension::Percent, 1.0),
    u("倍", Dimension::Times, 1.0),
    u("年", Dimension::Years, 1.0),
    u("户", Dimension::Firms, 1.0),
    u("万户", Dimension::Firms, 1e4),
    u("人", Dimension::People, 1.0),
    u("万人", Dimension::People, 1e4),
    u("件", Dimension::Count, 1.0),
    u("万件", Dimension::Count, 1e4),
    u("kW", Dimension::Power, 1.0),
    u("万千瓦", Dimension::Power, 1e4),
    u("MW", Dimension::Power, 1e3),
    u("GW", Dimension::Power, 1e6),
];

/// Looks a unit up by the symbol written in the data.
pub fn unit(symbol: &str) -> Option<&'static Unit> {
    UNITS.iter().find(|u| u.symbol == symbol)
}

/// The symbols of one dimension, for error messages.
pub fn symbols_of(d: Dimension) -> Vec<&'static str> {
    UNITS
        .iter()
        .filter(|u| u.dimension == d)
        .map(|u| u.symbol)
        .collect()
}

/// The symbols the registry knows, for error messages and the schema.
pub fn known_symbols() -> Vec<&'static str> {
    UNITS.iter().map(|u| u.symbol).collect()
}

/// A value with its unit as written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quantity {
    pub value: f64,
    pub unit: &'static Unit,
}

impl Quantity {
    /// `None` when the unit is not registered.
    pub fn new(value: f64, symbol: &str) -> Option<Self> {
        unit(symbol).map(|unit| Self { value, unit })
    }

    pub fn dimension(&self) -> Dimension {
        self.unit.dimension
    }

    /// The value in the dimension's base unit.
    ///
    /// ```
    /// use cc_data::units::Quantity;
    /// let gd = Quantity::new(1.85, "万亿元").unwrap();
    /// let sz = Quantity::new(5700.0, "亿元").unwrap();
    /// assert!(gd.base() > sz.base());
    /// ```
    pub fn base(&self) -> f64 {
        self.value * self.unit.factor
    }

    /// Ratio of `self` to `other`; `None` across dimensions or against zero.
    pub fn ratio_to(&self, other: &Quantity) -> Option<f64> {
        (self.dimension() == other.dimension() && other.base() != 0.0)
            .then(|| self.base() / other.base())
    }
}

/// A number as a message shows it: as written up to 10^15, in exponent form
/// beyond (`1e308`, not 309 digits; `1e-300`), as the exports write it.
pub fn shown(v: f64) -> String {
    let a = v.abs();
    if a != 0.0 && a.is_finite() && !(1e-6..1e15).contains(&a) {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trillion_and_hundred_million_compare_in_base_units() {
        let gd = Quantity::new(1.85, "万亿元").unwrap();
        let sz = Quantity::new(5700.0, "亿元").unwrap();
        assert!(gd.base() > sz.base());
        let r = gd.ratio_to(&sz).unwrap();
        assert!((r - 1.85e12 / 5.7e11).abs() < 1e-9);
    }

    #[test]
    fn different_dimensions_do_not_compare() {
        let a = Quantity::new(500.0, "万辆").unwrap();
        let b = Quantity::new(4223.0, "家").unwrap();
        assert_eq!(a.ratio_to(&b), None);
    }

    #[test]
    fn huge_numbers_are_shown_briefly() {
        assert_eq!(shown(1e308), "1e308");
        assert_eq!(shown(-2.5e-300), "-2.5e-300");
        assert_eq!(shown(5700.5), "5700.5");
    }

    #[test]
    fn unknown_unit_is_refused() {
        assert!(Quantity::new(1.0, "万亿美刀").is_none());
    }

    #[test]
    fn symbols_are_unique() {
        let mut s = known_symbols();
        s.sort();
        let n = s.len();
        s.dedup();
        assert_eq!(n, s.len());
    }
}
