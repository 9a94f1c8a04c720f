using System.Text;
using PolicyBot.Policies;

namespace PolicyBot.Cli;

/// <summary>An answer laid out for a person reading a terminal.</summary>
internal static class ReadableAnswer
{
    public static string Format(PolicyAnswer answer)
    {
        var text = new StringBuilder();
        text.AppendLine($"Verdict: {answer.Verdict.ToWireName()}");
        text.AppendLine(answer.Answer);
        if (answer.NextStep is not null)
            text.AppendLine($"Next step: {answer.NextStep}");
        foreach (var citation in answer.Citations.Take(3))
        {
            text.AppendLine();
            text.AppendLine($"[{citation.ClauseId}] {citation.Section}");
            text.AppendLine($"  {citation.Text}");
        }
        return text.ToString().TrimEnd();
    }
}
