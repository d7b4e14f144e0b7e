import SMSCore

/// The name of a `run` snapshot folder: its fetch time in UTC, `YYYYMMDDTHHMMSSZ`
/// (e.g. `20251105T011502Z`). It is safe in any file system, and names sort in time order.
package enum SnapshotFolderName {
    /// The folder name of a fetch that started at `instant` (to the second, in UTC).
    package static func name(for instant: Instant) -> String {
        let seconds = CivilCalendar.floorDivide(instant.microseconds, 1_000_000)
        let days = CivilCalendar.floorDivide(seconds, 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = CivilCalendar.civilFromDays(Int(days))
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        ASCIIDigits.append(year, width: 4, to: &bytes)
        ASCIIDigits.append(month, width: 2, to: &bytes)
        ASCIIDigits.append(day, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        ASCIIDigits.append(secondOfDay / 3600, width: 2, to: &bytes)
        ASCIIDigits.append(secondOfDay / 60 % 60, width: 2, to: &bytes)
        ASCIIDigits.append(secondOfDay % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The fetch time a folder name stands for; nil for any other name (such as a hidden
    /// `.NAME.partial-PID` folder of a fetch in progress), which pruning leaves alone.
    package static func instant(of name: String) -> Instant? {
        let bytes = Array(name.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z"),
              let year = ASCIIDigits.value(bytes[0..<4]), let month = ASCIIDigits.value(bytes[4..<6]),
              let day = ASCIIDigits.value(bytes[6..<8]), let hour = ASCIIDigits.value(bytes[9..<11]),
              let minute = ASCIIDigits.value(bytes[11..<13]), let second = ASCIIDigits.value(bytes[13..<15]),
              CivilCalendar.isValid(year: year, month: month, day: day), hour < 24, minute < 60, second < 60 else {
            return nil
        }
        let days = Int64(CivilCalendar.daysFromCivil(year: year, month: month, day: day))
        return Instant(unixSeconds: days * 86_400 + Int64(hour * 3600 + minute * 60 + second))
    }
}
