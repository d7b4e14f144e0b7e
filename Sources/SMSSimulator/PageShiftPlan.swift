/// When new messages arrive while a client reads the pages (`--shift-pages K`,
/// `--shift-size M`): after every K-th authorised page request, M messages arrive at
/// the top of the list, pushing every row down by M, and `count` grows by M.
package struct PageShiftPlan: Sendable, Hashable {
    /// Page requests between arrivals; 0 for a world that never changes.
    package let everyPages: Int
    /// Messages that arrive each time.
    package let size: Int

    /// Pages that never shift.
    package static let none = PageShiftPlan(checkedEveryPages: 0, size: 3)

    /// A plan; `everyPages` 0 (off) or more, `size` 1 or more.
    package init(everyPages: Int, size: Int = 3) throws(SimulatorOptionError) {
        guard everyPages >= 0 else {
            throw SimulatorOptionError("--shift-pages must be 0 (off) or more, not \(everyPages)")
        }
        guard size >= 1 else {
            throw SimulatorOptionError("--shift-size must be 1 or more, not \(size)")
        }
        self.init(checkedEveryPages: everyPages, size: size)
    }

    private init(checkedEveryPages everyPages: Int, size: Int) {
        self.everyPages = everyPages
        self.size = size
    }

    /// True when messages arrive after the `pageRequest`-th page request (from 1).
    func isDue(afterPageRequest pageRequest: Int) -> Bool {
        everyPages > 0 && pageRequest % everyPages == 0
    }
}
