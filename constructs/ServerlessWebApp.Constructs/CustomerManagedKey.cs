using Amazon.CDK.AWS.KMS;

namespace Serverless.WebApp.Constructs;

/// <summary>
/// The customer-managed AWS KMS key of <see cref="ServerlessWebAppDataProtectionProps.EncryptionKey"/>: one key the construct
/// creates (<see cref="Create"/>, or simply <c>EncryptionKey = true</c>), or the platform team's key
/// (<see cref="Use"/>).
/// </summary>
public sealed class CustomerManagedKey
{
    private CustomerManagedKey(IKey? supplied) => Supplied = supplied;

    /// <summary>The platform team's key, or null when the construct creates one.</summary>
    public IKey? Supplied { get; }

    /// <summary>
    /// One key created by the construct, rotated yearly, retained when the stack is deleted. AWS KMS charges $1 per
    /// month for it, plus $1 per month for each of its first two rotations ($2 in its second year, $3 from its third
    /// on), and $0.03 per 10,000 requests.
    /// </summary>
    public static CustomerManagedKey Create() => new(null);

    /// <summary>
    /// The platform team's key. The construct cannot change its key policy: a synth warning lists the statements
    /// CloudWatch Logs and EventBridge need in it.
    /// </summary>
    public static CustomerManagedKey Use(IKey key) => new(key ?? throw new ArgumentNullException(nameof(key)));

    /// <summary><c>true</c>: <see cref="Create"/>; <c>false</c>: no customer-managed key.</summary>
    public static implicit operator CustomerManagedKey?(bool create) => create ? Create() : null;
}
