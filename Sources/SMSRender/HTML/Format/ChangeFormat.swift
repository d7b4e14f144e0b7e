import SMSCore
import SMSAggregate

/// How the summary page (HTML and text) writes a KPI's change against an earlier
/// period (contract §10): `▲ +1,234 vs previous day`, `▼ −2.3 pts (worse) vs same day
/// last week`, `= 0 ms vs previous month`, `no data vs previous day`. The arrow, the
/// sign and the word say what the colour says, so the line reads without colour.
/// It formats the ``KPIChange`` that aggregation computed; it computes no figure.
package enum ChangeFormat {
    /// The colour of good news: 5.58:1 on the KPI tile's `#f7f9fb` (WCAG AA).
    package static let betterColor = "#00734f"
    /// The colour of bad news: 6.23:1 on `#f7f9fb`.
    package static let worseColor = "#b42318"
    /// An unchanged, neutral (traffic) or missing change: the tiles' detail grey, 4.94:1 on `#f7f9fb`.
    package static let neutralColor = "#616e7c"

    /// The line of `change` against the period called `label`, e.g.
    /// `▼ −2.3 pts (worse) vs previous day`.
    package static func line(_ change: KPIChange, verdict: KPIChange.Verdict, since label: String) -> String {
        guard let sign = change.sign, let amount = magnitude(change) else { return "no data vs \(label)" }
        let arrow = sign > 0 ? "▲" : sign < 0 ? "▼" : "="
        let signText = sign > 0 ? "+" : sign < 0 ? "\u{2212}" : ""
        let word = switch verdict {
        case .better: " (better)"
        case .worse: " (worse)"
        case .unchanged, .neutral: ""
        }
        return "\(arrow) \(signText)\(amount)\(word) vs \(label)"
    }

    /// The colour of a change with `verdict`: green better, red worse, grey otherwise.
    package static func color(_ verdict: KPIChange.Verdict) -> String {
        switch verdict {
        case .better: betterColor
        case .worse: worseColor
        case .unchanged, .neutral: neutralColor
        }
    }

    /// The change's size without its sign, in the unit the page uses for the KPI:
    /// `1,234`, `1.2 s`, `2.3 pts` (percentage points, one decimal, rounded half to
    /// even); nil for no data.
    package static func magnitude(_ change: KPIChange) -> String? {
        switch change {
        case .noData:
            return nil
        case .count(let difference):
            return DisplayFormat.grouped(difference.magnitude)
        case .seconds(let microseconds):
            return DisplayFormat.duration(magnitude: microseconds.magnitude)
        case .rate(let ratio):
            guard ratio.denominator != 0 else { return nil }
            let tenthsOfPoint = DecimalText.roundHalfEven(abs(Int128(ratio.numerator)) * 1000,
                                                          dividedBy: abs(Int128(ratio.denominator)))
            var bytes: [UInt8] = []
            DecimalText.appendFixedPoint(tenthsOfPoint, decimals: 1, to: &bytes)
            return String(decoding: bytes, as: UTF8.self) + " pts"
        }
    }
}
