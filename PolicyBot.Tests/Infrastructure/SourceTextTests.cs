namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// A regex written through a script as "\b" in a string that was not raw arrives as a backspace character: the pattern
/// still compiles, but that part of it never matches anything a person types. No source file holds control characters.
/// </summary>
public sealed class SourceTextTests
{
    public static IEnumerable<object[]> SourceFolders() => [["PolicyBot"], ["PolicyBot.Cards"]];

    [Theory]
    [MemberData(nameof(SourceFolders))]
    public void Source_files_hold_no_control_characters(string folder)
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, folder), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f))
            .ToList();

        offenders.Should().BeEmpty("a control character in a pattern matches nothing staff type");
    }
}
