using Constructs;
using Serverless.WebApp.Constructs.Functions;

namespace Serverless.WebApp.Constructs.Commands;

/// <summary>One <see cref="ManagementCommand"/> output per command of <see cref="ServerlessWebAppProps.ManagementCommands"/>, on the web alias.</summary>
internal static class ManagementCommandsBuilder
{
    public static IReadOnlyList<ManagementCommand> Build(Construct scope, ServerlessWebAppProps props, FunctionParts web) =>
        ManagementCommandDefaults.Commands(props)
            .Select(command => new ManagementCommand(scope, $"Command-{command}", new ManagementCommandProps { Alias = web.Alias, Command = command }))
            .ToList();
}
