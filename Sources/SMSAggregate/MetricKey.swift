import SMSCore

/// A metrics key split into its parts (contract §4):
/// `sms:metrics:<metric>[:op:<OPERATOR>][:d:<YYYYMMDD>]`.
package struct MetricKey: Equatable {
    package var metric: String
    package var operatorName: String
    package var day: LocalDay?

    private static let prefix = "sms:metrics:"

    /// Splits `key`. A key outside the pattern keeps its whole text as the metric.
    package init(parsing key: String) {
        guard key.hasPrefix(Self.prefix) else {
            self.init(metric: key, operatorName: "", day: nil)
            return
        }
        let parts = key.dropFirst(Self.prefix.count).split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var metricParts: [String] = []
        var operatorName = ""
        var day: LocalDay?
        var index = 0
        while index < parts.count {
            let part = parts[index]
            if part == "op", index + 1 < parts.count, operatorName.isEmpty, !metricParts.isEmpty {
                operatorName = parts[index + 1]
                index += 2
            } else if part == "d", index + 1 < parts.count, day == nil, !metricParts.isEmpty,
                      let parsed = Self.day(fromCompact: parts[index + 1]) {
                day = parsed
                index += 2
            } else {
                metricParts.append(part)
                index += 1
            }
        }
        self.init(metric: metricParts.joined(separator: ":"), operatorName: operatorName, day: day)
    }

    package init(metric: String, operatorName: String, day: LocalDay?) {
        self.metric = metric
        self.operatorName = operatorName
        self.day = day
    }

    /// `YYYYMMDD` as a day.
    private static func day(fromCompact text: String) -> LocalDay? {
        let bytes = Array(text.utf8)
        guard bytes.count == 8 else { return nil }
        return LocalDay(iso: "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.suffix(2))")
    }
}
