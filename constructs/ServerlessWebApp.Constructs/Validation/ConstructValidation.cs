using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>
/// The one validation mechanism of this library's constructs. A construct starts it first thing in its constructor,
/// runs its props checks (<see cref="Check{TProps}"/>) and builds nothing when they found an error. Every error and
/// warning lands in the construct tree as an annotation on the construct: <c>cdk synth</c> and <c>cdk deploy</c> list
/// every error of the whole app with its construct path, then fail; a warning carries an id it is acknowledged by
/// (<c>Annotations.Of(scope).AcknowledgeWarning(id, reason)</c>). Checks that need the finished construct tree (a VPC
/// endpoint added after the construct, say) run at synth through <c>Node.AddValidation</c>
/// (<see cref="AtSynth{TConstruct}"/>) and report the same way.
/// </summary>
/// <remarks>
/// Errors are annotations rather than strings returned from <c>IValidation.Validate</c>: CDK throws those from
/// <c>app.Synth()</c>, which in a .NET app is an unhandled exception with a .NET stack trace and exit code 134. The
/// construct also turns off CDK's JavaScript stack traces in its subtree (<c>aws:cdk:disable-stack-trace</c>): in a .NET
/// app they point into the jsii kernel, and the CDK CLI would print that location above every error.
/// </remarks>
internal sealed class ConstructValidation
{
    internal const string NoStackTraceContext = "aws:cdk:disable-stack-trace";

    private readonly Construct _construct;
    private Action<Findings>? _synthChecks;
    private IReadOnlyList<string> _errors = [];

    private ConstructValidation(Construct construct) => _construct = construct;

    /// <summary>Whether the checks found no error, so the construct was built.</summary>
    public bool IsValid { get; private set; }

    /// <summary>Starts validating <paramref name="construct"/>; call it before the construct has children.</summary>
    public static ConstructValidation Start(Construct construct)
    {
        construct.Node.SetContext(NoStackTraceContext, true);
        return new ConstructValidation(construct);
    }

    /// <summary>
    /// Runs every check over <paramref name="props"/>, writes what they found to the construct tree and returns whether
    /// the construct may be built (no error). A missing props object is itself an error.
    /// </summary>
    public bool Check<TProps>(TProps? props, IEnumerable<PropsCheck<TProps>> checks) where TProps : class
    {
        var findings = new Findings();
        if (props is null) findings.Error(typeof(TProps).Name, "is required; allowed: a props object");
        else foreach (var check in checks) check(findings, props);
        _errors = findings.Errors;
        Report(findings);
        return IsValid = !findings.HasErrors;
    }

    /// <summary><paramref name="value"/> when the construct was built; otherwise throws <see cref="NotBuilt"/>.</summary>
    public T Built<T>(T value) => IsValid ? value : throw NotBuilt();

    /// <summary>Runs <paramref name="checks"/> over the built construct when the app is synthesized, after every construct has been added.</summary>
    public void AtSynth<TConstruct>(TConstruct construct, IReadOnlyList<SynthCheck<TConstruct>> checks)
    {
        if (checks.Count == 0) return;
        if (_synthChecks is null) _construct.Node.AddValidation(new SynthChecks(this));
        _synthChecks += findings =>
        {
            foreach (var check in checks) check(findings, construct);
        };
    }

    /// <summary>
    /// What a member of a construct that was not built throws: the construct's errors, so a CDK app that reads them
    /// before synth still learns every problem of this construct at once.
    /// </summary>
    public InvalidOperationException NotBuilt() => new(
        $"{_construct.GetType().Name} '{_construct.Node.Path}' was not built because its props are invalid:" +
        string.Concat(_errors.Select(error => $"{System.Environment.NewLine}  - {error}")));

    private void Report(Findings findings)
    {
        if (findings.Errors.Count == 0 && findings.Warnings.Count == 0) return;
        var annotations = Annotations.Of(_construct);
        foreach (var error in findings.Errors) annotations.AddError(error);
        foreach (var (id, message) in findings.Warnings) annotations.AddWarningV2(id, message);
    }

    /// <summary>The construct's synth-time checks, as CDK calls them while it validates the tree.</summary>
    private sealed class SynthChecks(ConstructValidation validation) : DeputyBase, IValidation
    {
        public string[] Validate()
        {
            var findings = new Findings();
            validation._synthChecks?.Invoke(findings);
            validation.Report(findings);
            return [];
        }
    }
}
