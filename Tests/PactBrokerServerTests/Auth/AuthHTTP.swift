import Foundation
import OutboundHTTP
import PactModel

/// Raw requests through AsyncHTTPClient (`OutboundHTTP`), for the auth tests: URLSession on Linux answers a 401
/// with a `Basic` challenge by waiting for credentials it never gets, so the 401s are read with the client PactKit's
/// own broker client uses.
enum AuthHTTP {
    struct Response: Sendable {
        var status: Int
        var fields: [OutboundHTTP.HTTPField]
        var body: [UInt8]

        func header(_ name: String) -> String? {
            let values = fields.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
            return values.isEmpty ? nil : values.joined(separator: ", ")
        }

        var json: JSONValue? { body.isEmpty ? nil : try? JSONParser.parse(Data(body)) }
    }

    static func send(_ method: String, _ base: URL, _ path: String, headers: [String: String] = [:], body: Data? = nil) async throws -> Response {
        let client = try OutboundHTTPClient()
        let request = OutboundRequest(method: method, url: URL(string: base.absoluteString + path)!,
                                      headers: headers.sorted { $0.key < $1.key }.map { OutboundHTTP.HTTPField(name: $0.key, value: $0.value) },
                                      body: body.map { Array($0) })
        let result: Result<OutboundResponse, any Error>
        do {
            result = .success(try await client.send(request))
        } catch {
            result = .failure(error)
        }
        await client.shutdown()
        let response = try result.get()
        return Response(status: response.status, fields: response.headers, body: response.body)
    }
}
