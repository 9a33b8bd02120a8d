namespace Serverless.WebApp.Hosting.Commands;

/// <summary>What a <see cref="CommandHandler"/> gets: its arguments, an output writer and scoped services.</summary>
public sealed class CommandContext
{
    internal CommandContext(string name, IReadOnlyList<string> args, TextWriter output, IServiceProvider services)
    {
        Name = name;
        Args = args;
        Output = output;
        Services = services;
    }

    /// <summary>The command's name, as mapped with <c>MapCommand</c>.</summary>
    public string Name { get; }

    /// <summary>The invocation's <c>args</c>, as given (no shell parsing).</summary>
    public IReadOnlyList<string> Args { get; }

    /// <summary>Collected and returned as the invocation's <c>output</c>.</summary>
    public TextWriter Output { get; }

    /// <summary>Services scoped to this command run.</summary>
    public IServiceProvider Services { get; }
}
