using Serverless.WebApp.Constructs.KeepWarming;
using static Serverless.WebApp.Constructs.Validation.ValueRules;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>The props of the <see cref="KeepWarm"/> sub-construct.</summary>
internal static class KeepWarmPropsChecks
{
    private const string Owner = nameof(KeepWarmProps);

    public static void Check(Findings findings, KeepWarmProps props)
    {
        Required(findings, props.Alias, $"{Owner}.{nameof(props.Alias)}", "the web function's live alias");
        var rate = $"{Owner}.{nameof(props.Rate)}";
        if (WholeSeconds(findings, props.Rate, rate) is { } seconds)
        {
            if (seconds % 60 != 0) findings.Error(rate, $"must be whole minutes (got {seconds} s)");
            else InRange(findings, seconds / 60, 1, 60, rate, "minutes");
        }
        TargetRetry(findings, props.RetryAttempts, props.MaxEventAge, Owner);
        KeyRules.Check(findings, props.EncryptionKey, $"{Owner}.{nameof(props.EncryptionKey)}");
    }
}
