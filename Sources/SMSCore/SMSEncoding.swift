/// How an SMS is encoded on the air (contract §7).
package enum SMSEncoding: String, Sendable {
    /// The GSM 03.38 7-bit default alphabet with its extension table.
    case gsm7 = "GSM-7"
    /// UTF-16 code units, for any text outside GSM-7.
    case ucs2 = "UCS-2"
}
