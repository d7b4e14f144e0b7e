import Foundation

/// When a process started, in clock ticks after boot, as Linux's `/proc/PID/stat`
/// gives it (field 22). A process id may be reused; the pair of id and start time
/// names one process. Nil where there is no `/proc` (macOS) or no such process.
package enum ProcessStartTime {
    /// This process's start time.
    package static let ofThisProcess: UInt64? = of(getpid())

    /// The start time of process `processID`, if it is running and the system tells.
    package static func of(_ processID: Int32) -> UInt64? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(processID)/stat") else { return nil }
        return parse(stat: String(decoding: data, as: UTF8.self))
    }

    /// Field 22 of a `/proc/PID/stat` line. Field 2, the command name in parentheses,
    /// may hold spaces and parentheses itself, so fields are counted after its last `)`.
    package static func parse(stat line: String) -> UInt64? {
        guard let close = line.lastIndex(of: ")") else { return nil }
        let fields = line[line.index(after: close)...].split(separator: " ")
        // The fields after `)` start at field 3.
        guard fields.count > 19 else { return nil }
        return UInt64(fields[19])
    }
}
