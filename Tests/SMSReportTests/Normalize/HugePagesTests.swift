@testable import SMSIngest
import Testing

/// Large tables are advised to use 2 MB pages before they are filled (issue 16); the
/// advice may change where the memory comes from, never what it holds.
@Suite struct HugePagesTests {
    @Test(arguments: [0, 1, 1000, 3 << 20])
    func anAdvisedTableHoldsEveryValue(count: Int) {
        let table = HugePages.array(repeating: Int32(-1), count: count)
        #expect(table.count == count)
        #expect(table.allSatisfy { $0 == -1 })
    }

    @Test func aReservedArrayKeepsWhatItHoldsAndWhatIsAddedAfter() {
        var values = [7, 8]
        values.reserveCapacity(2 << 20)
        HugePages.advise(capacityOf: &values)
        values.append(contentsOf: 0..<(2 << 20))
        #expect(values.count == (2 << 20) + 2)
        #expect(values.prefix(3) == [7, 8, 0])
        #expect(values.last == (2 << 20) - 1)
    }
}
