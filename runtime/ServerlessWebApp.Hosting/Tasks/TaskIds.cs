using System.Security.Cryptography;
using System.Text;

namespace Serverless.WebApp.Hosting.Tasks;

/// <summary>Task ids: 32 lower-case hex characters, random or derived from a deduplication key.</summary>
internal static class TaskIds
{
    public static string New() => Guid.CreateVersion7().ToString("N");

    /// <summary>The same <paramref name="taskName"/> and <paramref name="key"/> always give the same id.</summary>
    public static string FromKey(string scope, string taskName, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{scope}\n{taskName}\n{key}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
