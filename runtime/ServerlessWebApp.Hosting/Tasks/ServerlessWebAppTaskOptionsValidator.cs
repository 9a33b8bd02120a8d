using Microsoft.Extensions.Options;

namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>Rejects task settings that cannot work, naming the property and its allowed values.</summary>
internal sealed class ServerlessWebAppTaskOptionsValidator : IValidateOptions<ServerlessWebAppTaskOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerlessWebAppTaskOptions options)
    {
        var errors = new List<string>();
        if (options.MaxMessageBytes is < 1024 or > 256 * 1024)
        {
            errors.Add($"ServerlessWebAppTaskOptions.MaxMessageBytes is {options.MaxMessageBytes}; allowed: 1024 to 262144 (SQS's limit).");
        }
        if (options.StatusTimeToLive <= TimeSpan.Zero)
        {
            errors.Add($"ServerlessWebAppTaskOptions.StatusTimeToLive is {options.StatusTimeToLive}; it must be positive.");
        }
        if (options.DeadlineMargin < TimeSpan.Zero || options.DeadlineMargin > TimeSpan.FromMinutes(5))
        {
            errors.Add($"ServerlessWebAppTaskOptions.DeadlineMargin is {options.DeadlineMargin}; allowed: 0 to 5 minutes.");
        }
        if (options.LocalMaxReceiveCount is < 1 or > 1000)
        {
            errors.Add($"ServerlessWebAppTaskOptions.LocalMaxReceiveCount is {options.LocalMaxReceiveCount}; allowed: 1 to 1000 (as SQS's maxReceiveCount).");
        }
        if (options.LocalConcurrency is < 1 or > 64)
        {
            errors.Add($"ServerlessWebAppTaskOptions.LocalConcurrency is {options.LocalConcurrency}; allowed: 1 to 64.");
        }
        if (options.LocalRetryDelay < TimeSpan.Zero)
        {
            errors.Add($"ServerlessWebAppTaskOptions.LocalRetryDelay is {options.LocalRetryDelay}; it must not be negative.");
        }
        if (options.LocalPollInterval <= TimeSpan.Zero)
        {
            errors.Add($"ServerlessWebAppTaskOptions.LocalPollInterval is {options.LocalPollInterval}; it must be positive.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
