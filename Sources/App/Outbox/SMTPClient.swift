import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A deliberately small SMTP client (RFC 5321) for a relay on the local network: EHLO, MAIL, RCPT,
/// DATA, QUIT, with UTF-8 subjects and bodies encoded for 7-bit transport. No TLS or auth: the
/// relay (e.g. a local Postfix) is expected to handle those onward.
struct SMTPClient: Sendable {
    let host: String
    let port: Int
    let timeoutSeconds: Int

    init(settings: SMTPSettings, timeoutSeconds: Int = 10) {
        host = settings.host
        port = settings.port
        self.timeoutSeconds = timeoutSeconds
    }

    func send(from: String, to: String, subject: String, body: String) throws {
        let connection = try Connection(host: host, port: port, timeoutSeconds: timeoutSeconds)
        defer { connection.close() }
        try connection.expect(220)
        try connection.command("EHLO teukgu", expect: 250)
        try connection.command("MAIL FROM:<\(try Self.address(from))>", expect: 250)
        try connection.command("RCPT TO:<\(try Self.address(to))>", expect: 250, 251)
        try connection.command("DATA", expect: 354)
        try connection.write(Self.message(from: from, to: to, subject: subject, body: body) + "\r\n.\r\n")
        try connection.expect(250)
        try? connection.command("QUIT", expect: 221)
    }

    /// Refuses addresses that could smuggle SMTP commands.
    static func address(_ text: String) throws -> String {
        guard !text.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "<" || $0 == ">" }), text.contains("@") else {
            throw SMTPError.invalidAddress
        }
        return text
    }

    static func message(from: String, to: String, subject: String, body: String) -> String {
        let encodedSubject = "=?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?="
        let encodedBody = Data(body.utf8).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        return [
            "From: \(from)", "To: \(to)", "Subject: \(encodedSubject)", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64", "", encodedBody,
        ].joined(separator: "\r\n")
    }

    /// One TCP connection with line-oriented reads.
    final class Connection {
        private let descriptor: Int32
        private var pending = Data()

        init(host: String, port: Int, timeoutSeconds: Int) throws {
            var hints = addrinfo()
            hints.ai_family = AF_UNSPEC
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var result: UnsafeMutablePointer<addrinfo>?
            guard getaddrinfo(host, String(port), &hints, &result) == 0, let first = result else {
                throw SMTPError.unreachable
            }
            defer { freeaddrinfo(result) }
            var candidate: UnsafeMutablePointer<addrinfo>? = first
            var connected: Int32 = -1
            while let info = candidate {
                let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
                if fd >= 0 {
                    var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
                    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                    if connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                        connected = fd
                        break
                    }
                    Glibc.close(fd)
                }
                candidate = info.pointee.ai_next
            }
            guard connected >= 0 else { throw SMTPError.unreachable }
            descriptor = connected
        }

        func close() { Glibc.close(descriptor) }

        func write(_ text: String) throws {
            var bytes = Array(text.utf8)
            while !bytes.isEmpty {
                let sent = bytes.withUnsafeBytes {
                    Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                }
                guard sent > 0 else { throw SMTPError.connectionLost }
                bytes.removeFirst(sent)
            }
        }

        func command(_ line: String, expect codes: Int...) throws {
            try write(line + "\r\n")
            try expect(codes)
        }

        func expect(_ codes: Int...) throws { try expect(codes) }

        /// Reads a (possibly multi-line) reply and checks its code.
        func expect(_ codes: [Int]) throws {
            while true {
                let line = try readLine()
                guard line.count >= 3, let code = Int(line.prefix(3)) else { throw SMTPError.protocolViolation(line) }
                let isLast = line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " "
                if isLast {
                    guard codes.contains(code) else { throw SMTPError.rejected(line) }
                    return
                }
            }
        }

        private func readLine() throws -> String {
            while true {
                if let range = pending.range(of: Data("\r\n".utf8)) {
                    let line = pending.subdata(in: pending.startIndex..<range.lowerBound)
                    pending.removeSubrange(pending.startIndex..<range.upperBound)
                    return String(decoding: line, as: UTF8.self)
                }
                var buffer = [UInt8](repeating: 0, count: 1024)
                let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { throw SMTPError.connectionLost }
                pending.append(contentsOf: buffer[0..<count])
                if pending.count > 64 * 1024 { throw SMTPError.protocolViolation("reply too long") }
            }
        }
    }
}

enum SMTPError: Error, Equatable {
    case unreachable
    case connectionLost
    case invalidAddress
    case rejected(String)
    case protocolViolation(String)
}
