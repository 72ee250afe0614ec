import PactConsumer

/// The examples of `PactValue`'s and `PactValueConvertible`'s doc comments, compiled.
func pactValueDocCommentExample() -> [String: PactValue] {
    // doc-snippet: Sources/PactConsumer/Matchers/PactValue.swift
    let body: [String: PactValue] =  // repo only
    ["id": .integer(42), "name": "Ada", "tags": .eachLike("admin", min: 1), "born": .date("yyyy-MM-dd", example: "1815-12-10")]
    // doc-snippet-end
    return body
}

func pactValueConvertibleDocCommentExample(pact: PactBuilder, tags: [String]) {
    // doc-snippet: Sources/PactConsumer/Matchers/PactValueConvertible.swift
    let code = "YSR5GNXKXAU3"
    pact.uponReceiving("a code").given("the code exists", ["code": code, "uses": 2])
        .withRequest(.get, .fromProviderState("/codes/${code}", example: "/codes/\(code)"))
        .willRespondWith(body: ["code": .equal(code), "tags": .eachLike(tags)])
    // doc-snippet-end
}
