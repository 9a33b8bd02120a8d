using System.Text;
using System.Text.RegularExpressions;

namespace Serverless.WebApp.Constructs.Bundling;

/// <summary>
/// What the source hash leaves out of a project folder: what builds and tools leave behind (<c>bin/</c>, <c>obj/</c>,
/// <c>artifacts/</c>, <c>cdk.out/</c>, <c>node_modules/</c>, <c>TestResults/</c>, folders starting with a dot such as
/// <c>.git/</c> and <c>.vs/</c>, and <c>*.db*</c> files such as a local SQLite database and its journals), plus
/// whatever the <c>.gitignore</c> files of the project folder and the folders above it (up to the repository root)
/// ignore. A local run, build or test therefore never changes the hash.
/// </summary>
internal sealed class SourceIgnoreRules
{
    private static readonly HashSet<string> ToolFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", "artifacts", "cdk.out", "node_modules", "TestResults",
    };

    private readonly IReadOnlyList<GitIgnoreFile> _gitIgnores;

    private SourceIgnoreRules(IReadOnlyList<GitIgnoreFile> gitIgnores) => _gitIgnores = gitIgnores;

    /// <summary>The rules for <paramref name="projectDirectory"/>: its <c>.gitignore</c> and those above it, outermost first.</summary>
    public static SourceIgnoreRules For(string projectDirectory)
    {
        var files = new List<GitIgnoreFile>();
        for (var dir = new DirectoryInfo(projectDirectory); dir is not null; dir = dir.Parent)
        {
            var gitIgnore = Path.Combine(dir.FullName, ".gitignore");
            if (File.Exists(gitIgnore)) files.Insert(0, GitIgnoreFile.Load(gitIgnore));
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git"))) break;
        }
        return new SourceIgnoreRules(files);
    }

    public bool IgnoresDirectory(string path)
    {
        var name = Path.GetFileName(path);
        return ToolFolders.Contains(name) || name.StartsWith('.') || IgnoredByGit(path, isDirectory: true);
    }

    public bool IgnoresFile(string path) =>
        Path.GetFileName(path).Contains(".db", StringComparison.OrdinalIgnoreCase) || IgnoredByGit(path, isDirectory: false);

    /// <summary>As git decides: the last matching pattern wins, a <c>!</c> pattern re-includes.</summary>
    private bool IgnoredByGit(string path, bool isDirectory)
    {
        var ignored = false;
        foreach (var file in _gitIgnores)
        {
            if (file.Matches(path, isDirectory) is { } decision) ignored = decision;
        }
        return ignored;
    }

    /// <summary>One <c>.gitignore</c>: its patterns, relative to its folder.</summary>
    private sealed class GitIgnoreFile(string baseDirectory, IReadOnlyList<GitIgnorePattern> patterns)
    {
        public static GitIgnoreFile Load(string path) => new(
            Path.GetDirectoryName(path)!,
            File.ReadAllLines(path).Select(GitIgnorePattern.Parse).OfType<GitIgnorePattern>().ToList());

        /// <summary>True (ignored), false (re-included) or null (no pattern matches).</summary>
        public bool? Matches(string path, bool isDirectory)
        {
            var relative = Path.GetRelativePath(baseDirectory, path).Replace('\\', '/');
            if (relative.StartsWith("../", StringComparison.Ordinal) || relative == "..") return null;
            bool? decision = null;
            foreach (var pattern in patterns)
            {
                if (pattern.Matches(relative, isDirectory)) decision = !pattern.Negated;
            }
            return decision;
        }
    }

    /// <summary>One line of a <c>.gitignore</c> (gitignore(5)): <c>*</c>, <c>?</c>, <c>[...]</c>, <c>**</c>, a leading or
    /// inner <c>/</c> anchors it to the file's folder, a trailing <c>/</c> matches folders only, <c>!</c> negates.</summary>
    private sealed class GitIgnorePattern(Regex regex, bool negated, bool directoryOnly)
    {
        public bool Negated { get; } = negated;

        public static GitIgnorePattern? Parse(string line)
        {
            var text = line.TrimEnd();
            if (text.Length == 0 || text.StartsWith('#')) return null;
            var negated = text.StartsWith('!');
            if (negated) text = text[1..];
            var directoryOnly = text.EndsWith('/');
            text = text.TrimEnd('/');
            if (text.Length == 0) return null;
            var anchored = text.Contains('/');
            text = text.TrimStart('/');
            var pattern = (anchored ? "^" : "^(?:.*/)?") + Glob(text) + "$";
            return new GitIgnorePattern(new Regex(pattern, RegexOptions.CultureInvariant), negated, directoryOnly);
        }

        public bool Matches(string relativePath, bool isDirectory) => (isDirectory || !directoryOnly) && regex.IsMatch(relativePath);

        private static string Glob(string glob)
        {
            var regex = new StringBuilder();
            for (var i = 0; i < glob.Length; i++)
            {
                var c = glob[i];
                if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
                {
                    var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                    regex.Append(slash ? "(?:.*/)?" : ".*");
                    i += slash ? 2 : 1;
                }
                else if (c == '*') regex.Append("[^/]*");
                else if (c == '?') regex.Append("[^/]");
                else if (c == '[' && glob.IndexOf(']', i + 1) is var close and > 0)
                {
                    regex.Append('[').Append(glob[(i + 1)..close].Replace("\\", "\\\\").Replace('!', '^')).Append(']');
                    i = close;
                }
                else regex.Append(Regex.Escape(c.ToString()));
            }
            return regex.ToString();
        }
    }
}
