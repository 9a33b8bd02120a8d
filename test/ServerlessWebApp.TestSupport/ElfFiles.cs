namespace Serverless.WebApp.TestSupport;

/// <summary>Tells a native Linux executable (ELF) from a script or a managed assembly by its first four bytes.</summary>
public static class ElfFiles
{
    public static bool HasElfMagic(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.Read(magic) == 4 && magic.SequenceEqual("\u007fELF"u8);
    }
}
