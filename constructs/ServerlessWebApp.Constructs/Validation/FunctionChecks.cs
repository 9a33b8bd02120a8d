using System.Text.RegularExpressions;
using Serverless.WebApp.Constructs.FrontDoor;

namespace Serverless.WebApp.Constructs.Validation;

/// <summary>The function settings: memory, timeout, <c>/tmp</c>, environment, secrets and concurrency.</summary>
internal static partial class FunctionChecks
{
    public const int MinMemory = 128, MaxMemory = 10240;
    public const int MinTimeoutSeconds = 1, MaxTimeoutSeconds = 900;
    public const int MinEphemeralMebibytes = 512, MaxEphemeralMebibytes = 10240;
    private static readonly string[] ReservedPrefixes = ["AWS_", "LAMBDA_", "SWA_"];
    private static readonly string[] ReservedNames = ["_HANDLER", "_X_AMZN_TRACE_ID", "TZ"];

    public static void Check(Findings findings, ServerlessWebAppProps props)
    {
        if (props.MemorySize is { } memory && !IsMemorySize(memory))
            findings.Error(nameof(props.MemorySize), $"{memory} is out of range; allowed: whole MB from {MinMemory} to {MaxMemory}");

        var frontDoor = FrontDoorDefaults.Kind(props);
        var maxTimeout = Math.Min(MaxTimeoutSeconds, FrontDoorDefaults.MaxTimeoutSeconds(frontDoor));
        if (props.Timeout is { } timeout)
        {
            var ms = timeout.ToMilliseconds();
            if (ms < MinTimeoutSeconds * 1000 || ms > MaxTimeoutSeconds * 1000 || ms % 1000 != 0)
                findings.Error(nameof(props.Timeout), $"{timeout.ToHumanString()} is out of range; allowed: whole seconds from {MinTimeoutSeconds} to {MaxTimeoutSeconds}");
            else if (ms > maxTimeout * 1000)
                findings.Error(nameof(props.Timeout), $"{timeout.ToHumanString()} is longer than a {frontDoor} waits; allowed: {MinTimeoutSeconds} to {maxTimeout} seconds with FrontDoor {frontDoor} (use FrontDoor FunctionUrl or None, or tasks, for longer work)");
        }

        if (props.EphemeralStorageSize is { } storage)
        {
            var mib = storage.ToMebibytes();
            if (mib < MinEphemeralMebibytes || mib > MaxEphemeralMebibytes)
                findings.Error(nameof(props.EphemeralStorageSize), $"{mib} MB is out of range; allowed: {MinEphemeralMebibytes} to {MaxEphemeralMebibytes} MB");
        }

        foreach (var name in props.Environment?.Keys ?? Enumerable.Empty<string>())
            CheckVariableName(findings, nameof(props.Environment), name);
        foreach (var (key, reference) in props.Secrets ?? new Dictionary<string, SecretReference>())
        {
            if (!ConfigurationKey().IsMatch(key))
                findings.Error(nameof(props.Secrets), $"key '{key}' is invalid; allowed: a configuration key such as Db:Password (sections of letters, digits, '.', '_' and '-', separated by ':')");
            if (reference is null) findings.Error(nameof(props.Secrets), $"'{key}' has no reference; allowed: SecretReference.FromSsmParameter(...) or SecretReference.FromSecretsManager(...)");
        }
        if (props.Secrets?.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            findings.Error(nameof(props.Secrets), $"names the key '{twice.Key}' twice (configuration keys ignore case); allowed: each key once");

        if (props.ReservedConcurrentExecutions is { } reserved && (reserved < 0 || reserved % 1 != 0))
            findings.Error(nameof(props.ReservedConcurrentExecutions), $"{reserved} is invalid; allowed: a whole number, 0 or more");
        if (props.ProvisionedConcurrentExecutions is { } provisioned)
        {
            if (provisioned < 1 || provisioned % 1 != 0)
                findings.Error(nameof(props.ProvisionedConcurrentExecutions), $"{provisioned} is invalid; allowed: a whole number, 1 or more (omit it for none)");
            else if (props.ReservedConcurrentExecutions is { } cap && provisioned > cap)
                findings.Error(nameof(props.ProvisionedConcurrentExecutions), $"{provisioned} exceeds ReservedConcurrentExecutions {cap}; allowed: 1 to {cap}");
        }
    }

    /// <summary>Whole MB from 128 to 10240, as Lambda accepts for any function of the app.</summary>
    public static bool IsMemorySize(double memory) => memory >= MinMemory && memory <= MaxMemory && memory % 1 == 0;

    private static void CheckVariableName(Findings findings, string property, string name)
    {
        if (!VariableName().IsMatch(name))
            findings.Error(property, $"name '{name}' is invalid; allowed: a letter followed by letters, digits and '_'");
        var reserved = ReservedPrefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        if (reserved is not null || ReservedNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            findings.Error(property, $"name '{name}' is reserved by Lambda or this construct; allowed: names not starting with {string.Join(", ", ReservedPrefixes)} and none of {string.Join(", ", ReservedNames)}");
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();

    [GeneratedRegex(Serverless.WebApp.Contract.SwaNames.ConfigurationKeyPattern)]
    private static partial Regex ConfigurationKey();
}
