import Foundation
import Synchronization

/// A task executor with one thread of its own, on which the workbook is written.
///
/// libxlsxwriter allocates and frees a few small blocks for every cell. On a thread
/// of the shared pool those requests go to a malloc arena left fragmented by reading
/// the snapshot, where they cost several times more than in a fresh one; a thread
/// created for the workbook starts with an arena of its own. The cells are still
/// prepared on the shared pool.
package final class XLSXWriterThread: TaskExecutor {
    private struct Queue {
        var jobs: [UnownedJob] = []
        var isShutDown = false
    }

    private let queue = Mutex(Queue())
    private let wakeUp = DispatchSemaphore(value: 0)

    /// Starts the thread.
    package init() {
        let thread = Thread { [self] in
            runJobs()
        }
        thread.name = "sms-report xlsx"
        thread.start()
    }

    package func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.withLock { $0.jobs.append(job) }
        wakeUp.signal()
    }

    /// Lets the thread end once it has run every job enqueued so far.
    package func shutDown() {
        queue.withLock { $0.isShutDown = true }
        wakeUp.signal()
    }

    private func runJobs() {
        while true {
            wakeUp.wait()
            let next: UnownedJob?? = queue.withLock { queue in
                if !queue.jobs.isEmpty {
                    return .some(queue.jobs.removeFirst())
                }
                return queue.isShutDown ? .none : .some(nil)
            }
            switch next {
            case .none:
                return
            case .some(.none):
                continue
            case .some(.some(let job)):
                job.runSynchronously(on: asUnownedTaskExecutor())
            }
        }
    }
}
