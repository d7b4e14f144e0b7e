extension [UInt8] {
    /// Appends one row of `/api/sms-report/` or `/api/sms-report/{batch_id}/`:
    /// `{"message":…,"recipients":[…],"sent_at":…,"delivered_at":…,"status":…}`.
    mutating func appendReportRow(_ message: WorldMessage, status: RowStatus) {
        appendASCII("{\"message\":")
        appendJSONString(message.text)
        appendASCII(",\"recipients\":[")
        for (index, recipient) in message.recipients.enumerated() {
            if index > 0 {
                append(UInt8(ascii: ","))
            }
            appendASCII("{\"client_name\":")
            appendJSONStringOrNull(recipient.clientName)
            appendASCII(",\"client_phone\":")
            switch recipient.phone {
            case .number(let number):
                appendDecimal(number)
            case .text(let text):
                appendJSONString(text)
            }
            append(UInt8(ascii: "}"))
        }
        appendASCII("],\"sent_at\":")
        appendJSONTimestamp(message.sentAt)
        appendASCII(",\"delivered_at\":")
        appendJSONTimestamp(status.deliveredAt)
        appendASCII(",\"status\":")
        appendJSONString(status.raw)
        append(UInt8(ascii: "}"))
    }

    /// Appends a timestamp as a JSON string, or `null`.
    mutating func appendJSONTimestamp(_ timestamp: APITimestamp?) {
        guard let timestamp else {
            appendASCII("null")
            return
        }
        append(UInt8(ascii: "\""))
        appendISO8601(timestamp)
        append(UInt8(ascii: "\""))
    }
}
