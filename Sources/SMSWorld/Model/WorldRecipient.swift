/// A phone number as the API writes it in `client_phone`.
package enum PhoneAsSent: Sendable, Hashable {
    /// A JSON number, such as `9841234567`.
    case number(Int64)
    /// A JSON string, such as `"+977-984-1234567"`.
    case text(String)

    /// The value as a report must show it when it is invalid: the digits of a number,
    /// or the string exactly as received.
    package var asReceived: String {
        switch self {
        case .number(let value): String(value)
        case .text(let value): value
        }
    }
}

/// One recipient of a message: what the API row says, and what the world meant.
package struct WorldRecipient: Sendable, Hashable {
    /// `client_name`, or nil for JSON `null`.
    package var clientName: String?
    /// `client_phone` as the API writes it.
    package var phone: PhoneAsSent
    /// The 10-digit number the world meant, or nil when the phone is invalid.
    package var intendedNumber: String?
    /// The operator of ``intendedNumber``, or ``MobileOperator/invalid``.
    package var mobileOperator: MobileOperator

    /// A recipient with every field given.
    package init(clientName: String?, phone: PhoneAsSent, intendedNumber: String?, mobileOperator: MobileOperator) {
        self.clientName = clientName
        self.phone = phone
        self.intendedNumber = intendedNumber
        self.mobileOperator = mobileOperator
    }

    /// The phone a report shows: the normalised number, or the phone as received when invalid.
    package var reportedPhone: String {
        intendedNumber ?? phone.asReceived
    }
}
