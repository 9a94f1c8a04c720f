using System.Globalization;
using System.Text;

namespace PolicyBot.Storage.Tables;

/// <summary>Formats OData filter literals so that values can never change the shape of a filter.</summary>
static class TableQueryFilter
{
    public static string Create(FormattableString filter)
    {
        var arguments = filter.GetArguments().Select(FormatLiteral).ToArray();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, arguments);
    }

    public static string FormatLiteral(object? value) => value switch
    {
        null => "null",
        string text => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
        char c => "'" + (c == '\'' ? "''" : c.ToString()) + "'",
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture) + "L",
        double number => FormatDouble(number),
        DateTimeOffset time => "datetime'" + TableJson.FormatDateTime(time) + "'",
        DateTime time => "datetime'" + TableJson.FormatDateTime(new DateTimeOffset(DateTime.SpecifyKind(time, time.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : time.Kind))) + "'",
        Guid guid => "guid'" + guid.ToString("D") + "'",
        byte[] bytes => "X'" + Convert.ToHexString(bytes).ToLowerInvariant() + "'",
        Enum enumValue => "'" + enumValue.ToString().Replace("'", "''", StringComparison.Ordinal) + "'",
        _ => throw new ArgumentException($"A filter cannot hold a {value.GetType().Name}.", nameof(value)),
    };

    static string FormatDouble(double number)
    {
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>Escapes a key for the <c>Table(PartitionKey='…',RowKey='…')</c> address.</summary>
    public static string EscapeKeyForPath(string key)
    {
        var builder = new StringBuilder(key.Length + 8);
        builder.Append(Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal)));
        return builder.ToString();
    }
}
