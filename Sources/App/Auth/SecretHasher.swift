import TeukguCore
import Vapor

/// Keyed hashes for secrets we must recognise but never store: API tokens and invitation links.
enum SecretHasher {
    static func hash(_ secret: String, key: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(secret.utf8), using: SymmetricKey(data: Data(key.utf8)))
        return SHA256Digest.lowercaseHex(mac)
    }

    /// A new random secret: a short prefix that names its kind, then 32 random bytes in base64url.
    static func newSecret(prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let encoded = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return prefix + encoded
    }

    /// Compares without stopping at the first difference, so timing reveals nothing.
    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
