import Foundation
import SMSConfig
import SMSCore
import SMSStore
import SnapshotFormat

extension StoredRun {
    /// The runs row of a `report` or `billing` that kept history (`--store`): its
    /// period, outcome and files, with paths relative to `outputFolder`.
    package init(command: String, account: String, periodFrom: LocalDay?, periodTo: LocalDay?, startedAt: Instant,
                 exitCode: Int32, isComplete: Bool, deliveries: Int, files: [String], outputFolder: String,
                 snapshot: String?, alerts: Int = 0) {
        let period = periodFrom.flatMap { from in periodTo.flatMap { to in RunPeriod(first: from, last: to) } }
        self.init(account: account, command: command, period: period?.folderName ?? "", periodFrom: periodFrom,
                  periodTo: periodTo, startedAt: startedAt, finishedAt: .now, exitCode: Int(exitCode),
                  isComplete: isComplete, deliveries: deliveries,
                  files: files.map { Self.relative($0, to: outputFolder) }, emailed: false, alerts: alerts,
                  snapshot: snapshot)
    }

    /// `path` relative to `folder` when it lies inside it, else as given.
    private static func relative(_ path: String, to folder: String) -> String {
        let base = URL(fileURLWithPath: folder).standardizedFileURL.path + "/"
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        return full.hasPrefix(base) ? String(full.dropFirst(base.count)) : path
    }
}

extension StoredRun {
    /// The runs row of one account of a nightly `run`: what its `run.json` says.
    package init(_ record: AccountRunRecord, period: RunPeriod) {
        let started = TimestampParser.parse(record.startedAt) ?? .now
        let finished = TimestampParser.parse(record.finishedAt) ?? .now
        self.init(account: record.account, command: "run", period: period.folderName, periodFrom: period.first,
                  periodTo: period.last, startedAt: started, finishedAt: finished,
                  exitCode: Int(record.exitStatus.rawValue), isComplete: record.complete ?? false,
                  deliveries: record.deliveries ?? 0, files: record.files,
                  emailed: record.email?.status == .sent, alerts: record.alerts.count, snapshot: record.snapshot)
    }
}
