namespace Serverless.WebApp.SynthBench.PublishModes;

/// <summary>Reads what a published bundle is: ELF machine of native files, ReadyToRun machine of assemblies, exec bits.</summary>
internal static class BundleInspector
{
    /// <summary>The ELF <c>e_machine</c> (0x3E x86-64, 0xB7 aarch64), or null when the file is not ELF.</summary>
    public static ushort? ElfMachine(string path)
    {
        if (!File.Exists(path)) return null;
        var header = new byte[20];
        using (var stream = File.OpenRead(path)) if (stream.Read(header, 0, header.Length) < header.Length) return null;
        if (header[0] != 0x7F || header[1] != (byte)'E' || header[2] != (byte)'L' || header[3] != (byte)'F') return null;
        return BitConverter.ToUInt16(header, 18);
    }

    /// <summary>
    /// The PE machine of a managed assembly. ReadyToRun code for Linux stores the target machine XOR 0x7B79
    /// (0xD11D = arm64, 0x7B79 ^ 0x8664 = 0xFD1D = x64); an IL-only assembly says 0x014C.
    /// </summary>
    public static ushort PeMachine(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var peOffset = BitConverter.ToInt32(bytes, 0x3C);
        return BitConverter.ToUInt16(bytes, peOffset + 4);
    }

    public static bool IsExecutable(string path) =>
        File.Exists(path) && !OperatingSystem.IsWindows() && File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute);

    public static long SizeOf(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
}
