/// The fixed values the real service's state hooks write (SPEC.md §5.3), which consumer pacts' examples assume.
public enum ProviderStateFixtures {
    /// The Sirius LPA of "the activation key X exists".
    public static let siriusLpa = "700000000001"
    /// The Sirius actor of "the activation key X exists".
    public static let siriusActor = "700000000002"
    /// The date of birth of every fixture activation code.
    public static let dob = "1959-08-10"
    /// The LPA-store LPA of "… exists for an actor with a paper verification code".
    public static let lpaStoreLpa = "M-1234-1234-1234"
    /// The actor of "… exists for an actor with a paper verification code".
    public static let lpaStoreActor = "74673c83-05ba-4886-beb1-daaa36fb7984"
    /// The paper verification code that actor holds.
    public static let lpaStoreActorPaperCode = "P-9876-9876-9876-98"
    /// The LPA of "the paper verification code X …".
    public static let paperLpa = "M-7890-0400-4000"
    /// The actor of "the paper verification code X …".
    public static let paperActor = "ce118b6e-d8e1-11e7-9296-cec278b6b50a"
}
