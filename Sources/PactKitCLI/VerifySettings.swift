import ArgumentParser
import Foundation
import PactVerifier

/// What `pactkit verify` was asked to do, checked: every usage mistake is a `ValidationError` (exit code 64).
struct VerifySettings {
    var sources: [PactSource]
    var configuration: VerifierConfiguration
}

extension VerifyCommand {
    func settings(environment: [String: String]) throws -> VerifySettings {
        VerifySettings(sources: try sources(environment: environment), configuration: try configuration(environment: environment))
    }

    /// Whether the pacts come from a broker: with --broker-url, or with --provider and PACT_BROKER_BASE_URL when no
    /// --file/--dir/--url is given (then --provider only names the provider the pacts are for).
    func fromBroker(environment: [String: String]) -> Bool {
        broker.brokerURL != nil || (files.isEmpty && directories.isEmpty && urls.isEmpty && broker.isRequested(environment: environment))
    }

    private func sources(environment: [String: String]) throws -> [PactSource] {
        if fromBroker(environment: environment) {
            if !(files.isEmpty && directories.isEmpty && urls.isEmpty) {
                throw ValidationError("give either --broker-url or --file/--dir/--url, not both")
            }
            _ = try broker.request(environment: environment)
            return []
        }
        if files.isEmpty, directories.isEmpty, urls.isEmpty {
            throw ValidationError("give at least one pact source: --file, --dir, --url or --broker-url")
        }
        let authentication = try authentication()
        if authentication != nil, urls.isEmpty {
            throw ValidationError("--user/--password and --token apply to --url sources only")
        }
        var sources: [PactSource] = files.map { .file(URL(fileURLWithPath: $0)) }
        sources += directories.map { .directory(URL(fileURLWithPath: $0)) }
        for text in urls {
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
                  url.host != nil
            else { throw ValidationError("--url '\(text)' is not an http or https URL") }
            sources.append(.url(url, authentication: authentication))
        }
        return sources
    }

    private func authentication() throws -> PactSourceAuthentication? {
        switch (user, password, token) {
        case (nil, nil, nil): return nil
        case (nil, nil, let token?): return .bearer(token: token)
        case (let user?, let password?, nil): return .basic(username: user, password: password)
        case (_, _, _?): throw ValidationError("use either --user/--password or --token, not both")
        default: throw ValidationError("basic authentication needs both --user and --password")
        }
    }

    private func configuration(environment: [String: String]) throws -> VerifierConfiguration {
        guard requestTimeout > 0 else { throw ValidationError("--request-timeout must be a positive number of milliseconds") }
        var configuration = VerifierConfiguration(providerBaseURL: try baseURL(), basePath: basePath,
                                                  requestTimeout: .milliseconds(requestTimeout))
        if let stateChangeURL {
            guard let url = URL(string: stateChangeURL) else {
                throw ValidationError("--state-change-url '\(stateChangeURL)' is not a URL")
            }
            configuration.stateChangeURL = url
        } else if stateChangeTeardown {
            throw ValidationError("--state-change-teardown needs --state-change-url")
        }
        configuration.stateChangeTeardown = stateChangeTeardown
        configuration.customHeaders = try headers.map(Self.header)
        configuration.filter = try filter(environment: environment)
        configuration.providerName = try providerName(environment: environment)
        configuration.messages.endpointPath = messagePath
        configuration.recordsExchanges = verbose
        try applyTransportLimits(to: &configuration)
        return configuration
    }

    private func applyTransportLimits(to configuration: inout VerifierConfiguration) throws {
        guard maxResponseBytes > 0 else { throw ValidationError("--max-response-bytes must be a positive number of bytes") }
        guard maxPactBytes > 0 else { throw ValidationError("--max-pact-bytes must be a positive number of bytes") }
        configuration.maxResponseBytes = maxResponseBytes
        configuration.maxPactBytes = maxPactBytes
        configuration.caCertificateFile = caCertificateFile
        configuration.disableTLSVerification = disableTLSVerification
    }

    private func baseURL() throws -> URL {
        if let providerBaseURL {
            if hostname != nil || port != nil {
                throw ValidationError("give either --provider-base-url or --hostname/--port, not both")
            }
            guard let url = URL(string: providerBaseURL), url.host != nil else {
                throw ValidationError("--provider-base-url '\(providerBaseURL)' is not a URL with a host")
            }
            return url
        }
        guard let port else { throw ValidationError("give the provider with --provider-base-url or --port (and --hostname)") }
        guard (1...65535).contains(port) else { throw ValidationError("--port must be in 1...65535") }
        var components = URLComponents()
        components.scheme = scheme.rawValue
        components.host = hostname ?? "localhost"
        components.port = port
        guard let url = components.url else { throw ValidationError("--hostname '\(hostname ?? "")' makes no valid URL") }
        return url
    }

    private static func header(_ text: String) throws -> (name: String, value: String) {
        guard let equals = text.firstIndex(of: "=") else {
            throw ValidationError("--header '\(text)' must have the form NAME=VALUE")
        }
        let name = text[..<equals].trimmingCharacters(in: .whitespaces)
        let value = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        let token = CharacterSet(charactersIn: "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        guard !name.isEmpty, name.unicodeScalars.allSatisfy(token.contains) else {
            throw ValidationError("--header '\(text)': '\(name)' is not a valid header name")
        }
        return (name, value)
    }

    /// The provider pact files and URLs must be for (others are skipped); the broker chooses its pacts itself.
    private func providerName(environment: [String: String]) throws -> String? {
        guard let provider = broker.provider, !fromBroker(environment: environment) else { return nil }
        if provider.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--provider must not be blank") }
        return provider
    }

    /// Options win; the pact-reference environment variables fill in what is not given.
    private func filter(environment: [String: String]) throws -> InteractionFilter {
        let description = filterDescription ?? environment["PACT_DESCRIPTION"].flatMap { $0.isEmpty ? nil : $0 }
        let state = filterState ?? environment["PACT_PROVIDER_STATE"].flatMap { $0.isEmpty ? nil : $0 }
        let noStateEnvironment = environment["PACT_PROVIDER_NO_STATE"].map { ["true", "1", "yes"].contains($0.lowercased()) } ?? false
        do {
            return try InteractionFilter(consumers: filterConsumers, description: description, state: state,
                                         noState: filterNoState || noStateEnvironment)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
