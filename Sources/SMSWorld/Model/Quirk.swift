/// An odd case the world plants when ``WorldParameters/quirks`` is on. A clean world
/// has none of them.
package enum Quirk: String, Sendable, Hashable, CaseIterable {
    /// `client_phone` as `"+977-984-1234567"`.
    case phoneWithCountryCodeAndDashes
    /// `client_phone` as `"977 9841234567"`: 13 digits once the space is gone.
    case phoneWithCountryCodeAndSpace
    /// `client_phone` as `"09841234567"`.
    case phoneWithTrunkZero
    /// `client_phone` in Devanagari digits, as `"९८४१२३४५६७"`.
    case phoneInDevanagariDigits
    /// `client_phone` as `"12345"`.
    case phoneTooShort
    /// `client_phone` as `"+1 555 0100"`: a foreign number.
    case phoneForeign
    /// `client_phone` as a JSON number of 9 digits.
    case phoneNumberTooShort
    /// `client_name` is `null`.
    case nullClientName
    /// `sent_at` and `delivered_at` with no fractional digits.
    case timestampWholeSeconds
    /// `sent_at` and `delivered_at` with 3 fractional digits.
    case timestampMilliseconds
    /// `sent_at` and `delivered_at` in UTC written with `Z`.
    case timestampZulu
    /// `sent_at` and `delivered_at` in UTC written with `+00:00`.
    case timestampUTCOffset
    /// `delivered_at` a few seconds before `sent_at`.
    case negativeLatency
    /// A raw status no map knows: `WEIRD`.
    case unknownStatus
    /// A text that a spreadsheet would run as a formula, such as `=SUM(A1:A9)`.
    case formulaText
    /// A text that would inject HTML, such as `<script>alert(1)</script>`.
    case htmlText
    /// A text with control characters (BEL, ESC, CR LF).
    case controlCharacterText
    /// A text longer than an XLSX cell holds (32,767 characters).
    case oversizedText
    /// One page row repeated at the top of the next page, as when rows shift while
    /// paging. Recorded for every world of two messages or more; ``ReportPages`` shows
    /// it when the rows fill more than one page.
    case pageShift
    /// A page row says DELIVERED while its batch report says UNDELIVERABLE.
    case statusConflict
    /// The report rows say SENT with no `delivered_at`, while `/api/batch-ids` has the
    /// final code `"1"` and a `delivered_at`.
    case batchIDsFinalCode
    /// A batch listed in `/api/batch-ids` whose batch report is absent.
    case missingBatchReport
}

/// How many times the world planted each quirk.
package struct QuirkLedger: Sendable, Hashable {
    private var counts: [Quirk: Int] = [:]

    /// An empty ledger: a clean world's.
    package init() {}

    /// How many times `quirk` was planted (messages, recipients or batches).
    package func count(of quirk: Quirk) -> Int {
        counts[quirk] ?? 0
    }

    /// True when no quirk was planted.
    package var isEmpty: Bool {
        counts.values.allSatisfy { $0 == 0 }
    }

    mutating func record(_ quirk: Quirk) {
        counts[quirk, default: 0] += 1
    }
}
