namespace PolicyBot.Policies;

/// <summary>What the policy says about the question, read from the cited clause's own wording.</summary>
public enum Verdict
{
    Yes,
    No,
    AskFirst,
    Report,
    Caution,
    NotCovered,
}

public static class VerdictNames
{
    /// <summary>The wire name used by the CLI and stored answers: yes, no, ask_first, report, caution, not_covered.</summary>
    public static string ToWireName(this Verdict verdict) => verdict switch
    {
        Verdict.Yes => "yes",
        Verdict.No => "no",
        Verdict.AskFirst => "ask_first",
        Verdict.Report => "report",
        Verdict.Caution => "caution",
        _ => "not_covered",
    };

    public static bool TryParse(string? name, out Verdict verdict)
    {
        foreach (var v in Enum.GetValues<Verdict>())
        {
            if (string.Equals(v.ToWireName(), name, StringComparison.OrdinalIgnoreCase))
            {
                verdict = v;
                return true;
            }
        }
        verdict = Verdict.NotCovered;
        return false;
    }
}
