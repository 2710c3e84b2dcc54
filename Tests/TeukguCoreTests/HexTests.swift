import Testing
import TeukguCore

@Suite struct HexTests {
    @Test func digestsAndBytesAreWrittenAsLowercaseHex() {
        #expect(
            SHA256Digest.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Digest.lowercaseHex([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        #expect(SHA256Digest.lowercaseHex([UInt8]()) == "")
    }
}
