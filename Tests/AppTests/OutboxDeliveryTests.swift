import Fluent
import Foundation
import Glibc
import Testing
import Vapor

@testable import App

/// A one-connection SMTP server on loopback that records what it was sent.
final class FakeSMTPServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var received: [String] = []

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        listen(fd, 4)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// Accepts one connection on a background thread.
    func start() {
        Thread.detachNewThread { [self] in serveOne() }
    }

    var transcript: String {
        lock.lock()
        defer { lock.unlock() }
        return received.joined(separator: "\n")
    }

    private func serveOne() {
        let client = accept(listener, nil, nil)
        guard client >= 0 else { return }
        defer {
            close(client)
            close(listener)
        }
        func say(_ line: String) { _ = line.withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) } }
        say("220 fake ESMTP\r\n")
        var buffer = Data()
        var inData = false
        while true {
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = recv(client, &chunk, chunk.count, 0)
            if count <= 0 { return }
            buffer.append(contentsOf: chunk[0..<count])
            while let range = buffer.range(of: Data("\r\n".utf8)) {
                let line = String(decoding: buffer[buffer.startIndex..<range.lowerBound], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex..<range.upperBound)
                lock.lock()
                received.append(line)
                lock.unlock()
                if inData {
                    if line == "." {
                        inData = false
                        say("250 queued\r\n")
                    }
                    continue
                }
                switch line.prefix(4).uppercased() {
                case "EHLO": say("250-fake\r\n250 8BITMIME\r\n")
                case "MAIL", "RCPT": say("250 ok\r\n")
                case "DATA":
                    inData = true
                    say("354 go ahead\r\n")
                case "QUIT":
                    say("221 bye\r\n")
                    return
                default: say("500 what\r\n")
                }
            }
        }
    }
}

@Suite struct OutboxDeliveryTests {
    @Test func withSMTPConfiguredMessagesAreSentOnceAndMarked() async throws {
        try await withTeukgu { app in
            let server = try FakeSMTPServer()
            server.start()
            app.settings.smtp = SMTPSettings(host: "127.0.0.1", port: server.port, from: "no-reply@teukgu.example")
            // Keep one message so the fake server's single connection is enough.
            let keep = try #require(
                try await OutboxMessageRecord.query(on: app.db).filter(\.$recipientEmail == "busan@teukgu.demo").first()
            )
            try await OutboxMessageRecord.query(on: app.db).filter(\.$id != keep.id!).delete()
            let sent = try await OutboxDelivery.deliverPending(app: app)
            #expect(sent == 1)
            let reloaded = try #require(try await OutboxMessageRecord.find(keep.id, on: app.db))
            #expect(reloaded.sentAt != nil && reloaded.deliveryError == nil)
            #expect(server.transcript.contains("RCPT TO:<busan@teukgu.demo>"))
            #expect(server.transcript.contains("Subject: =?UTF-8?B?"))
            #expect(try await OutboxDelivery.deliverPending(app: app) == 0)
        }
    }

    @Test func withoutSMTPMessagesStayInTheOutboxForTheirPage() async throws {
        try await withTeukgu { app in
            #expect(app.settings.smtp == nil)
            #expect(try await OutboxDelivery.deliverPending(app: app) == 0)
            var browser = BrowserSession(app: app)
            _ = try await browser.signIn("evaluator@teukgu.demo")
            let page = try await browser.get(Endpoints.messagesPage.link())
            #expect(page.body.string.contains("특구에 오신 것을 환영합니다"))
            let token = try await app.bearerToken(for: "evaluator@teukgu.demo")
            let list = try await app.testing().sendRequest(.GET, Endpoints.apiMessages.link(), headers: .bearer(token))
                .content.decode(ListDTO<MessageDTO>.self)
            #expect(list.total == 1)
        }
    }

    @Test func addressesThatCouldInjectCommandsAreRefused() {
        #expect(throws: SMTPError.invalidAddress) { try SMTPClient.address("a@b.example>\r\nRCPT TO:<x@y") }
    }
}
