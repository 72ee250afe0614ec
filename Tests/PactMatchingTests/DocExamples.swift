// docs/architecture.md's snippet, compiled; never called (it reads pacts/ and writes out.json in the working
// directory). A reader runs it as a main.swift at the top level; here its statements are a function's body, written
// at the left margin so that the lines match.
// doc-snippet: docs/architecture.md
import Foundation
import PactMatching
import PactModel

func readingWritingAndMatchingPactsExample() throws {  // repo only
let pact = try PactReader.read(contentsOf: URL(fileURLWithPath: "pacts/sirius-data-lpa-codes.json"))
let interaction = pact.httpInteractions[0]

let actual = PactRequest(method: "POST", path: "/v1/validate",
                         headers: ["Content-Type": ["application/json"]],
                         body: .json(["code": "YSR5GNXKXAU3", "lpa": "700000000047", "dob": "1960-06-05"],
                                     contentType: .json))
for mismatch in RequestMatching.match(expected: interaction.request, actual: actual, version: pact.specVersion) {
    print(mismatch)   // kind, JSON path or name, and a sentence; mismatch.expected / .actual hold the values
}

try PactWriter.write(pact, version: .v4, to: URL(fileURLWithPath: "out.json"))   // sorted keys, stable bytes
}  // repo only
// doc-snippet-end
