// The raw HTTP connection comes from the shared test-support target, for every file of this target.
@_exported import TestSupport
