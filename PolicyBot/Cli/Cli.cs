using System.Text.Encodings.Web;
using System.Text.Json;
using PolicyBot.Policies;

namespace PolicyBot.Cli;

/// <summary>
/// Command-line verbs, dispatched from Program.cs before the web host is built (so nothing is logged to stdout):
/// <code>
/// ask --policies DIR --jsonl                       JSON lines {"id","school","question"} in, one answer line out
/// ask --policies DIR --school ID "question"        a readable answer
/// ask --school ID "question"                       the same, from the configured schools (Schools:Path)
/// clauses FILE                                     the clauses a policy file parses into
/// </code>
/// Hand-parsed: three verbs and four options do not need a parser library, and the contract stays obvious.
/// </summary>
public static class Cli
{
    public const int Ok = 0;
    public const int Usage = 2;

    static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static bool Handles(string[] args) => args is ["ask", ..] or ["clauses", ..];

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.In, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        CliArguments parsed;
        try
        {
            parsed = CliArguments.Parse(args);
        }
        catch (ArgumentException e)
        {
            await stderr.WriteLineAsync(e.Message);
            await stderr.WriteLineAsync(UsageText);
            return Usage;
        }
        return parsed.Verb switch
        {
            "clauses" => await ClausesAsync(parsed, stdout, stderr),
            _ => await AskAsync(parsed, stdin, stdout, stderr),
        };
    }

    const string UsageText = """
        usage:
          ask --policies DIR --jsonl                  reads {"id","school","question"} lines on stdin
          ask --policies DIR --school ID "question"   prints a readable answer
          ask [--schools DIR] --school ID "question"  answers from the configured schools
          clauses FILE                                lists the clauses a policy parses into
        """;

    static async Task<int> ClausesAsync(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Positional is not [var given] || ResolvePath(given) is not { } file || !File.Exists(file))
        {
            await stderr.WriteLineAsync("clauses: give one policy file that exists.");
            return Usage;
        }
        var document = PolicyDocument.Load(file);
        foreach (var clause in document.Clauses)
            await stdout.WriteLineAsync($"[{clause.Id}] ({clause.Section}) {clause.Text}");
        return Ok;
    }

    static async Task<int> AskAsync(CliArguments args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        PolicyLibrary library;
        try
        {
            library = args.Policies is not null
                ? PolicyLibrary.FromFolder(ResolvePath(args.Policies))
                : Schools.SchoolDirectory.Load(args.Schools is null ? Schools.SchoolsOptions.DefaultPath : ResolvePath(args.Schools)).BuildPolicyLibrary();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Schools.SchoolConfigurationException)
        {
            await stderr.WriteLineAsync($"ask: {e.Message}");
            return Usage;
        }

        if (args.JsonLines)
            return await AskJsonLinesAsync(library, stdin, stdout, stderr);

        if (args.School is null || args.Positional.Count == 0)
        {
            await stderr.WriteLineAsync("ask: give --school ID and a question (or --jsonl).");
            await stderr.WriteLineAsync(UsageText);
            return Usage;
        }
        if (!library.TryGet(args.School, out var index))
        {
            await stderr.WriteLineAsync($"ask: no policy for school '{args.School}'. Known: {string.Join(", ", library.SchoolIds.Order())}");
            return Usage;
        }
        var question = string.Join(' ', args.Positional);
        var answer = PolicyAnswerer.Answer(index, question);
        await stdout.WriteLineAsync(ReadableAnswer.Format(answer));
        if (args.Explain)
            await stdout.WriteLineAsync(PolicyAnswerer.Explain(index, question));
        return Ok;
    }

    /// <summary>
    /// A relative path as the user meant it. `dotnet run --project PolicyBot` starts the app in the project folder,
    /// so "../shared/policies" typed at the repository root is found through the shell's directory ($PWD).
    /// </summary>
    internal static string ResolvePath(string path)
    {
        if (Path.IsPathRooted(path) || Directory.Exists(path) || File.Exists(path))
            return path;
        if (Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } shell)
        {
            var fromShell = Path.GetFullPath(Path.Combine(shell, path));
            if (Directory.Exists(fromShell) || File.Exists(fromShell))
                return fromShell;
        }
        return path;
    }

    static async Task<int> AskJsonLinesAsync(PolicyLibrary library, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var lineNumber = 0;
        while (await stdin.ReadLineAsync() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            string? id, school, question;
            try
            {
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.ValueKind != JsonValueKind.Object)
                    throw new JsonException("expected an object");
                id = Text(json.RootElement, "id");
                school = Text(json.RootElement, "school");
                question = Text(json.RootElement, "question");
            }
            catch (JsonException e)
            {
                await stderr.WriteLineAsync($"line {lineNumber}: not a JSON object ({e.Message})");
                continue;
            }
            if (id is null)
            {
                await stderr.WriteLineAsync($"line {lineNumber}: missing \"id\"");
                continue;
            }
            string output;
            if (school is null || !library.TryGet(school, out var index))
            {
                output = JsonSerializer.Serialize(new ErrorLine(id, $"no policy for school '{school}'"), Json);
            }
            else
            {
                var answer = PolicyAnswerer.Answer(index, question);
                output = JsonSerializer.Serialize(new AnswerLine(
                    id,
                    answer.Verdict.ToWireName(),
                    answer.Citations.Select(c => new CitationLine(c.ClauseId, c.Text)).ToList(),
                    answer.Answer), Json);
            }
            await stdout.WriteLineAsync(output);
        }
        await stdout.FlushAsync();
        return Ok;
    }

    static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    sealed record CitationLine(string Clause, string Text);

    sealed record AnswerLine(string Id, string Verdict, IReadOnlyList<CitationLine> Citations, string Answer);

    sealed record ErrorLine(string Id, string Error);
}
