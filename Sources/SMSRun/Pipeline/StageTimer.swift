import Foundation
import SMSCore
import SMSSupport
import Synchronization

/// Prints how long each stage took to standard error, for `--verbose`, and passes
/// every update on to another sink (the terminal's progress line, or nothing).
package final class StageTimer: ProgressSink {
    private let next: any ProgressSink
    private let started = Mutex<[String: ContinuousClock.Instant]>([:])
    private let origin = ContinuousClock.now

    package init(passingTo next: any ProgressSink) {
        self.next = next
    }

    package func update(stage: String, done: Int, total: Int, unit: String) {
        started.withLock { started in
            if started[stage] == nil {
                started[stage] = ContinuousClock.now
            }
        }
        next.update(stage: stage, done: done, total: total, unit: unit)
    }

    package func finish(stage: String) {
        next.finish(stage: stage)
        let now = ContinuousClock.now
        let start = started.withLock { $0.removeValue(forKey: stage) } ?? now
        let line = String(format: "%@: %.2f s (at %.2f s)\n", stage,
                          (now - start).inSeconds, (now - origin).inSeconds)
        FileHandle.standardError.write(Data(line.utf8))
    }
}
