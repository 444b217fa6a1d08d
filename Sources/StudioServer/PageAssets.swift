import Foundation
import HTTPTypes
import Hummingbird

/// The page's files, embedded in the binary at build time: nothing is
/// read from disk or fetched from the internet.
enum PageAssets {
    static let files: [String: (bytes: [UInt8], type: String)] = [
        "index.html": (PackageResources.index_html, "text/html; charset=utf-8"),
        "studio.js": (PackageResources.studio_js, "text/javascript; charset=utf-8"),
        "editors.js": (PackageResources.editors_js, "text/javascript; charset=utf-8"),
        "api.js": (PackageResources.api_js, "text/javascript; charset=utf-8"),
        "replay.js": (PackageResources.replay_js, "text/javascript; charset=utf-8"),
        "floor.js": (PackageResources.floor_js, "text/javascript; charset=utf-8"),
        "shifts.js": (PackageResources.shifts_js, "text/javascript; charset=utf-8"),
        "studio.css": (PackageResources.studio_css, "text/css; charset=utf-8"),
    ]

    static func response(name: String) -> Response {
        guard let file = files[name] else {
            return StudioResponse.refusal(.init(.notFound, "asset", found: "'\(name.prefix(80))'", allowed: files.keys.sorted().joined(separator: ", ")))
        }
        var headers: HTTPFields = [.contentType: file.type, .cacheControl: "no-cache"]
        // The page runs only its own modules; SVG from the server carries inline styles.
        if let policy = HTTPField.Name("Content-Security-Policy") {
            headers[policy] = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}
