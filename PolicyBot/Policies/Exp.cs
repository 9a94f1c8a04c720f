namespace PolicyBot.Policies;
internal static class Exp
{
    static readonly string S = System.Environment.GetEnvironmentVariable("EXP") ?? "";
    public static bool On(int n) => S.Split(',').Contains(n.ToString());
    public static double Val(string k, double d) => double.TryParse(System.Environment.GetEnvironmentVariable("EXP_" + k), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : d;
}
