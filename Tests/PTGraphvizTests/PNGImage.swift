import Foundation

/// Just enough PNG decoding to trust an image: the signature, every chunk's CRC, IHDR first
/// and IEND last, and the size from IHDR.
struct PNGImage {
    struct DecodeError: Error, CustomStringConvertible {
        let description: String
    }

    let width: UInt32
    let height: UInt32

    private static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    init(_ data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.starts(with: Self.signature) else { throw DecodeError(description: "no PNG signature") }
        var offset = Self.signature.count
        var chunkTypes: [String] = []
        var size: (width: UInt32, height: UInt32)?
        while offset + 12 <= bytes.count {
            let length = Int(Self.bigEndian(bytes, at: offset))
            let typeAndData = offset + 4..<offset + 8 + length
            guard typeAndData.upperBound + 4 <= bytes.count else {
                throw DecodeError(description: "chunk runs past the end")
            }
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            guard Self.crc32(bytes[typeAndData]) == Self.bigEndian(bytes, at: typeAndData.upperBound) else {
                throw DecodeError(description: "bad CRC in \(type)")
            }
            if type == "IHDR" {
                size = (Self.bigEndian(bytes, at: offset + 8), Self.bigEndian(bytes, at: offset + 12))
            }
            chunkTypes.append(type)
            offset = typeAndData.upperBound + 4
        }
        guard chunkTypes.first == "IHDR", chunkTypes.last == "IEND", chunkTypes.contains("IDAT"),
              offset == bytes.count, let size
        else { throw DecodeError(description: "unexpected chunk layout \(chunkTypes)") }
        width = size.width
        height = size.height
    }

    private static func bigEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
