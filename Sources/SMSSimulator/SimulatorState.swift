import Synchronization

/// What one authorised API request is to be answered from.
struct Admission: Sendable {
    /// The world as it stood when the request came.
    let world: ShiftingWorld
    /// The fault to inject, or nil to answer normally.
    let fault: InjectedFault?
}

/// The simulator's mutable state, shared by every connection: the world (which grows
/// when pages shift), the request counters and the fault schedule, behind one lock.
final class SimulatorState: Sendable {
    private struct Ledger {
        var world: ShiftingWorld
        var stats = RequestStats()
        /// Authorised API requests so far: the last one's sequence number.
        var sequence = 0
        /// Authorised page requests so far.
        var pageRequests = 0
    }

    private let ledger: Mutex<Ledger>
    private let faults: FaultPlan
    private let shift: PageShiftPlan
    private let arrivals: ArrivalFactory

    /// State serving `world`, with `faults` and `shift`; arrivals are seeded by `seed`.
    init(world: ShiftingWorld, faults: FaultPlan, shift: PageShiftPlan, seed: UInt64) {
        ledger = Mutex(Ledger(world: world))
        self.faults = faults
        self.shift = shift
        arrivals = ArrivalFactory(seed: seed)
    }

    /// The world as it stands.
    var world: ShiftingWorld {
        ledger.withLock { $0.world }
    }

    /// The counters as they stand.
    var stats: RequestStats {
        ledger.withLock { $0.stats }
    }

    /// Zeroes the counters and restarts the fault schedule and the page count that
    /// shifts count; the world keeps its arrivals.
    func resetStats() {
        ledger.withLock { ledger in
            ledger.stats = RequestStats()
            ledger.sequence = 0
            ledger.pageRequests = 0
        }
    }

    /// Counts an API request refused for its token.
    func recordUnauthorized() {
        ledger.withLock { ledger in
            ledger.stats.requests += 1
            ledger.stats.unauthorized += 1
        }
    }

    /// Counts an authorised API request of `kind` (for page `page`, when a page) whose
    /// target is `target`, decides its fault, and lets messages arrive when a page
    /// request makes a shift due. The request is answered from the world as it stood
    /// before those arrivals.
    func admit(_ kind: RequestKind, page: Int?, target: String) -> Admission {
        ledger.withLock { ledger in
            ledger.stats.requests += 1
            ledger.stats.byKind[kind, default: 0] += 1
            ledger.sequence += 1
            let fault = faults.fault(forRequest: ledger.sequence, target: target)
            if let fault {
                ledger.stats.count(fault)
            }
            if kind == .batchReports {
                ledger.stats.batchReportTargets.append(target)
            }
            let admission = Admission(world: ledger.world, fault: fault)
            if kind == .pages {
                if let page {
                    ledger.stats.pages.append(page)
                }
                ledger.pageRequests += 1
                if shift.isDue(afterPageRequest: ledger.pageRequests) {
                    ledger.world.receive(shift.size, from: arrivals)
                    ledger.stats.arrived += shift.size
                }
            }
            return admission
        }
    }
}
