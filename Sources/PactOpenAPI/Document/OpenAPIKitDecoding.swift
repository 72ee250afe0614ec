import Foundation
import OpenAPIKit

/// The decoder the OpenAPIKit checks use. Vendor extensions are not decoded: OpenAPIKit would decode every object's
/// whole subtree once more to find its `x-` keys (three quarters of reading a 200-path document), and the comparator
/// does not use them. Keys OpenAPIKit does not know are then ignored rather than refused, as other OpenAPI tools do.
enum OpenAPIKitDecoding {
    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        // OpenAPIKit and OpenAPIKit30 read the same key ("vendor-extensions-enabled").
        decoder.userInfo[VendorExtensionsConfiguration.enabledKey] = false
        return decoder
    }
}
