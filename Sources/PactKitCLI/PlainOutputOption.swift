/// A command with `--no-colour`/`--no-color`: with it, nothing the command prints is coloured.
protocol PlainOutputOption {
    var noColour: Bool { get }
}

extension VerifyCommand: PlainOutputOption {}
extension PublishCommand: PlainOutputOption { var noColour: Bool { broker.noColour } }
extension CanIDeployCommand: PlainOutputOption { var noColour: Bool { broker.noColour } }
extension RecordDeploymentCommand: PlainOutputOption { var noColour: Bool { broker.noColour } }
extension RecordReleaseCommand: PlainOutputOption { var noColour: Bool { broker.noColour } }
extension RecordUndeploymentCommand: PlainOutputOption { var noColour: Bool { broker.noColour } }
extension CreateVersionTagCommand: PlainOutputOption { var noColour: Bool { broker.noColour } }
