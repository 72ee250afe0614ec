// PactOpenAPI: pacts checked against a provider's OpenAPI document (bi-directional contract testing).
// Schema/ validates JSON values against JSON Schema as OpenAPI uses it; Document/ reads Swagger 2.0 and OpenAPI 3.x
// documents, YAML or JSON, into `OpenAPIDocument`, the model the comparator works on; Routing/ matches request paths
// to path templates; Comparison/ checks each HTTP interaction of a pact against the document (`OpenAPIComparator`).
