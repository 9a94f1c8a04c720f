using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace PolicyBot.Graph;

/// <summary>
/// The reference a notification points at, e.g. <c>INC-2026-0042</c> or <c>SR-2026-0007</c>: an uppercase prefix and
/// one to three dash-separated parts of letters and digits. Notifications carry references, never details, so the
/// shape leaves no room for words.
/// </summary>
public readonly partial record struct NotificationReference
{
    public const int MaxLength = 32;

    NotificationReference(string value) => Value = value;

    public string Value { get; }

    public static NotificationReference Parse(string value) =>
        TryParse(value, out var reference)
            ? reference
            : throw new ArgumentException(
                $"'{value}' is not a notification reference: expected an uppercase prefix and up to three parts of letters and digits, e.g. INC-2026-0042 (at most {MaxLength} characters).",
                nameof(value));

    public static bool TryParse([NotNullWhen(true)] string? value, out NotificationReference reference)
    {
        if (value is { Length: > 0 and <= MaxLength } && Shape().IsMatch(value))
        {
            reference = new NotificationReference(value);
            return true;
        }
        reference = default;
        return false;
    }

    public override string ToString() => Value ?? "";

    [GeneratedRegex("^[A-Z]{1,5}(-[A-Z0-9]{1,8}){1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
