#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Names of files and folders that are being written: hidden, beside their final
/// name, and unique to one process on one host, e.g.
/// `.report.xlsx.tmp-4242.build-7.8123456.9f2c01ab` (process 4242 on host `build-7`,
/// started 8123456 clock ticks after boot).
///
/// The owner's process id, host and start time are in the name, so that the next run
/// can tell the leftovers of a process that died (removed by ``LeftoverCleanup``) from
/// the work of a process that is still running, on this machine or another one that
/// shares the folder, even when a new process has the dead one's id (in a container,
/// every run is process 1).
package struct TemporaryName: Sendable, Equatable {
    /// What the temporary name is for.
    package enum Kind: String, Sendable, CaseIterable {
        /// A file being written (``AtomicFileWriter``, the workbook).
        case file = "tmp"
        /// A folder being filled (a snapshot, a report period).
        case folder = "partial"
        /// A finished folder moved aside while its successor is swapped in.
        case replaced = "old"
    }

    /// What it is for.
    package let kind: Kind
    /// The process that made it.
    package let processID: Int32
    /// The host tag of the machine that made it; nil in names of older versions.
    package let host: String?
    /// The owner's start time (``ProcessStartTime``); nil in names of older versions,
    /// or where the system does not tell it.
    package var startTime: UInt64? = nil

    /// A fresh, unique temporary name for `finalName`, owned by this process.
    package static func make(for finalName: String, kind: Kind) -> String {
        let random = String(UInt32.random(in: .min ... .max), radix: 16)
        let start = ProcessStartTime.ofThisProcess.map { ".\($0)" } ?? ""
        return ".\(finalName).\(kind.rawValue)-\(getpid()).\(thisHost)\(start).\(random)"
    }

    /// The owner of `name`, when it is a temporary name (of this or an older version); nil otherwise.
    package static func parse(_ name: String) -> TemporaryName? {
        guard name.hasPrefix(".") else { return nil }
        for kind in Kind.allCases {
            guard let marker = name.range(of: ".\(kind.rawValue)-", options: .backwards),
                  marker.lowerBound > name.startIndex else { continue }
            let parts = name[marker.upperBound...].split(separator: ".", omittingEmptySubsequences: false)
            guard let pid = parts.first.flatMap({ Int32($0) }), pid > 0 else { continue }
            switch parts.count {
            case 1: return TemporaryName(kind: kind, processID: pid, host: nil)
            case 3 where !parts[1].isEmpty && !parts[2].isEmpty: return TemporaryName(kind: kind, processID: pid, host: String(parts[1]))
            case 4 where !parts[1].isEmpty && !parts[3].isEmpty:
                guard let start = UInt64(parts[2]) else { continue }
                return TemporaryName(kind: kind, processID: pid, host: String(parts[1]), startTime: start)
            default: continue
            }
        }
        return nil
    }

    /// The final name that a temporary name stands for, e.g. `2025-11-04` for `.2025-11-04.old-7.h.1f`.
    package static func finalName(of name: String) -> String? {
        guard let owner = parse(name), let marker = name.range(of: ".\(owner.kind.rawValue)-", options: .backwards) else {
            return nil
        }
        return String(name[name.index(after: name.startIndex)..<marker.lowerBound])
    }

    /// True when the owner is known to be gone: it was made on this host (or by an
    /// older version, which did not record the host) and no process has its id, or
    /// the process with its id started at another time than the owner. A process of
    /// another user still counts as alive.
    package var ownerIsGone: Bool {
        guard host == nil || host == Self.thisHost else { return false }
        if kill(processID, 0) != 0 && errno == ESRCH {
            return true
        }
        guard let startTime, let current = ProcessStartTime.of(processID) else { return false }
        return current != startTime
    }

    /// This machine's host tag: its name reduced to `[A-Za-z0-9-]`, at most 16
    /// characters (names stay short enough beside long snapshot file names). A longer
    /// name keeps its first 7 characters and a hash of the whole name, so that hosts
    /// with a common prefix (the pods of one CronJob) get tags of their own.
    package static let thisHost: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "host" }
        return hostTag(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }()

    /// The host tag of the host name `name` (``thisHost``).
    package static func hostTag(_ name: String) -> String {
        let tag = String(name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
            .map(Character.init))
        guard !tag.isEmpty else { return "host" }
        guard tag.count > 16 else { return tag }
        // FNV-1a over the whole name: stable across runs and machines, unlike `hashValue`.
        let hash = name.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
        let hex = String(hash & 0xffff_ffff, radix: 16)
        return String(tag.prefix(7)) + "-" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
