namespace Serverless.WebApp.Hosting.Commands;

/// <summary>Runs one management command and returns its exit code (0 = success). Write output to <see cref="CommandContext.Output"/>.</summary>
public delegate Task<int> CommandHandler(CommandContext context, CancellationToken cancellationToken);
