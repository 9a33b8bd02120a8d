using Amazon.CDK.AWS.Lambda;
using Serverless.WebApp.Constructs;

namespace Serverless.WebApp.SynthBench.PublishModes;

/// <summary>One publish mode and architecture, with the runtime and handler the template must carry.</summary>
internal sealed record ModeCase(PublishMode Mode, Architecture Architecture, string Runtime, string Handler)
{
    public string ArchitectureName => Architecture.Name;

    /// <summary>The ELF machine name <c>file</c>-style checks expect for native files of this architecture.</summary>
    public ushort ElfMachine => Architecture.Name == Architecture.ARM_64.Name ? (ushort)0xB7 : (ushort)0x3E;

    public override string ToString() => $"{Mode}/{Architecture.Name}";
}
