import PactModel

/// What every interaction builder declares besides its request and response or its message contents: provider
/// states, V4 key, pending, comments and the test name. `PactInteractionBuilder` and the message builders have it.
public protocol InteractionDeclaring: Sendable {
    /// The interaction this builder declares; made by PactKit's builders.
    var declaration: InteractionDeclaration { get }
}

/// One interaction of a pact builder, as an interaction builder edits it. Only PactKit's builders make it.
public struct InteractionDeclaration: Sendable {
    let specVersion: PactSpecVersion
    /// Whether the pact is V1/V1.1/V2 and the builder's kind exists there (HTTP), so its provider states are checked
    /// against what those versions hold; a message builder of such a version already fails as a whole.
    var checksOlderVersion: Bool { specVersion < .v3 && oldestSpecVersion <= specVersion }
    let oldestSpecVersion: PactSpecVersion
    let update: @Sendable (_ change: (inout DeclaredInfo) -> Void) -> Void
}

extension BuilderCore {
    /// The declaration `id`, for its interaction builder.
    func declaration(_ id: Int) -> InteractionDeclaration {
        InteractionDeclaration(specVersion: specVersion, oldestSpecVersion: Item.oldestSpecVersion) { change in
            self.update(id) { change(&$0.info) }
        }
    }
}

extension InteractionDeclaring {
    /// Adds a provider state the interaction needs, with optional parameters given as plain Swift values
    /// (`["code": code, "uses": 2]`) or `JSONValue`s. Call once per state. V1, V1.1 and V2 pacts hold one state
    /// without parameters; more is a usage error at this line.
    @discardableResult
    public func given(
        _ state: String, _ params: [String: any PactValueConvertible] = [:],
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> Self {
        let json = params.mapValues(\.pactValue.example)
        let declaration = self.declaration
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        declaration.update { info in
            info.states.append(ProviderState(name: state, params: json))
            guard declaration.checksOlderVersion else { return }
            if let error = OlderSpecVersions.providerStateError(info, version: declaration.specVersion, at: location) {
                info.errors.append(error)
            }
        }
        return self
    }

    /// Marks the interaction pending (V4): the provider's verification reports its failures without failing.
    @discardableResult
    public func pending(
        _ isPending: Bool = true,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> Self {
        requireV4("pending", at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
        declaration.update { $0.pending = isPending }
        return self
    }

    /// Gives the interaction an explicit V4 `key`, which identifies it in the pact: when a pact file is merged, this
    /// interaction replaces the one with the same key (or the same description and provider states), so renaming the
    /// description keeps one interaction. Without it the key is computed from the interaction's contents. Two
    /// interactions of one run with the same key are a usage error.
    @discardableResult
    public func key(
        _ key: String,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> Self {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        requireV4("key", at: location)
        declaration.update { info in
            if key.trimmingCharacters(in: .whitespaces).isEmpty {
                info.errors.append(PactUsageError(location: location, interaction: info.description,
                                                  reason: "the interaction key must not be empty"))
            }
            info.key = key
        }
        return self
    }

    /// Adds a free-text comment (V4 `comments.text`).
    @discardableResult
    public func comment(
        _ text: String,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> Self {
        requireV4("comment", at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
        declaration.update { $0.comments = DeclarationChecks.appendingComment(text, to: $0.comments) }
        return self
    }

    /// Sets the test name recorded with the interaction (V4 `comments.testname`); it defaults to the running test.
    /// `nil` records none, so the comments hold only what `comment(_:)` adds (`{"text": […]}`), or are left out.
    @discardableResult
    public func testName(_ name: String?) -> Self {
        let declaration = self.declaration
        if declaration.specVersion >= .v4 { declaration.update { $0.comments["testname"] = name.map(JSONValue.string) } }
        return self
    }

    private func requireV4(_ feature: String, at location: PactSourceLocation) {
        let version = declaration.specVersion
        declaration.update { info in
            let error = DeclarationChecks.requireV4(feature, version: version, interaction: info.description, at: location)
            if let error { info.errors.append(error) }
        }
    }
}
