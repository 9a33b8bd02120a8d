using System.Buffers;

namespace Serverless.WebApp.Hosting.Buffers;

/// <summary>
/// Byte arrays for event and response data: small ones from <see cref="ArrayPool{T}.Shared"/>, large ones allocated
/// outright and left to the GC. The shared pool keeps what it is given (it caches arrays up to 1 GiB), so returning
/// one large event's buffers to it would keep them resident for the life of the process — at 128 MB that matters.
/// </summary>
internal static class LargeArrays
{
    /// <summary>Arrays up to this length are pooled; longer ones are not.</summary>
    public const int MaxPooledLength = 1024 * 1024;

    public static byte[] Rent(int minimumLength) =>
        minimumLength <= MaxPooledLength ? ArrayPool<byte>.Shared.Rent(minimumLength) : GC.AllocateUninitializedArray<byte>(minimumLength);

    public static void Return(byte[] array)
    {
        if (array.Length > 0 && array.Length <= MaxPooledLength) ArrayPool<byte>.Shared.Return(array);
    }
}
