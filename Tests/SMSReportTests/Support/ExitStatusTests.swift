import SMSSupport
import Testing

/// Contract §1: the exit codes, and a run's code as the worst of its accounts', in
/// the order 0 < 7 < 3 < 4 < 5 < 2 < 1.
/// Swift Testing has an `ExitStatus` of its own.
private typealias Status = SMSSupport.ExitStatus

@Suite struct ExitStatusTests {
    @Test func theCodesAreTheContracts() {
        #expect(Status.allCases.map(\.rawValue) == [0, 1, 2, 3, 4, 5, 6, 7])
    }

    @Test func theWorstStatusWinsInTheContractsOrder() {
        #expect(Status.worst(of: []) == .success)
        #expect(Status.worst(of: [.success, .success]) == .success)
        #expect(Status.worst(of: [.success, .incompleteData]) == .incompleteData)
        #expect(Status.worst(of: [.deliveryFailed, .incompleteData, .success]) == .deliveryFailed)
        #expect(Status.worst(of: [.authenticationRefused, .deliveryFailed]) == .authenticationRefused)
        #expect(Status.worst(of: [.authenticationRefused, .unexpectedError, .incompleteData]) == .unexpectedError)
    }

    @Test func anAlertRanksJustAboveSuccess() {
        #expect(Status.worst(of: [.alertRaised, .success]) == .alertRaised)
        #expect(Status.worst(of: [.alertRaised, .incompleteData]) == .incompleteData)
    }

    @Test func aUsageErrorRanksAboveAuthenticationButBelowUnexpected() {
        #expect(Status.worst(of: [.usageError, .authenticationRefused]) == .usageError)
        #expect(Status.worst(of: [.usageError, .unexpectedError]) == .unexpectedError)
    }

    @Test func theOrderIsTheContractsList() {
        let order: [Status] = [.success, .alertRaised, .incompleteData, .deliveryFailed, .authenticationRefused, .usageError, .unexpectedError]
        #expect(order.map(\.severity) == order.map(\.severity).sorted())
        #expect(Set(order.map(\.severity)).count == order.count)
    }
}
